// The embedded default: LocalMesh starts its own nats-server, provisions the demo space, runs the
// delivery daemon and the demo agents — in operator/JWT mode with credentials it mints, or as an
// open mesh; nothing survives it, and a server orphaned by a crashed run is stopped at the next
// start.

#include "core/local/localmesh.h"
#include "core/local/natsserverlauncher.h"
#include "core/nats/jetstream.h"
#include "core/nats/keyvalue.h"
#include "core/nats/natsconnection.h"
#include "core/wire/aclrecord.h"
#include "core/wire/creds.h"
#include "core/wire/deliverylease.h"
#include "core/wire/membershipfeed.h"
#include "core/wire/names.h"
#include "tests/integration/deliverytestkit.h"
#include "tests/integration/endpointtestsupport.h"

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

// A connection to the mesh: through `credsFile` in auth mode, unauthenticated on an open mesh.
std::unique_ptr<nats::NatsConnection> openOn(const LocalMesh &mesh, const QString &credsFile)
{
    QString id = QStringLiteral("tst-localmesh");
    if (!credsFile.isEmpty()) {
        QFile file(credsFile);
        if (!file.open(QIODevice::ReadOnly))
            return nullptr;
        id = wire::parseCreds(file.readAll()).value().subject;
    }
    return cotal::testing::openRaw(mesh.url(), id, credsFile);
}

} // namespace

class tst_LocalMesh : public QObject
{
    Q_OBJECT

private slots:
    void startsALivingSpaceAndLeavesNothingBehind_data();
    void startsALivingSpaceAndLeavesNothingBehind();
    void authModeEnforcesTheMintedGrants();
    void orphanedServerIsStoppedAtTheNextStart();
};

void tst_LocalMesh::startsALivingSpaceAndLeavesNothingBehind_data()
{
    QTest::addColumn<bool>("authMode");
    QTest::newRow("operator mode") << true;
    QTest::newRow("open mesh") << false;
}

void tst_LocalMesh::startsALivingSpaceAndLeavesNothingBehind()
{
    QFETCH(bool, authMode);
    QTemporaryDir state;
    qint64 serverPid = 0;
    {
        LocalMesh::Options options = meshOptions(state.path());
        options.authMode = authMode;
        LocalMesh mesh(options);
        QSignalSpy ready(&mesh, &LocalMesh::ready);
        QSignalSpy failed(&mesh, &LocalMesh::failed);
        mesh.start();
        QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty() || !failed.isEmpty(), 60000);
        QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));
        QVERIFY(mesh.url().startsWith(QLatin1String("nats://127.0.0.1:")));
        QCOMPARE(mesh.isAuthMode(), authMode);
        QCOMPARE(mesh.consoleCredentials().view.isEmpty(), !authMode);
        serverPid = pidIn(mesh.pidFile());
        QVERIFY(processAlive(serverPid));
        QVERIFY(QDir(state.path() + QStringLiteral("/mesh/jetstream")).exists());

        // The console's view: admin creds in auth mode. The lease is read as the console's
        // delivery credential may (admin may not read the lease bucket).
        const auto view = openOn(mesh, mesh.consoleCredentials().view);
        const auto delivery = openOn(mesh, mesh.consoleCredentials().delivery);
        QVERIFY(view && delivery);
        const nats::JetStream js(view.get());

        // The daemon holds a ready lease, under the id the mesh names it by.
        QVERIFY(!mesh.daemonId().isEmpty());
        const nats::KeyValue lease(nats::JetStream(delivery.get()),
                                   wire::deliveryBucket(mesh.space()));
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const auto read = awaitResult(lease.get(wire::kDeliveryLeaseKey.toString()));
                if (!read || !read->ok())
                    return false;
                const auto decoded = wire::decodeDeliveryLease(read->entry.value);
                return decoded && decoded.value().ready &&
                       decoded.value().holder == mesh.daemonId();
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
        view->close();
        delivery->close();
    }
    // The mesh is gone: no server process, no pid file.
    QTRY_VERIFY_WITH_TIMEOUT(!processAlive(serverPid), 10000);
    QVERIFY(!QFile::exists(state.path() + QStringLiteral("/mesh/nats-server.pid")));
}

void tst_LocalMesh::authModeEnforcesTheMintedGrants()
{
    QTemporaryDir state;
    LocalMesh mesh(meshOptions(state.path()));
    QSignalSpy ready(&mesh, &LocalMesh::ready);
    QSignalSpy failed(&mesh, &LocalMesh::failed);
    mesh.start();
    QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty() || !failed.isEmpty(), 60000);
    QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));

    // The keys are the user's alone.
    constexpr QFileDevice::Permissions kGroupOrOthers(
        QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup |
        QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther);
    const auto &credentials = mesh.consoleCredentials();
    for (const QString &file : {credentials.view, credentials.provisioner, credentials.delivery,
                                state.path() + QStringLiteral("/mesh/server.conf")})
        QCOMPARE(QFile::permissions(file) & kGroupOrOthers, QFileDevice::Permissions());

    // Without a credential the server refuses; the admin may read but not write an ACL, and
    // it is the broker that refuses the write (a KV put is not checked against the grants).
    nats::NatsConnection anonymous;
    nats::ConnectionOptions options;
    options.servers = {mesh.url()};
    const auto refused = awaitResult(anonymous.open(options));
    QVERIFY(refused && refused->isError());
    const auto view = openOn(mesh, credentials.view);
    QVERIFY(view);
    const nats::KeyValue acl(nats::JetStream(view.get()), wire::aclBucket(mesh.space()));
    const auto write = awaitResult(acl.put(QStringLiteral("intruder"), "{}"));
    QVERIFY(write && write->error.kind == nats::NatsErrorKind::PermissionDenied);

    // The agents run for a while (DMs, anycast, joins, posts, status) within their grants:
    // the server has refused none of what they did.
    QTest::qWait(8000);
    const auto dms =
        awaitResult(nats::JetStream(view.get()).streamInfo(wire::dmStreamName(mesh.space())));
    QVERIFY(dms && dms->ok());
    QVERIFY(dms->body[QLatin1String("state")][QLatin1String("messages")].toInteger() > 0);
    // The daemon keeps the membership feed on its minted membership credentials: `=feed` counts
    // the agents, each of which reads its channels live.
    const nats::KeyValue feed(nats::JetStream(view.get()), wire::membershipBucket(mesh.space()));
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const auto read = awaitResult(feed.get(wire::kMembershipFeedKey.toString()));
            if (!read || !read->ok())
                return false;
            const auto heartbeat = wire::decodeMembershipFeedHeartbeat(read->entry.value);
            return heartbeat && heartbeat->count >= mesh.agentSubscribeGrants().size();
        }(),
        20000);
    const QString someAgent = mesh.agentSubscribeGrants().keys().value(0);
    const auto record = awaitResult(feed.get(someAgent));
    QVERIFY(record && record->ok());
    QVERIFY(!wire::decodeChannelMembership(record->entry.value).value().live.isEmpty());
    // Its credential's subscribe grants, as the access view shows them: its read ACL.
    const auto delivery = openOn(mesh, credentials.delivery);
    QVERIFY(delivery);
    const auto agentAcl =
        awaitResult(nats::KeyValue(nats::JetStream(delivery.get()), wire::aclBucket(mesh.space()))
                        .get(someAgent));
    QVERIFY(agentAcl && agentAcl->ok());
    QCOMPARE(mesh.agentSubscribeGrants().value(someAgent),
             wire::decodeAclRecord(agentAcl->entry.value).value().allowSubscribe);
    QStringList violations;
    for (const QString &line : mesh.serverLog().split(u'\n')) {
        if (line.contains(QLatin1String("Violation")))
            violations.append(line);
    }
    // The one refusal is the admin's ACL write, by the broker.
    QCOMPARE(violations.filter(QStringLiteral("$KV.cotal_acl_demo.intruder")).size(), 1);
    violations.removeIf([](const QString &line) { return line.contains(u"intruder"_qs); });
    QVERIFY2(violations.isEmpty(), qPrintable(violations.join(u'\n')));
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
