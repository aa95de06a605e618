#include "core/space/deliveryhealth.h"

#include <QCoreApplication>

namespace cotal::space {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("cotal::space::DeliveryHealth", text);
}

// `reason` is marked with QT_TRANSLATE_NOOP at the call, so lupdate extracts it.
DeliveryHealth make(DeliveryHealth::State state, const char *reason)
{
    return DeliveryHealth{state, tr(reason)};
}

} // namespace

DeliveryHealth DeliveryHealth::evaluate(LeaseReadOutcome lease, bool joined,
                                        wire::DeliveryClass effectiveClass, bool inDurableMirror)
{
    if (lease == LeaseReadOutcome::Failed) {
        return make(State::None,
                    QT_TRANSLATE_NOOP("cotal::space::DeliveryHealth",
                                      "the delivery lease cannot be read (no delivery bucket or no "
                                      "read grant), so durable delivery is not reported"));
    }
    if (!joined)
        return make(State::None, QT_TRANSLATE_NOOP("cotal::space::DeliveryHealth", "not joined"));
    if (effectiveClass != wire::DeliveryClass::Durable)
        return make(State::None,
                    QT_TRANSLATE_NOOP("cotal::space::DeliveryHealth",
                                      "live channel: no durable backstop is expected"));
    switch (lease) {
    case LeaseReadOutcome::Absent:
        return make(State::Degraded, QT_TRANSLATE_NOOP("cotal::space::DeliveryHealth",
                                                       "no delivery daemon holds the lease"));
    case LeaseReadOutcome::NotReady:
        return make(State::Degraded,
                    QT_TRANSLATE_NOOP("cotal::space::DeliveryHealth",
                                      "the delivery daemon is starting (lease not ready)"));
    case LeaseReadOutcome::Ready:
    case LeaseReadOutcome::Failed:
        break;
    }
    if (!inDurableMirror) {
        return make(State::Degraded,
                    QT_TRANSLATE_NOOP("cotal::space::DeliveryHealth",
                                      "no established durable membership: the join is still "
                                      "reconciling or came back not durable"));
    }
    return make(
        State::Active,
        QT_TRANSLATE_NOOP("cotal::space::DeliveryHealth",
                          "the delivery daemon is ready and the membership is established"));
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
