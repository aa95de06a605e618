#include "core/space/consumerstats.h"

#include <QJsonArray>
#include <QPromise>
#include <memory>

namespace cotal::space {

namespace {

quint64 count(const QJsonObject &object, QLatin1StringView key)
{
    return quint64(object.value(key).toInteger());
}

ConsumerStats statsOf(const QString &stream, const QJsonObject &info)
{
    ConsumerStats stats;
    stats.stream = stream;
    stats.name = info.value(QLatin1String("name")).toString();
    stats.pending = count(info, QLatin1String("num_pending"));
    stats.ackPending = count(info, QLatin1String("num_ack_pending"));
    stats.redelivered = count(info, QLatin1String("num_redelivered"));
    stats.waiting = count(info, QLatin1String("num_waiting"));
    stats.deliveredStreamSeq =
        count(info.value(QLatin1String("delivered")).toObject(), QLatin1String("stream_seq"));
    stats.ackFloorStreamSeq =
        count(info.value(QLatin1String("ack_floor")).toObject(), QLatin1String("stream_seq"));
    return stats;
}

struct ListState
{
    nats::JetStream jetStream;
    QString stream;
    QList<ConsumerStats> stats;
    QPromise<QList<ConsumerStats>> promise;
};

void readPage(const std::shared_ptr<ListState> &state, qsizetype offset)
{
    const QByteArray body = "{\"offset\":" + QByteArray::number(offset) + '}';
    state->jetStream.api(QStringLiteral("CONSUMER.LIST.") + state->stream, body)
        .then([state](const nats::ApiResult &page) {
            if (!page.ok()) {
                ConsumerStats failed;
                failed.stream = state->stream;
                failed.error = page.error;
                state->stats = {failed};
                state->promise.addResult(state->stats);
                state->promise.finish();
                return;
            }
            const QJsonArray consumers = page.body.value(QLatin1String("consumers")).toArray();
            for (const QJsonValue &consumer : consumers)
                state->stats.append(statsOf(state->stream, consumer.toObject()));
            const qsizetype total = page.body.value(QLatin1String("total")).toInteger();
            if (consumers.isEmpty() || state->stats.size() >= total) {
                state->promise.addResult(state->stats);
                state->promise.finish();
                return;
            }
            readPage(state, state->stats.size());
        });
}

} // namespace

ConsumerStats ConsumerStats::fromInfo(const QString &stream, const QString &name,
                                      const nats::ApiResult &info)
{
    if (!info.ok()) {
        ConsumerStats failed;
        failed.stream = stream;
        failed.name = name;
        failed.error = info.error;
        return failed;
    }
    return statsOf(stream, info.body);
}

ConsumerStatsReader::ConsumerStatsReader(nats::JetStream jetStream)
    : m_jetStream(std::move(jetStream))
{}

QFuture<ConsumerStats> ConsumerStatsReader::read(const QString &stream,
                                                 const QString &consumer) const
{
    return m_jetStream.consumerInfo(stream, consumer)
        .then([stream, consumer](const nats::ApiResult &info) {
            return ConsumerStats::fromInfo(stream, consumer, info);
        });
}

QFuture<QList<ConsumerStats>> ConsumerStatsReader::readAll(const QString &stream) const
{
    auto state = std::make_shared<ListState>(ListState{m_jetStream, stream, {}, {}});
    state->promise.start();
    QFuture<QList<ConsumerStats>> future = state->promise.future();
    readPage(state, 0);
    return future;
}

} // namespace cotal::space
