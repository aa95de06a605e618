#include "core/space/presenceroster.h"
#include "core/wire/names.h"
#include "tests/integration/spacetestsupport.h"

#include <QSignalSpy>

using cotal::nats::KeyValue;
using cotal::space::PresenceEvent;
using cotal::space::PresenceRoster;
using cotal::testing::SpaceTestServer;
using cotal::wire::Presence;
using cotal::wire::PresenceStatus;
using Type = cotal::space::PresenceEvent::Type;

namespace {

constexpr int kWatchWaitMs = 15000;
constexpr qint64 kStart = 1795767019282;

Presence record(const QString &id, const QString &name, PresenceStatus status, qint64 ts)
{
    Presence presence;
    presence.card.id = id;
    presence.card.name = name;
    presence.status = status;
    presence.ts = double(ts);
    return presence;
}

// Every event the roster has reported so far, in order.
QList<PresenceEvent> events(const QSignalSpy &spy)
{
    QList<PresenceEvent> all;
    for (const QList<QVariant> &arguments : spy)
        all += arguments.at(0).value<QList<PresenceEvent>>();
    return all;
}

QList<PresenceEvent> eventsFor(const QSignalSpy &spy, const QString &id)
{
    QList<PresenceEvent> found;
    for (const PresenceEvent &event : events(spy)) {
        if (event.presence.card.id == id)
            found.append(event);
    }
    return found;
}

} // namespace

class TestPresenceRoster : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
    }

    void cleanupTestCase() { m_server.stop(); }

    void init()
    {
        m_now = kStart;
        const QString space = SpaceTestServer::freshSpace(QStringLiteral("presence"));
        m_bucket =
            std::make_unique<KeyValue>(m_server.jetStream(), cotal::wire::presenceBucket(space));
        AWAIT(created, m_bucket->createBucket(6000));
        VERIFY_NATS_OK(created);
        m_roster = std::make_unique<PresenceRoster>(*m_bucket, [this] { return m_now; });
        m_changed = std::make_unique<QSignalSpy>(m_roster.get(), &PresenceRoster::changed);
        QSignalSpy loaded(m_roster.get(), &PresenceRoster::initialRosterLoaded);
        m_roster->start();
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, kWatchWaitMs);
    }

    void cleanup()
    {
        m_changed.reset();
        m_roster.reset();
    }

    void firstHeartbeatIsAJoin()
    {
        AWAIT(put, m_roster->publish(
                       record(kAlice, QStringLiteral("alice"), PresenceStatus::Idle, m_now)));
        VERIFY_NATS_OK(put);
        QTRY_COMPARE_WITH_TIMEOUT(eventsFor(*m_changed, kAlice).size(), 1, kWatchWaitMs);
        QCOMPARE(eventsFor(*m_changed, kAlice).first().type, Type::Join);
        QVERIFY(!eventsFor(*m_changed, kAlice).first().previous);
        QCOMPARE(m_roster->find(kAlice)->status, PresenceStatus::Idle);
    }

    void statusChangeIsAnUpdate()
    {
        QVERIFY(put(record(kAlice, QStringLiteral("alice"), PresenceStatus::Idle, m_now)));
        QTRY_COMPARE_WITH_TIMEOUT(eventsFor(*m_changed, kAlice).size(), 1, kWatchWaitMs);
        Presence working = record(kAlice, QStringLiteral("alice"), PresenceStatus::Working, m_now);
        working.activity = QStringLiteral("reviewing PR #42");
        QVERIFY(put(working));
        QTRY_COMPARE_WITH_TIMEOUT(eventsFor(*m_changed, kAlice).size(), 2, kWatchWaitMs);
        const PresenceEvent update = eventsFor(*m_changed, kAlice).last();
        QCOMPARE(update.type, Type::Update);
        QCOMPARE(update.presence.activity, std::optional(QStringLiteral("reviewing PR #42")));
        QCOMPARE(update.previous->status, PresenceStatus::Idle);
    }

    void heartbeatOnlyChangesAreSilent()
    {
        QVERIFY(put(record(kAlice, QStringLiteral("alice"), PresenceStatus::Idle, m_now)));
        QTRY_COMPARE_WITH_TIMEOUT(eventsFor(*m_changed, kAlice).size(), 1, kWatchWaitMs);
        QVERIFY(put(record(kAlice, QStringLiteral("alice"), PresenceStatus::Idle, m_now + 2000)));
        // Bob's join after Alice's heartbeat proves the heartbeat was processed.
        QVERIFY(put(record(kBob, QStringLiteral("bob"), PresenceStatus::Idle, m_now)));
        QTRY_COMPARE_WITH_TIMEOUT(eventsFor(*m_changed, kBob).size(), 1, kWatchWaitMs);
        QCOMPARE(eventsFor(*m_changed, kAlice).size(), 1);
        QCOMPARE(m_roster->find(kAlice)->ts, double(m_now + 2000));
    }

    void channelModesCompareAsMaps()
    {
        using cotal::wire::ChannelMode;
        Presence first = record(kAlice, QStringLiteral("alice"), PresenceStatus::Idle, m_now);
        first.channelModes = {{QStringLiteral("a"), ChannelMode::Muted},
                              {QStringLiteral("b"), ChannelMode::Quiet}};
        QVERIFY(put(first));
        QTRY_COMPARE_WITH_TIMEOUT(eventsFor(*m_changed, kAlice).size(), 1, kWatchWaitMs);
        Presence reordered = first;
        reordered.ts += 2000;
        reordered.channelModes = {{QStringLiteral("b"), ChannelMode::Quiet},
                                  {QStringLiteral("a"), ChannelMode::Muted}};
        QVERIFY(put(reordered));
        QVERIFY(put(record(kBob, QStringLiteral("bob"), PresenceStatus::Idle, m_now)));
        QTRY_COMPARE_WITH_TIMEOUT(eventsFor(*m_changed, kBob).size(), 1, kWatchWaitMs);
        QCOMPARE(eventsFor(*m_changed, kAlice).size(), 1);
    }

    void forgedRecordIsDroppedAndCounted()
    {
        QSignalSpy forged(m_roster.get(), &PresenceRoster::forgeriesDropped);
        // Mallory writes a record claiming to be Alice under her own key.
        AWAIT(written, m_bucket->put(kMallory, cotal::wire::encodePresence(
                                                   record(kAlice, QStringLiteral("alice"),
                                                          PresenceStatus::Idle, m_now))));
        VERIFY_NATS_OK(written);
        QTRY_COMPARE_WITH_TIMEOUT(forged.count(), 1, kWatchWaitMs);
        QCOMPARE(forged.first().at(0).toStringList(), QStringList{kMallory});
        QCOMPARE(m_roster->forgeryCount(), 1u);
        QVERIFY(!m_roster->find(kAlice));
        QVERIFY(!m_roster->find(kMallory));
        QVERIFY(events(*m_changed).isEmpty());
    }

    void undecodableRecordIsIgnored()
    {
        AWAIT(written, m_bucket->put(kAlice, "not json"));
        VERIFY_NATS_OK(written);
        QVERIFY(put(record(kBob, QStringLiteral("bob"), PresenceStatus::Idle, m_now)));
        QTRY_COMPARE_WITH_TIMEOUT(eventsFor(*m_changed, kBob).size(), 1, kWatchWaitMs);
        QCOMPARE(m_roster->undecodableCount(), 1u);
        QCOMPARE(m_roster->forgeryCount(), 0u);
        QVERIFY(!m_roster->find(kAlice));
    }

    void staleEntryGoesOfflineThroughTheSweep()
    {
        Presence alice = record(kAlice, QStringLiteral("alice"), PresenceStatus::Working, m_now);
        alice.attention = cotal::wire::Attention::Focus;
        QVERIFY(put(alice));
        QTRY_COMPARE_WITH_TIMEOUT(eventsFor(*m_changed, kAlice).size(), 1, kWatchWaitMs);
        // No further heartbeat; the injected clock moves past the liveness window.
        m_now += PresenceRoster::kLivenessMs + 1;
        QTRY_COMPARE_WITH_TIMEOUT(eventsFor(*m_changed, kAlice).size(), 2, kWatchWaitMs);
        const PresenceEvent offline = eventsFor(*m_changed, kAlice).last();
        QCOMPARE(offline.type, Type::Offline);
        QCOMPARE(offline.presence.status, PresenceStatus::Offline);
        QVERIFY(!offline.presence.attention);
        QCOMPARE(offline.previous->status, PresenceStatus::Working);
    }

    void sweepReportsEachPeerOnce()
    {
        QVERIFY(put(record(kAlice, QStringLiteral("alice"), PresenceStatus::Idle, m_now)));
        QVERIFY(put(record(kBob, QStringLiteral("bob"), PresenceStatus::Idle, m_now)));
        QTRY_COMPARE_WITH_TIMEOUT(events(*m_changed).size(), 2, kWatchWaitMs);
        const qsizetype before = m_changed->count();
        m_now += PresenceRoster::kLivenessMs + 1;
        m_roster->sweep();
        QCOMPARE(m_changed->count(), before + 1); // one batch for both
        QCOMPARE(m_changed->last().at(0).value<QList<PresenceEvent>>().size(), 2);
        m_roster->sweep();
        QCOMPARE(m_changed->count(), before + 1);
    }

    void deletedKeyGoesOffline()
    {
        QVERIFY(put(record(kAlice, QStringLiteral("alice"), PresenceStatus::Idle, m_now)));
        QTRY_COMPARE_WITH_TIMEOUT(eventsFor(*m_changed, kAlice).size(), 1, kWatchWaitMs);
        AWAIT(removed, m_bucket->remove(kAlice));
        VERIFY_NATS_OK(removed);
        QTRY_COMPARE_WITH_TIMEOUT(eventsFor(*m_changed, kAlice).size(), 2, kWatchWaitMs);
        QCOMPARE(eventsFor(*m_changed, kAlice).last().type, Type::Offline);
        QCOMPARE(m_roster->find(kAlice)->status, PresenceStatus::Offline);
    }

    void purgedKeyGoesOffline()
    {
        QVERIFY(put(record(kAlice, QStringLiteral("alice"), PresenceStatus::Idle, m_now)));
        QTRY_COMPARE_WITH_TIMEOUT(eventsFor(*m_changed, kAlice).size(), 1, kWatchWaitMs);
        AWAIT(purged, m_bucket->purge(kAlice));
        VERIFY_NATS_OK(purged);
        QTRY_COMPARE_WITH_TIMEOUT(eventsFor(*m_changed, kAlice).size(), 2, kWatchWaitMs);
        QCOMPARE(eventsFor(*m_changed, kAlice).last().type, Type::Offline);
    }

    void gracefulOfflineRecordIsAnOfflineEvent()
    {
        QVERIFY(put(record(kAlice, QStringLiteral("alice"), PresenceStatus::Working, m_now)));
        QTRY_COMPARE_WITH_TIMEOUT(eventsFor(*m_changed, kAlice).size(), 1, kWatchWaitMs);
        QVERIFY(put(record(kAlice, QStringLiteral("alice"), PresenceStatus::Offline, m_now)));
        QTRY_COMPARE_WITH_TIMEOUT(eventsFor(*m_changed, kAlice).size(), 2, kWatchWaitMs);
        QCOMPARE(eventsFor(*m_changed, kAlice).last().type, Type::Offline);
    }

    void peerFirstSeenOfflineIsListedWithoutAJoin()
    {
        QVERIFY(put(record(kAlice, QStringLiteral("alice"), PresenceStatus::Idle, m_now - 10000)));
        QTRY_COMPARE_WITH_TIMEOUT(eventsFor(*m_changed, kAlice).size(), 1, kWatchWaitMs);
        QCOMPARE(eventsFor(*m_changed, kAlice).first().type, Type::Listed);
        QCOMPARE(m_roster->find(kAlice)->status, PresenceStatus::Offline);
    }

    void returningPeerIsAJoin()
    {
        QVERIFY(put(record(kAlice, QStringLiteral("alice"), PresenceStatus::Offline, m_now)));
        QTRY_COMPARE_WITH_TIMEOUT(eventsFor(*m_changed, kAlice).size(), 1, kWatchWaitMs);
        QVERIFY(put(record(kAlice, QStringLiteral("alice"), PresenceStatus::Idle, m_now)));
        QTRY_COMPARE_WITH_TIMEOUT(eventsFor(*m_changed, kAlice).size(), 2, kWatchWaitMs);
        QCOMPARE(eventsFor(*m_changed, kAlice).last().type, Type::Join);
    }

    void existingRecordsLoadBeforeInitialRosterLoaded()
    {
        QVERIFY(put(record(kBob, QStringLiteral("bob"), PresenceStatus::Idle, m_now)));
        QVERIFY(put(record(kAlice, QStringLiteral("alice"), PresenceStatus::Working, m_now)));
        PresenceRoster second(*m_bucket, [this] { return m_now; });
        QSignalSpy changed(&second, &PresenceRoster::changed);
        QSignalSpy loaded(&second, &PresenceRoster::initialRosterLoaded);
        second.start();
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, kWatchWaitMs);
        QVERIFY(second.isInitialRosterLoaded());
        QCOMPARE(events(changed).size(), 2);
        const QList<Presence> roster = second.snapshot();
        QCOMPARE(roster.size(), 2);
        QCOMPARE(roster.at(0).card.name, QStringLiteral("alice")); // by name, not by key
        QCOMPARE(roster.at(1).card.name, QStringLiteral("bob"));
    }

    void publishWritesTheReferenceBytes()
    {
        const QByteArray raw = cotal::testing::fixtureRaw(QStringLiteral("presence-working.json"));
        const auto presence = cotal::wire::decodePresence(raw);
        QVERIFY(presence);
        AWAIT(put, m_roster->publish(presence.value()));
        VERIFY_NATS_OK(put);
        AWAIT(stored, m_bucket->get(presence->card.id));
        QCOMPARE(stored.entry.value, raw);
    }

private:
    bool put(const Presence &presence)
    {
        const QFuture<cotal::nats::KvResult> done = m_roster->publish(presence);
        return cotal::testing::finishedWithResult(done) && done.result().ok();
    }

    const QString kAlice = QStringLiteral("UALICE");
    const QString kBob = QStringLiteral("UBOB");
    const QString kMallory = QStringLiteral("UMALLORY");

    SpaceTestServer m_server;
    std::unique_ptr<KeyValue> m_bucket;
    std::unique_ptr<PresenceRoster> m_roster;
    std::unique_ptr<QSignalSpy> m_changed;
    qint64 m_now = kStart;
};

QTEST_GUILESS_MAIN(TestPresenceRoster)
#include "tst_presenceroster.moc"
