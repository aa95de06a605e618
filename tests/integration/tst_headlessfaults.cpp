// The headless daemon as a service a supervisor restarts, against a real broker that is missing,
// stopped or frozen: it exits with status 1 and the reason when it cannot serve (never hangs,
// never crashes), rides out a hung broker, and refuses sharded operation with an explanation.

#include "tests/integration/deliverytestkit.h"
#include "tests/integration/headlessdaemon.h"
#include "tests/support/natsserverprocess.h"

#include <QElapsedTimer>
#include <QtTest>

using namespace cotal;
using cotal::testing::DeliveryKit;
using cotal::testing::HeadlessDaemon;
using cotal::testing::NatsServerProcess;

namespace {

constexpr int kStrandedPullWaitMs = 150000;

// Lease renewal gives up after 30 s; the stop that follows has a 5 s deadline.
constexpr int kLeaseLossExitMs = 60000;

bool exitsWith(HeadlessDaemon &daemon, int code, int withinMs)
{
    return daemon.process().waitForFinished(withinMs) &&
           daemon.process().exitStatus() == QProcess::NormalExit &&
           daemon.process().exitCode() == code;
}

// Until the daemon holds a ready lease of the kit's space.
bool servesSpace(DeliveryKit &kit)
{
    return QTest::qWaitFor(
        [&] {
            const auto lease = kit.lease();
            return lease && lease->ready;
        },
        30000);
}

// SIGTERM, as a supervisor stops it: the lease is released and the exit is clean.
bool stopsCleanly(HeadlessDaemon &daemon)
{
    ::kill(pid_t(daemon.process().processId()), SIGTERM);
    return exitsWith(daemon, 0, 15000);
}

QString describe(HeadlessDaemon &daemon)
{
    return QStringLiteral("status %1 code %2, stderr:\n%3")
        .arg(int(daemon.process().exitStatus()))
        .arg(daemon.process().exitCode())
        .arg(daemon.errorOutput());
}

} // namespace

class tst_HeadlessFaults : public QObject
{
    Q_OBJECT

private slots:
    void unreachableBrokerAtStartExitsWithTheReason();
    void brokerComingUpWithinTheWaitIsUsed();
    void shardedOperationIsRefusedWithTheReason();
    void stoppedBrokerEndsTheDaemonWithoutACrash();
    void frozenBrokerIsRiddenOutAndNothingIsLost();
};

void tst_HeadlessFaults::unreachableBrokerAtStartExitsWithTheReason()
{
    NatsServerProcess server;
    QVERIFY(server.start());
    server.kill(); // a port nothing listens on
    QTRY_VERIFY(!server.isRunning());

    HeadlessDaemon daemon(server.url(), QStringLiteral("faults"),
                          {QStringLiteral("--connect-wait"), QStringLiteral("1")});
    QElapsedTimer clock;
    clock.start();
    daemon.start();
    QVERIFY2(exitsWith(daemon, 1, 15000), qPrintable(describe(daemon)));
    QVERIFY(clock.elapsed() < 15000);
    QVERIFY2(daemon.errorOutput().contains(u"no NATS server reachable"),
             qPrintable(daemon.errorOutput()));
}

void tst_HeadlessFaults::brokerComingUpWithinTheWaitIsUsed()
{
    NatsServerProcess server;
    QVERIFY(server.start());
    {
        DeliveryKit setup(server.url(), QStringLiteral("faults"));
        QCOMPARE(setup.open(), QString());
    }
    server.kill();
    QTRY_VERIFY(!server.isRunning());

    HeadlessDaemon daemon(server.url(), QStringLiteral("faults"),
                          {QStringLiteral("--connect-wait"), QStringLiteral("30")});
    daemon.start();
    QTest::qWait(3000);
    QVERIFY2(daemon.isRunning(), qPrintable(describe(daemon)));
    QVERIFY(server.start()); // same port, same store

    DeliveryKit kit(server.url(), QStringLiteral("faults"));
    QCOMPARE(kit.open(false), QString());
    QVERIFY2(servesSpace(kit), qPrintable(describe(daemon)));
    QVERIFY2(stopsCleanly(daemon), qPrintable(describe(daemon)));
}

void tst_HeadlessFaults::shardedOperationIsRefusedWithTheReason()
{
    NatsServerProcess server;
    QVERIFY(server.start());
    DeliveryKit kit(server.url(), QStringLiteral("faults"));
    QCOMPARE(kit.open(), QString());

    HeadlessDaemon sharded(server.url(), QStringLiteral("faults"),
                           {QStringLiteral("--shards"), QStringLiteral("2"),
                            QStringLiteral("--shard"), QStringLiteral("1")});
    sharded.start();
    QVERIFY2(exitsWith(sharded, 2, 15000), qPrintable(describe(sharded)));
    QVERIFY(sharded.errorOutput().contains(u"sharded delivery is not supported"));
    QVERIFY(!kit.lease());

    // One shard of one is what the reference runs, and is accepted.
    HeadlessDaemon single(server.url(), QStringLiteral("faults"),
                          {QStringLiteral("--shards"), QStringLiteral("1"),
                           QStringLiteral("--shard"), QStringLiteral("0")});
    single.start();
    QVERIFY2(servesSpace(kit), qPrintable(describe(single)));
    QVERIFY2(stopsCleanly(single), qPrintable(describe(single)));
}

void tst_HeadlessFaults::stoppedBrokerEndsTheDaemonWithoutACrash()
{
    NatsServerProcess server;
    QVERIFY(server.start());
    DeliveryKit kit(server.url(), QStringLiteral("faults"));
    QCOMPARE(kit.open(), QString());
    HeadlessDaemon daemon(server.url(), QStringLiteral("faults"));
    daemon.start();
    QVERIFY2(servesSpace(kit), qPrintable(describe(daemon)));

    // The broker goes away for good: the lease cannot be renewed, so the daemon stops and
    // exits 1 for its supervisor (it used to crash in a request's expiry timer here).
    server.stop();
    QVERIFY2(exitsWith(daemon, 1, kLeaseLossExitMs), qPrintable(describe(daemon)));
    QVERIFY2(daemon.errorOutput().contains(u"could not be renewed"),
             qPrintable(daemon.errorOutput()));
}

void tst_HeadlessFaults::frozenBrokerIsRiddenOutAndNothingIsLost()
{
    NatsServerProcess server;
    QVERIFY(server.start());
    DeliveryKit kit(server.url(), QStringLiteral("faults"));
    QCOMPARE(kit.open(), QString());
    HeadlessDaemon daemon(server.url(), QStringLiteral("faults"));
    daemon.start();
    QVERIFY2(servesSpace(kit), qPrintable(describe(daemon)));
    const QString holder = kit.lease()->holder;
    const QString member = QStringLiteral("frozen-member");
    QVERIFY(kit.putAcl(member, {QStringLiteral("team")}));
    QVERIFY(kit.createDlvConsumer(member));
    QVERIFY(kit.durableJoin(member, QStringLiteral("team")));

    constexpr int kEach = 50;
    for (int i = 0; i < kEach; ++i)
        QVERIFY(kit.post(QStringLiteral("sender"), QStringLiteral("team"), QString::number(i)));
    QTRY_COMPARE_WITH_TIMEOUT(kit.dlvCount(member).value_or(-1), kEach, 30000);

    // Hung for 10 s: every request times out, nothing is refused. Then it answers again.
    server.freeze();
    QTest::qWait(10000);
    server.thaw();
    for (int i = 0; i < kEach; ++i)
        QVERIFY(
            kit.post(QStringLiteral("sender"), QStringLiteral("team"), QString::number(kEach + i)));
    // Messages the server handed to a pull of the frozen connection come back only after the
    // consumers' 60 s ack_wait (docs/faults.md), so the wait covers that.
    const bool all = QTest::qWaitFor([&] { return kit.dlvCount(member).value_or(-1) == 2 * kEach; },
                                     kStrandedPullWaitMs);
    QVERIFY2(all, qPrintable(describe(daemon)));

    // Still the same daemon, still holding a ready lease, well past the freeze.
    QTest::qWait(15000);
    QVERIFY2(daemon.isRunning(), qPrintable(describe(daemon)));
    QVERIFY(kit.lease() && kit.lease()->ready && kit.lease()->holder == holder);
    QVERIFY2(stopsCleanly(daemon), qPrintable(describe(daemon)));
}

QTEST_GUILESS_MAIN(tst_HeadlessFaults)
#include "tst_headlessfaults.moc"
