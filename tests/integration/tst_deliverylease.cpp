#include "core/space/deliverylease.h"
#include "core/wire/names.h"
#include "tests/integration/spacetestsupport.h"

#include <QSignalSpy>

using cotal::nats::KeyValue;
using cotal::space::DeliveryLease;
using cotal::space::LeaseReadOutcome;
using cotal::space::LeaseState;
using cotal::space::SpaceErrorKind;
using cotal::testing::SpaceTestServer;

namespace {

constexpr int kWatchWaitMs = 15000;
// The fixtures' daemon (fixtures/delivery-lease*.json).
const QString kDaemon = QStringLiteral("UAHP7FEOM2PJL6J6PDNUCU7SMZIV5C2XDXM44JXRF6I2AQEIPDU2UNYQ");
const QString kRival = QStringLiteral("URIVALDAEMON");
const QString kLeaseKey = QStringLiteral("lease.0");

} // namespace

class TestDeliveryLease : public QObject
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
        m_now = QDateTime::currentMSecsSinceEpoch();
        const QString space = SpaceTestServer::freshSpace(QStringLiteral("lease"));
        m_bucket =
            std::make_unique<KeyValue>(m_server.jetStream(), cotal::wire::deliveryBucket(space));
        AWAIT(created, m_bucket->createBucket(DeliveryLease::kTtlMs));
        VERIFY_NATS_OK(created);
        m_lease = std::make_unique<DeliveryLease>(*m_bucket, [this] { return m_now; });
    }

    void cleanup() { m_lease.reset(); }

    void acquireCreatesTheReferenceRecord()
    {
        m_now = 1795767017547;
        AWAIT(acquired, m_lease->acquire(kDaemon));
        QVERIFY2(acquired.ok(), qPrintable(acquired.error.describe()));
        QVERIFY(!acquired.lease.ready);
        AWAIT(stored, m_bucket->get(kLeaseKey));
        QCOMPARE(stored.entry.revision, acquired.revision);
        QCOMPARE(stored.entry.value,
                 cotal::testing::fixtureRaw(QStringLiteral("delivery-lease-acquire.json")));
    }

    void secondAcquireIsRefusedNamingTheHolder()
    {
        AWAIT(first, m_lease->acquire(kDaemon));
        QVERIFY(first.ok());
        AWAIT(second, m_lease->acquire(kRival));
        QCOMPARE(second.error.kind, SpaceErrorKind::LeaseHeld);
        QVERIFY2(second.error.message.contains(kDaemon), qPrintable(second.error.message));
        QVERIFY(second.current && second.current->lease);
        QCOMPARE(second.current->lease->holder, kDaemon);
        QCOMPARE(second.current->revision, first.revision);
    }

    void markReadyAndRenewRefreshSince()
    {
        AWAIT(acquired, m_lease->acquire(kDaemon));
        m_now += 300;
        AWAIT(ready, m_lease->markReady(kDaemon, acquired.revision));
        QVERIFY2(ready.ok(), qPrintable(ready.error.describe()));
        QVERIFY(ready.lease.ready);
        QCOMPARE(ready.lease.since, double(m_now));
        m_now = 1795767032870;
        AWAIT(renewed, m_lease->renew(kDaemon, ready.revision));
        QVERIFY2(renewed.ok(), qPrintable(renewed.error.describe()));
        QVERIFY(renewed.revision > ready.revision);
        AWAIT(stored, m_bucket->get(kLeaseKey));
        QCOMPARE(stored.entry.value,
                 cotal::testing::fixtureRaw(QStringLiteral("delivery-lease.json")));
    }

    void renewOnAStaleRevisionFails()
    {
        AWAIT(acquired, m_lease->acquire(kDaemon));
        AWAIT(ready, m_lease->markReady(kDaemon, acquired.revision));
        AWAIT(stale, m_lease->renew(kDaemon, acquired.revision));
        QCOMPARE(stale.error.kind, SpaceErrorKind::RevisionConflict);
    }

    void releaseIsAPlainDelete()
    {
        AWAIT(acquired, m_lease->acquire(kDaemon));
        AWAIT(ready, m_lease->markReady(kDaemon, acquired.revision));
        AWAIT(released, m_lease->release());
        QVERIFY2(!released.isError(), qPrintable(released.describe()));
        AWAIT(stored, m_bucket->get(kLeaseKey));
        QCOMPARE(stored.entry.operation, cotal::nats::KvEntry::Operation::Delete);
        QVERIFY(stored.entry.value.isEmpty());
        AWAIT(state, m_lease->read());
        VERIFY_NATS_OK(state);
        QCOMPARE(state.outcome(), LeaseReadOutcome::Absent);
    }

    void acquireOverADeleteMarkerWorks()
    {
        AWAIT(first, m_lease->acquire(kDaemon));
        AWAIT(released, m_lease->release());
        QVERIFY(!released.isError());
        AWAIT(second, m_lease->acquire(kRival));
        QVERIFY2(second.ok(), qPrintable(second.error.describe()));
        AWAIT(state, m_lease->read());
        QCOMPARE(state.lease->holder, kRival);
    }

    void forceReleaseOnAStaleRevisionFails()
    {
        AWAIT(acquired, m_lease->acquire(kDaemon));
        AWAIT(ready, m_lease->markReady(kDaemon, acquired.revision));
        AWAIT(stale, m_lease->forceRelease(acquired.revision));
        QCOMPARE(stale.kind, SpaceErrorKind::RevisionConflict);
        AWAIT(state, m_lease->read());
        QCOMPARE(state.outcome(), LeaseReadOutcome::Ready); // still held
        AWAIT(forced, m_lease->forceRelease(ready.revision));
        QVERIFY2(!forced.isError(), qPrintable(forced.describe()));
        AWAIT(after, m_lease->read());
        QCOMPARE(after.outcome(), LeaseReadOutcome::Absent);
    }

    void readReportsTheTimeLeftFromTheEntryTime()
    {
        AWAIT(acquired, m_lease->acquire(kDaemon));
        AWAIT(first, m_lease->read());
        VERIFY_NATS_OK(first);
        QVERIFY(first.created.isValid());
        m_now = first.created.toMSecsSinceEpoch() + 10000;
        AWAIT(later, m_lease->read());
        QCOMPARE(later.timeLeftMs, 20000);
        QCOMPARE(later.revision, acquired.revision);
        QCOMPARE(later.outcome(), LeaseReadOutcome::NotReady);
        // Past the bucket TTL the server drops the key without a marker: read as absent.
        m_now = first.created.toMSecsSinceEpoch() + DeliveryLease::kTtlMs;
        AWAIT(expired, m_lease->read());
        QCOMPARE(expired.outcome(), LeaseReadOutcome::Absent);
    }

    void unreadableLeaseIsAFailedOutcome()
    {
        DeliveryLease missing(
            KeyValue(m_server.jetStream(), QStringLiteral("cotal_delivery_nosuchspace")));
        AWAIT(state, missing.read());
        // A missing bucket is a failed read, never "no lease" (delivery.md §10 step 1).
        QVERIFY(!state.ok());
        QCOMPARE(state.outcome(), LeaseReadOutcome::Failed);
    }

    void watchFollowsTheLeaseLifecycle()
    {
        QSignalSpy loaded(m_lease.get(), &DeliveryLease::loaded);
        QSignalSpy changed(m_lease.get(), &DeliveryLease::changed);
        m_lease->start();
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, kWatchWaitMs);
        QVERIFY(m_lease->leases().isEmpty());
        QCOMPARE(m_lease->cached().outcome(), LeaseReadOutcome::Absent);

        AWAIT(acquired, m_lease->acquire(kDaemon));
        QTRY_COMPARE_WITH_TIMEOUT(m_lease->cached().outcome(), LeaseReadOutcome::NotReady,
                                  kWatchWaitMs);
        AWAIT(ready, m_lease->markReady(kDaemon, acquired.revision));
        QTRY_COMPARE_WITH_TIMEOUT(m_lease->cached().outcome(), LeaseReadOutcome::Ready,
                                  kWatchWaitMs);
        QCOMPARE(m_lease->cached().revision, ready.revision);
        QCOMPARE(m_lease->leases().size(), 1);
        AWAIT(released, m_lease->release());
        QTRY_COMPARE_WITH_TIMEOUT(m_lease->cached().outcome(), LeaseReadOutcome::Absent,
                                  kWatchWaitMs);
        const QList<LeaseState> last = changed.last().at(0).value<QList<LeaseState>>();
        QCOMPARE(last.size(), 1);
        QCOMPARE(last.first().shard, 0);
        QVERIFY(!last.first().lease);
    }

private:
    SpaceTestServer m_server;
    std::unique_ptr<KeyValue> m_bucket;
    std::unique_ptr<DeliveryLease> m_lease;
    qint64 m_now = 0;
};

QTEST_GUILESS_MAIN(TestDeliveryLease)
#include "tst_deliverylease.moc"
