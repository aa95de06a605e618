#include "core/local/localmesh.h"

#include "core/delivery/deliveryhost.h"
#include "core/nats/keyvalue.h"
#include "core/nats/natsconnection.h"
#include "core/space/agentprovisioner.h"
#include "core/space/spaceprovisioner.h"
#include "core/trust/trustchain.h"
#include "core/wire/aclrecord.h"
#include "core/wire/channelconfig.h"
#include "core/wire/creds.h"
#include "core/wire/names.h"
#include "core/wire/subjects.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QUuid>

namespace cotal::local {

namespace {

struct ChannelSeed
{
    QString name;
    QString description;
    bool replay;
    wire::DeliveryClass deliveryClass;
};

const QList<ChannelSeed> &channelSeeds()
{
    static const QList<ChannelSeed> seeds = {
        {QStringLiteral("general"), QStringLiteral("Everyone, everything"), true,
         wire::DeliveryClass::Durable},
        {QStringLiteral("team.backend"), QStringLiteral("Backend team coordination"), true,
         wire::DeliveryClass::Durable},
        {QStringLiteral("random"), QStringLiteral("Off-topic, live only"), false,
         wire::DeliveryClass::Live},
    };
    return seeds;
}

const QList<DemoAgent::Profile> &agentProfiles()
{
    static const QList<DemoAgent::Profile> profiles = {
        {QStringLiteral("alice"),
         QStringLiteral("planner"),
         QStringLiteral("claude-code"),
         QStringLiteral("claude-sonnet-4-5"),
         {QStringLiteral("general")}},
        {QStringLiteral("bob"),
         QStringLiteral("reviewer"),
         QStringLiteral("opencode"),
         QStringLiteral("gpt-5"),
         {QStringLiteral("general"), QStringLiteral("team.backend")}},
        {QStringLiteral("carol"),
         QStringLiteral("reviewer"),
         QStringLiteral("codex"),
         QStringLiteral("gpt-5-codex"),
         {QStringLiteral("general"), QStringLiteral("random")}},
        {QStringLiteral("dave"),
         QStringLiteral("builder"),
         QStringLiteral("hermes"),
         QStringLiteral("qwen3-coder"),
         {QStringLiteral("general"), QStringLiteral("team.backend")}},
        {QStringLiteral("erin"),
         QStringLiteral("tester"),
         QStringLiteral("claude-code"),
         QStringLiteral("claude-opus-4-1"),
         {QStringLiteral("general"), QStringLiteral("random")}},
        {QStringLiteral("frank"),
         QStringLiteral("ops"),
         QStringLiteral("opencode"),
         QStringLiteral("gemini-2.5-pro"),
         {QStringLiteral("general")}},
    };
    return profiles;
}

// Every demo agent may read every seeded channel; its credential grants the same.
const QStringList &demoReadAcl()
{
    static const QStringList acl = {QStringLiteral("general"), QStringLiteral("team"),
                                    QStringLiteral("team.>"), QStringLiteral("random")};
    return acl;
}

// Creds and the server config hold keys: readable by the user only, from the first byte.
bool writePrivateFile(const QString &path, const QByteArray &content, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate,
                   QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
        file.write(content) != content.size() || !file.flush()) {
        *error = LocalMesh::tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

QString credsSubject(const QByteArray &credsText)
{
    const auto creds = wire::parseCreds(credsText);
    return creds ? creds.value().subject : QString();
}

QByteArray channelRecord(const ChannelSeed &seed)
{
    wire::ChannelConfig config;
    config.setDescription(seed.description);
    config.setReplay(seed.replay);
    config.setDeliveryClass(seed.deliveryClass);
    return config.encode();
}

} // namespace

LocalMesh::LocalMesh(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{
    if (m_options.stateDir.isEmpty())
        m_options.stateDir = defaultStateDir();
}

LocalMesh::~LocalMesh()
{
    // Agents first, then the daemon (releases its lease), then the server they talk to.
    m_agents.clear();
    m_daemon.reset();
    m_admin.reset();
    m_server.reset();
}

QString LocalMesh::defaultStateDir()
{
    QString base = qEnvironmentVariable("XDG_STATE_HOME");
    if (base.isEmpty())
        base = QDir::homePath() + QStringLiteral("/.local/state");
    return base + QStringLiteral("/cotal-console");
}

QString LocalMesh::pidFile() const
{
    return m_options.stateDir + QStringLiteral("/mesh/nats-server.pid");
}

delivery::DeliveryDaemon *LocalMesh::daemon() const
{
    return m_daemon ? m_daemon->daemon() : nullptr;
}

profile::ConnectionProfile LocalMesh::consoleProfile() const
{
    profile::ConnectionProfile profile;
    profile.name = tr("Local demo");
    profile.servers = {url()};
    profile.space = m_options.space;
    profile.displayName = QStringLiteral("operator");
    if (m_options.authMode) {
        profile.authKind = profile::ConnectionProfile::AuthKind::CredsFile;
        profile.credsFile = m_consoleCredentials.view;
        profile.provisionerCredsFile = m_consoleCredentials.provisioner;
        profile.deliveryCredsFile = m_consoleCredentials.delivery;
        profile.membershipObserverCredsFile = m_consoleCredentials.membershipObserver;
        profile.membershipRwCredsFile = m_consoleCredentials.membershipRw;
    }
    return profile;
}

QString LocalMesh::serverLog() const
{
    return m_server ? m_server->log() : QString();
}

QString LocalMesh::url() const
{
    return m_server ? m_server->url() : QString();
}

bool LocalMesh::mintTrustChain(const QString &meshDir, QString *error)
{
    // A new chain each run: the server trusts only this run's operator.
    m_trust =
        std::make_unique<trust::TrustChain>(QStringLiteral("cotal-console-demo"), m_options.space);
    const QString credsDir = meshDir + QStringLiteral("/creds");
    QDir(credsDir).removeRecursively();
    if (!QDir().mkpath(credsDir) ||
        !QFile::setPermissions(credsDir, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                             QFileDevice::ExeOwner)) {
        *error = tr("Cannot create %1").arg(credsDir);
        return false;
    }
    const auto mintFile = [&](trust::UserProfile profile, QString *path) {
        *path = QStringLiteral("%1/%2.creds").arg(credsDir, trust::profileName(profile));
        return writePrivateFile(*path, m_trust->mint(profile, m_options.space).credsText, error);
    };
    // The console's credentials are its own identities, apart from the mesh's daemon: its
    // in-process daemon must compete for the lease, not share it.
    if (!mintFile(trust::UserProfile::Admin, &m_consoleCredentials.view) ||
        !mintFile(trust::UserProfile::Provisioner, &m_consoleCredentials.provisioner) ||
        !mintFile(trust::UserProfile::Delivery, &m_consoleCredentials.delivery) ||
        !mintFile(trust::UserProfile::MembershipObserver,
                  &m_consoleCredentials.membershipObserver) ||
        !mintFile(trust::UserProfile::MembershipRw, &m_consoleCredentials.membershipRw))
        return false;
    m_provisionerCreds = m_trust->mint(trust::UserProfile::Provisioner, m_options.space).credsText;
    m_deliveryCreds = m_trust->mint(trust::UserProfile::Delivery, m_options.space).credsText;
    m_membershipObserverCreds =
        m_trust->mint(trust::UserProfile::MembershipObserver, m_options.space).credsText;
    m_membershipRwCreds =
        m_trust->mint(trust::UserProfile::MembershipRw, m_options.space).credsText;
    return writePrivateFile(meshDir + QStringLiteral("/server.conf"),
                            m_trust->serverConfig(meshDir + QStringLiteral("/jetstream")), error);
}

void LocalMesh::start()
{
    const QString meshDir = m_options.stateDir + QStringLiteral("/mesh");
    NatsServerLauncher::Options serverOptions;
    serverOptions.storeDir = meshDir + QStringLiteral("/jetstream");
    // Every run is a fresh demo: agents get new ids each time, and a crashed run's lease and
    // ACL rows would otherwise linger. The orphaned server, if any, must be gone first.
    NatsServerLauncher::stopOrphan(pidFile());
    QDir(serverOptions.storeDir).removeRecursively();
    if (m_options.authMode) {
        QString error;
        if (!mintTrustChain(meshDir, &error)) {
            fail(error);
            return;
        }
        serverOptions.configFile = meshDir + QStringLiteral("/server.conf");
    }
    serverOptions.pidFile = pidFile();
    m_server = std::make_unique<NatsServerLauncher>(serverOptions);
    connect(m_server.get(), &NatsServerLauncher::ready, this, &LocalMesh::handleServerReady);
    connect(m_server.get(), &NatsServerLauncher::failed, this, &LocalMesh::fail);
    emit progress(tr("Starting the local nats-server…"));
    m_server->start();
}

void LocalMesh::fail(const QString &reason)
{
    emit failed(reason);
}

void LocalMesh::handleServerReady()
{
    m_admin = std::make_unique<nats::NatsConnection>();
    nats::ConnectionOptions connection;
    connection.servers = {m_server->url()};
    connection.name = QStringLiteral("cotal-console-demo-setup");
    if (m_options.authMode) {
        connection.credsText = m_provisionerCreds;
        connection.inboxId = credsSubject(m_provisionerCreds);
    } else {
        connection.inboxId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    }
    m_admin->open(connection).then(this, [this](const nats::NatsError &error) {
        if (error.isError())
            fail(tr("Cannot connect to the local nats-server: %1").arg(error.describe()));
        else
            provision();
    });
}

void LocalMesh::provision()
{
    emit progress(tr("Provisioning the demo space…"));
    space::SpaceProvisioner provisioner(nats::JetStream(m_admin.get()), m_options.space);
    provisioner.provision(space::SpaceProvisioner::DefaultDeliveryClass::Durable)
        .then(this, [this](const space::ProvisionResult &result) {
            if (!result.ok())
                fail(tr("Cannot provision the demo space: %1").arg(result.error.describe()));
            else
                seedChannelsAndAcls();
        });
}

void LocalMesh::seedChannelsAndAcls()
{
    const nats::JetStream js(m_admin.get());
    const nats::KeyValue channels(js, wire::channelsBucket(m_options.space));
    QList<QFuture<nats::NatsError>> writes;
    const auto outcome = [](const nats::KvResult &written) { return written.error; };
    for (const ChannelSeed &seed : channelSeeds())
        writes.append(channels.put(seed.name, channelRecord(seed)).then(outcome));

    // Agents get their ids now so their read ACLs exist before anyone can mention them
    // (the daemon defers, then drops, entries of owners it does not know).
    const QStringList servers{m_server->url()};
    quint32 seed = 1;
    const nats::KeyValue acls(js, wire::aclBucket(m_options.space));
    for (const DemoAgent::Profile &profile : agentProfiles().mid(0, m_options.agentCount)) {
        QByteArray creds;
        const trust::AgentGrants grants{profile.role, demoReadAcl(),
                                        DemoAgent::publishChannels(profile)};
        if (m_trust)
            creds = m_trust->mint(trust::UserProfile::Agent, m_options.space, grants).credsText;
        auto agent = std::make_unique<DemoAgent>(profile, servers, m_options.space, seed++, creds);
        if (m_trust) {
            // What its JWT lets it subscribe to, in channel patterns, for the access view.
            QStringList readable;
            for (const QString &subject :
                 trust::profilePermissions(trust::UserProfile::Agent, m_options.space, agent->id(),
                                           grants)
                     .subAllow) {
                if (const auto channel =
                        wire::channelFromChatSubscription(m_options.space, subject))
                    readable.append(*channel);
            }
            m_agentGrants.insert(agent->id(), readable);
        }
        agent->setPace(m_options.agentPaceMs);
        if (m_trust) {
            // Its durables, its role's queue and its ACL: an agent credential may not create them.
            writes.append(space::AgentProvisioner(js, m_options.space)
                              .provision({agent->id(), profile.role, demoReadAcl()}));
        } else {
            wire::AclRecord acl;
            acl.allowSubscribe = demoReadAcl();
            acl.revision = 1;
            acl.updatedAt = static_cast<double>(QDateTime::currentMSecsSinceEpoch());
            writes.append(acls.create(agent->id(), wire::encodeAclRecord(acl)).then(outcome));
        }
        m_agents.push_back(std::move(agent));
    }
    QtFuture::whenAll(writes.begin(), writes.end())
        .then(this, [this](const QList<QFuture<nats::NatsError>> &done) {
            for (const QFuture<nats::NatsError> &write : done) {
                if (write.result().isError()) {
                    fail(tr("Cannot seed the demo space: %1").arg(write.result().describe()));
                    return;
                }
            }
            startDaemon();
        });
}

void LocalMesh::startDaemon()
{
    emit progress(tr("Starting the delivery daemon…"));
    delivery::DeliveryOptions options;
    options.connection.servers = {m_server->url()};
    options.connection.name = QStringLiteral("cotal-console-delivery");
    options.connection.credsText = m_deliveryCreds;
    options.space = m_options.space;
    if (m_options.authMode) {
        // The daemon keeps the membership feed fresh, as the reference's does after `cotal up`.
        delivery::MembershipFeedOptions feed;
        feed.observer.servers = options.connection.servers;
        feed.observer.credsText = m_membershipObserverCreds;
        feed.writer.servers = options.connection.servers;
        feed.writer.credsText = m_membershipRwCreds;
        options.membership = feed;
    }
    m_daemon = std::make_unique<delivery::DeliveryHost>(options);
    m_daemon->start().then(this, [this](const delivery::DeliveryError &error) {
        if (error.isError()) {
            fail(tr("The delivery daemon did not start: %1").arg(error.message));
            return;
        }
        // Set on the daemon's thread before its start finished; the future orders the read.
        m_daemonId = m_daemon->daemon()->id();
        startAgents();
    });
}

void LocalMesh::startAgents()
{
    emit progress(tr("Starting the demo agents…"));
    QStringList ids;
    for (const auto &agent : m_agents)
        ids.append(agent->id());
    QList<QFuture<nats::NatsError>> starts;
    for (const auto &agent : m_agents) {
        agent->setPeers(ids);
        starts.append(agent->start());
    }
    QtFuture::whenAll(starts.begin(), starts.end())
        .then(this, [this](const QList<QFuture<nats::NatsError>> &done) {
            for (const QFuture<nats::NatsError> &start : done) {
                if (start.result().isError()) {
                    fail(tr("A demo agent did not start: %1").arg(start.result().describe()));
                    return;
                }
            }
            emit ready(m_server->url(), m_options.space);
        });
}

} // namespace cotal::local
