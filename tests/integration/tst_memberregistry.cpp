#include "core/space/memberregistry.h"
#include "core/wire/names.h"
#include "tests/integration/spacetestsupport.h"

#include <QSignalSpy>

using cotal::nats::KeyValue;
using cotal::space::ActivationResult;
using cotal::space::MemberFilter;
using cotal::space::MemberRegistry;
using cotal::space::SpaceErrorKind;
using cotal::space::TombstoneResult;
using cotal::testing::SpaceTestServer;
using cotal::wire::MembershipRecord;
using cotal::wire::MemberState;

namespace {

constexpr int kWatchWaitMs = 15000;
// The fixtures' member, channel and daemon (fixtures/members-*.json).
const QString kChannel = QStringLiteral("team.backend");
const QString kBob = QStringLiteral("UAII34SNIVFHQJS45GV4NFUFD5FQZW4RADANJYIJXWRTZ75QHMRGLHZW");
const QString kDaemon = QStringLiteral("UAHP7FEOM2PJL6J6PDNUCU7SMZIV5C2XDXM44JXRF6I2AQEIPDU2UNYQ");

MembershipRecord joinRecord(const QString &channel, const QString &owner, qint64 joinCursor,
                            qint64 generation, qint64 updatedAt)
{
    MembershipRecord record;
    record.channel = channel;
    record.owner = owner;
    record.state = MemberState::DurableActive;
    record.joinCursor = joinCursor;
    record.generation = generation;
    record.activated = false;
    record.writerIdentity = kDaemon;
    record.updatedAt = double(updatedAt);
    return record;
}

} // namespace

class TestMemberRegistry : public QObject
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
        const QString space = SpaceTestServer::freshSpace(QStringLiteral("members"));
        m_bucket =
            std::make_unique<KeyValue>(m_server.jetStream(), cotal::wire::membersBucket(space));
        AWAIT(created, m_bucket->createBucket());
        VERIFY_NATS_OK(created);
        m_registry = std::make_unique<MemberRegistry>(*m_bucket, [this] { return m_now; });
    }

    void cleanup() { m_registry.reset(); }

    // pending → active → tombstone → rejoined, byte for byte as the reference wrote them.
    void lifecycleWritesTheReferenceRecords()
    {
        AWAIT(pending, m_registry->commitMember(joinRecord(kChannel, kBob, 0, 1, 1795767019372)));
        QVERIFY2(pending.ok(), qPrintable(pending.error.describe()));
        QCOMPARE(stored(), cotal::testing::fixtureRaw(QStringLiteral("members-pending.json")));

        m_now = 1795767019374;
        AWAIT(active, m_registry->activateMember(kChannel, kBob, 1, 0));
        QCOMPARE(active.outcome, ActivationResult::Outcome::Activated);
        QCOMPARE(stored(), cotal::testing::fixtureRaw(QStringLiteral("members-active.json")));

        m_now = 1795767023089;
        AWAIT(left, m_registry->tombstoneMember(kChannel, kBob, 4, kDaemon, 1));
        QCOMPARE(left.outcome, TombstoneResult::Outcome::Written);
        QCOMPARE(stored(), cotal::testing::fixtureRaw(QStringLiteral("members-tombstone.json")));

        // A rejoin over the tombstone is a CAS update of the whole record, generation 2.
        AWAIT(rejoined, m_registry->commitMember(joinRecord(kChannel, kBob, 5, 2, 1795767023150)));
        QVERIFY2(rejoined.ok(), qPrintable(rejoined.error.describe()));
        QVERIFY(rejoined.written.revision > left.entry.revision);
        m_now = 1795767023152;
        AWAIT(reactivated, m_registry->activateMember(kChannel, kBob, 2, 5));
        QCOMPARE(reactivated.outcome, ActivationResult::Outcome::Activated);
        QCOMPARE(stored(), cotal::testing::fixtureRaw(QStringLiteral("members-rejoined.json")));
    }

    void staleGenerationIsRefused()
    {
        AWAIT(newer, m_registry->commitMember(joinRecord(kChannel, kBob, 7, 2, m_now)));
        QVERIFY(newer.ok());
        AWAIT(stale, m_registry->commitMember(joinRecord(kChannel, kBob, 3, 1, m_now)));
        QCOMPARE(stale.error.kind, SpaceErrorKind::StaleMembershipWrite);
        QCOMPARE(stale.error.message,
                 QStringLiteral("stale membership write for %1/%2: generation 1 < current 2")
                     .arg(kChannel, kBob));
        AWAIT(lookup, m_registry->read(kChannel, kBob));
        QCOMPARE(lookup.entry->record.generation, 2);
        QCOMPARE(lookup.entry->revision, newer.written.revision);
    }

    void sameGenerationRewriteLands()
    {
        AWAIT(first, m_registry->commitMember(joinRecord(kChannel, kBob, 7, 1, m_now)));
        AWAIT(again, m_registry->commitMember(joinRecord(kChannel, kBob, 9, 1, m_now)));
        QVERIFY2(again.ok(), qPrintable(again.error.describe()));
        QVERIFY(again.written.revision > first.written.revision);
    }

    void concurrentCommitsRetryUntilBothLand()
    {
        QString error;
        auto other = m_server.openConnection(QStringLiteral("UTESTMEMBERS2"), &error);
        QVERIFY2(other, qPrintable(error));
        MemberRegistry rival(KeyValue(cotal::nats::JetStream(other.get()), m_bucket->bucket()));
        auto a = m_registry->commitMember(joinRecord(kChannel, kBob, 1, 1, m_now));
        auto b = rival.commitMember(joinRecord(kChannel, kBob, 2, 1, m_now));
        QVERIFY(cotal::testing::finishedWithResult(a) && cotal::testing::finishedWithResult(b));
        QVERIFY2(a.result().ok(), qPrintable(a.result().error.describe()));
        QVERIFY2(b.result().ok(), qPrintable(b.result().error.describe()));
        QVERIFY(a.result().written.revision != b.result().written.revision);
        other->close();
    }

    void tombstoneOfAStaleGenerationIsRefused()
    {
        AWAIT(joined, m_registry->commitMember(joinRecord(kChannel, kBob, 3, 2, m_now)));
        AWAIT(left, m_registry->tombstoneMember(kChannel, kBob, 10, kDaemon, 1));
        QCOMPARE(left.error.kind, SpaceErrorKind::StaleMembershipWrite);
        AWAIT(lookup, m_registry->read(kChannel, kBob));
        QVERIFY(!lookup.entry->record.leaveCursor);
    }

    void tombstoneWithoutARecordIsANoOp()
    {
        AWAIT(left, m_registry->tombstoneMember(kChannel, kBob, 10, kDaemon, 1));
        QVERIFY(left.ok());
        QCOMPARE(left.outcome, TombstoneResult::Outcome::NoRecord);
        AWAIT(lookup, m_registry->read(kChannel, kBob));
        QVERIFY(!lookup.entry);
    }

    void tombstoneOfAClosedRecordIsAlreadyLeft()
    {
        AWAIT(joined, m_registry->commitMember(joinRecord(kChannel, kBob, 3, 1, m_now)));
        AWAIT(first, m_registry->tombstoneMember(kChannel, kBob, 10, kDaemon));
        QCOMPARE(first.outcome, TombstoneResult::Outcome::Written);
        AWAIT(later, m_registry->tombstoneMember(kChannel, kBob, 12, kDaemon));
        QCOMPARE(later.outcome, TombstoneResult::Outcome::AlreadyLeft);
        QCOMPARE(later.entry.record.leaveCursor, std::optional<qint64>(10));
        QCOMPARE(later.entry.revision, first.entry.revision);
    }

    void activationIsSupersededByALeaveOrARejoin_data()
    {
        QTest::addColumn<qint64>("generation");
        QTest::addColumn<qint64>("joinCursor");
        QTest::addColumn<bool>("tombstoned");
        QTest::newRow("same generation left") << qint64(1) << qint64(4) << true;
        QTest::newRow("rejoined at a newer generation") << qint64(0) << qint64(4) << false;
        QTest::newRow("another join cursor") << qint64(1) << qint64(3) << false;
    }

    void activationIsSupersededByALeaveOrARejoin()
    {
        QFETCH(qint64, generation);
        QFETCH(qint64, joinCursor);
        QFETCH(bool, tombstoned);
        AWAIT(joined, m_registry->commitMember(joinRecord(kChannel, kBob, 4, 1, m_now)));
        if (tombstoned) {
            AWAIT(left, m_registry->tombstoneMember(kChannel, kBob, 9, kDaemon, 1));
            QCOMPARE(left.outcome, TombstoneResult::Outcome::Written);
        }
        AWAIT(activation, m_registry->activateMember(kChannel, kBob, generation, joinCursor));
        QVERIFY(activation.ok());
        QCOMPARE(activation.outcome, ActivationResult::Outcome::Superseded);
        AWAIT(lookup, m_registry->read(kChannel, kBob));
        QCOMPARE(lookup.entry->record.activated, std::optional(false));
    }

    void activationWithoutARecordIsSuperseded()
    {
        AWAIT(activation, m_registry->activateMember(kChannel, kBob, 1, 0));
        QCOMPARE(activation.outcome, ActivationResult::Outcome::Superseded);
    }

    void activationIsIdempotent()
    {
        AWAIT(joined, m_registry->commitMember(joinRecord(kChannel, kBob, 4, 1, m_now)));
        AWAIT(first, m_registry->activateMember(kChannel, kBob, 1, 4));
        AWAIT(second, m_registry->activateMember(kChannel, kBob, 1, 4));
        QCOMPARE(second.outcome, ActivationResult::Outcome::Activated);
        QCOMPARE(second.entry.revision, first.entry.revision); // no second write
    }

    void invalidKeysAreRefused()
    {
        AWAIT(wildcard,
              m_registry->commitMember(joinRecord(QStringLiteral("team.>"), kBob, 0, 1, m_now)));
        QCOMPARE(wildcard.error.kind, SpaceErrorKind::InvalidArgument);
        AWAIT(owner,
              m_registry->commitMember(joinRecord(kChannel, QStringLiteral("a/b"), 0, 1, m_now)));
        QCOMPARE(owner.error.kind, SpaceErrorKind::InvalidArgument);
    }

    void listFiltersByChannelAndOwnerWithTombstones()
    {
        const QString alice = QStringLiteral("UALICE");
        for (const auto &[channel, owner] : {std::pair{kChannel, kBob}, std::pair{kChannel, alice},
                                             std::pair{QStringLiteral("general"), kBob}}) {
            AWAIT(joined, m_registry->commitMember(joinRecord(channel, owner, 1, 1, m_now)));
            QVERIFY(joined.ok());
        }
        AWAIT(left, m_registry->tombstoneMember(kChannel, alice, 5, kDaemon, 1));
        AWAIT(junk, m_bucket->put(QStringLiteral("nokey"), "{}"));
        VERIFY_NATS_OK(junk);

        AWAIT(all, m_registry->list());
        VERIFY_NATS_OK(all);
        QCOMPARE(all.members.size(), 3);
        AWAIT(byChannel, m_registry->list(MemberFilter{kChannel, std::nullopt, false}));
        QCOMPARE(byChannel.members.size(), 2);
        QCOMPARE(byChannel.members.at(1).record.owner, alice); // "UAII…" sorts before "UALICE"
        QVERIFY(byChannel.members.at(1).record.leaveCursor);   // tombstones are listed
        AWAIT(byOwner, m_registry->list(MemberFilter{std::nullopt, kBob, false}));
        QCOMPARE(byOwner.members.size(), 2);
        AWAIT(open, m_registry->list(MemberFilter{kChannel, std::nullopt, true}));
        QCOMPARE(open.members.size(), 1);
        QCOMPARE(open.members.first().record.owner, kBob);
    }

    void cacheFollowsTheBucketWithoutScanning()
    {
        QSignalSpy loaded(m_registry.get(), &MemberRegistry::loaded);
        QSignalSpy changed(m_registry.get(), &MemberRegistry::changed);
        AWAIT(before,
              m_registry->commitMember(joinRecord(QStringLiteral("general"), kBob, 1, 1, m_now)));
        m_registry->start();
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, kWatchWaitMs);
        QCOMPARE(m_registry->cached().size(), 1);

        AWAIT(joined, m_registry->commitMember(joinRecord(kChannel, kBob, 2, 1, m_now)));
        QTRY_VERIFY_WITH_TIMEOUT(m_registry->cachedEntry(kChannel, kBob), kWatchWaitMs);
        QCOMPARE(m_registry->cachedEntry(kChannel, kBob)->revision, joined.written.revision);
        AWAIT(left, m_registry->tombstoneMember(kChannel, kBob, 8, kDaemon, 1));
        QTRY_VERIFY_WITH_TIMEOUT(m_registry->cachedEntry(kChannel, kBob)->record.leaveCursor,
                                 kWatchWaitMs);
        QCOMPARE(m_registry->cached(MemberFilter{std::nullopt, kBob, true}).size(), 1);
        AWAIT(purged, m_bucket->purge(kChannel + u'/' + kBob));
        QTRY_VERIFY_WITH_TIMEOUT(!m_registry->cachedEntry(kChannel, kBob), kWatchWaitMs);
        QVERIFY(changed.count() >= 3);
    }

private:
    QByteArray stored()
    {
        const QFuture<cotal::nats::KvResult> read = m_bucket->get(kChannel + u'/' + kBob);
        return cotal::testing::finishedWithResult(read) ? read.result().entry.value : QByteArray();
    }

    SpaceTestServer m_server;
    std::unique_ptr<KeyValue> m_bucket;
    std::unique_ptr<MemberRegistry> m_registry;
    qint64 m_now = 1795767019372;
};

QTEST_GUILESS_MAIN(TestMemberRegistry)
#include "tst_memberregistry.moc"
