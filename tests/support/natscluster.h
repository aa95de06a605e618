#pragma once

#include "tests/support/natsserverprocess.h"

#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <array>
#include <memory>

namespace cotal::testing {

// Three `nats-server -js` clustered on loopback: server names n1..n3, each with its own client
// port (chosen by the server), route port (free when picked) and store; routes between all of
// them. A node killed or stopped restarts on the same ports and store.
class NatsCluster final
{
    Q_DISABLE_COPY_MOVE(NatsCluster)

public:
    static constexpr int kSize = 3;

    NatsCluster();
    ~NatsCluster();

    // Starts every node and waits until JetStream answers with a meta leader elected.
    bool start(QString *error = nullptr);
    NatsServerProcess &node(int index) { return *m_nodes.at(size_t(index)); }
    // The node whose server name is `name` ("n2"); -1 when none.
    int indexOf(const QString &serverName) const;
    static QString serverName(int index) { return QStringLiteral("n%1").arg(index + 1); }
    // Every node's client URL, for a client that fails over.
    QStringList urls() const;
    // Until a JetStream API request over `url` succeeds (a leader is elected), at most timeoutMs.
    static bool waitForJetStream(const QStringList &urls, int timeoutMs, QString *error = nullptr);

private:
    QTemporaryDir m_dir;
    std::array<quint16, kSize> m_routePorts{};
    std::array<std::unique_ptr<NatsServerProcess>, kSize> m_nodes;
};

} // namespace cotal::testing
