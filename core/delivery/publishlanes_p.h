#pragma once

#include "core/nats/jetstream.h"

#include <QFuture>
#include <functional>
#include <memory>

namespace cotal::delivery {

struct DaemonContext;

// Where a loop's copies leave. Under load they go on the main connection, whose client holds a
// write up to 1 ms so that thousands leave in one go; while the loop is quiet they go on the
// reads connection, which writes at once, so a lone message's copies skip that hold. The lane
// changes only when everything sent on the other one has its PubAck: a subject's copies are
// stored in the order they were sent. After a failed publish on the quiet lane it stays there
// until one succeeds (or its connection is closed for good).
class PublishLanes final
{
    Q_DISABLE_COPY_MOVE(PublishLanes)

public:
    // Publish replies are handled on `owner`'s thread; `drained` runs when the quiet lane has
    // every PubAck, the moment a burst held back for it may leave.
    PublishLanes(DaemonContext *context, QObject *owner, const std::function<void()> &drained);
    ~PublishLanes();

    // Whether the next copy may leave now, with `waiting` more behind it. False only while the
    // quiet lane drains before load moves to the main one.
    bool mayPublish(qsizetype waiting);

    QFuture<nats::PubAck> publish(const QString &subject, const QByteArray &data,
                                  const nats::NatsConnection::Headers &headers);

private:
    bool readsConnectionUp() const;
    bool promptLaneMayHoldUnsent() const;

    DaemonContext *m_context;
    QObject *m_owner;
    // A quiet-lane publish failed and none succeeded since: it may still sit in the client's
    // reconnect buffer and be stored later, so nothing may overtake it on the main lane.
    bool m_promptUnsettled = false;
    std::unique_ptr<nats::JsPublisher> m_batched;
    std::unique_ptr<nats::JsPublisher> m_prompt;
    nats::JsPublisher *m_current;
};

} // namespace cotal::delivery
