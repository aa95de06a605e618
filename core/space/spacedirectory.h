#pragma once

#include "core/nats/jetstream.h"

#include <QFuture>
#include <QList>
#include <QString>
#include <QStringList>

namespace cotal::space {

// One space found on a server, with the counts an overview needs.
struct SpaceSummary
{
    QString space; // the token: what `<S>` is in every name
    bool hasChatStream = false;
    bool hasPresenceBucket = false;
    quint64 chatMessages = 0;
    int channelCount = 0;     // channels with retained chat traffic
    quint64 presenceKeys = 0; // keys in the presence bucket: agents heard from in the last 6 s
    nats::NatsError error;    // a failed lookup of this one space
};

struct SpaceListing
{
    QList<SpaceSummary> spaces; // sorted by token
    nats::NatsError error;
    bool ok() const { return !error.isError(); }
};

// Enumerates the spaces on a server from its stream names (`CHAT_<S>` and
// `KV_cotal_presence_<S>`), reading every page of STREAM.NAMES, then counts per space.
class SpaceDirectory final
{
public:
    explicit SpaceDirectory(nats::JetStream jetStream);

    QFuture<SpaceListing> list() const;

    // The space tokens named by a list of stream names, sorted and unique.
    static QStringList spaceTokens(const QStringList &streamNames);

private:
    nats::JetStream m_jetStream;
};

} // namespace cotal::space
