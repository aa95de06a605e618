// The fault matrix for durable traffic: the broker stopped gracefully, killed (SIGKILL) or frozen
// (SIGSTOP) while a publisher posts 20 messages a second to a durable channel, then restarted on
// the same store or thawed. The in-process daemon and two online agent endpoints ride it out, an
// offline member's DLV is read afterwards: every member gets every published message, none
// twice. Each row prints what it measured: published, delivered, duplicates, the longest pause
// an online agent saw, and this process's RSS before and after.

#include "tests/integration/deliveryparties.h"
#include "tests/support/natsserverprocess.h"

#include <QFile>
#include <QtTest>

using namespace cotal;
using cotal::testing::Agent;
using cotal::testing::Daemon;
using cotal::testing::DeliveryKit;
using cotal::testing::DlvReader;
using cotal::testing::NatsServerProcess;
using cotal::testing::SteadyPublisher;

namespace {

constexpr int kPublishIntervalMs = 50;
constexpr int kWaitMs = 120000;

enum class Fault
{
    GracefulRestart,
    KillRestart,
    Freeze,
};

qint64 residentKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

} // namespace

Q_DECLARE_METATYPE(Fault)

class tst_FaultMatrix : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void durableTrafficSurvives_data();
    void durableTrafficSurvives();

private:
    NatsServerProcess m_server;
    int m_spaces = 0;
};

void tst_FaultMatrix::initTestCase()
{
    QString error;
    QVERIFY2(m_server.start(&error), qPrintable(error));
}

void tst_FaultMatrix::durableTrafficSurvives_data()
{
    QTest::addColumn<Fault>("fault");
    QTest::addColumn<int>("outageMs");
    QTest::newRow("stop, restart on the same store") << Fault::GracefulRestart << 5000;
    QTest::newRow("SIGKILL, restart on the same store") << Fault::KillRestart << 5000;
    QTest::newRow("SIGSTOP 10 s, SIGCONT") << Fault::Freeze << 10000;
}

void tst_FaultMatrix::durableTrafficSurvives()
{
    QFETCH(Fault, fault);
    QFETCH(int, outageMs);
    const QStringList urls{m_server.url()};
    DeliveryKit kit(QString(), QStringLiteral("fm%1").arg(++m_spaces),
                    testing::quickReconnect(urls));
    QCOMPARE(kit.open(), QString());
    Daemon daemon(urls, kit.space());
    QVERIFY(!daemon.start().isError());

    QStringList members;
    for (int i = 0; i < 3; ++i) {
        members.append(QStringLiteral("m%1-%2").arg(i).arg(testing::randomId().left(8)));
        QVERIFY(kit.putAcl(members.last(), {QStringLiteral("team")}));
        QVERIFY(kit.createDlvConsumer(members.last()));
        QVERIFY(kit.durableJoin(members.last(), QStringLiteral("team")));
    }
    std::vector<std::unique_ptr<Agent>> online;
    for (int i = 0; i < 2; ++i) {
        online.push_back(
            std::make_unique<Agent>(urls, kit.space(), members.at(i), QStringLiteral("online")));
        QVERIFY(online.back()->start());
    }

    SteadyPublisher publisher(kit, QStringLiteral("publisher"), QStringLiteral("team"),
                              kPublishIntervalMs);
    publisher.start();
    QTest::qWait(2000);
    const qint64 rssBefore = residentKiB();

    switch (fault) {
    case Fault::GracefulRestart:
        m_server.stop();
        break;
    case Fault::KillRestart:
        m_server.kill();
        break;
    case Fault::Freeze:
        m_server.freeze();
        break;
    }
    QTest::qWait(outageMs);
    if (fault == Fault::Freeze) {
        m_server.thaw();
    } else {
        QTRY_VERIFY(!m_server.isRunning());
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
    }
    QTest::qWait(3000);
    publisher.stopPosting();
    QTRY_VERIFY_WITH_TIMEOUT(publisher.settled(), kWaitMs);

    for (const auto &agent : online)
        QTRY_COMPARE_WITH_TIMEOUT(agent->dlvIds.size(), publisher.published.size(), kWaitMs);
    DlvReader offline(kit, members.at(2));
    QTRY_COMPARE_WITH_TIMEOUT(offline.ids.size(), publisher.published.size(), kWaitMs);
    QTest::qWait(1000); // a late duplicate would show up here
    for (const auto &agent : online) {
        QCOMPARE(agent->dlvIds, publisher.published);
        QCOMPARE(agent->duplicates(), 0);
    }
    // At least once: a copy stored twice (an ack lost in the fault) is allowed; ids dedup it.
    QCOMPARE(offline.ids, publisher.published);
    QCOMPARE(daemon.host->daemon()->state(), delivery::DeliveryDaemon::State::Running);
    QCOMPARE(daemon.metrics.chatEvictedUnread, quint64(0));
    QCOMPARE(daemon.metrics.inboxEvictedUnread, quint64(0));
    QCOMPARE(daemon.metrics.dlvEvictedUnread, quint64(0));
    const auto lease = kit.lease();
    QVERIFY(lease && lease->ready);

    qInfo("| outage %d ms | published %lld (%d attempts) | delivered %lld / %lld / %lld | "
          "surfaced twice 0 | offline DLV copies %d | longest pause: PubAcks %lld ms, at an "
          "online agent %lld ms | RSS %lld → %lld KiB |",
          outageMs, qint64(publisher.published.size()), publisher.attempts,
          qint64(online.at(0)->dlvIds.size()), qint64(online.at(1)->dlvIds.size()),
          qint64(offline.ids.size()), offline.copies,
          testing::longestGapMs(publisher.confirmedAtMs),
          testing::longestGapMs(online.at(0)->arrivalsMs), rssBefore, residentKiB());
    daemon.stop();
}

QTEST_GUILESS_MAIN(tst_FaultMatrix)
#include "tst_faultmatrix.moc"
