#pragma once

#include "core/delivery/daemoncontext_p.h"
#include "core/nats/jetstream.h"

#include <QFuture>
#include <memory>

namespace cotal::delivery {

// Where a loop's durable stands when the daemon binds it.
struct ConsumerPosition
{
    nats::NatsError error; // the durable cannot be bound
    quint64 delivered = 0; // delivered.stream_seq: everything at or below was handed out
    // Only when asked for: messages not yet acked (pending + ack pending) and the stream's last
    // sequence, read before anything is pulled.
    quint64 unfinished = 0;
    quint64 streamLastSequence = 0;
};

// Creates one of the daemon's durables (an existing one, perhaps made by an older daemon with
// another config, is kept and bound) and reads its position, with `withBacklog` also what it has
// not finished. Continuations run on `owner`.
QFuture<ConsumerPosition> openDurable(DaemonContext *context, QObject *owner, const QString &stream,
                                      const QString &name, const QString &filter,
                                      const QByteArray &config, bool withBacklog);

// The loop's pull consumer, started, its failures logged as warnings.
std::unique_ptr<nats::PullConsumer> startPulling(DaemonContext *context, QObject *owner,
                                                 const QString &stream, const QString &name,
                                                 nats::PullConsumer::Handler handler);

} // namespace cotal::delivery
