#include "core/nats/jetstream.h"
#include "core/space/consumerstats.h"
#include "core/space/spaceprovisioner.h"
#include "core/wire/names.h"
#include "core/wire/subjects.h"
#include "tests/integration/spacetestsupport.h"

using cotal::space::ConsumerStatsReader;
using cotal::space::SpaceProvisioner;
using cotal::testing::SpaceTestServer;

namespace {

const QString kConsumer = QStringLiteral("dlv_UBOB");

} // namespace

// Pending, ack pending and redelivered of a space's durables, as CONSUMER.INFO / LIST report them.
class TestConsumerStats : public QObject
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
        m_space = SpaceTestServer::freshSpace(QStringLiteral("consumers"));
        AWAIT(provisioned, SpaceProvisioner(m_server.jetStream(), m_space)
                               .provision(SpaceProvisioner::DefaultDeliveryClass::Durable));
        VERIFY_NATS_OK(provisioned);
        const QString filter = cotal::wire::dlvSubject(m_space, QStringLiteral("UBOB"));
        const QByteArray config = "{\"durable_name\":\"" + kConsumer.toUtf8() +
                                  "\",\"filter_subject\":\"" + filter.toUtf8() +
                                  "\",\"ack_policy\":\"explicit\",\"deliver_policy\":\"all\"}";
        AWAIT(created, m_server.jetStream().createConsumer(cotal::wire::dlvStreamName(m_space),
                                                           kConsumer, filter, config));
        VERIFY_NATS_OK(created);
        for (int i = 0; i < 5; ++i) {
            AWAIT(ack, m_server.jetStream().publish(filter, QByteArray::number(i)));
            VERIFY_NATS_OK(ack);
        }
    }

    void pendingAckPendingAndRedeliveredAreRead()
    {
        const QString stream = cotal::wire::dlvStreamName(m_space);
        // Three fetched: one acked, one nak'd (so it is redelivered), one left unacked.
        AWAIT(first,
              cotal::nats::PullConsumer::fetch(m_server.jetStream(), stream, kConsumer, 3, 2000));
        QCOMPARE(first.size(), 3);
        first.at(0).ack();
        first.at(1).nak();
        // The server may serve this pull before it handled the nak: asking for 3 and waiting up
        // to 2 s takes the 4th, the 5th and, whenever it comes back, the nak'd one.
        AWAIT(again,
              cotal::nats::PullConsumer::fetch(m_server.jetStream(), stream, kConsumer, 3, 2000));
        QCOMPARE(again.size(), 3);

        const ConsumerStatsReader reader(m_server.jetStream());
        AWAIT(stats, reader.read(stream, kConsumer));
        VERIFY_NATS_OK(stats);
        QCOMPARE(stats.name, kConsumer);
        QCOMPARE(stats.pending, 0u);
        QCOMPARE(stats.ackPending, 4u);
        QCOMPARE(stats.redelivered, 1u);
        QCOMPARE(stats.deliveredStreamSeq, 5u);
        QCOMPARE(stats.ackFloorStreamSeq, 1u);
    }

    void everyConsumerOfAStreamIsListed()
    {
        AWAIT(
            all,
            ConsumerStatsReader(m_server.jetStream()).readAll(cotal::wire::dlvStreamName(m_space)));
        QCOMPARE(all.size(), 1);
        VERIFY_NATS_OK(all.first());
        QCOMPARE(all.first().name, kConsumer);
        QCOMPARE(all.first().pending, 5u);
    }

    void missingConsumerIsAnError()
    {
        AWAIT(stats, ConsumerStatsReader(m_server.jetStream())
                         .read(cotal::wire::dlvStreamName(m_space), QStringLiteral("nobody")));
        QVERIFY(!stats.ok());
        QCOMPARE(stats.error.kind, cotal::nats::NatsErrorKind::NotFound);
    }

private:
    SpaceTestServer m_server;
    QString m_space;
};

QTEST_GUILESS_MAIN(TestConsumerStats)
#include "tst_consumerstats.moc"
