#include "core/space/channelstats.h"
#include "core/space/evictioncheck.h"
#include "core/space/spaceprovisioner.h"
#include "core/wire/names.h"
#include "core/wire/subjects.h"
#include "tests/integration/spacetestsupport.h"

using cotal::nats::NatsErrorKind;
using cotal::nats::PubAck;
using cotal::space::ChannelStats;
using cotal::space::SpaceProvisioner;
using cotal::testing::SpaceTestServer;

namespace {

const QString kAlice = QStringLiteral("UALICE");
const QString kBob = QStringLiteral("UBOB");
const QString kHistoryConsumer = QStringLiteral("chathist_UTESTSPACE");

} // namespace

class TestChannelStats : public QObject
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
        m_space = SpaceTestServer::freshSpace(QStringLiteral("stats"));
        AWAIT(provisioned, SpaceProvisioner(m_server.jetStream(), m_space)
                               .provision(SpaceProvisioner::DefaultDeliveryClass::Live));
        VERIFY_NATS_OK(provisioned);
    }

    void emptyStreamHasNoChannelsAndFrontierZero()
    {
        AWAIT(stats, ChannelStats(m_server.jetStream(), m_space).query());
        VERIFY_NATS_OK(stats);
        QVERIFY(stats.channels.isEmpty());
        QCOMPARE(stats.lastSeq, 0u);
        QCOMPARE(stats.messages, 0u);
    }

    void countsAreSummedPerChannelAcrossSenders()
    {
        QVERIFY(publish(kAlice, QStringLiteral("general"), 3));
        QVERIFY(publish(kBob, QStringLiteral("general"), 2));
        QVERIFY(publish(kAlice, QStringLiteral("team.backend"), 1));
        AWAIT(stats, ChannelStats(m_server.jetStream(), m_space).query());
        VERIFY_NATS_OK(stats);
        const QMap<QString, qint64> expected{{QStringLiteral("general"), 5},
                                             {QStringLiteral("team.backend"), 1}};
        QCOMPARE(stats.channels, expected);
        QCOMPARE(stats.subjects.size(), 3);
        QCOMPARE(stats.maxSubjectCount(), 3);
    }

    void reportsFrontierAndFirstSequence()
    {
        QVERIFY(publish(kAlice, QStringLiteral("general"), 4));
        AWAIT(stats, ChannelStats(m_server.jetStream(), m_space).query());
        VERIFY_NATS_OK(stats);
        QCOMPARE(stats.firstSeq, 1u);
        QCOMPARE(stats.lastSeq, 4u);
        QCOMPARE(stats.messages, 4u);
    }

    void channelQueryCountsOnlyThatChannel()
    {
        QVERIFY(publish(kAlice, QStringLiteral("general"), 2));
        QVERIFY(publish(kBob, QStringLiteral("general"), 1));
        QVERIFY(publish(kBob, QStringLiteral("general.sub"), 5));
        AWAIT(stats,
              ChannelStats(m_server.jetStream(), m_space).queryChannel(QStringLiteral("general")));
        VERIFY_NATS_OK(stats);
        const QMap<QString, qint64> expected{{QStringLiteral("general"), 3}};
        QCOMPARE(stats.channels, expected);
        QCOMPARE(stats.lastSeq, 8u); // the frontier is stream-wide
    }

    void channelQueryRefusesAWildcard()
    {
        AWAIT(stats,
              ChannelStats(m_server.jetStream(), m_space).queryChannel(QStringLiteral("team.>")));
        QCOMPARE(stats.error.kind, NatsErrorKind::InvalidArgument);
    }

    void missingStreamIsNotFound()
    {
        AWAIT(stats, ChannelStats(m_server.jetStream(), QStringLiteral("nosuchspace")).query());
        QCOMPARE(stats.error.kind, NatsErrorKind::NotFound);
    }

    void belowTheCapNothingIsEvicted()
    {
        QVERIFY(publish(kAlice, QStringLiteral("general"), 5));
        AWAIT(check, cotal::space::checkEviction(m_server.jetStream(), m_space,
                                                 QStringLiteral("general"), 0, kHistoryConsumer));
        VERIFY_NATS_OK(check);
        QVERIFY(!check.evicted);
        QCOMPARE(check.maxSubjectCount, 5);
        QCOMPARE(check.oldestSeq, 0u); // never read: the count alone decides
    }

    void evictionAfterTheJoinCursorIsDetected()
    {
        QVERIFY(publish(kAlice, QStringLiteral("busy"), 1005));
        AWAIT(check, cotal::space::checkEviction(m_server.jetStream(), m_space,
                                                 QStringLiteral("busy"), 0, kHistoryConsumer));
        VERIFY_NATS_OK(check);
        QCOMPARE(check.maxSubjectCount, 1000);
        QCOMPARE(check.oldestSeq, 6u);
        QVERIFY(check.evicted);
    }

    void evictionBeforeTheJoinCursorIsHarmless()
    {
        QVERIFY(publish(kAlice, QStringLiteral("busy"), 1005));
        AWAIT(check, cotal::space::checkEviction(m_server.jetStream(), m_space,
                                                 QStringLiteral("busy"), 5, kHistoryConsumer));
        VERIFY_NATS_OK(check);
        QCOMPARE(check.oldestSeq, 6u);
        QVERIFY(!check.evicted);
        // The one-message read leaves no consumer behind.
        AWAIT(info, m_server.jetStream().consumerInfo(cotal::wire::chatStreamName(m_space),
                                                      kHistoryConsumer));
        QCOMPARE(info.error.kind, NatsErrorKind::NotFound);
    }

    void otherChannelsTrafficCausesNoFalsePositive()
    {
        QVERIFY(publish(kAlice, QStringLiteral("busy"), 1005));
        QVERIFY(publish(kBob, QStringLiteral("quiet"), 3));
        AWAIT(check, cotal::space::checkEviction(m_server.jetStream(), m_space,
                                                 QStringLiteral("quiet"), 0, kHistoryConsumer));
        VERIFY_NATS_OK(check);
        QVERIFY(!check.evicted);
        QCOMPARE(check.maxSubjectCount, 3);
    }

private:
    // Publishes `count` chat messages and waits for every PubAck.
    bool publish(const QString &sender, const QString &channel, int count)
    {
        const QString subject = cotal::wire::chatSubject(m_space, sender, channel).value();
        QList<QFuture<PubAck>> acks;
        for (int i = 0; i < count; ++i)
            acks.append(m_server.jetStream().publish(subject, QByteArray::number(i)));
        for (const QFuture<PubAck> &ack : acks) {
            if (!cotal::testing::finishedWithResult(ack) || !ack.result().ok())
                return false;
        }
        return true;
    }

    SpaceTestServer m_server;
    QString m_space;
};

QTEST_GUILESS_MAIN(TestChannelStats)
#include "tst_channelstats.moc"
