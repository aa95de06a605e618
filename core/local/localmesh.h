#pragma once

#include "core/local/demoagent.h"
#include "core/local/natsserverlauncher.h"
#include "core/profile/connectionprofile.h"

#include <QHash>
#include <QObject>
#include <QString>
#include <memory>
#include <vector>

namespace cotal::delivery {
class DeliveryDaemon;
class DeliveryHost;
} // namespace cotal::delivery
namespace cotal::nats {
class NatsConnection;
}
namespace cotal::trust {
class TrustChain;
}

namespace cotal::local {

// The out-of-the-box demo: a loopback nats-server of our own (store under the XDG state
// directory), a provisioned demo space with seeded channels and read ACLs, the in-process
// delivery daemon, and a handful of simulated agents. Everything stops with this object; a
// server orphaned by a crash is stopped at the next start.
//
// By default the space runs in operator/JWT mode, as real spaces do: the mesh mints its own trust
// chain, every actor gets the least-privilege credential of its profile (agents, provisioner,
// delivery daemon) and the console gets admin, provisioner and delivery creds files. With
// `authMode` off it is an open mesh where nothing is enforced.
class LocalMesh final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LocalMesh)

public:
    struct Options
    {
        QString stateDir; // default: $XDG_STATE_HOME/cotal-console (or ~/.local/state/…)
        QString space = QStringLiteral("demo");
        int agentCount = 6;
        int agentPaceMs = 2500;
        bool authMode = true;
    };

    // The creds files the console connects with (auth mode; empty on an open mesh). They hold
    // throwaway keys of this run's chain, mode 0600 under the state directory.
    struct ConsoleCredentials
    {
        QString view; // admin
        QString provisioner;
        QString delivery;
        QString membershipObserver; // the in-process daemon's membership feed
        QString membershipRw;
    };

    explicit LocalMesh(Options options, QObject *parent = nullptr);
    ~LocalMesh() override;

    void start();
    QString url() const;
    QString space() const { return m_options.space; }
    QString pidFile() const;
    // The mesh's delivery daemon's instance id (the lease holder), once ready() was emitted.
    QString daemonId() const { return m_daemonId; }
    // That daemon (it lives on its host's thread: connect to it, never call it), once ready().
    delivery::DeliveryDaemon *daemon() const;
    bool isAuthMode() const { return m_options.authMode; }
    const ConsoleCredentials &consoleCredentials() const { return m_consoleCredentials; }
    // The connection the console enters the demo with, once ready() was emitted: the admin,
    // provisioner and delivery creds in auth mode, no credential on an open mesh.
    profile::ConnectionProfile consoleProfile() const;
    // Per demo agent, the channel patterns its minted credential may subscribe to (auth mode;
    // empty on an open mesh), once ready() was emitted.
    QHash<QString, QStringList> agentSubscribeGrants() const { return m_agentGrants; }
    // What the server has logged so far (permission violations among it).
    QString serverLog() const;
    static QString defaultStateDir();

signals:
    void progress(const QString &step);
    void ready(const QString &url, const QString &space);
    void failed(const QString &reason);

private:
    bool mintTrustChain(const QString &meshDir, QString *error);
    void handleServerReady();
    void provision();
    void seedChannelsAndAcls();
    void startDaemon();
    void startAgents();
    void fail(const QString &reason);

    Options m_options;
    std::unique_ptr<trust::TrustChain> m_trust;
    ConsoleCredentials m_consoleCredentials;
    QByteArray m_provisionerCreds; // the mesh's own setup and daemon credentials, in memory
    QByteArray m_deliveryCreds;
    QHash<QString, QStringList> m_agentGrants;
    QByteArray m_membershipObserverCreds; // system account: CONNZ of the data account
    QByteArray m_membershipRwCreds;
    std::unique_ptr<NatsServerLauncher> m_server;
    std::unique_ptr<nats::NatsConnection> m_admin;
    std::unique_ptr<delivery::DeliveryHost> m_daemon;
    QString m_daemonId;
    std::vector<std::unique_ptr<DemoAgent>> m_agents;
};

} // namespace cotal::local
