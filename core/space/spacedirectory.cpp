#include "core/space/spacedirectory.h"

#include "core/space/channelstats.h"
#include "core/wire/names.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <algorithm>
#include <memory>

namespace cotal::space {

namespace {

const QString kChatPrefix = QStringLiteral("CHAT_");
const QString kPresencePrefix = QStringLiteral("KV_cotal_presence_");

struct NamesPage
{
    QStringList names;
    nats::NatsError error;
};

QFuture<NamesPage> readNames(const nats::JetStream &js, NamesPage collected)
{
    const QByteArray request = "{\"offset\":" + QByteArray::number(collected.names.size()) + '}';
    return js.api(QStringLiteral("STREAM.NAMES"), request)
        .then(js.connection(),
              [js, collected](const nats::ApiResult &page) mutable {
                  if (!page.ok()) {
                      collected.error = page.error;
                      return QtFuture::makeReadyFuture(collected);
                  }
                  const QJsonArray streams = page.body.value(QStringLiteral("streams")).toArray();
                  for (const QJsonValue &name : streams)
                      collected.names.append(name.toString());
                  const qint64 total = page.body.value(QStringLiteral("total")).toInteger();
                  if (streams.isEmpty() || collected.names.size() >= total)
                      return QtFuture::makeReadyFuture(collected);
                  return readNames(js, collected);
              })
        .unwrap();
}

QFuture<SpaceSummary> summarize(const nats::JetStream &js, SpaceSummary summary)
{
    auto result = std::make_shared<SpaceSummary>(std::move(summary));
    QFuture<void> chat = QtFuture::makeReadyFuture();
    if (result->hasChatStream) {
        chat = ChannelStats(js, result->space)
                   .query()
                   .then(js.connection(), [result](const ChatStreamStats &stats) {
                       if (!stats.ok() && !result->error.isError())
                           result->error = stats.error;
                       result->chatMessages = stats.messages;
                       result->channelCount = int(stats.channels.size());
                   });
    }
    QFuture<void> presence = QtFuture::makeReadyFuture();
    if (result->hasPresenceBucket) {
        const QString stream = wire::kvStreamName(wire::presenceBucket(result->space));
        presence =
            js.streamInfo(stream).then(js.connection(), [result](const nats::ApiResult &info) {
                if (!info.ok() && !result->error.isError())
                    result->error = info.error;
                const QJsonObject state = info.body.value(QStringLiteral("state")).toObject();
                result->presenceKeys =
                    quint64(state.value(QStringLiteral("num_subjects")).toInteger());
            });
    }
    QList<QFuture<void>> parts{chat, presence};
    return QtFuture::whenAll(parts.begin(), parts.end())
        .then(js.connection(), [result](const QList<QFuture<void>> &) { return *result; });
}

} // namespace

SpaceDirectory::SpaceDirectory(nats::JetStream jetStream)
    : m_jetStream(std::move(jetStream))
{}

QStringList SpaceDirectory::spaceTokens(const QStringList &streamNames)
{
    QSet<QString> tokens;
    for (const QString &name : streamNames) {
        for (const QString &prefix : {kChatPrefix, kPresencePrefix}) {
            if (name.startsWith(prefix) && name.size() > prefix.size())
                tokens.insert(name.mid(prefix.size()));
        }
    }
    QStringList sorted(tokens.cbegin(), tokens.cend());
    std::sort(sorted.begin(), sorted.end());
    return sorted;
}

QFuture<SpaceListing> SpaceDirectory::list() const
{
    const nats::JetStream js = m_jetStream;
    return readNames(js, {})
        .then(js.connection(),
              [js](const NamesPage &names) {
                  if (names.error.isError())
                      return QtFuture::makeReadyFuture(SpaceListing{{}, names.error});
                  const QSet<QString> streams(names.names.cbegin(), names.names.cend());
                  QList<QFuture<SpaceSummary>> lookups;
                  for (const QString &token : spaceTokens(names.names)) {
                      SpaceSummary summary;
                      summary.space = token;
                      summary.hasChatStream = streams.contains(kChatPrefix + token);
                      summary.hasPresenceBucket = streams.contains(kPresencePrefix + token);
                      lookups.append(summarize(js, summary));
                  }
                  return QtFuture::whenAll(lookups.begin(), lookups.end())
                      .then(js.connection(), [](const QList<QFuture<SpaceSummary>> &done) {
                          SpaceListing listing;
                          for (const QFuture<SpaceSummary> &lookup : done)
                              listing.spaces.append(lookup.result());
                          return listing;
                      });
              })
        .unwrap();
}

} // namespace cotal::space
