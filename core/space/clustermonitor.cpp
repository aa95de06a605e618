#include "core/space/clustermonitor.h"

#include "core/space/spaceprovisioner.h"

#include <QJsonArray>
#include <QPointer>
#include <memory>

namespace cotal::space {

namespace {

constexpr qint64 kNanosPerMs = 1000000;

nats::NatsError refused(const QString &stream)
{
    nats::NatsError error;
    error.kind = nats::NatsErrorKind::PermissionDenied;
    error.message = QStringLiteral("this credential may not look up %1").arg(stream);
    return error;
}

} // namespace

ClusterMonitor::ClusterMonitor(nats::JetStream jetStream, QString space, wire::Grants grants,
                               QObject *parent)
    : QObject(parent)
    , m_jetStream(std::move(jetStream))
    , m_space(std::move(space))
    , m_grants(std::move(grants))
{
    connect(&m_timer, &QTimer::timeout, this, &ClusterMonitor::refresh);
}

void ClusterMonitor::start(int intervalMs)
{
    m_timer.start(intervalMs);
    refresh();
}

void ClusterMonitor::stop()
{
    m_timer.stop();
    ++m_generation; // a poll in flight reports nothing
    m_polling = false;
}

StreamPlacement ClusterMonitor::placementFrom(const QString &stream, const nats::ApiResult &info)
{
    StreamPlacement placement;
    placement.stream = stream;
    if (!info.ok()) {
        placement.error = info.error;
        return placement;
    }
    placement.replicas = info.body.value(QLatin1String("config"))
                             .toObject()
                             .value(QLatin1String("num_replicas"))
                             .toInt(1);
    const QJsonObject cluster = info.body.value(QLatin1String("cluster")).toObject();
    placement.cluster = cluster.value(QLatin1String("name")).toString();
    placement.leader = cluster.value(QLatin1String("leader")).toString();
    const QJsonArray replicas = cluster.value(QLatin1String("replicas")).toArray();
    for (const QJsonValue &value : replicas) {
        const QJsonObject replica = value.toObject();
        StreamFollower follower;
        follower.server = replica.value(QLatin1String("name")).toString();
        follower.current = replica.value(QLatin1String("current")).toBool();
        follower.offline = replica.value(QLatin1String("offline")).toBool();
        follower.lag = quint64(replica.value(QLatin1String("lag")).toInteger());
        if (replica.contains(QLatin1String("active")))
            follower.lastSeenMs = replica.value(QLatin1String("active")).toInteger() / kNanosPerMs;
        placement.followers.append(follower);
    }
    return placement;
}

void ClusterMonitor::refresh()
{
    if (m_polling)
        return;
    m_polling = true;
    const quint64 generation = m_generation;
    const QStringList streams = SpaceProvisioner::streamNames(m_space);
    auto results = std::make_shared<QList<StreamPlacement>>();
    auto pending = std::make_shared<int>(int(streams.size()));
    QPointer<ClusterMonitor> self(this);
    for (qsizetype i = 0; i < streams.size(); ++i) {
        const QString stream = streams.at(i);
        results->append(StreamPlacement{stream, 0, {}, {}, {}, refused(stream)});
        if (!m_grants.mayPublish(QStringLiteral("$JS.API.STREAM.INFO.") + stream)) {
            --*pending;
            continue;
        }
        m_jetStream.streamInfo(stream).then(
            this, [self, generation, results, pending, i, stream](const nats::ApiResult &info) {
                (*results)[i] = placementFrom(stream, info);
                if (--*pending == 0 && self && self->m_generation == generation)
                    self->finishPoll(*results);
            });
    }
    if (*pending == 0)
        finishPoll(*results);
}

void ClusterMonitor::finishPoll(QList<StreamPlacement> streams)
{
    m_polling = false;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const StreamPlacement &placement : streams) {
        // A failed lookup says nothing about the leader; the next answer decides.
        if (!placement.ok())
            continue;
        const auto known = m_leaders.constFind(placement.stream);
        if (known != m_leaders.constEnd() && *known != placement.leader)
            emit leaderChanged({placement.stream, *known, placement.leader, now});
        m_leaders.insert(placement.stream, placement.leader);
    }
    nats::NatsConnection *connection = m_jetStream.connection();
    m_snapshot.connectedUrl = connection->connectedUrl();
    m_snapshot.connectedServer = connection->connectedServerId();
    m_snapshot.knownServers = connection->knownServers();
    m_snapshot.streams = std::move(streams);
    m_snapshot.takenAt = now;
    emit updated(m_snapshot);
}

} // namespace cotal::space
