#include "core/space/spacedirectory.h"
#include "core/space/spaceprovisioner.h"
#include "core/wire/names.h"
#include "core/wire/subjects.h"
#include "tests/integration/spacetestsupport.h"

using cotal::nats::KeyValue;
using cotal::space::SpaceDirectory;
using cotal::space::SpaceListing;
using cotal::space::SpaceProvisioner;
using cotal::space::SpaceSummary;
using cotal::testing::SpaceTestServer;

namespace {

std::optional<SpaceSummary> find(const SpaceListing &listing, const QString &space)
{
    for (const SpaceSummary &summary : listing.spaces) {
        if (summary.space == space)
            return summary;
    }
    return std::nullopt;
}

} // namespace

class TestSpaceDirectory : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
    }

    void cleanupTestCase() { m_server.stop(); }

    void spaceTokensComeFromChatAndPresenceStreams()
    {
        const QStringList names{QStringLiteral("KV_cotal_presence_beta"),
                                QStringLiteral("CHAT_alpha"),
                                QStringLiteral("KV_cotal_acl_gamma"),
                                QStringLiteral("DM_delta"),
                                QStringLiteral("CHAT_beta"),
                                QStringLiteral("CHAT_"),
                                QStringLiteral("ORDERS")};
        QCOMPARE(SpaceDirectory::spaceTokens(names),
                 QStringList({QStringLiteral("alpha"), QStringLiteral("beta")}));
    }

    void listsProvisionedSpacesWithTheirCounts()
    {
        const QString busy = provisioned(QStringLiteral("dirbusy"));
        const QString idle = provisioned(QStringLiteral("diridle"));
        QVERIFY(!busy.isEmpty() && !idle.isEmpty());
        for (const auto &[sender, channel] :
             {std::pair{QStringLiteral("UA"), QStringLiteral("general")},
              std::pair{QStringLiteral("UB"), QStringLiteral("general")},
              std::pair{QStringLiteral("UA"), QStringLiteral("team.backend")},
              std::pair{QStringLiteral("UA"), QStringLiteral("general")}}) {
            AWAIT(ack, m_server.jetStream().publish(
                           cotal::wire::chatSubject(busy, sender, channel).value(), "{}"));
            VERIFY_NATS_OK(ack);
        }
        const KeyValue presence(m_server.jetStream(), cotal::wire::presenceBucket(busy));
        for (const QString &id : {QStringLiteral("UA"), QStringLiteral("UB")}) {
            AWAIT(put, presence.put(id, "{}"));
            VERIFY_NATS_OK(put);
        }

        AWAIT(listing, SpaceDirectory(m_server.jetStream()).list());
        VERIFY_NATS_OK(listing);
        const auto busySummary = find(listing, busy);
        QVERIFY(busySummary);
        VERIFY_NATS_OK(*busySummary);
        QVERIFY(busySummary->hasChatStream && busySummary->hasPresenceBucket);
        QCOMPARE(busySummary->chatMessages, 4u);
        QCOMPARE(busySummary->channelCount, 2);
        QCOMPARE(busySummary->presenceKeys, 2u);

        const auto idleSummary = find(listing, idle);
        QVERIFY(idleSummary);
        QCOMPARE(idleSummary->chatMessages, 0u);
        QCOMPARE(idleSummary->channelCount, 0);
        QCOMPARE(idleSummary->presenceKeys, 0u);
    }

    void aPresenceOnlySpaceIsListed()
    {
        // An open-mode observer creates only the presence bucket.
        const QString space = SpaceTestServer::freshSpace(QStringLiteral("dirpresence"));
        AWAIT(
            bucket,
            KeyValue(m_server.jetStream(), cotal::wire::presenceBucket(space)).createBucket(6000));
        VERIFY_NATS_OK(bucket);
        AWAIT(listing, SpaceDirectory(m_server.jetStream()).list());
        VERIFY_NATS_OK(listing);
        const auto summary = find(listing, space);
        QVERIFY(summary);
        VERIFY_NATS_OK(*summary);
        QVERIFY(!summary->hasChatStream);
        QVERIFY(summary->hasPresenceBucket);
    }

    void spacesAreSortedByToken()
    {
        QVERIFY(!provisioned(QStringLiteral("dirsort")).isEmpty());
        AWAIT(listing, SpaceDirectory(m_server.jetStream()).list());
        VERIFY_NATS_OK(listing);
        QVERIFY(listing.spaces.size() >= 1);
        for (qsizetype i = 1; i < listing.spaces.size(); ++i)
            QVERIFY(listing.spaces.at(i - 1).space < listing.spaces.at(i).space);
    }

private:
    QString provisioned(const QString &prefix)
    {
        const QString space = SpaceTestServer::freshSpace(prefix);
        const QFuture<cotal::space::ProvisionResult> done =
            SpaceProvisioner(m_server.jetStream(), space)
                .provision(SpaceProvisioner::DefaultDeliveryClass::Live);
        if (!cotal::testing::finishedWithResult(done) || !done.result().ok())
            return {};
        return space;
    }

    SpaceTestServer m_server;
};

QTEST_GUILESS_MAIN(TestSpaceDirectory)
#include "tst_spacedirectory.moc"
