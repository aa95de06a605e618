#pragma once

#include "core/local/demoagent.h"
#include "core/local/natsserverlauncher.h"

#include <QObject>
#include <QString>
#include <memory>
#include <vector>

namespace cotal::delivery {
class DeliveryHost;
}
namespace cotal::nats {
class NatsConnection;
}

namespace cotal::local {

// The out-of-the-box demo: a loopback nats-server of our own (store under the XDG state
// directory), a provisioned demo space with seeded channels and read ACLs, the in-process
// delivery daemon, and a handful of simulated agents. Everything stops with this object; a
// server orphaned by a crash is stopped at the next start.
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
    };

    explicit LocalMesh(Options options, QObject *parent = nullptr);
    ~LocalMesh() override;

    void start();
    QString url() const;
    QString space() const { return m_options.space; }
    QString pidFile() const;
    // The mesh's delivery daemon's instance id (the lease holder), once ready() was emitted.
    QString daemonId() const { return m_daemonId; }
    static QString defaultStateDir();

signals:
    void progress(const QString &step);
    void ready(const QString &url, const QString &space);
    void failed(const QString &reason);

private:
    void handleServerReady();
    void provision();
    void seedChannelsAndAcls();
    void startDaemon();
    void startAgents();
    void fail(const QString &reason);

    Options m_options;
    std::unique_ptr<NatsServerLauncher> m_server;
    std::unique_ptr<nats::NatsConnection> m_admin;
    std::unique_ptr<delivery::DeliveryHost> m_daemon;
    QString m_daemonId;
    std::vector<std::unique_ptr<DemoAgent>> m_agents;
};

} // namespace cotal::local
