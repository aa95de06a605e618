#include "core/space/channelstats.h"

#include "core/wire/channels.h"
#include "core/wire/names.h"
#include "core/wire/subjects.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>

namespace cotal::space {

namespace {

nats::NatsError invalid(const QString &message)
{
    nats::NatsError error;
    error.kind = nats::NatsErrorKind::InvalidArgument;
    error.message = message;
    return error;
}

QByteArray infoRequest(const QString &filter, qint64 offset)
{
    QJsonObject request{{QStringLiteral("subjects_filter"), filter}};
    if (offset > 0)
        request.insert(QStringLiteral("offset"), offset);
    return QJsonDocument(request).toJson(QJsonDocument::Compact);
}

// Reads page after page until the subject map is complete; `stats` accumulates.
QFuture<ChatStreamStats> readPages(const nats::JetStream &js, const QString &stream,
                                   const QString &filter, ChatStreamStats stats)
{
    const qint64 offset = stats.subjects.size();
    return js.api(QStringLiteral("STREAM.INFO.") + stream, infoRequest(filter, offset))
        .then(js.connection(),
              [js, stream, filter, stats](const nats::ApiResult &info) mutable {
                  if (!info.ok()) {
                      stats.error = info.error;
                      return QtFuture::makeReadyFuture(stats);
                  }
                  const QJsonObject state = info.body.value(QStringLiteral("state")).toObject();
                  stats.messages = quint64(state.value(QStringLiteral("messages")).toInteger());
                  stats.firstSeq = quint64(state.value(QStringLiteral("first_seq")).toInteger());
                  stats.lastSeq = quint64(state.value(QStringLiteral("last_seq")).toInteger());
                  const QJsonObject page = state.value(QStringLiteral("subjects")).toObject();
                  for (auto it = page.constBegin(); it != page.constEnd(); ++it) {
                      const qint64 count = it.value().toInteger();
                      if (!stats.subjects.contains(it.key())) {
                          const auto parsed = wire::parseSubject(it.key());
                          if (parsed && parsed->kind == wire::SubjectKind::Chat)
                              stats.channels[parsed->rest] += count;
                      }
                      stats.subjects.insert(it.key(), count);
                  }
                  // Only a paged answer carries `total`; an unpaged one is complete.
                  const qint64 total = info.body.value(QStringLiteral("total")).toInteger();
                  if (page.isEmpty() || stats.subjects.size() >= total)
                      return QtFuture::makeReadyFuture(stats);
                  return readPages(js, stream, filter, stats);
              })
        .unwrap();
}

} // namespace

qint64 ChatStreamStats::maxSubjectCount() const
{
    qint64 max = 0;
    for (const qint64 count : subjects)
        max = std::max(max, count);
    return max;
}

ChannelStats::ChannelStats(nats::JetStream jetStream, QString space)
    : m_jetStream(std::move(jetStream))
    , m_space(std::move(space))
{}

QFuture<ChatStreamStats> ChannelStats::query() const
{
    return querySubjects(wire::observerTap(m_space));
}

QFuture<ChatStreamStats> ChannelStats::queryChannel(const QString &channel) const
{
    const auto concrete = wire::validateConcreteChannel(channel);
    if (!concrete) {
        ChatStreamStats stats;
        stats.error = invalid(concrete.error().detail);
        return QtFuture::makeReadyFuture(stats);
    }
    const auto filter = wire::channelSubscription(m_space, channel);
    if (!filter) {
        ChatStreamStats stats;
        stats.error = invalid(filter.error().detail);
        return QtFuture::makeReadyFuture(stats);
    }
    return querySubjects(filter.value());
}

QFuture<ChatStreamStats> ChannelStats::querySubjects(const QString &subjectsFilter) const
{
    return readPages(m_jetStream, wire::chatStreamName(m_space), subjectsFilter, {});
}

} // namespace cotal::space
