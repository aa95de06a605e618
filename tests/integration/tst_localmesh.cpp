// The embedded default: LocalMesh starts its own nats-server, provisions the demo space, runs the
// delivery daemon and the demo agents; nothing survives it, and a server orphaned by a crashed
// run is stopped at the next start.

#include "core/local/localmesh.h"
#include "core/local/natsserverlauncher.h"
#include "core/nats/jetstream.h"
#include "core/nats/keyvalue.h"
#include "core/nats/natsconnection.h"
#include "core/wire/deliverylease.h"
#include "core/wire/names.h"
#include "tests/integration/deliverytestkit.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>
#include <csignal>

using namespace cotal;
using cotal::local::LocalMesh;

namespace {

using cotal::testing::awaitResult;

// A live nats-server (a zombie or a reused pid has another or an empty command line).
bool processAlive(qint64 pid)
{
    QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid));
    return pid > 0 && cmdline.open(QIODevice::ReadOnly) &&
           cmdline.readAll().contains("nats-server");
}

qint64 pidIn(const QString &pidFile)
{
    QFile file(pidFile);
    return file.open(QIODevice::ReadOnly) ? file.readAll().trimmed().toLongLong() : 0;
}

LocalMesh::Options meshOptions(const QString &stateDir)
{
    LocalMesh::Options options;
    options.stateDir = stateDir;
    options.agentCount = 3;
    options.agentPaceMs = 300;
    return options;
}

} // namespace

class tst_LocalMesh : public QObject
{
    Q_OBJECT

private slots:
    void startsALivingSpaceAndLeavesNothingBehind();
    void orphanedServerIsStoppedAtTheNextStart();
};

void tst_LocalMesh::startsALivingSpaceAndLeavesNothingBehind()
{
    QTemporaryDir state;
    qint64 serverPid = 0;
    {
        LocalMesh mesh(meshOptions(state.path()));
        QSignalSpy ready(&mesh, &LocalMesh::ready);
        QSignalSpy failed(&mesh, &LocalMesh::failed);
        mesh.start();
        QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty() || !failed.isEmpty(), 60000);
        QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));
        QVERIFY(mesh.url().startsWith(QLatin1String("nats://127.0.0.1:")));
        serverPid = pidIn(mesh.pidFile());
        QVERIFY(processAlive(serverPid));
        QVERIFY(QDir(state.path() + QStringLiteral("/mesh/jetstream")).exists());

        nats::NatsConnection connection;
        nats::ConnectionOptions options;
        options.servers = {mesh.url()};
        const auto opened = awaitResult(connection.open(options));
        QVERIFY(opened && !opened->isError());
        const nats::JetStream js(&connection);

        // The daemon holds a ready lease, under the id the mesh names it by.
        QVERIFY(!mesh.daemonId().isEmpty());
        const nats::KeyValue delivery(js, wire::deliveryBucket(mesh.space()));
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const auto read = awaitResult(delivery.get(wire::kDeliveryLeaseKey.toString()));
                if (!read || !read->ok())
                    return false;
                const auto lease = wire::decodeDeliveryLease(read->entry.value);
                return lease && lease.value().ready && lease.value().holder == mesh.daemonId();
            }(),
            10000);

        // Every agent is present, and they talk: the space's CHAT stream grows.
        const nats::KeyValue presence(js, wire::presenceBucket(mesh.space()));
        QTRY_COMPARE_WITH_TIMEOUT(
            awaitResult(presence.keys()).value_or(nats::KvKeysResult{}).keys.size(), 3, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(awaitResult(js.streamInfo(wire::chatStreamName(mesh.space())))
                                         .value_or(nats::ApiResult{})
                                         .body.value(QLatin1String("state"))
                                         .toObject()
                                         .value(QLatin1String("messages"))
                                         .toInteger() > 0,
                                 30000);
        connection.close();
    }
    // The mesh is gone: no server process, no pid file.
    QTRY_VERIFY_WITH_TIMEOUT(!processAlive(serverPid), 10000);
    QVERIFY(!QFile::exists(state.path() + QStringLiteral("/mesh/nats-server.pid")));
}

void tst_LocalMesh::orphanedServerIsStoppedAtTheNextStart()
{
    QTemporaryDir state;
    const QString pidFile = state.path() + QStringLiteral("/mesh/nats-server.pid");
    // A server a crashed console left behind: detached (no parent-death signal), recorded in
    // the mesh's pid file.
    qint64 orphan = 0;
    QVERIFY(QProcess::startDetached(QStringLiteral("nats-server"),
                                    {QStringLiteral("-js"), QStringLiteral("-a"),
                                     QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
                                     QStringLiteral("-1"), QStringLiteral("-sd"),
                                     state.path() + QStringLiteral("/orphan")},
                                    {}, &orphan));
    QTRY_VERIFY_WITH_TIMEOUT(processAlive(orphan), 10000);
    QDir().mkpath(QFileInfo(pidFile).absolutePath());
    QFile file(pidFile);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray::number(orphan) + '\n');
    file.close();

    LocalMesh mesh(meshOptions(state.path()));
    QSignalSpy ready(&mesh, &LocalMesh::ready);
    mesh.start();
    QVERIFY(!processAlive(orphan));
    QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty(), 60000);
    QVERIFY(pidIn(pidFile) != orphan);
}

QTEST_GUILESS_MAIN(tst_LocalMesh)
#include "tst_localmesh.moc"
