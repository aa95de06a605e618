// The Delivery tab's models against a real nats-server and real delivery daemons: the lease
// inspector's states, the membership timelines' cursors and generations, and the pure health,
// feed and chart pieces beside them.

#include "core/delivery/deliveryhost.h"
#include "core/space/deliverylease.h"
#include "core/space/memberregistry.h"
#include "core/wire/memberrecord.h"
#include "core/wire/membershipfeed.h"
#include "tests/integration/deliverytestkit.h"
#include "tests/support/natsserverprocess.h"
#include "ui/consolesession.h"
#include "ui/daemonpane.h"
#include "ui/deliverypane.h"
#include "ui/healthexplainer.h"
#include "ui/leaseinspector.h"
#include "ui/leasemodel.h"
#include "ui/membershipfeedmodel.h"
#include "ui/responderprobe.h"
#include "ui/timelinemodel.h"
#include "ui/timelineview.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QtTest>
#include <atomic>

using namespace cotal;
using cotal::testing::awaitResult;
using cotal::testing::DeliveryKit;
using cotal::testing::NatsServerProcess;
using cotal::ui::LeaseModel;
using cotal::ui::TimelineModel;
using LeaseStatus = cotal::ui::LeaseModel::LeaseStatus;

namespace {

// The brief's bar: an inspector shows a lease change within a second.
constexpr int kWithinASecondMs = 1000;

class Daemon final
{
public:
    Daemon(const QString &url, const QString &space)
    {
        delivery::DeliveryOptions options;
        options.connection.servers = {url};
        options.space = space;
        options.metricsIntervalMs = 200;
        host = std::make_unique<delivery::DeliveryHost>(options);
    }

    bool start()
    {
        const auto started = awaitResult(host->start());
        return started && !started->isError();
    }

    void stop() { testing::awaitDone(host->stop()); }

    std::unique_ptr<delivery::DeliveryHost> host;
};

// The inspector's view of a space: a lease watch on the test connection, with a clock the
// test can move forward to see a lease the bucket's TTL removes.
struct Inspector
{
    explicit Inspector(DeliveryKit &kit)
        : lease(kit.bucket(wire::deliveryBucket(kit.space())),
                [this] { return QDateTime::currentMSecsSinceEpoch() + skewMs.load(); })
        , tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal)
    {
        model.setSource(&lease);
        lease.start();
    }

    LeaseStatus status() const { return model.status(model.rowOfShard(0)); }
    QModelIndex cell(int column) const { return model.index(model.rowOfShard(0), column); }
    QString holder() const { return cell(0).data(LeaseModel::HolderIdRole).toString(); }
    quint64 revision() const { return cell(0).data(LeaseModel::RevisionRole).toULongLong(); }

    std::atomic<qint64> skewMs{0};
    space::DeliveryLease lease;
    LeaseModel model;
    QAbstractItemModelTester tester;
};

wire::MembershipRecord record(const QString &channel, const QString &owner, qint64 generation,
                              qint64 join, std::optional<qint64> leave, bool activated,
                              double updatedAt = 1000)
{
    wire::MembershipRecord r;
    r.channel = channel;
    r.owner = owner;
    r.state = leave ? wire::MemberState::LiveConfirmed : wire::MemberState::DurableActive;
    r.joinCursor = join;
    r.generation = generation;
    r.activated = activated;
    r.writerIdentity = QStringLiteral("daemon");
    r.updatedAt = updatedAt;
    r.leaveCursor = leave;
    return r;
}

} // namespace

class tst_DeliveryPanes : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void leaseTakenBySecondDaemonShowsNewHolder();
    void expiredLeaseShowsExpiredAndKeepsItsHolder();
    void forceReleasedLeaseShowsAbsent();
    void readyLeaseWithoutResponderWarns();
    void timelineCarriesJoinAndLeaveCursors();
    void deliveryPaneRunsItsOwnDaemon();
    void leaseHeldElsewhereIsNamedAndExplained();
    void realTtlExpiryIsForceReleasedFromTheInspector();
    void timelineModelKeepsGenerationsInOrder();
    void feedFreshnessFollowsHeartbeat();
    void healthExplainsMissingDaemon();
    void healthExplainsStuckActivation();
    void healthIsActiveForOnlineActivatedMember();
    void timelineViewHitTestShowsRecord();

private:
    QString newSpace() { return QStringLiteral("dp%1").arg(++m_spaces); }
    // The console's own admin session on the test server.
    endpoint::EndpointOptions adminOptions(const QString &space) const
    {
        nats::ConnectionOptions connection;
        connection.servers = {m_server.url()};
        return endpoint::EndpointOptions::adminConsole(connection, space);
    }

    NatsServerProcess m_server;
    int m_spaces = 0;
};

void tst_DeliveryPanes::initTestCase()
{
    QString error;
    QVERIFY2(m_server.start(&error), qPrintable(error));
}

void tst_DeliveryPanes::leaseTakenBySecondDaemonShowsNewHolder()
{
    DeliveryKit kit(m_server.url(), newSpace());
    QCOMPARE(kit.open(), QString());
    Inspector inspector(kit);
    QTRY_COMPARE_WITH_TIMEOUT(inspector.status(), LeaseStatus::Absent, kWithinASecondMs);

    Daemon first(m_server.url(), kit.space());
    QVERIFY(first.start());
    const QString firstHolder = kit.lease()->holder;
    QTRY_COMPARE_WITH_TIMEOUT(inspector.status(), LeaseStatus::Ready, kWithinASecondMs);
    QCOMPARE(inspector.holder(), firstHolder);
    QVERIFY(inspector.cell(LeaseModel::TimeLeft).data(LeaseModel::TimeLeftMsRole).toLongLong() > 0);

    first.stop();
    QTRY_COMPARE_WITH_TIMEOUT(inspector.status(), LeaseStatus::Absent, kWithinASecondMs);

    Daemon second(m_server.url(), kit.space());
    QVERIFY(second.start());
    const QString secondHolder = kit.lease()->holder;
    QVERIFY(secondHolder != firstHolder);
    QTRY_COMPARE_WITH_TIMEOUT(inspector.holder(), secondHolder, kWithinASecondMs);
    QCOMPARE(inspector.status(), LeaseStatus::Ready);
    QCOMPARE(inspector.model.holdersSeen(inspector.model.rowOfShard(0)),
             QStringList({firstHolder, secondHolder}));
    second.stop();
}

void tst_DeliveryPanes::expiredLeaseShowsExpiredAndKeepsItsHolder()
{
    DeliveryKit kit(m_server.url(), newSpace());
    QCOMPARE(kit.open(), QString());
    Inspector inspector(kit);
    // A daemon that took the lease and died before binding: nobody renews it.
    space::DeliveryLease writer(kit.bucket(wire::deliveryBucket(kit.space())));
    const auto taken = awaitResult(writer.acquire(QStringLiteral("ghost")));
    QVERIFY(taken && taken->ok());
    QTRY_COMPARE_WITH_TIMEOUT(inspector.status(), LeaseStatus::ClaimedNotReady, kWithinASecondMs);
    QCOMPARE(inspector.revision(), taken->revision);

    // Thirty seconds on, the bucket's max_age has removed it, which sends no watch event.
    inspector.skewMs = space::DeliveryLease::kTtlMs + 500;
    QTRY_COMPARE_WITH_TIMEOUT(inspector.status(), LeaseStatus::Expired, kWithinASecondMs);
    QCOMPARE(inspector.holder(), QStringLiteral("ghost"));
    QCOMPARE(inspector.revision(), taken->revision);
    QVERIFY(inspector.cell(0).data(LeaseModel::ForceReleaseRole).toBool());
    QVERIFY(!inspector.cell(0).data(LeaseModel::WarningRole).toString().isEmpty());
}

void tst_DeliveryPanes::forceReleasedLeaseShowsAbsent()
{
    DeliveryKit kit(m_server.url(), newSpace());
    QCOMPARE(kit.open(), QString());
    Inspector inspector(kit);
    space::DeliveryLease writer(kit.bucket(wire::deliveryBucket(kit.space())));
    const auto taken = awaitResult(writer.acquire(QStringLiteral("wedged")));
    QVERIFY(taken && taken->ok());
    const auto ready = awaitResult(writer.markReady(QStringLiteral("wedged"), taken->revision));
    QVERIFY(ready && ready->ok());
    QTRY_COMPARE_WITH_TIMEOUT(inspector.status(), LeaseStatus::Ready, kWithinASecondMs);
    QCOMPARE(inspector.revision(), ready->revision);

    // A release on an older revision than the one shown is refused: the CAS protects a lease
    // that moved on.
    const auto stale = awaitResult(inspector.lease.forceRelease(taken->revision));
    QVERIFY(stale);
    QCOMPARE(stale->kind, space::SpaceErrorKind::RevisionConflict);
    QCOMPARE(inspector.status(), LeaseStatus::Ready);

    const auto released = awaitResult(inspector.lease.forceRelease(inspector.revision()));
    QVERIFY(released);
    QVERIFY2(!released->isError(), qPrintable(released->describe()));
    QTRY_COMPARE_WITH_TIMEOUT(inspector.status(), LeaseStatus::Absent, kWithinASecondMs);
    QVERIFY(!kit.lease());
    QCOMPARE(inspector.model.holdersSeen(0), QStringList({QStringLiteral("wedged")}));
}

void tst_DeliveryPanes::readyLeaseWithoutResponderWarns()
{
    DeliveryKit kit(m_server.url(), newSpace());
    QCOMPARE(kit.open(), QString());
    Inspector inspector(kit);
    space::DeliveryLease writer(kit.bucket(wire::deliveryBucket(kit.space())));
    const auto taken = awaitResult(writer.acquire(QStringLiteral("gone")));
    QVERIFY(taken && taken->ok());
    QVERIFY(awaitResult(writer.markReady(QStringLiteral("gone"), taken->revision)));
    QTRY_COMPARE_WITH_TIMEOUT(inspector.status(), LeaseStatus::Ready, kWithinASecondMs);
    QVERIFY(!inspector.cell(0).data(LeaseModel::ForceReleaseRole).toBool());

    // The console's own session asks ctl.delivery, as the Delivery tab does.
    ui::ConsoleSession session;
    QSignalSpy started(&session, &ui::ConsoleSession::started);
    session.open(adminOptions(kit.space()));
    QTRY_COMPARE_WITH_TIMEOUT(started.count(), 1, testing::kKitWaitMs);
    ui::ResponderProbe probe([&session] {
        return session.control(QStringLiteral("delivery"), QStringLiteral("listMemberships"), {},
                               2000);
    });
    QObject::connect(&probe, &ui::ResponderProbe::statusChanged, &inspector.model,
                     &LeaseModel::setResponderStatus);
    probe.start(200);
    QTRY_COMPARE_WITH_TIMEOUT(probe.status(), ui::ResponderStatus::NoResponders,
                              testing::kKitWaitMs);
    QVERIFY(inspector.cell(0).data(LeaseModel::WarningRole).toString().contains(u"ctl.delivery"));
    QVERIFY(inspector.cell(0).data(LeaseModel::ForceReleaseRole).toBool());

    // Once a real daemon serves (after the wedged lease is gone), the probe sees it answer.
    QVERIFY(awaitResult(inspector.lease.forceRelease(inspector.revision())));
    Daemon daemon(m_server.url(), kit.space());
    QVERIFY(daemon.start());
    QTRY_COMPARE_WITH_TIMEOUT(probe.status(), ui::ResponderStatus::Answering, testing::kKitWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(inspector.status(), LeaseStatus::Ready, kWithinASecondMs);
    QVERIFY(inspector.cell(0).data(LeaseModel::WarningRole).toString().isEmpty());
    probe.stop();
    daemon.stop();
    session.close();
}

void tst_DeliveryPanes::timelineCarriesJoinAndLeaveCursors()
{
    DeliveryKit kit(m_server.url(), newSpace());
    QCOMPARE(kit.open(), QString());
    const QString bob = QStringLiteral("bob-") + testing::randomId().left(8);
    const QString team = QStringLiteral("team");
    QVERIFY(kit.putAcl(bob, {team}));
    Daemon daemon(m_server.url(), kit.space());
    QVERIFY(daemon.start());

    space::MemberRegistry registry(kit.bucket(wire::membersBucket(kit.space())));
    TimelineModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setSource(&registry);
    registry.start();
    QTRY_VERIFY_WITH_TIMEOUT(registry.isLoaded(), testing::kKitWaitMs);

    const auto stored = [&] {
        const auto read = awaitResult(registry.read(team, bob));
        return read && read->entry ? std::optional(read->entry->record) : std::nullopt;
    };

    QVERIFY(kit.post(QStringLiteral("alice"), team, QStringLiteral("before")));
    const std::optional<qint64> first = kit.durableJoin(bob, team);
    QCOMPARE(first, std::optional<qint64>(1));
    const auto joined = stored();
    QVERIFY(joined);
    QVERIFY(kit.post(QStringLiteral("alice"), team, QStringLiteral("during")));
    QVERIFY(kit.durableLeave(bob, team, 1));
    const auto left = stored();
    QVERIFY(left && left->leaveCursor);
    QVERIFY(kit.post(QStringLiteral("alice"), team, QStringLiteral("between")));
    QCOMPARE(kit.durableJoin(bob, team), std::optional<qint64>(2));
    const auto rejoined = stored();
    QVERIFY(rejoined && !rejoined->leaveCursor);

    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 2, testing::kKitWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(
        model.index(model.rowOf(team, bob, 2), 0).data(TimelineModel::PhaseRole).toInt() ==
            int(TimelineModel::Phase::Activated),
        testing::kKitWaitMs);
    const QModelIndex one = model.index(model.rowOf(team, bob, 1), 0);
    const QModelIndex two = model.index(model.rowOf(team, bob, 2), 0);
    QVERIFY(one.isValid() && two.isValid());
    QCOMPARE(one.data(TimelineModel::JoinCursorRole).toLongLong(), joined->joinCursor);
    QCOMPARE(one.data(TimelineModel::LeaveCursorRole).toLongLong(), *left->leaveCursor);
    QCOMPARE(one.data(TimelineModel::PhaseRole).toInt(), int(TimelineModel::Phase::Tombstoned));
    QCOMPARE(one.data(TimelineModel::CurrentRole).toBool(), false);
    QCOMPARE(two.data(TimelineModel::JoinCursorRole).toLongLong(), rejoined->joinCursor);
    QVERIFY(!two.data(TimelineModel::LeaveCursorRole).isValid());
    QCOMPARE(two.data(TimelineModel::GenerationRole).toLongLong(), 2);
    QCOMPARE(two.data(TimelineModel::CurrentRole).toBool(), true);
    // The rejoin's window starts after the tombstone's: nothing is double-counted.
    QVERIFY(rejoined->joinCursor >= *left->leaveCursor);
    QCOMPARE(two.data(TimelineModel::RecordRole).toString(),
             QString::fromUtf8(wire::encodeMembershipRecord(*rejoined)));
    daemon.stop();
}

void tst_DeliveryPanes::deliveryPaneRunsItsOwnDaemon()
{
    DeliveryKit kit(m_server.url(), newSpace());
    QCOMPARE(kit.open(), QString());
    ui::ConsoleSession session;
    ui::DeliveryPane pane(&session);
    session.open(adminOptions(kit.space()));
    QTRY_VERIFY_WITH_TIMEOUT(session.access()->isReady(), testing::kKitWaitMs);

    LeaseModel *leases = pane.leaseModel();
    QTRY_COMPARE_WITH_TIMEOUT(leases->status(leases->rowOfShard(0)), LeaseStatus::Absent,
                              kWithinASecondMs);
    pane.daemonPane()->start();
    QTRY_VERIFY_WITH_TIMEOUT(!pane.daemonPane()->daemonId().isEmpty(), testing::kKitWaitMs);
    const QString id = pane.daemonPane()->daemonId();
    QTRY_COMPARE_WITH_TIMEOUT(leases->status(leases->rowOfShard(0)), LeaseStatus::Ready,
                              kWithinASecondMs);
    const QModelIndex holder = leases->index(leases->rowOfShard(0), LeaseModel::Holder);
    QCOMPARE(holder.data(LeaseModel::HolderIdRole).toString(), id);
    QVERIFY(holder.data().toString().contains(u"this console's daemon"));
    QCOMPARE(kit.lease()->holder, id);

    pane.daemonPane()->stop();
    QTRY_COMPARE_WITH_TIMEOUT(leases->status(leases->rowOfShard(0)), LeaseStatus::Absent,
                              testing::kKitWaitMs);
    session.close();
}

void tst_DeliveryPanes::leaseHeldElsewhereIsNamedAndExplained()
{
    DeliveryKit kit(m_server.url(), newSpace());
    QCOMPARE(kit.open(), QString());
    ui::ConsoleSession session;
    ui::DeliveryPane pane(&session);
    pane.nameDaemon(QStringLiteral("mesh-daemon"), QStringLiteral("the demo mesh's daemon"));
    session.open(adminOptions(kit.space()));
    QTRY_VERIFY_WITH_TIMEOUT(session.access()->isReady(), testing::kKitWaitMs);
    auto *lease = pane.daemonPane()->findChild<QLabel *>(QStringLiteral("daemonLease"));
    QVERIFY(lease);
    QTRY_VERIFY_WITH_TIMEOUT(lease->text().contains(u"no daemon holds"), testing::kKitWaitMs);

    // Another daemon (not this console's, without a presence card) takes the lease.
    space::DeliveryLease writer(kit.bucket(wire::deliveryBucket(kit.space())));
    const auto taken = awaitResult(writer.acquire(QStringLiteral("mesh-daemon")));
    QVERIFY(taken && taken->ok());
    LeaseModel *leases = pane.leaseModel();
    QTRY_COMPARE_WITH_TIMEOUT(leases->status(leases->rowOfShard(0)), LeaseStatus::ClaimedNotReady,
                              testing::kKitWaitMs);
    const QModelIndex holder = leases->index(leases->rowOfShard(0), LeaseModel::Holder);
    QVERIFY(holder.data().toString().contains(u"the demo mesh's daemon"));
    QVERIFY(lease->text().contains(u"the demo mesh's daemon"));
    QVERIFY(lease->text().contains(u"refused"));
    session.close();
}

void tst_DeliveryPanes::realTtlExpiryIsForceReleasedFromTheInspector()
{
    DeliveryKit kit(m_server.url(), newSpace());
    QCOMPARE(kit.open(), QString());
    ui::ConsoleSession session;
    ui::DeliveryPane pane(&session);
    session.open(adminOptions(kit.space()));
    QTRY_VERIFY_WITH_TIMEOUT(session.access()->isReady(), testing::kKitWaitMs);
    LeaseModel *leases = pane.leaseModel();

    // A daemon that died right after taking the lease: the real 30 s TTL runs out.
    space::DeliveryLease writer(kit.bucket(wire::deliveryBucket(kit.space())));
    const auto taken = awaitResult(writer.acquire(QStringLiteral("crashed")));
    QVERIFY(taken && taken->ok());
    QTRY_COMPARE_WITH_TIMEOUT(leases->status(leases->rowOfShard(0)), LeaseStatus::ClaimedNotReady,
                              kWithinASecondMs);
    QTRY_COMPARE_WITH_TIMEOUT(leases->status(leases->rowOfShard(0)), LeaseStatus::Expired,
                              int(space::DeliveryLease::kTtlMs) + 10000);
    const QModelIndex row = leases->index(leases->rowOfShard(0), 0);
    QCOMPARE(row.data(LeaseModel::HolderIdRole).toString(), QStringLiteral("crashed"));
    QCOMPARE(row.data(LeaseModel::RevisionRole).toULongLong(), taken->revision);

    // The admin confirms the forced release of the revision shown. Whether the bucket already
    // removed the value (the CAS is refused and the lease is read again) or not (the delete
    // lands), the row ends absent.
    emit pane.leaseInspector()->forceReleaseRequested(0, taken->revision);
    QTRY_COMPARE_WITH_TIMEOUT(leases->status(leases->rowOfShard(0)), LeaseStatus::Absent,
                              kWithinASecondMs);
    QVERIFY(!kit.lease());
    session.close();
}

void tst_DeliveryPanes::timelineModelKeepsGenerationsInOrder()
{
    TimelineModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.applyRecord(record(QStringLiteral("ops"), QStringLiteral("b"), 1, 10, {}, false, 100));
    model.applyRecord(record(QStringLiteral("team"), QStringLiteral("a"), 1, 5, {}, true, 200));
    model.applyRecord(record(QStringLiteral("ops"), QStringLiteral("b"), 1, 10, {}, true, 150));
    model.applyRecord(record(QStringLiteral("ops"), QStringLiteral("b"), 1, 10, 20, true, 300));
    model.applyRecord(record(QStringLiteral("ops"), QStringLiteral("b"), 2, 25, {}, false, 400));
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.channels(), QStringList({QStringLiteral("ops"), QStringLiteral("team")}));
    const QModelIndex old =
        model.index(model.rowOf(QStringLiteral("ops"), QStringLiteral("b"), 1), 0);
    QCOMPARE(old.row(), 0);
    QCOMPARE(old.data(TimelineModel::JoinedAtRole).toLongLong(), 100);
    QCOMPARE(old.data(TimelineModel::LeftAtRole).toLongLong(), 300);
    QCOMPARE(old.data(TimelineModel::CurrentRole).toBool(), false);
    const QModelIndex pending = model.index(1, 0);
    QCOMPARE(pending.data(TimelineModel::GenerationRole).toLongLong(), 2);
    QCOMPARE(pending.data(TimelineModel::PhaseRole).toInt(), int(TimelineModel::Phase::Pending));
    model.markRemoved(QStringLiteral("ops"), QStringLiteral("b"));
    QCOMPARE(pending.data(TimelineModel::CurrentRole).toBool(), false);
}

void tst_DeliveryPanes::feedFreshnessFollowsHeartbeat()
{
    ui::MembershipFeedModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    qint64 now = 100000;
    model.setClock([&now] { return now; });
    QCOMPARE(model.freshness(), ui::MembershipFeedModel::Freshness::Absent);

    const auto entry = [](const QString &key, const QByteArray &value, bool live = true) {
        nats::KvEntry e;
        e.key = key;
        e.value = value;
        e.operation = live ? nats::KvEntry::Operation::Put : nats::KvEntry::Operation::Delete;
        return e;
    };
    wire::ChannelMembership bob;
    bob.live = {QStringLiteral("team")};
    bob.durable = {QStringLiteral("team")};
    bob.observedAt = 99000;
    model.apply(space::MembershipFeedReader::decode(
        {entry(QStringLiteral("bob"), wire::encodeChannelMembership(bob)),
         entry(wire::kMembershipFeedKey.toString(),
               wire::encodeMembershipFeedHeartbeat({99000, 1}))}));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.freshness(), ui::MembershipFeedModel::Freshness::Live);
    QCOMPARE(model.membership(QStringLiteral("bob"))->durable, bob.durable);

    now = 99000 + ui::MembershipFeedModel::kStaleAfterMs + 1;
    QCOMPARE(model.freshness(), ui::MembershipFeedModel::Freshness::Stale);
    model.apply(space::MembershipFeedReader::decode({entry(QStringLiteral("bob"), {}, false)}));
    QCOMPARE(model.rowCount(), 0);
}

void tst_DeliveryPanes::healthExplainsMissingDaemon()
{
    ui::HealthExplainer::Inputs in;
    in.lease = LeaseStatus::Expired;
    in.members = {record(QStringLiteral("team"), QStringLiteral("bob"), 1, 5, {}, true)};
    in.channelClasses.insert(QStringLiteral("chat"), wire::DeliveryClass::Live);
    in.now = 5000;
    const QList<ui::ChannelHealth> health = ui::HealthExplainer::explain(in);
    QCOMPARE(health.size(), 2);
    QCOMPARE(health[0].channel, QStringLiteral("chat"));
    QCOMPARE(health[0].worst, ui::HealthFinding::Severity::Ok);
    QCOMPARE(health[1].channel, QStringLiteral("team"));
    QCOMPARE(health[1].worst, ui::HealthFinding::Severity::Error);
    QVERIFY(health[1].findings.first().text.contains(u"expired"));
    // The member is degraded for the same reason, said about the member.
    QVERIFY(health[1].findings.last().text.contains(u"no delivery daemon holds the lease"));
}

void tst_DeliveryPanes::healthExplainsStuckActivation()
{
    ui::HealthExplainer::Inputs in;
    in.lease = LeaseStatus::Ready;
    in.responder = ui::ResponderStatus::Answering;
    in.members = {record(QStringLiteral("team"), QStringLiteral("bob"), 3, 40, {}, false, 1000)};
    in.now = 1000 + ui::HealthExplainer::kStuckActivationMs + 1;
    const QList<ui::ChannelHealth> health = ui::HealthExplainer::explain(in);
    QCOMPARE(health.size(), 1);
    QCOMPARE(health[0].worst, ui::HealthFinding::Severity::Warning);
    QCOMPARE(health[0].findings.size(), 1);
    QCOMPARE(health[0].findings[0].owner, QStringLiteral("bob"));
    QVERIFY(health[0].findings[0].text.contains(u"never finished activation"));
}

void tst_DeliveryPanes::healthIsActiveForOnlineActivatedMember()
{
    ui::HealthExplainer::Inputs in;
    in.lease = LeaseStatus::Ready;
    in.responder = ui::ResponderStatus::NoResponders;
    in.members = {record(QStringLiteral("team"), QStringLiteral("bob"), 1, 5, {}, true)};
    in.online.insert(QStringLiteral("bob"), true);
    in.names.insert(QStringLiteral("bob"), QStringLiteral("Bob"));
    const QList<ui::ChannelHealth> dead = ui::HealthExplainer::explain(in);
    QCOMPARE(dead[0].worst, ui::HealthFinding::Severity::Error);
    QVERIFY(dead[0].findings[0].text.contains(u"nothing answers ctl.delivery"));

    in.responder = ui::ResponderStatus::Answering;
    const QList<ui::ChannelHealth> fine = ui::HealthExplainer::explain(in);
    QCOMPARE(fine[0].worst, ui::HealthFinding::Severity::Ok);
    QCOMPARE(fine[0].findings.size(), 1);
    QVERIFY(fine[0].findings[0].text.startsWith(u"Bob: durable backstop active"));
}

void tst_DeliveryPanes::timelineViewHitTestShowsRecord()
{
    TimelineModel model;
    const wire::MembershipRecord open =
        record(QStringLiteral("team"), QStringLiteral("bob"), 1, 0, {}, true);
    model.applyRecord(open);
    ui::TimelineView view;
    view.setModel(&model);
    view.setFrontier(100);
    view.resize(800, 200);
    view.grab(); // paints, which lays the bars out
    // The open bar spans the middle of the plot on its lane (axis, channel header, lane).
    const QPoint onBar(400, 28 + 22 + 13);
    QCOMPARE(view.recordAt(onBar), QString::fromUtf8(wire::encodeMembershipRecord(open)));
    QCOMPARE(view.recordAt(QPoint(5, 5)), QString());
}

QTEST_MAIN(tst_DeliveryPanes)
#include "tst_deliverypanes.moc"
