#include "core/space/aclregistry.h"
#include "core/wire/names.h"
#include "tests/integration/spacetestsupport.h"

#include <QSignalSpy>

using cotal::nats::KeyValue;
using cotal::nats::NatsConnection;
using cotal::space::AclLookup;
using cotal::space::AclRegistry;
using cotal::space::AclWrite;
using cotal::space::SpaceErrorKind;
using cotal::testing::SpaceTestServer;
using Standing = cotal::wire::ReadAcl::Standing;

namespace {

constexpr int kWatchWaitMs = 15000;
// The fixture's owner and write time (fixtures/acl.json).
const QString kBob = QStringLiteral("UAII34SNIVFHQJS45GV4NFUFD5FQZW4RADANJYIJXWRTZ75QHMRGLHZW");
constexpr qint64 kFixtureTime = 1795767019234;
const QStringList kFixtureAllow{QStringLiteral("general"), QStringLiteral("team.>"),
                                QStringLiteral("random")};

} // namespace

class TestAclRegistry : public QObject
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
        m_now = kFixtureTime;
        m_space = SpaceTestServer::freshSpace(QStringLiteral("acl"));
        m_bucket =
            std::make_unique<KeyValue>(m_server.jetStream(), cotal::wire::aclBucket(m_space));
        AWAIT(created, m_bucket->createBucket());
        VERIFY_NATS_OK(created);
        m_registry = std::make_unique<AclRegistry>(*m_bucket, [this] { return m_now; });
    }

    void cleanup() { m_registry.reset(); }

    void absentOwnerIsUnknown()
    {
        AWAIT(lookup, m_registry->read(kBob));
        VERIFY_NATS_OK(lookup);
        QCOMPARE(lookup.acl.standing(), Standing::Unknown);
        QCOMPARE(lookup.absence, AclLookup::Absence::Absent);
        QVERIFY(!lookup.acl.record());
    }

    void missingBucketIsAFailedReadNotUnknown()
    {
        AclRegistry missing(
            KeyValue(m_server.jetStream(), QStringLiteral("cotal_acl_nosuchspace")));
        AWAIT(lookup, missing.read(kBob));
        QVERIFY(!lookup.ok());
        QCOMPARE(lookup.error.kind, cotal::nats::NatsErrorKind::NotFound);
    }

    void presentRecordIsKnownWithItsRevision()
    {
        const quint64 revision = put(kBob, cotal::testing::fixtureRaw(QStringLiteral("acl.json")));
        AWAIT(lookup, m_registry->read(kBob));
        VERIFY_NATS_OK(lookup);
        QCOMPARE(lookup.acl.standing(), Standing::Reads);
        QCOMPARE(lookup.revision, revision);
        QCOMPARE(lookup.acl.record()->allowSubscribe, kFixtureAllow);
        QCOMPARE(lookup.acl.record()->revision, std::optional<qint64>(1));
    }

    void emptyListReadsNothingAndIsKnown()
    {
        put(kBob, "{\"allowSubscribe\":[],\"revision\":3,\"updatedAt\":1}");
        AWAIT(lookup, m_registry->read(kBob));
        QCOMPARE(lookup.acl.standing(), Standing::ReadsNothing);
        QVERIFY(lookup.isKnown());
        QVERIFY(lookup.acl.record()->allowSubscribe.isEmpty());
    }

    void deletedOrUndecodableIsUnknown_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<bool>("deleted");
        QTest::addColumn<AclLookup::Absence>("absence");
        QTest::newRow("deleted") << QByteArray("{\"allowSubscribe\":[\"a\"]}") << true
                                 << AclLookup::Absence::Deleted;
        QTest::newRow("not json") << QByteArray("{oops") << false
                                  << AclLookup::Absence::Undecodable;
        QTest::newRow("not an array") << QByteArray("{\"allowSubscribe\":\"general\"}") << false
                                      << AclLookup::Absence::Undecodable;
        QTest::newRow("no list") << QByteArray("{\"revision\":1}") << false
                                 << AclLookup::Absence::Undecodable;
    }

    void deletedOrUndecodableIsUnknown()
    {
        QFETCH(QByteArray, value);
        QFETCH(bool, deleted);
        QFETCH(AclLookup::Absence, absence);
        QVERIFY(put(kBob, value) > 0);
        if (deleted) {
            AWAIT(removed, m_bucket->remove(kBob));
            VERIFY_NATS_OK(removed);
        }
        AWAIT(lookup, m_registry->read(kBob));
        VERIFY_NATS_OK(lookup);
        QCOMPARE(lookup.acl.standing(), Standing::Unknown);
        QCOMPARE(lookup.absence, absence);
        QVERIFY(!lookup.isKnown());
    }

    void commitAclWritesTheReferenceRecord()
    {
        AWAIT(write, m_registry->commitAcl(kBob, kFixtureAllow));
        QVERIFY2(write.ok(), qPrintable(write.error.describe()));
        AWAIT(stored, m_bucket->get(kBob));
        QCOMPARE(stored.entry.revision, write.revision);
        QCOMPARE(stored.entry.value, cotal::testing::fixtureRaw(QStringLiteral("acl.json")));
    }

    void commitAclIncrementsTheRecordRevision()
    {
        for (qint64 expected = 1; expected <= 3; ++expected) {
            m_now += 1000;
            AWAIT(write, m_registry->commitAcl(kBob, {QStringLiteral("r%1").arg(expected)}));
            QVERIFY2(write.ok(), qPrintable(write.error.describe()));
            QCOMPARE(write.record.revision, std::optional(expected));
            QCOMPARE(write.record.updatedAt, std::optional(double(m_now)));
        }
        AWAIT(lookup, m_registry->read(kBob));
        QCOMPARE(lookup.acl.record()->revision, std::optional<qint64>(3));
        QCOMPARE(lookup.acl.record()->allowSubscribe, QStringList{QStringLiteral("r3")});
    }

    void commitAclReplacesAnUndecodableValue()
    {
        QVERIFY(put(kBob, "garbage") > 0);
        AWAIT(write, m_registry->commitAcl(kBob, {QStringLiteral("general")}));
        QVERIFY2(write.ok(), qPrintable(write.error.describe()));
        QCOMPARE(write.record.revision, std::optional<qint64>(1));
    }

    void concurrentCommitsBothLandThroughTheRetryLoop()
    {
        QString error;
        auto other = m_server.openConnection(QStringLiteral("UTESTACL2"), &error);
        QVERIFY2(other, qPrintable(error));
        AclRegistry second(KeyValue(cotal::nats::JetStream(other.get()), m_bucket->bucket()));
        auto first = m_registry->commitAcl(kBob, {QStringLiteral("a")});
        auto competing = second.commitAcl(kBob, {QStringLiteral("b")});
        QVERIFY(cotal::testing::finishedWithResult(first));
        QVERIFY(cotal::testing::finishedWithResult(competing));
        QVERIFY2(first.result().ok(), qPrintable(first.result().error.describe()));
        QVERIFY2(competing.result().ok(), qPrintable(competing.result().error.describe()));
        AWAIT(lookup, m_registry->read(kBob));
        QCOMPARE(lookup.acl.record()->revision, std::optional<qint64>(2));
        other->close();
    }

    void strictWriteLandsOnTheRevisionRead()
    {
        AWAIT(created, m_registry->commitOnRevision(kBob, {QStringLiteral("general")}, 0));
        QVERIFY2(created.ok(), qPrintable(created.error.describe()));
        AWAIT(updated,
              m_registry->commitOnRevision(kBob, {QStringLiteral("review")}, created.revision));
        QVERIFY2(updated.ok(), qPrintable(updated.error.describe()));
        QCOMPARE(updated.record.revision, std::optional<qint64>(2));
        QVERIFY(updated.revision > created.revision);
    }

    void strictWriteOnAStaleRevisionReturnsTheStoredRecord()
    {
        AWAIT(first, m_registry->commitAcl(kBob, {QStringLiteral("general")}));
        AWAIT(second,
              m_registry->commitAcl(kBob, {QStringLiteral("general"), QStringLiteral("ops")}));
        QVERIFY(first.ok() && second.ok());
        AWAIT(stale, m_registry->commitOnRevision(kBob, {}, first.revision));
        QCOMPARE(stale.error.kind, SpaceErrorKind::RevisionConflict);
        QVERIFY(stale.current);
        QCOMPARE(stale.current->revision, second.revision);
        QCOMPARE(stale.current->acl.record()->allowSubscribe,
                 QStringList({QStringLiteral("general"), QStringLiteral("ops")}));
        AWAIT(stored, m_bucket->get(kBob));
        QCOMPARE(stored.entry.revision, second.revision);
    }

    void strictCreateOverAnExistingRecordConflicts()
    {
        AWAIT(existing, m_registry->commitAcl(kBob, {QStringLiteral("general")}));
        AWAIT(create, m_registry->commitOnRevision(kBob, {}, 0));
        QCOMPARE(create.error.kind, SpaceErrorKind::RevisionConflict);
        QCOMPARE(create.current->revision, existing.revision);
    }

    void strictCreateAfterAPurgeSucceeds()
    {
        AWAIT(existing, m_registry->commitAcl(kBob, {QStringLiteral("general")}));
        AWAIT(removed, m_registry->remove(kBob));
        QVERIFY(!removed.isError());
        AWAIT(create, m_registry->commitOnRevision(kBob, {QStringLiteral("ops")}, 0));
        QVERIFY2(create.ok(), qPrintable(create.error.describe()));
        QCOMPARE(create.record.revision, std::optional<qint64>(1)); // the purge forgot the counter
    }

    void twoEditorsRacingOneOwnerLeaveExactlyOneWinnerPerRound()
    {
        QString error;
        auto other = m_server.openConnection(QStringLiteral("UTESTACL3"), &error);
        QVERIFY2(other, qPrintable(error));
        AclRegistry rival(KeyValue(cotal::nats::JetStream(other.get()), m_bucket->bucket()));
        quint64 revision = 0;
        for (int round = 0; round < 100; ++round) {
            const QStringList mine{QStringLiteral("mine%1").arg(round)};
            const QStringList theirs{QStringLiteral("theirs%1").arg(round)};
            auto a = m_registry->commitOnRevision(kBob, mine, revision);
            auto b = rival.commitOnRevision(kBob, theirs, revision);
            QVERIFY(cotal::testing::finishedWithResult(a));
            QVERIFY(cotal::testing::finishedWithResult(b));
            const AclWrite &won = a.result().ok() ? a.result() : b.result();
            const AclWrite &lost = a.result().ok() ? b.result() : a.result();
            QVERIFY2(a.result().ok() != b.result().ok(), qPrintable(QString::number(round)));
            QCOMPARE(lost.error.kind, SpaceErrorKind::RevisionConflict);
            QVERIFY(lost.current);
            QCOMPARE(lost.current->revision, won.revision);
            QCOMPARE(lost.current->acl.record()->allowSubscribe, won.record.allowSubscribe);
            QCOMPARE(won.record.revision, std::optional<qint64>(round + 1));
            revision = won.revision;
        }
        other->close();
    }

    void removeIsAPurgeNotAnEmptyList()
    {
        AWAIT(written, m_registry->commitAcl(kBob, {}));
        AWAIT(before, m_registry->read(kBob));
        QCOMPARE(before.acl.standing(), Standing::ReadsNothing);
        AWAIT(removed, m_registry->remove(kBob));
        QVERIFY(!removed.isError());
        AWAIT(after, m_registry->read(kBob));
        QCOMPARE(after.acl.standing(), Standing::Unknown);
        QCOMPARE(after.absence, AclLookup::Absence::Deleted);
    }

    void listAllReturnsEveryOwnerSorted()
    {
        const QString alice = QStringLiteral("UALICE");
        const QString carol = QStringLiteral("UCAROL");
        for (const QString &owner : {carol, kBob, alice}) {
            AWAIT(write, m_registry->commitAcl(owner, {QStringLiteral("general")}));
            QVERIFY(write.ok());
        }
        AWAIT(removed, m_registry->remove(carol));
        AWAIT(listing, m_registry->listAll());
        VERIFY_NATS_OK(listing);
        QCOMPARE(listing.owners.size(), 2);
        QCOMPARE(listing.owners.at(0).first, kBob); // "UAII…" sorts before "UALICE"
        QCOMPARE(listing.owners.at(1).first, alice);
        QVERIFY(listing.owners.at(0).second.isKnown());
    }

    void watchCacheFollowsWritesAndRemovals()
    {
        QSignalSpy loaded(m_registry.get(), &AclRegistry::loaded);
        QSignalSpy changed(m_registry.get(), &AclRegistry::changed);
        m_registry->start();
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, kWatchWaitMs);
        AWAIT(write, m_registry->commitAcl(kBob, {QStringLiteral("general")}));
        QTRY_VERIFY_WITH_TIMEOUT(m_registry->cached(kBob), kWatchWaitMs);
        QCOMPARE(m_registry->cached(kBob)->revision, write.revision);
        QCOMPARE(m_registry->cachedOwners(), QStringList{kBob});
        AWAIT(removed, m_registry->remove(kBob));
        QTRY_VERIFY_WITH_TIMEOUT(!m_registry->cached(kBob), kWatchWaitMs);
        QVERIFY(changed.count() >= 2);
        QCOMPARE(changed.last().at(0).toStringList(), QStringList{kBob});
    }

    void invalidOwnerIsRefused()
    {
        AWAIT(write, m_registry->commitAcl(QStringLiteral("team.x"), {}));
        QCOMPARE(write.error.kind, SpaceErrorKind::InvalidArgument);
        AWAIT(strict, m_registry->commitOnRevision(QStringLiteral("a b"), {}, 0));
        QCOMPARE(strict.error.kind, SpaceErrorKind::InvalidArgument);
        AWAIT(lookup, m_registry->read(QStringLiteral(">")));
        QCOMPARE(lookup.error.kind, cotal::nats::NatsErrorKind::InvalidArgument);
    }

private:
    quint64 put(const QString &key, const QByteArray &value)
    {
        const QFuture<cotal::nats::KvResult> done = m_bucket->put(key, value);
        if (!cotal::testing::finishedWithResult(done) || !done.result().ok())
            return 0;
        return done.result().entry.revision;
    }

    SpaceTestServer m_server;
    QString m_space;
    std::unique_ptr<KeyValue> m_bucket;
    std::unique_ptr<AclRegistry> m_registry;
    qint64 m_now = kFixtureTime;
};

QTEST_GUILESS_MAIN(TestAclRegistry)
#include "tst_aclregistry.moc"
