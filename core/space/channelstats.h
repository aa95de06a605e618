#pragma once

#include "core/nats/jetstream.h"

#include <QFuture>
#include <QHash>
#include <QMap>
#include <QString>

namespace cotal::space {

// One STREAM.INFO of CHAT_<S> with a subjects filter (endpoint.md §11).
struct ChatStreamStats
{
    QMap<QString, qint64> channels; // concrete channel → messages, summed across senders
    QHash<QString, qint64>
        subjects;         // full subject (`cotal.<S>.chat.<sender>.<channel>`) → messages
    quint64 messages = 0; // the whole stream, not just the filter
    quint64 firstSeq = 0;
    quint64 lastSeq = 0; // the frontier: 0 for an empty stream
    nats::NatsError error;

    bool ok() const { return !error.isError(); }
    // The largest per-subject count: a subject at the 1000 cap has started evicting.
    qint64 maxSubjectCount() const;
};

// Message counts and sequence bounds of a space's chat stream. Continuations run on the
// connection's thread; nothing blocks.
class ChannelStats final
{
public:
    ChannelStats(nats::JetStream jetStream, QString space);

    // Every channel (filter `cotal.<S>.chat.>`).
    QFuture<ChatStreamStats> query() const;
    // One concrete channel across all senders (filter `cotal.<S>.chat.*.<channel>`).
    QFuture<ChatStreamStats> queryChannel(const QString &channel) const;
    // Any filter inside the stream; the server pages large subject maps, all pages are read.
    QFuture<ChatStreamStats> querySubjects(const QString &subjectsFilter) const;

private:
    nats::JetStream m_jetStream;
    QString m_space;
};

} // namespace cotal::space
