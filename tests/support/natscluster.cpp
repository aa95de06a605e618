#include "tests/support/natscluster.h"

#include "core/nats/jetstream.h"
#include "core/nats/natsconnection.h"

#include <QFile>
#include <QTcpServer>
#include <QTest>

namespace cotal::testing {

namespace {

constexpr int kJetStreamReadyMs = 30000;

// A port the kernel hands out as free now; routes need theirs known before any node starts.
quint16 freeLoopbackPort()
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost, 0) ? probe.serverPort() : 0;
}

} // namespace

NatsCluster::NatsCluster()
{
    for (quint16 &port : m_routePorts)
        port = freeLoopbackPort();
}

NatsCluster::~NatsCluster() = default;

bool NatsCluster::start(QString *error)
{
    QString localError;
    QString &reason = error ? *error : localError;
    if (!m_dir.isValid()) {
        reason = QStringLiteral("cannot create a temporary directory");
        return false;
    }
    for (int i = 0; i < kSize; ++i) {
        if (m_routePorts.at(size_t(i)) == 0) {
            reason = QStringLiteral("no free loopback port for the routes");
            return false;
        }
        QStringList routes;
        for (int other = 0; other < kSize; ++other) {
            if (other != i)
                routes.append(QStringLiteral("nats-route://127.0.0.1:%1")
                                  .arg(m_routePorts.at(size_t(other))));
        }
        const QString config =
            QStringLiteral("server_name: %1\nhost: 127.0.0.1\nport: {{PORT}}\n"
                           "jetstream { store_dir: \"{{STORE_DIR}}\" }\n"
                           "cluster {\n  name: cotal-test\n  listen: 127.0.0.1:%2\n"
                           "  routes: [%3]\n}\n")
                .arg(serverName(i))
                .arg(m_routePorts.at(size_t(i)))
                .arg(routes.join(QStringLiteral(", ")));
        const QString path = m_dir.filePath(QStringLiteral("%1.conf.template").arg(serverName(i)));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(config.toUtf8()) < 0) {
            reason = QStringLiteral("cannot write %1").arg(path);
            return false;
        }
        file.close();
        m_nodes.at(size_t(i)) =
            std::make_unique<NatsServerProcess>(NatsServerProcess::Options{path});
        if (!m_nodes.at(size_t(i))->start(&reason)) {
            reason = QStringLiteral("%1: %2").arg(serverName(i), reason);
            return false;
        }
    }
    return waitForJetStream(urls(), kJetStreamReadyMs, &reason);
}

int NatsCluster::indexOf(const QString &name) const
{
    for (int i = 0; i < kSize; ++i) {
        if (serverName(i) == name)
            return i;
    }
    return -1;
}

QStringList NatsCluster::urls() const
{
    QStringList list;
    for (const auto &node : m_nodes) {
        if (node)
            list.append(node->url());
    }
    return list;
}

bool NatsCluster::waitForJetStream(const QStringList &urls, int timeoutMs, QString *error)
{
    nats::NatsConnection connection;
    nats::ConnectionOptions options;
    options.servers = urls;
    options.name = QStringLiteral("cluster-readiness");
    QFuture<nats::NatsError> opened = connection.open(options);
    if (!QTest::qWaitFor([&] { return opened.isFinished(); }, timeoutMs) ||
        opened.result().isError()) {
        if (error)
            *error = QStringLiteral("cannot connect to the cluster");
        return false;
    }
    nats::JetStream jetStream(&connection);
    QString last;
    const bool ready = QTest::qWaitFor(
        [&] {
            QFuture<nats::ApiResult> info = jetStream.api(QStringLiteral("INFO"));
            if (!QTest::qWaitFor([&] { return info.isFinished(); }, 6000))
                return false;
            if (info.result().ok())
                return true;
            last = info.result().error.describe();
            QTest::qWait(250);
            return false;
        },
        timeoutMs);
    if (!ready && error)
        *error = QStringLiteral("JetStream did not come up on the cluster: %1").arg(last);
    connection.close();
    return ready;
}

} // namespace cotal::testing
