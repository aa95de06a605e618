#pragma once

#include "core/nats/jetstream.h"

#include <QFuture>
#include <QList>
#include <QString>

namespace cotal::space {

// One durable's progress, from CONSUMER.INFO: what an admin asks when copies seem stuck.
struct ConsumerStats
{
    QString stream;
    QString name;
    quint64 pending = 0;     // num_pending: matching messages not yet delivered
    quint64 ackPending = 0;  // num_ack_pending: delivered, not yet acked
    quint64 redelivered = 0; // num_redelivered: delivered more than once, still unacked
    quint64 waiting = 0;     // num_waiting: pull requests waiting at the server
    quint64 deliveredStreamSeq = 0;
    quint64 ackFloorStreamSeq = 0;
    nats::NatsError error;

    bool ok() const { return !error.isError(); }
    static ConsumerStats fromInfo(const QString &stream, const QString &name,
                                  const nats::ApiResult &info);
};

// The statistics of a space's consumers. Continuations run on the connection's thread.
class ConsumerStatsReader final
{
public:
    explicit ConsumerStatsReader(nats::JetStream jetStream);

    QFuture<ConsumerStats> read(const QString &stream, const QString &consumer) const;
    // Every consumer of a stream (CONSUMER.LIST, all pages).
    QFuture<QList<ConsumerStats>> readAll(const QString &stream) const;

private:
    nats::JetStream m_jetStream;
};

} // namespace cotal::space
