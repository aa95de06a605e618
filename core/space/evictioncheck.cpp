#include "core/space/evictioncheck.h"

#include "core/space/channelstats.h"
#include "core/wire/names.h"
#include "core/wire/subjects.h"

namespace cotal::space {

namespace {

constexpr qint64 kInactiveThresholdNs = 30000000000; // 30 s, as the reference's history reads
constexpr int kFetchExpiresMs = 5000;

QByteArray historyConsumerConfig(const QString &name, const QString &filter)
{
    // Names and filters are token-stable here, so no JSON escaping is needed.
    return "{\"name\":\"" + name.toUtf8() + "\",\"filter_subject\":\"" + filter.toUtf8() +
           "\",\"ack_policy\":\"none\",\"mem_storage\":true,\"inactive_threshold\":" +
           QByteArray::number(kInactiveThresholdNs) +
           ",\"deliver_policy\":\"by_start_sequence\",\"opt_start_seq\":1}";
}

// Fetches the first retained message on `filter` through a short-lived consumer.
QFuture<EvictionCheck> readOldest(const nats::JetStream &js, const QString &stream,
                                  const QString &consumer, const QString &filter,
                                  EvictionCheck check, quint64 joinCursor, bool retried)
{
    QObject *context = js.connection();
    return js.createConsumer(stream, consumer, filter, historyConsumerConfig(consumer, filter))
        .then(context,
              [js, stream, consumer, filter, check, joinCursor,
               retried](const nats::ApiResult &created) mutable {
                  if (created.error.kind == nats::NatsErrorKind::AlreadyExists && !retried) {
                      // A leftover of an interrupted read with another filter: replace it.
                      return js.deleteConsumer(stream, consumer)
                          .then(js.connection(),
                                [js, stream, consumer, filter, check,
                                 joinCursor](const nats::ApiResult &) {
                                    return readOldest(js, stream, consumer, filter, check,
                                                      joinCursor, true);
                                })
                          .unwrap();
                  }
                  if (!created.ok()) {
                      check.error = created.error;
                      return QtFuture::makeReadyFuture(check);
                  }
                  auto fetched =
                      nats::PullConsumer::fetch(js, stream, consumer, 1, kFetchExpiresMs)
                          .then(
                              js.connection(),
                              [check, joinCursor](const QList<nats::JsMessage> &messages) mutable {
                                  if (!messages.isEmpty()) {
                                      check.oldestSeq = messages.first().metadata().streamSequence;
                                      check.evicted = check.oldestSeq > joinCursor + 1;
                                  }
                                  return check;
                              })
                          .onFailed(js.connection(),
                                    [check](const nats::NatsException &failure) mutable {
                                        check.error = failure.error();
                                        return check;
                                    });
                  // The consumer is removed whatever the fetch gave.
                  return fetched
                      .then(js.connection(),
                            [js, stream, consumer](const EvictionCheck &result) {
                                return js.deleteConsumer(stream, consumer)
                                    .then(js.connection(),
                                          [result](const nats::ApiResult &) { return result; });
                            })
                      .unwrap();
              })
        .unwrap();
}

} // namespace

QFuture<EvictionCheck> checkEviction(const nats::JetStream &jetStream, const QString &space,
                                     const QString &channel, quint64 joinCursor,
                                     const QString &historyConsumer)
{
    const nats::JetStream js = jetStream;
    return ChannelStats(js, space)
        .queryChannel(channel)
        .then(js.connection(),
              [js, space, channel, joinCursor, historyConsumer](const ChatStreamStats &stats) {
                  EvictionCheck check;
                  check.error = stats.error;
                  check.maxSubjectCount = stats.maxSubjectCount();
                  if (!stats.ok() || check.maxSubjectCount < kChatSubjectCap)
                      return QtFuture::makeReadyFuture(check);
                  const QString filter = wire::channelSubscription(space, channel).value();
                  return readOldest(js, wire::chatStreamName(space), historyConsumer, filter, check,
                                    joinCursor, false);
              })
        .unwrap();
}

} // namespace cotal::space
