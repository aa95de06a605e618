#include "ui/anomalymodel.h"
#include "ui/channelsmodel.h"
#include "ui/dmlensmodel.h"
#include "ui/feedfilterproxy.h"
#include "ui/feedmodel.h"
#include "ui/messagepacer.h"
#include "ui/rosterfilterproxy.h"
#include "ui/rostermodel.h"
#include "ui/statustone.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

using namespace cotal;
using cotal::ui::ChannelsModel;
using cotal::ui::FeedFilterProxy;
using cotal::ui::FeedModel;
using cotal::ui::RosterModel;

namespace {

wire::Presence presence(const QString &id, wire::PresenceStatus status, double ts,
                        const QString &activity = {})
{
    wire::Presence p;
    p.card.id = id;
    p.card.name = id;
    p.status = status;
    if (!activity.isEmpty())
        p.activity = activity;
    p.ts = ts;
    return p;
}

endpoint::ReceivedMessage message(int n, wire::DeliveryKind kind = wire::DeliveryKind::Channel,
                                  const QString &from = QStringLiteral("alice"),
                                  const QString &target = QStringLiteral("general"))
{
    endpoint::ReceivedMessage r;
    r.kind = kind;
    r.message.id = QStringLiteral("m%1").arg(n);
    r.message.ts = 1700000000000.0 + n;
    r.message.space = QStringLiteral("main");
    r.message.from = wire::EndpointRef{from, from, std::nullopt};
    r.message.route.kind = kind == wire::DeliveryKind::Channel ? wire::RouteKind::Channel
                           : kind == wire::DeliveryKind::Dm    ? wire::RouteKind::Direct
                                                               : wire::RouteKind::Service;
    r.message.route.target = target;
    r.message.parts = {wire::Part::makeText(QStringLiteral("hello %1").arg(n))};
    return r;
}

QList<endpoint::ReceivedMessage> batch(int from, int count)
{
    QList<endpoint::ReceivedMessage> list;
    for (int i = from; i < from + count; ++i)
        list.append(message(i));
    return list;
}

QString textAt(const QAbstractItemModel &model, int row)
{
    return model.index(row, FeedModel::Text).data(FeedModel::RawRole).toString();
}

} // namespace

class tst_Models : public QObject
{
    Q_OBJECT

private slots:
    void rosterInsertsNewPeersAsOneBlock();
    void rosterHeartbeatOnlyTouchesAgeColumn();
    void rosterStatusChangeEmitsOneRow();
    void rosterResetsWhenPeersDisappear();
    void rosterCountsAndOldestWaiting();
    void rosterProxySortsByRealTypes();
    void rosterProxyFiltersTextAndOffline();
    void needsYouListsWaitingOldestFirst();
    void feedInsertsWholeBatchOnce();
    void feedEvictsOldestAsOneBlock();
    void feedBatchLargerThanCapacityKeepsNewest();
    void feedShrinkingCapacityEvicts();
    void feedPauseHoldsRowsAndCounts();
    void feedCoalescesBatchesWithFlushInterval();
    void feedClearResets();
    void feedShowsDmTargetsByName();
    void feedRowsKeepTheirOwnSendersAndTargets();
    void feedProxyFiltersModesChannelsSendersText();
    void feedProxyFollowsEvictions();
    void pacerReleasesOneBatchPerTurnInOrder();
    void pacerDropsOldestBeyondBacklogLimit();
    void pacerClearForgetsWhatWaits();
    void channelsListingAndObserved();
    void channelsHealthWording();
    void anomaliesBounded();
    void dmLensRollsUpPairs();
    void dmLensNamesPeersFromTheRoster();
    void dmLensColumnsHaveDistinctTitles();
    void rosterTextColumnsCarryTheWholeValueAsTooltip();
    void errorTextIsReadableOnLightAndDark();
};

void tst_Models::rosterInsertsNewPeersAsOneBlock()
{
    RosterModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setClock([] { return qint64(10000); });
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);

    model.setRoster({presence("a", wire::PresenceStatus::Idle, 9000),
                     presence("b", wire::PresenceStatus::Working, 9000),
                     presence("c", wire::PresenceStatus::Waiting, 9000)});
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 0);
    QCOMPARE(inserted.at(0).at(2).toInt(), 2);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(1, RosterModel::Status).data().toString(), QStringLiteral("● working"));
    QCOMPARE(model.index(0, RosterModel::HeartbeatAge).data(RosterModel::RawRole).toLongLong(),
             1000);

    model.setRoster({presence("a", wire::PresenceStatus::Idle, 9000),
                     presence("b", wire::PresenceStatus::Working, 9000),
                     presence("c", wire::PresenceStatus::Waiting, 9000),
                     presence("d", wire::PresenceStatus::Idle, 9000),
                     presence("e", wire::PresenceStatus::Idle, 9000)});
    QCOMPARE(inserted.count(), 2);
    QCOMPARE(inserted.at(1).at(1).toInt(), 3);
    QCOMPARE(inserted.at(1).at(2).toInt(), 4);
}

void tst_Models::rosterHeartbeatOnlyTouchesAgeColumn()
{
    RosterModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setRoster({presence("a", wire::PresenceStatus::Idle, 1000),
                     presence("b", wire::PresenceStatus::Idle, 1000)});
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    // A heartbeat moves only ts: no row-wide change.
    model.setRoster({presence("a", wire::PresenceStatus::Idle, 3000),
                     presence("b", wire::PresenceStatus::Idle, 3000)});
    QCOMPARE(changed.count(), 0);

    model.refreshAges();
    QCOMPARE(changed.count(), 1);
    const QModelIndex topLeft = changed.at(0).at(0).value<QModelIndex>();
    const QModelIndex bottomRight = changed.at(0).at(1).value<QModelIndex>();
    QCOMPARE(topLeft.row(), 0);
    QCOMPARE(bottomRight.row(), 1);
    QCOMPARE(topLeft.column(), int(RosterModel::HeartbeatAge));
    QCOMPARE(bottomRight.column(), int(RosterModel::HeartbeatAge));
}

void tst_Models::rosterStatusChangeEmitsOneRow()
{
    RosterModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QList<wire::Presence> roster;
    for (int i = 0; i < 10; ++i)
        roster.append(presence(QStringLiteral("p%1").arg(i), wire::PresenceStatus::Idle, 1000));
    model.setRoster(roster);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    roster[4].status = wire::PresenceStatus::Working;
    roster[4].activity = QStringLiteral("building");
    model.setRoster(roster);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), 4);
    QCOMPARE(changed.at(0).at(1).value<QModelIndex>().row(), 4);
    QCOMPARE(changed.at(0).at(1).value<QModelIndex>().column(), RosterModel::ColumnCount - 1);
    QCOMPARE(model.index(4, RosterModel::Activity).data().toString(), QStringLiteral("building"));
}

void tst_Models::rosterResetsWhenPeersDisappear()
{
    RosterModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setRoster({presence("a", wire::PresenceStatus::Idle, 1000),
                     presence("b", wire::PresenceStatus::Idle, 1000)});
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setRoster({presence("b", wire::PresenceStatus::Idle, 1000)});
    QCOMPARE(reset.count(), 1);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.rowOf(QStringLiteral("b")), 0);
    QCOMPARE(model.rowOf(QStringLiteral("a")), -1);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void tst_Models::rosterCountsAndOldestWaiting()
{
    RosterModel model;
    qint64 now = 1000;
    model.setClock([&now] { return now; });
    model.setRoster({presence("w1", wire::PresenceStatus::Waiting, 900),
                     presence("i", wire::PresenceStatus::Idle, 900)});
    now = 5000;
    model.setRoster({presence("w1", wire::PresenceStatus::Waiting, 4900),
                     presence("i", wire::PresenceStatus::Waiting, 4900),
                     presence("x", wire::PresenceStatus::Offline, 100),
                     presence("k", wire::PresenceStatus::Working, 4900)});
    const RosterModel::Counts counts = model.counts();
    QCOMPARE(counts.waiting, 2);
    QCOMPARE(counts.working, 1);
    QCOMPARE(counts.idle, 0);
    QCOMPARE(counts.offline, 1);
    QCOMPARE(counts.oldestWaitingId, QStringLiteral("w1"));
    QCOMPARE(counts.oldestWaitingSinceMs, qint64(1000));
}

void tst_Models::rosterProxySortsByRealTypes()
{
    RosterModel model;
    model.setClock([] { return qint64(100000); });
    ui::RosterFilterProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setRoster({presence("agent10", wire::PresenceStatus::Idle, 99000),
                     presence("agent9", wire::PresenceStatus::Waiting, 90000),
                     presence("agent2", wire::PresenceStatus::Working, 1000)});

    proxy.sort(RosterModel::Name, Qt::AscendingOrder);
    QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("agent2"));
    QCOMPARE(proxy.index(2, 0).data().toString(), QStringLiteral("agent10")); // natural order

    proxy.sort(RosterModel::HeartbeatAge, Qt::AscendingOrder); // 1 s < 10 s < 99 s, numerically
    QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("agent10"));
    QCOMPARE(proxy.index(2, 0).data().toString(), QStringLiteral("agent2"));

    proxy.sort(RosterModel::Status, Qt::AscendingOrder); // waiting first
    QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("agent9"));
}

void tst_Models::rosterProxyFiltersTextAndOffline()
{
    RosterModel model;
    ui::RosterFilterProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setRoster({presence("alice", wire::PresenceStatus::Idle, 1, QStringLiteral("reviewing")),
                     presence("bob", wire::PresenceStatus::Offline, 1),
                     presence("carol", wire::PresenceStatus::Working, 1)});
    proxy.setHideOffline(true);
    QCOMPARE(proxy.rowCount(), 2);
    proxy.setFilterText(QStringLiteral("REVIEW"));
    QCOMPARE(proxy.rowCount(), 1);
    QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("alice"));
    proxy.setFilterText({});
    proxy.setHideOffline(false);
    QCOMPARE(proxy.rowCount(), 3);
}

void tst_Models::needsYouListsWaitingOldestFirst()
{
    RosterModel model;
    qint64 now = 1000;
    model.setClock([&now] { return now; });
    ui::NeedsYouProxy needsYou;
    needsYou.setSourceModel(&model);
    QAbstractItemModelTester tester(&needsYou,
                                    QAbstractItemModelTester::FailureReportingMode::Fatal);

    model.setRoster(
        {presence("late", wire::PresenceStatus::Idle, 1),
         presence("early", wire::PresenceStatus::Waiting, 1, QStringLiteral("approve"))});
    now = 2000;
    model.setRoster(
        {presence("late", wire::PresenceStatus::Waiting, 1),
         presence("early", wire::PresenceStatus::Waiting, 1, QStringLiteral("approve"))});
    QCOMPARE(needsYou.rowCount(), 2);
    QCOMPARE(needsYou.index(0, 0).data(RosterModel::IdRole).toString(), QStringLiteral("early"));
    QCOMPARE(needsYou.index(0, 0).data().toString(), QStringLiteral("early — approve"));
    now = 3000;
    model.setRoster({presence("late", wire::PresenceStatus::Waiting, 1),
                     presence("early", wire::PresenceStatus::Working, 1)});
    QCOMPARE(needsYou.rowCount(), 1);
    QCOMPARE(needsYou.index(0, 0).data(RosterModel::IdRole).toString(), QStringLiteral("late"));
}

void tst_Models::feedInsertsWholeBatchOnce()
{
    FeedModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.append(batch(0, 100));
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.at(0).at(2).toInt(), 99);
    model.append(batch(100, 50));
    QCOMPARE(inserted.count(), 2);
    QCOMPARE(inserted.at(1).at(1).toInt(), 100);
    QCOMPARE(inserted.at(1).at(2).toInt(), 149);
    QCOMPARE(model.rowCount(), 150);
    QCOMPARE(textAt(model, 149), QStringLiteral("hello 149"));
    QCOMPARE(model.index(0, FeedModel::Mode).data().toString(), QStringLiteral("channel"));
    QCOMPARE(model.totalReceived(), quint64(150));
}

void tst_Models::feedEvictsOldestAsOneBlock()
{
    FeedModel model;
    model.setCapacity(100);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.append(batch(0, 90));
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);

    model.append(batch(90, 30)); // 20 too many: rows 0..19 go as one block
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.at(0).at(1).toInt(), 0);
    QCOMPARE(removed.at(0).at(2).toInt(), 19);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(model.rowCount(), 100);
    QCOMPARE(textAt(model, 0), QStringLiteral("hello 20"));
    QCOMPARE(textAt(model, 99), QStringLiteral("hello 119"));

    // Wrapping around the ring several times keeps the order.
    for (int i = 0; i < 7; ++i)
        model.append(batch(120 + i * 37, 37));
    QCOMPARE(model.rowCount(), 100);
    QCOMPARE(textAt(model, 99), QStringLiteral("hello 378"));
    QCOMPARE(textAt(model, 0), QStringLiteral("hello 279"));
}

void tst_Models::feedBatchLargerThanCapacityKeepsNewest()
{
    FeedModel model;
    model.setCapacity(10);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.append(batch(0, 5));
    model.append(batch(5, 25));
    QCOMPARE(model.rowCount(), 10);
    QCOMPARE(textAt(model, 0), QStringLiteral("hello 20"));
    QCOMPARE(textAt(model, 9), QStringLiteral("hello 29"));
}

void tst_Models::feedShrinkingCapacityEvicts()
{
    FeedModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setCapacity(50);
    model.append(batch(0, 70)); // wraps
    model.setCapacity(20);
    QCOMPARE(model.rowCount(), 20);
    QCOMPARE(textAt(model, 0), QStringLiteral("hello 50"));
    model.append(batch(70, 5));
    QCOMPARE(model.rowCount(), 20);
    QCOMPARE(textAt(model, 19), QStringLiteral("hello 74"));
    model.setCapacity(200);
    model.append(batch(75, 5));
    QCOMPARE(model.rowCount(), 25);
    QCOMPARE(textAt(model, 0), QStringLiteral("hello 55"));
}

void tst_Models::feedPauseHoldsRowsAndCounts()
{
    FeedModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.append(batch(0, 3));
    QSignalSpy pending(&model, &FeedModel::pendingCountChanged);
    model.setPaused(true);
    model.append(batch(3, 4));
    model.append(batch(7, 2));
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.pendingCount(), qint64(6));
    QCOMPARE(pending.count(), 2);
    QCOMPARE(model.totalReceived(), quint64(9));

    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.setPaused(false);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(model.rowCount(), 9);
    QCOMPARE(model.pendingCount(), qint64(0));
    QCOMPARE(textAt(model, 8), QStringLiteral("hello 8"));
}

void tst_Models::feedCoalescesBatchesWithFlushInterval()
{
    FeedModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setFlushInterval(20);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.append(batch(0, 3));
    model.append(batch(3, 3));
    model.append(batch(6, 3));
    QCOMPARE(model.rowCount(), 0);
    QTRY_COMPARE(model.rowCount(), 9);
    QCOMPARE(inserted.count(), 1);
}

void tst_Models::feedClearResets()
{
    FeedModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setCapacity(10);
    model.append(batch(0, 15));
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.clear();
    QCOMPARE(reset.count(), 1);
    QCOMPARE(model.rowCount(), 0);
    model.append(batch(0, 4));
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(textAt(model, 0), QStringLiteral("hello 0"));
}

void tst_Models::pacerReleasesOneBatchPerTurnInOrder()
{
    ui::MessagePacer pacer;
    QList<QList<endpoint::ReceivedMessage>> released;
    connect(&pacer, &ui::MessagePacer::released, this,
            [&released](const QList<endpoint::ReceivedMessage> &b) { released.append(b); });
    pacer.push(batch(0, 3));
    pacer.push(batch(3, 2));
    pacer.push(batch(5, 4));
    // Nothing is handed over inside push(): the receiver's work waits for the loop.
    QVERIFY(released.isEmpty());
    QCOMPARE(pacer.backlog(), 9);
    QTRY_COMPARE(released.size(), 3);
    QCOMPARE(released.at(0).size(), 3);
    QCOMPARE(released.at(1).size(), 2);
    QCOMPARE(released.at(2).size(), 4);
    QCOMPARE(released.at(2).last().message.id, QStringLiteral("m8"));
    QCOMPARE(pacer.backlog(), 0);
    QCOMPARE(pacer.dropped(), quint64(0));
}

void tst_Models::pacerDropsOldestBeyondBacklogLimit()
{
    ui::MessagePacer pacer;
    pacer.setBacklogLimit(10);
    QSignalSpy dropped(&pacer, &ui::MessagePacer::droppedChanged);
    QList<QList<endpoint::ReceivedMessage>> released;
    connect(&pacer, &ui::MessagePacer::released, this,
            [&released](const QList<endpoint::ReceivedMessage> &b) { released.append(b); });
    pacer.push(batch(0, 4));
    pacer.push(batch(4, 4));
    pacer.push(batch(8, 4)); // 12 waiting: the oldest batch goes
    QCOMPARE(pacer.backlog(), 8);
    QCOMPARE(pacer.dropped(), quint64(4));
    QCOMPARE(dropped.count(), 1);
    QCOMPARE(dropped.first().first().toULongLong(), quint64(4));
    QTRY_COMPARE(released.size(), 2);
    QCOMPARE(released.first().first().message.id, QStringLiteral("m4"));
}

void tst_Models::pacerClearForgetsWhatWaits()
{
    ui::MessagePacer pacer;
    QSignalSpy released(&pacer, &ui::MessagePacer::released);
    pacer.push(batch(0, 3));
    pacer.clear();
    QCOMPARE(pacer.backlog(), 0);
    pacer.push(batch(3, 1));
    QTRY_COMPARE(released.count(), 1);
    QTest::qWait(20);
    QCOMPARE(released.count(), 1);
    QCOMPARE(released.first().first().value<QList<endpoint::ReceivedMessage>>().first().message.id,
             QStringLiteral("m3"));
}

void tst_Models::feedShowsDmTargetsByName()
{
    FeedModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.append(
        {message(0, wire::DeliveryKind::Dm, QStringLiteral("alice"), QStringLiteral("id-bob")),
         message(1, wire::DeliveryKind::Channel, QStringLiteral("alice"),
                 QStringLiteral("id-bob"))});
    const QModelIndex dm = model.index(0, FeedModel::Target);
    QCOMPARE(dm.data().toString(), QStringLiteral("id-bob"));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setPeerNames({{QStringLiteral("id-bob"), QStringLiteral("bob")}});
    QCOMPARE(changed.count(), 1);
    QCOMPARE(dm.data().toString(), QStringLiteral("bob"));
    QCOMPARE(dm.data(Qt::ToolTipRole).toString(), QStringLiteral("id-bob"));
    QCOMPARE(dm.data(FeedModel::TargetRole).toString(), QStringLiteral("id-bob"));
    // A channel named like an id is a channel: never renamed.
    QCOMPARE(model.index(1, FeedModel::Target).data().toString(), QStringLiteral("id-bob"));
    model.setPeerNames({{QStringLiteral("id-bob"), QStringLiteral("bob")}});
    QCOMPARE(changed.count(), 1);
}

// Rows share repeated strings; more distinct senders than the shared table holds must still
// leave every row with its own sender, target and text.
void tst_Models::feedRowsKeepTheirOwnSendersAndTargets()
{
    FeedModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    constexpr int kRows = 10000;
    QList<endpoint::ReceivedMessage> list;
    for (int i = 0; i < kRows; ++i)
        list.append(message(i, wire::DeliveryKind::Channel,
                            QStringLiteral("sender-%1").arg(i % 6000),
                            QStringLiteral("channel-%1").arg(i % 7)));
    model.append(list);
    QCOMPARE(model.rowCount(), kRows);
    for (int row = 0; row < kRows; row += 997) {
        QCOMPARE(model.index(row, FeedModel::Sender).data().toString(),
                 QStringLiteral("sender-%1").arg(row % 6000));
        QCOMPARE(model.index(row, FeedModel::Target).data().toString(),
                 QStringLiteral("channel-%1").arg(row % 7));
        QCOMPARE(model.message(row).message.space, QStringLiteral("main"));
        QCOMPARE(textAt(model, row), QStringLiteral("hello %1").arg(row));
    }
}

void tst_Models::feedProxyFiltersModesChannelsSendersText()
{
    FeedModel model;
    FeedFilterProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.append({message(1, wire::DeliveryKind::Channel, "alice", "general"),
                  message(2, wire::DeliveryKind::Channel, "bob", "ops"),
                  message(3, wire::DeliveryKind::Dm, "alice", "bob"),
                  message(4, wire::DeliveryKind::Anycast, "carol", "reviewer")});
    QCOMPARE(proxy.rowCount(), 4);
    QVERIFY(!proxy.isFiltering());

    proxy.setModeVisible(int(wire::DeliveryKind::Dm), false);
    QCOMPARE(proxy.rowCount(), 3);
    proxy.setModeVisible(int(wire::DeliveryKind::Dm), true);

    proxy.setChannels({QStringLiteral("ops")});
    QCOMPARE(proxy.rowCount(), 1);
    QCOMPARE(proxy.index(0, FeedModel::Sender).data().toString(), QStringLiteral("bob"));
    proxy.setChannels({});

    proxy.setSenders({QStringLiteral("alice")});
    QCOMPARE(proxy.rowCount(), 2);
    proxy.setSenders({});

    proxy.setFilterText(QStringLiteral("HELLO 4"));
    QCOMPARE(proxy.rowCount(), 1);
    proxy.setFilterText({});

    proxy.setConversation(QStringLiteral("bob"), QStringLiteral("alice"));
    QCOMPARE(proxy.rowCount(), 1);
    proxy.setConversation({}, {});

    // New rows go through the same filters.
    proxy.setSenders({QStringLiteral("carol")});
    model.append({message(5, wire::DeliveryKind::Channel, "carol", "general"),
                  message(6, wire::DeliveryKind::Channel, "dave", "general")});
    QCOMPARE(proxy.rowCount(), 2);
}

void tst_Models::feedProxyFollowsEvictions()
{
    FeedModel model;
    model.setCapacity(20);
    FeedFilterProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
    proxy.setFilterText(QStringLiteral("hello 1"));
    for (int i = 0; i < 10; ++i)
        model.append(batch(i * 7, 7));
    // Source holds 50..69; "hello 1" matches nothing there.
    QCOMPARE(proxy.rowCount(), 0);
    proxy.setFilterText(QStringLiteral("hello 6"));
    QCOMPARE(proxy.rowCount(), 10);
}

void tst_Models::channelsListingAndObserved()
{
    ChannelsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    endpoint::ChannelRow general;
    general.channel = QStringLiteral("general");
    general.messageCount = 4;
    general.configured = true;
    general.description = QStringLiteral("Everything");
    general.joined = true;
    endpoint::ChannelRow ops;
    ops.channel = QStringLiteral("ops");
    ops.replay = false;
    ops.deliveryClass = endpoint::DeliveryClass::Live;
    model.setRows({general, ops});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(1, ChannelsModel::Replay).data().toString(), QStringLiteral("off"));
    QCOMPARE(model.index(1, ChannelsModel::DeliveryClass).data().toString(),
             QStringLiteral("live"));

    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.observe({QStringLiteral("general"), QStringLiteral("fresh"), QStringLiteral("fresh")});
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(0, ChannelsModel::Messages).data(ChannelsModel::RawRole).toULongLong(),
             5ULL);
    QCOMPARE(model.index(2, ChannelsModel::Messages).data(ChannelsModel::RawRole).toULongLong(),
             2ULL);
    QVERIFY(model.index(2, 0).data(ChannelsModel::ObservedOnlyRole).toBool());

    // A listing that now covers the observed channel replaces it; counts come from the listing.
    endpoint::ChannelRow fresh;
    fresh.channel = QStringLiteral("fresh");
    fresh.messageCount = 2;
    general.messageCount = 5;
    model.setRows({fresh, general, ops});
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.rowOf(QStringLiteral("fresh")), 0);
    QVERIFY(!model.index(0, 0).data(ChannelsModel::ObservedOnlyRole).toBool());
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setRows({fresh, general, ops});
    QCOMPARE(changed.count(), 1);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void tst_Models::channelsHealthWording()
{
    endpoint::ChannelRow row;
    row.channel = QStringLiteral("team");
    row.joined = true;
    row.health = endpoint::DeliveryHealth::Active;
    QCOMPARE(ChannelsModel::healthText(row), QStringLiteral("active"));
    row.health = endpoint::DeliveryHealth::Degraded;
    row.durableMember = true;
    QVERIFY(ChannelsModel::healthDetail(row).contains(QStringLiteral("delivery daemon is down")));
    row.durableMember = false;
    QVERIFY(ChannelsModel::healthDetail(row).contains(QStringLiteral("no durable membership")));
    QVERIFY(ChannelsModel::healthDetail(row).startsWith(
        QStringLiteral("Durable backstop unavailable")));
    row.health = endpoint::DeliveryHealth::None;
    QCOMPARE(ChannelsModel::healthText(row), QStringLiteral("none"));
    row.joined = false;
    QVERIFY(ChannelsModel::healthDetail(row).contains(QStringLiteral("Not joined")));
}

void tst_Models::anomaliesBounded()
{
    ui::AnomalyModel model;
    model.setCapacity(3);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    for (int i = 0; i < 5; ++i) {
        endpoint::Anomaly a;
        a.reason = endpoint::Anomaly::Reason::SenderMismatch;
        a.subject = QStringLiteral("cotal.main.chat.x.%1").arg(i);
        model.append(a);
    }
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(0, ui::AnomalyModel::Subject).data().toString(),
             QStringLiteral("cotal.main.chat.x.2"));
    QCOMPARE(model.index(0, ui::AnomalyModel::Reason).data().toString(),
             QStringLiteral("spoofed sender"));
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void tst_Models::dmLensRollsUpPairs()
{
    ui::DmLensModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.append({message(1, wire::DeliveryKind::Dm, "alice", "bob"),
                  message(2, wire::DeliveryKind::Dm, "bob", "alice"),
                  message(3, wire::DeliveryKind::Channel, "bob", "general"),
                  message(4, wire::DeliveryKind::Dm, "carol", "alice")});
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, ui::DmLensModel::Messages).data().toString(), QStringLiteral("2"));
    QCOMPARE(model.index(0, ui::DmLensModel::LastText).data().toString(),
             QStringLiteral("hello 2"));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.append({message(5, wire::DeliveryKind::Dm, "alice", "carol")});
    QCOMPARE(changed.count(), 1);
    QCOMPARE(model.index(1, ui::DmLensModel::Messages).data().toString(), QStringLiteral("2"));
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void tst_Models::dmLensNamesPeersFromTheRoster()
{
    ui::DmLensModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    // "id-z" never sent anything: only the roster knows its name.
    model.append({message(1, wire::DeliveryKind::Dm, "id-a", "id-z")});
    const QModelIndex z = model.index(0, ui::DmLensModel::PeerB);
    QCOMPARE(z.data().toString(), QStringLiteral("id-z"));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setPeerNames({{QStringLiteral("id-z"), QStringLiteral("zoe")},
                        {QStringLiteral("id-a"), QStringLiteral("ann")}});
    QCOMPARE(changed.count(), 1);
    QCOMPARE(z.data().toString(), QStringLiteral("zoe"));
    // The roster's name wins over the one the sender wrote in its message.
    QCOMPARE(model.index(0, ui::DmLensModel::PeerA).data().toString(), QStringLiteral("ann"));
    QCOMPARE(z.data(ui::DmLensModel::PeerBIdRole).toString(), QStringLiteral("id-z"));
}

void tst_Models::rosterTextColumnsCarryTheWholeValueAsTooltip()
{
    ui::RosterModel model;
    wire::Presence p = presence(QStringLiteral("a1"), wire::PresenceStatus::Working, 1000,
                                QStringLiteral("a long activity that a narrow column cuts off"));
    p.card.role = QStringLiteral("a-role-name-longer-than-its-column");
    model.setRoster({p});
    for (int column : {int(ui::RosterModel::Activity), int(ui::RosterModel::Role),
                       int(ui::RosterModel::Harness), int(ui::RosterModel::Model)}) {
        const QModelIndex index = model.index(0, column);
        QCOMPARE(index.data(Qt::ToolTipRole).toString(), index.data().toString());
    }
}

void tst_Models::dmLensColumnsHaveDistinctTitles()
{
    ui::DmLensModel model;
    QSet<QString> titles;
    for (int column = 0; column < model.columnCount(); ++column)
        titles.insert(model.headerData(column, Qt::Horizontal).toString());
    QCOMPARE(titles.size(), model.columnCount());
}

void tst_Models::errorTextIsReadableOnLightAndDark()
{
    for (const QColor &window : {QColor(0xef, 0xef, 0xef), QColor(Qt::white),
                                 QColor(0x2b, 0x2b, 0x2b), QColor(0x1e, 0x1e, 0x1e)}) {
        const double ratio = ui::contrastRatio(ui::errorTextColour(window), window);
        QVERIFY2(ratio >= 4.5,
                 qPrintable(QStringLiteral("%1 on %2").arg(ratio).arg(window.name())));
    }
    QCOMPARE(ui::contrastRatio(Qt::white, Qt::black), 21.0);
}

QTEST_GUILESS_MAIN(tst_Models)
#include "tst_models.moc"
