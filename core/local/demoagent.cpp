#include "core/local/demoagent.h"

#include "core/wire/creds.h"

#include <QUuid>

namespace cotal::local {

namespace {

const QString kDurableChannel = QStringLiteral("team.backend");

const QStringList &phrases()
{
    static const QStringList list = {
        QStringLiteral("Build #%1 is green, merging the schema change."),
        QStringLiteral("Picked up the flaky test in the ingest suite (#%1)."),
        QStringLiteral("Waiting on a review for PR #%1 before I continue."),
        QStringLiteral("Benchmarks after the cache fix: p99 down to %1 ms."),
        QStringLiteral("Can someone confirm the **staging** config for run %1?"),
        QStringLiteral("Rolled back deploy %1; investigating the latency spike."),
        QStringLiteral("Notes for sprint %1 are in the shared doc."),
    };
    return list;
}

} // namespace

DemoAgent::DemoAgent(Profile profile, QStringList servers, QString space, quint32 seed,
                     QByteArray credsText, QObject *parent)
    : QObject(parent)
    , m_profile(std::move(profile))
    , m_space(std::move(space))
    , m_random(seed)
{
    const auto creds = wire::parseCreds(credsText);
    m_id = creds ? creds.value().subject : QUuid::createUuid().toString(QUuid::WithoutBraces);
    nats::ConnectionOptions connection;
    connection.servers = std::move(servers);
    if (creds)
        connection.credsText = std::move(credsText);
    connection.name = QStringLiteral("cotal:") + m_profile.name;
    connection.inboxId = m_id;

    wire::AgentCard card;
    card.id = m_id;
    card.name = m_profile.name;
    card.role = m_profile.role;
    card.description = QStringLiteral("Simulated %1 agent of the demo space").arg(m_profile.role);
    wire::JsonObject meta;
    meta.insert(QStringLiteral("connector"), wire::JsonValue(m_profile.harness));
    meta.insert(QStringLiteral("model"), wire::JsonValue(m_profile.model));
    card.meta = std::move(meta);

    m_host = std::make_unique<endpoint::EndpointHost>(
        endpoint::EndpointOptions::agent(connection, m_space, card, m_profile.channels));
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &DemoAgent::act);
}

DemoAgent::~DemoAgent() = default;

QStringList DemoAgent::publishChannels(const Profile &profile)
{
    QStringList channels = profile.channels;
    if (!channels.contains(kDurableChannel))
        channels.append(kDurableChannel);
    return channels;
}

QFuture<nats::NatsError> DemoAgent::start()
{
    return m_host->start().then(this, [this](nats::NatsError error) {
        if (!error.isError())
            m_timer.start(m_random.bounded(m_meanIntervalMs));
        return error;
    });
}

void DemoAgent::setPeers(QStringList peerIds)
{
    peerIds.removeAll(m_id);
    m_peers = std::move(peerIds);
}

void DemoAgent::setPace(int meanIntervalMs)
{
    m_meanIntervalMs = qMax(50, meanIntervalMs);
}

QString DemoAgent::phrase()
{
    const QStringList &list = phrases();
    return list.at(m_random.bounded(static_cast<int>(list.size()))).arg(m_random.bounded(100, 999));
}

void DemoAgent::act()
{
    const int roll = m_random.bounded(100);
    if (roll < 50)
        post();
    else if (roll < 65)
        directMessage();
    else if (roll < 72)
        askRole();
    else if (roll < 95)
        changeStatus();
    else
        toggleDurableChannel();
    const int half = m_meanIntervalMs / 2;
    m_timer.start(half + m_random.bounded(m_meanIntervalMs));
}

void DemoAgent::post()
{
    QStringList concrete = m_profile.channels;
    if (m_inDurableChannel)
        concrete.append(kDurableChannel);
    if (concrete.isEmpty())
        return;
    const QString channel = concrete.at(m_random.bounded(static_cast<int>(concrete.size())));
    const QList<wire::Part> parts{wire::Part::makeText(phrase())};
    m_host->invoke<endpoint::SendResult>(
        [channel, parts](endpoint::Endpoint *e) { return e->sendToChannel(channel, parts); });
}

void DemoAgent::directMessage()
{
    if (m_peers.isEmpty())
        return;
    const QString peer = m_peers.at(m_random.bounded(static_cast<int>(m_peers.size())));
    const QList<wire::Part> parts{wire::Part::makeText(phrase())};
    m_host->invoke<endpoint::SendResult>(
        [peer, parts](endpoint::Endpoint *e) { return e->sendDirect(peer, parts); });
}

void DemoAgent::askRole()
{
    const QList<wire::Part> parts{
        wire::Part::makeText(QStringLiteral("Anyone on reviewer duty: please look at %1.")
                                 .arg(m_random.bounded(100, 999)))};
    m_host->invoke<endpoint::SendResult>([parts](endpoint::Endpoint *e) {
        return e->sendToRole(QStringLiteral("reviewer"), parts);
    });
}

void DemoAgent::changeStatus()
{
    static const QList<wire::PresenceStatus> statuses = {
        wire::PresenceStatus::Working, wire::PresenceStatus::Working, wire::PresenceStatus::Waiting,
        wire::PresenceStatus::Idle};
    const auto status = statuses.at(m_random.bounded(static_cast<int>(statuses.size())));
    const QString activity = status == wire::PresenceStatus::Working ? phrase() : QString();
    m_host->post([status, activity](endpoint::Endpoint *e) {
        e->setStatus(status);
        e->setActivity(activity);
    });
}

void DemoAgent::toggleDurableChannel()
{
    const bool join = !m_inDurableChannel;
    m_inDurableChannel = join;
    if (join) {
        m_host->invoke<endpoint::JoinResult>(
            [](endpoint::Endpoint *e) { return e->joinChannel(kDurableChannel); });
    } else {
        m_host->invoke<endpoint::LeaveResult>(
            [](endpoint::Endpoint *e) { return e->leaveChannel(kDurableChannel); });
    }
}

} // namespace cotal::local
