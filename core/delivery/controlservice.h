#pragma once

#include "core/nats/natsconnection.h"
#include "core/wire/control.h"

#include <QFuture>
#include <QHash>
#include <QObject>
#include <deque>
#include <functional>
#include <memory>

namespace cotal::delivery {

struct DaemonContext;
class FanoutWriter;

// The `ctl.delivery` responder (delivery.md §6, wire.md §8.2) and the membership authority
// behind it (§5, §7). Guards in the reference's order: boundReply (a reply aimed anywhere but
// `<request subject>.reply.…` gets no answer at all), JSON decode, `from.id` equal to the
// subject's sender, then the op. Joins and leaves of one (channel, owner) run one at a time.
class ControlService final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ControlService)

public:
    ControlService(DaemonContext *context, FanoutWriter *fanout, QObject *parent = nullptr);
    ~ControlService() override;

    // (Re)subscribes `cotal.<S>.ctl.delivery.*` in queue group `delivery`, dropping any previous
    // subscription; finishes when the server confirmed it.
    QFuture<nats::NatsError> bind();
    void stop();

    // durableJoinFor (delivery.md §7), exposed for the daemon's tests of the activation path.
    QFuture<wire::ControlReply> durableJoinFor(const QString &owner, const QString &channel);

private:
    void handle(const QList<nats::NatsMessage> &batch);
    void serve(const nats::NatsMessage &message);
    QFuture<wire::ControlReply> dispatch(const QString &caller,
                                         const wire::ControlRequest &request);
    QFuture<wire::ControlReply> durableJoin(const QString &caller, const wire::JsonObject &args);
    QFuture<wire::ControlReply> durableLeave(const QString &caller, const wire::JsonObject &args);
    QFuture<wire::ControlReply> listMemberships(const QString &caller);
    // Runs `work` after every earlier job of the same member key finished.
    QFuture<wire::ControlReply> serialized(const QString &key,
                                           std::function<QFuture<wire::ControlReply>()> work);

    DaemonContext *m_context;
    FanoutWriter *m_fanout;
    std::unique_ptr<nats::Subscription> m_subscription;
    QHash<QString, std::shared_ptr<std::deque<std::function<void()>>>> m_queues;
};

} // namespace cotal::delivery
