// A durable channel on a 3-node JetStream cluster with every stream kept 3 times: the node that
// leads the channel's stream is killed mid-stream while a publisher runs and the members are
// offline, and comes back later. The daemon keeps (or regains) its lease, every member ends with
// every message (at least once: a copy stored twice is deduplicated by id), and the cluster
// monitor sees the leader move.

#include "core/space/clustermonitor.h"
#include "tests/integration/deliveryparties.h"
#include "tests/support/natscluster.h"

#include <QProcess>
#include <QSignalSpy>
#include <QtTest>

using namespace cotal;
using cotal::testing::awaitResult;
using cotal::testing::Daemon;
using cotal::testing::DeliveryKit;
using cotal::testing::DlvReader;
using cotal::testing::NatsCluster;
using cotal::testing::SteadyPublisher;

namespace {

constexpr int kMembers = 3;
constexpr int kPublishIntervalMs = 50; // 20 msg/s
constexpr int kWaitMs = 120000;

QString leaderOf(DeliveryKit &kit, const QString &stream)
{
    const auto info = awaitResult(kit.jetStream().streamInfo(stream));
    if (!info || !info->ok())
        return {};
    return space::ClusterMonitor::placementFrom(stream, *info).leader;
}

} // namespace

class tst_ClusterFailover : public QObject
{
    Q_OBJECT

private slots:
    void provisioningKeepsEveryStreamThreeTimes();
    void killedLeaderLosesNoCopy();

private:
    NatsCluster m_cluster;
    bool m_started = false;
    void ensureCluster();
};

void tst_ClusterFailover::ensureCluster()
{
    if (m_started)
        return;
    QString error;
    QVERIFY2(m_cluster.start(&error), qPrintable(error));
    m_started = true;
}

void tst_ClusterFailover::provisioningKeepsEveryStreamThreeTimes()
{
    ensureCluster();
    // As an operator provisions a space on a cluster: from the command line, every server named.
    QProcess provision;
    QStringList arguments{QStringLiteral("--headless"), QStringLiteral("--provision"),
                          QStringLiteral("--space"),    QStringLiteral("replicas"),
                          QStringLiteral("--replicas"), QString::number(NatsCluster::kSize)};
    for (const QString &url : m_cluster.urls())
        arguments << QStringLiteral("--server") << url;
    provision.start(QStringLiteral(COTAL_CONSOLE_EXECUTABLE), arguments);
    QVERIFY(provision.waitForFinished(kWaitMs));
    const QString report = QString::fromLocal8Bit(provision.readAllStandardError());
    QVERIFY2(provision.exitStatus() == QProcess::NormalExit && provision.exitCode() == 0,
             qPrintable(report));
    QCOMPARE(report.count(QStringLiteral("(3 replica(s))")), 12);

    DeliveryKit kit(QString(), QStringLiteral("replicas"),
                    testing::quickReconnect(m_cluster.urls()));
    QCOMPARE(kit.open(false), QString());
    space::ClusterMonitor monitor(kit.jetStream(), kit.space(), wire::Grants::unrestricted());
    QSignalSpy updated(&monitor, &space::ClusterMonitor::updated);
    monitor.refresh();
    QVERIFY(updated.wait(kWaitMs));
    const space::ClusterSnapshot snapshot = monitor.snapshot();
    QCOMPARE(snapshot.streams.size(), 12);
    for (const space::StreamPlacement &placement : snapshot.streams) {
        QVERIFY2(placement.ok(), qPrintable(placement.error.describe()));
        QCOMPARE(placement.replicas, NatsCluster::kSize);
        QCOMPARE(placement.cluster, QStringLiteral("cotal-test"));
        QVERIFY2(m_cluster.indexOf(placement.leader) >= 0, qPrintable(placement.leader));
        QCOMPARE(placement.followers.size(), NatsCluster::kSize - 1);
    }
    QVERIFY(m_cluster.urls().contains(snapshot.connectedUrl));
    QVERIFY(!snapshot.connectedServer.isEmpty());
    // The monitor reports the configured servers and those the cluster announced.
    QVERIFY(snapshot.knownServers.size() >= NatsCluster::kSize);

    // Apart from num_replicas, the configs are the reference's; the lookup accepts any count.
    space::SpaceProvisioner provisioner(kit.jetStream(), kit.space());
    const auto inventory = awaitResult(provisioner.inspect());
    QVERIFY(inventory);
    QVERIFY2(inventory->complete(),
             qPrintable(inventory->named(space::StreamPresence::State::Different).join(u',')));
    // Provisioning it again with another count changes nothing and says why.
    space::SpaceProvisioner single(kit.jetStream(), kit.space());
    const auto again =
        awaitResult(single.provision(space::SpaceProvisioner::DefaultDeliveryClass::Durable));
    QVERIFY(again);
    QCOMPARE(again->mismatched.size(), 12);
    QVERIFY(again->mismatched.first().differences.join(u';').contains(
        QStringLiteral("num_replicas: expected 1, found 3")));
    QCOMPARE(space::SpaceProvisioner::chatStreamConfig(kit.space(), 3),
             space::SpaceProvisioner::chatStreamConfig(kit.space()).chopped(1) +
                 ",\"num_replicas\":3}");
}

void tst_ClusterFailover::killedLeaderLosesNoCopy()
{
    ensureCluster();
    const QStringList urls = m_cluster.urls();
    DeliveryKit kit(QString(), QStringLiteral("failover"), testing::quickReconnect(urls));
    QCOMPARE(kit.open(true, NatsCluster::kSize), QString());
    Daemon daemon(urls, kit.space());
    QVERIFY(!daemon.start().isError());
    QTRY_VERIFY_WITH_TIMEOUT(kit.lease() && kit.lease()->ready, kWaitMs);
    const QString holder = kit.lease()->holder;

    QStringList members;
    for (int i = 0; i < kMembers; ++i) {
        members.append(QStringLiteral("member%1-%2").arg(i).arg(testing::randomId().left(8)));
        QVERIFY(kit.putAcl(members.last(), {QStringLiteral("team")}));
        QVERIFY(kit.createDlvConsumer(members.last()));
        QVERIFY(kit.durableJoin(members.last(), QStringLiteral("team")));
    }
    space::ClusterMonitor monitor(kit.jetStream(), kit.space(), wire::Grants::unrestricted());
    QList<space::LeaderChange> changes;
    connect(&monitor, &space::ClusterMonitor::leaderChanged, this,
            [&changes](const space::LeaderChange &change) { changes.append(change); });
    monitor.start(500);

    SteadyPublisher publisher(kit, QStringLiteral("publisher"), QStringLiteral("team"),
                              kPublishIntervalMs);
    publisher.start();
    QTest::qWait(3000);

    const QString chat = wire::chatStreamName(kit.space());
    const QString leader = leaderOf(kit, chat);
    const int victim = m_cluster.indexOf(leader);
    QVERIFY2(victim >= 0, qPrintable(leader));
    QStringList led;
    for (const QString &stream : space::SpaceProvisioner::streamNames(kit.space())) {
        if (leaderOf(kit, stream) == leader)
            led.append(stream);
    }
    qInfo("killing %s, leader of %s", qPrintable(leader), qPrintable(led.join(u", ")));
    const qint64 killedAt = QDateTime::currentMSecsSinceEpoch();
    m_cluster.node(victim).kill();
    QTRY_VERIFY_WITH_TIMEOUT(!leaderOf(kit, chat).isEmpty() && leaderOf(kit, chat) != leader,
                             kWaitMs);
    qInfo("new leader of %s seen %lld ms after the kill: %s", qPrintable(chat),
          QDateTime::currentMSecsSinceEpoch() - killedAt, qPrintable(leaderOf(kit, chat)));
    QTest::qWait(5000);

    QString error;
    QVERIFY2(m_cluster.node(victim).start(&error), qPrintable(error));
    QTest::qWait(3000);
    publisher.stopPosting();
    QTRY_VERIFY_WITH_TIMEOUT(publisher.settled(), kWaitMs);
    qInfo("published %lld messages in %d attempts, longest wait between PubAcks %lld ms",
          qint64(publisher.published.size()), publisher.attempts,
          testing::longestGapMs(publisher.confirmedAtMs));

    std::vector<std::unique_ptr<DlvReader>> readers;
    for (const QString &member : members)
        readers.push_back(std::make_unique<DlvReader>(kit, member));
    for (const auto &reader : readers) {
        QTRY_COMPARE_WITH_TIMEOUT(reader->ids.size(), publisher.published.size(), kWaitMs);
        QCOMPARE(reader->ids, publisher.published);
        qInfo("member: %lld distinct, %d copies, longest pause between stored copies %lld ms",
              qint64(reader->ids.size()), reader->copies,
              testing::longestGapMs(reader->storedAtMs));
    }

    const auto lease = kit.lease();
    QVERIFY(lease && lease->ready);
    qInfo("lease holder %s (before the fault: %s)", qPrintable(lease->holder), qPrintable(holder));
    QCOMPARE(daemon.host->daemon()->state(), delivery::DeliveryDaemon::State::Running);
    QCOMPARE(daemon.metrics.chatEvictedUnread, quint64(0));
    QCOMPARE(daemon.metrics.inboxEvictedUnread, quint64(0));

    const bool seen =
        std::any_of(changes.cbegin(), changes.cend(), [&](const space::LeaderChange &change) {
            return change.stream == chat && change.from == leader;
        });
    QVERIFY2(seen, "the monitor did not report the chat stream's leader moving");
    daemon.stop();
}

QTEST_GUILESS_MAIN(tst_ClusterFailover)
#include "tst_clusterfailover.moc"
