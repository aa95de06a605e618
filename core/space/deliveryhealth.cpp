#include "core/space/deliveryhealth.h"

#include <QCoreApplication>

namespace cotal::space {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("cotal::space::DeliveryHealth", text);
}

DeliveryHealth make(DeliveryHealth::State state, const char *reason)
{
    return DeliveryHealth{state, tr(reason)};
}

} // namespace

DeliveryHealth DeliveryHealth::evaluate(LeaseReadOutcome lease, bool joined,
                                        wire::DeliveryClass effectiveClass, bool inDurableMirror)
{
    if (lease == LeaseReadOutcome::Failed) {
        return make(State::None, "the delivery lease cannot be read (no delivery bucket or no "
                                 "read grant), so durable delivery is not reported");
    }
    if (!joined)
        return make(State::None, "not joined");
    if (effectiveClass != wire::DeliveryClass::Durable)
        return make(State::None, "live channel: no durable backstop is expected");
    switch (lease) {
    case LeaseReadOutcome::Absent:
        return make(State::Degraded, "no delivery daemon holds the lease");
    case LeaseReadOutcome::NotReady:
        return make(State::Degraded, "the delivery daemon is starting (lease not ready)");
    case LeaseReadOutcome::Ready:
    case LeaseReadOutcome::Failed:
        break;
    }
    if (!inDurableMirror) {
        return make(State::Degraded, "no established durable membership: the join is still "
                                     "reconciling or came back not durable");
    }
    return make(State::Active, "the delivery daemon is ready and the membership is established");
}

QString DeliveryHealth::label(State state)
{
    switch (state) {
    case State::Active:
        return tr("durable backstop active");
    case State::Degraded:
        return tr("durable backstop unavailable — live messages still arrive; offline replay is "
                  "at risk after backlog cap");
    case State::None:
        break;
    }
    return {};
}

} // namespace cotal::space
