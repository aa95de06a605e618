// The headless daemon process (`cotal-console --headless --deliver`) killed with SIGKILL in the
// middle of a stream: a second daemon is refused while the dead one's lease lives, takes over
// once it expires (30 s TTL), and every member ends up with every message.

#include "tests/integration/deliverytestkit.h"
#include "tests/integration/headlessdaemon.h"
#include "tests/support/natsserverprocess.h"

#include <QElapsedTimer>
#include <QtTest>
#include <algorithm>
#include <csignal>

using namespace cotal;
using cotal::testing::DeliveryKit;
using cotal::testing::HeadlessDaemon;
using cotal::testing::NatsServerProcess;

namespace {

// Lease TTL 30 s, then ack_wait 60 s for what the dead daemon had pulled but not acked.
constexpr int kTakeOverTimeoutMs = 90000;
constexpr int kDrainTimeoutMs = 150000;

} // namespace

class tst_DeliveryTakeover : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void killedDaemonIsReplacedAndNothingIsLost();

private:
    NatsServerProcess m_server;
};

void tst_DeliveryTakeover::initTestCase()
{
    QString error;
    QVERIFY2(m_server.start(&error), qPrintable(error));
}

void tst_DeliveryTakeover::killedDaemonIsReplacedAndNothingIsLost()
{
    const QString space = QStringLiteral("takeover");
    DeliveryKit kit(m_server.url(), space);
    QCOMPARE(kit.open(), QString());

    HeadlessDaemon first(m_server.url(), space);
    first.start();
    QTRY_VERIFY_WITH_TIMEOUT(kit.lease() && kit.lease()->ready, 30000);
    const QString firstHolder = kit.lease()->holder;

    const QStringList members{QStringLiteral("m1-a"), QStringLiteral("m2-b"),
                              QStringLiteral("m3-c")};
    for (const QString &member : members) {
        QVERIFY(kit.putAcl(member, {QStringLiteral("team")}));
        QVERIFY(kit.createDlvConsumer(member));
        QVERIFY(kit.durableJoin(member, QStringLiteral("team")));
    }

    // Two senders post 900 messages in all; the first daemon dies a third of the way in. Fewer
    // than DLV's 1000-per-subject cap: these members never read, and the cap would evict.
    constexpr int kMessages = 900;
    nats::JsPublisher publisher(kit.jetStream(), 32);
    int posted = 0;
    bool killed = false;
    QTimer pacer;
    QObject::connect(&pacer, &QTimer::timeout, &pacer, [&] {
        for (int i = 0; i < 10 && posted < kMessages; ++i, ++posted) {
            const QString sender = posted % 2 ? QStringLiteral("s-one") : QStringLiteral("s-two");
            const QString id = testing::randomId();
            publisher.publish(*wire::chatSubject(space, sender, QStringLiteral("team")),
                              DeliveryKit::chatPayload(space, id, sender, QStringLiteral("team"),
                                                       QStringLiteral("%1").arg(posted)),
                              {{QByteArrayLiteral("Nats-Msg-Id"), id.toUtf8()}});
        }
        if (!killed && posted >= kMessages / 3) {
            killed = true;
            first.process().kill(); // SIGKILL: no lease release, unacked messages stay pending
        }
        if (posted >= kMessages)
            pacer.stop();
    });
    pacer.start(10);
    QTRY_VERIFY_WITH_TIMEOUT(killed, 60000);
    QTRY_COMPARE_WITH_TIMEOUT(first.process().state(), QProcess::NotRunning, 10000);

    // While the dead daemon's lease lives, a new one refuses and names the holder.
    HeadlessDaemon second(m_server.url(), space);
    second.start();
    QVERIFY(second.process().waitForFinished(30000));
    QCOMPARE(second.process().exitCode(), 1);
    QVERIFY2(second.errorOutput().contains(firstHolder), qPrintable(second.errorOutput()));

    // Once it expired, the next attempt takes over.
    QElapsedTimer sinceAttempt;
    sinceAttempt.start();
    const auto takenOver = [&] {
        if (!second.isRunning() && sinceAttempt.elapsed() >= 2000) {
            second.start();
            sinceAttempt.restart();
        }
        const auto lease = kit.lease();
        return lease && lease->ready && lease->holder != firstHolder;
    };
    QTRY_VERIFY_WITH_TIMEOUT(takenOver(), kTakeOverTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(posted, kMessages, 60000);
    QTRY_COMPARE_WITH_TIMEOUT(publisher.inFlight() + publisher.queued(), 0, 60000);

    // Per member: every message published reached its DLV subject exactly once (DLV dedups by
    // Nats-Msg-Id, so the count is of distinct copies).
    const auto allDelivered = [&] {
        return std::all_of(members.cbegin(), members.cend(), [&](const QString &member) {
            return kit.dlvCount(member).value_or(-1) == kMessages;
        });
    };
    if (!QTest::qWaitFor(allDelivered, kDrainTimeoutMs)) {
        QStringList counts;
        for (const QString &member : members)
            counts << QStringLiteral("%1=%2").arg(member).arg(kit.dlvCount(member).value_or(-1));
        QFAIL(qPrintable(QStringLiteral("DLV copies %1 of %2 each; daemon said:\n%3")
                             .arg(counts.join(u' '))
                             .arg(kMessages)
                             .arg(second.errorOutput())));
    }

    QVERIFY2(!second.errorOutput().contains(QLatin1String("evicted")),
             qPrintable(second.errorOutput()));

    // A clean stop releases the lease.
    ::kill(pid_t(second.process().processId()), SIGTERM);
    QVERIFY(second.process().waitForFinished(15000));
    QCOMPARE(second.process().exitStatus(), QProcess::NormalExit);
    QCOMPARE(second.process().exitCode(), 0);
    QVERIFY(!kit.lease());
}

QTEST_GUILESS_MAIN(tst_DeliveryTakeover)
#include "tst_deliverytakeover.moc"
