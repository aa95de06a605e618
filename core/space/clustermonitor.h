#pragma once

#include "core/nats/jetstream.h"
#include "core/wire/grants.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>

namespace cotal::space {

// One copy of a replicated stream that is not the leader (STREAM.INFO `cluster.replicas`).
struct StreamFollower
{
    QString server;
    bool current = false;   // caught up with the leader
    bool offline = false;   // the leader cannot reach it
    quint64 lag = 0;        // operations behind the leader
    qint64 lastSeenMs = -1; // since the leader last heard from it; -1 unknown
};

// Where one stream of the space lives.
struct StreamPlacement
{
    QString stream;
    int replicas = 0; // configured copies (`config.num_replicas`)
    QString cluster;  // the cluster's name; empty on a single server
    QString leader;   // empty: no leader now (an election, or quorum lost)
    QList<StreamFollower> followers;
    nats::NatsError error; // the lookup failed or was refused: nothing else is claimed
    bool ok() const { return !error.isError(); }
};

// A leader seen to move between two polls.
struct LeaderChange
{
    QString stream;
    QString from; // empty: there was none
    QString to;   // empty: there is none now
    QDateTime at;
};

struct ClusterSnapshot
{
    QString connectedUrl;    // the server this monitor's connection is on
    QString connectedServer; // its server id
    QStringList knownServers;
    QList<StreamPlacement> streams;
    QDateTime takenAt;
};

// Polls STREAM.INFO for the space's 12 streams and reports where each lives: replicas, leader,
// followers and their lag, and every leader change it sees. A stream the credential may not
// look up is reported as refused, never asked (a denied request costs a server violation).
// Lives on the connection's thread; nothing blocks.
class ClusterMonitor final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClusterMonitor)

public:
    static constexpr int kDefaultIntervalMs = 2000;

    ClusterMonitor(nats::JetStream jetStream, QString space, wire::Grants grants,
                   QObject *parent = nullptr);

    void start(int intervalMs = kDefaultIntervalMs);
    void stop();
    // One poll now (also what the timer runs); a poll in flight is not doubled.
    void refresh();
    const ClusterSnapshot &snapshot() const { return m_snapshot; }

    static StreamPlacement placementFrom(const QString &stream, const nats::ApiResult &info);

signals:
    void updated(const cotal::space::ClusterSnapshot &snapshot);
    void leaderChanged(const cotal::space::LeaderChange &change);

private:
    void finishPoll(QList<StreamPlacement> streams);

    nats::JetStream m_jetStream;
    QString m_space;
    wire::Grants m_grants;
    QTimer m_timer;
    ClusterSnapshot m_snapshot;
    QHash<QString, QString> m_leaders; // stream → leader of the last successful lookup
    bool m_polling = false;
    quint64 m_generation = 0;
};

} // namespace cotal::space
