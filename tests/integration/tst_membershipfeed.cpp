// The membership feed writer (delivery.md §9) against a real operator-mode server with a freshly
// minted trust chain: a system-account observer, a data-account writer, agents with agent creds.

#include "core/delivery/membershipfeedwriter.h"
#include "core/nats/natsconnection.h"
#include "core/space/memberregistry.h"
#include "core/trust/trustchain.h"
#include "core/wire/membershipfeed.h"
#include "core/wire/names.h"
#include "core/wire/subjects.h"
#include "tests/integration/deliverytestkit.h"
#include "tests/support/natsserverprocess.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>

using namespace cotal;
using testing::awaitResult;
using Profile = trust::UserProfile;

namespace {

// Polls stop when the test says so: the interval is far beyond any test's length, so a poll
// that follows a disconnect was triggered by the account event, not by the clock.
constexpr int kNeverMs = 3600 * 1000;

struct Agent
{
    QString id;
    std::unique_ptr<nats::NatsConnection> connection;
    std::vector<std::unique_ptr<nats::Subscription>> subscriptions;
};

} // namespace

class tst_MembershipFeed : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void feedRecordsLiveAndDurableMembershipsAsTheReference();
    void aDisconnectTriggersAPoll();
    void anObserverWithoutSystemRightsChangesNothing();
    void aWriterThatMayNotReadTheBucketsDoesNotStart();

private:
    nats::ConnectionOptions optionsFor(const trust::MintedUser &user) const;
    nats::ConnectionOptions credentialFor(Profile profile, const trust::AgentGrants &grants = {});
    std::unique_ptr<delivery::MembershipFeedWriter> startWriter(const trust::MintedUser &observer);
    Agent connectAgent(const QStringList &channels);
    QHash<QString, QByteArray> feedRecords();

    const QString m_space = QStringLiteral("feed");
    trust::TrustChain m_chain{QStringLiteral("op"), QStringLiteral("acct")};
    QTemporaryDir m_dir;
    std::unique_ptr<testing::NatsServerProcess> m_server;
    std::unique_ptr<testing::DeliveryKit> m_provisioner;
    std::unique_ptr<testing::DeliveryKit> m_delivery;
    std::unique_ptr<testing::DeliveryKit> m_reader;
};

nats::ConnectionOptions tst_MembershipFeed::optionsFor(const trust::MintedUser &user) const
{
    nats::ConnectionOptions options;
    options.servers = {m_server->url()};
    options.credsText = user.credsText;
    options.inboxId = QString::fromLatin1(user.publicKey);
    return options;
}

nats::ConnectionOptions tst_MembershipFeed::credentialFor(Profile profile,
                                                          const trust::AgentGrants &grants)
{
    return optionsFor(m_chain.mint(profile, m_space, grants));
}

void tst_MembershipFeed::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString config = m_dir.filePath(QStringLiteral("server.conf.template"));
    QFile file(config);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(m_chain.serverConfig(QStringLiteral("{{STORE_DIR}}")));
    file.close();
    m_server =
        std::make_unique<testing::NatsServerProcess>(testing::NatsServerProcess::Options{config});
    QString error;
    QVERIFY2(m_server->start(&error), qPrintable(error));

    m_provisioner = std::make_unique<testing::DeliveryKit>(m_server->url(), m_space,
                                                           credentialFor(Profile::Provisioner));
    QCOMPARE(m_provisioner->open(), QString());
    m_delivery = std::make_unique<testing::DeliveryKit>(m_server->url(), m_space,
                                                        credentialFor(Profile::Delivery));
    QCOMPARE(m_delivery->open(false), QString());
    // The feed is readable by the writer's own profile; the test reads through another one.
    m_reader = std::make_unique<testing::DeliveryKit>(m_server->url(), m_space,
                                                      credentialFor(Profile::MembershipRw));
    QCOMPARE(m_reader->open(false), QString());
}

std::unique_ptr<delivery::MembershipFeedWriter>
tst_MembershipFeed::startWriter(const trust::MintedUser &observer)
{
    delivery::MembershipFeedOptions options;
    options.observer = optionsFor(observer);
    options.observer.inboxId.clear();
    options.writer = credentialFor(Profile::MembershipRw);
    options.intervalMs = kNeverMs;
    auto writer = std::make_unique<delivery::MembershipFeedWriter>(m_space, options);
    const auto started = awaitResult(writer->start());
    if (!started || started->isError())
        return nullptr;
    return writer;
}

Agent tst_MembershipFeed::connectAgent(const QStringList &channels)
{
    trust::AgentGrants grants;
    grants.allowSubscribe = channels;
    const trust::MintedUser user = m_chain.mint(Profile::Agent, m_space, grants);
    Agent agent{QString::fromLatin1(user.publicKey), std::make_unique<nats::NatsConnection>(), {}};
    const auto opened = awaitResult(agent.connection->open(optionsFor(user)));
    if (!opened || opened->isError())
        return agent;
    // Core subscriptions as an endpoint makes them (wire.md §4.1).
    for (const QString &channel : channels) {
        agent.subscriptions.push_back(agent.connection->subscribe(
            QStringLiteral("%1.chat.*.%2").arg(wire::spacePrefix(m_space), channel), nullptr,
            [](const QList<nats::NatsMessage> &) {}));
    }
    awaitResult(agent.connection->flush());
    return agent;
}

QHash<QString, QByteArray> tst_MembershipFeed::feedRecords()
{
    QHash<QString, QByteArray> records;
    const nats::KeyValue feed = m_reader->bucket(wire::membershipBucket(m_space));
    const auto keys = awaitResult(feed.keys());
    if (!keys || !keys->ok())
        return records;
    for (const QString &key : keys->keys) {
        const auto value = awaitResult(feed.get(key));
        if (value && value->ok())
            records.insert(key, value->entry.value);
    }
    return records;
}

// Live from CONNZ (wildcards kept), durable from open activated records only; agents with
// neither have no key; `=feed` counts the agents. Bytes as the reference writes them.
void tst_MembershipFeed::feedRecordsLiveAndDurableMembershipsAsTheReference()
{
    Agent alice = connectAgent({QStringLiteral("general"), QStringLiteral("team.>")});
    Agent bob = connectAgent({QStringLiteral("random")});
    const QString carol = QStringLiteral("UCAROLOFFLINE");
    QVERIFY(alice.connection->state() == nats::NatsConnection::State::Connected);
    QVERIFY(bob.connection->state() == nats::NatsConnection::State::Connected);
    QVERIFY(m_delivery->commitMember(QStringLiteral("general"), bob.id, true));
    QVERIFY(
        m_delivery->commitMember(QStringLiteral("ops"), bob.id, false));   // pending: not yet read
    QVERIFY(m_delivery->commitMember(QStringLiteral("ops"), carol, true)); // offline durable reader
    QVERIFY(m_delivery->commitMember(QStringLiteral("old"), alice.id, true, 7)); // left: tombstone
    // A stale record of an agent that is gone, and a garbled one: both are corrected.
    const nats::KeyValue feed = m_reader->bucket(wire::membershipBucket(m_space));
    QVERIFY(awaitResult(feed.put(QStringLiteral("UGONE"),
                                 "{\"live\":[\"x\"],\"durable\":[],\"observedAt\":1}"))
                ->ok());
    QVERIFY(awaitResult(feed.put(alice.id, "not json"))->ok());

    auto writer = startWriter(m_chain.mint(Profile::MembershipObserver, m_space));
    QVERIFY(writer);
    QSignalSpy polled(writer.get(), &delivery::MembershipFeedWriter::polled);
    QVERIFY(polled.wait(testing::kKitWaitMs));
    QCOMPARE(polled.first().at(0).toBool(), true);

    const QHash<QString, QByteArray> records = feedRecords();
    QCOMPARE(QSet<QString>(records.keyBegin(), records.keyEnd()),
             (QSet<QString>{alice.id, bob.id, carol, QStringLiteral("=feed")}));
    const auto membership = [&records](const QString &agent) {
        return wire::decodeChannelMembership(records.value(agent)).value();
    };
    QCOMPARE(membership(alice.id).live,
             (QStringList{QStringLiteral("general"), QStringLiteral("team.>")}));
    QCOMPARE(membership(alice.id).durable, QStringList());
    QCOMPARE(membership(bob.id).live, QStringList{QStringLiteral("random")});
    QCOMPARE(membership(bob.id).durable, QStringList{QStringLiteral("general")});
    QCOMPARE(membership(carol).live, QStringList());
    QCOMPARE(membership(carol).durable, QStringList{QStringLiteral("ops")});
    // The reference's bytes: key order live, durable, observedAt; the heartbeat {observedAt,count}.
    const double observedAt = membership(bob.id).observedAt;
    QCOMPARE(records.value(bob.id),
             QByteArray("{\"live\":[\"random\"],\"durable\":[\"general\"],\"observedAt\":") +
                 QByteArray::number(qint64(observedAt)) + '}');
    const auto heartbeat =
        wire::decodeMembershipFeedHeartbeat(records.value(QStringLiteral("=feed")));
    QVERIFY(heartbeat);
    QCOMPARE(heartbeat->count, 3);
    QCOMPARE(writer->stats().agents, 3);

    // A second poll with nothing changed rewrites only `=feed`.
    const quint64 puts = writer->stats().puts;
    writer->trigger();
    QVERIFY(polled.wait(testing::kKitWaitMs));
    QCOMPARE(writer->stats().puts, puts);
    QCOMPARE(writer->stats().failedWrites, quint64(0));
}

// An agent that disconnects loses its live set at the next poll, which the account's DISCONNECT
// event triggers (the timer is out of the picture); with nothing durable its key is deleted.
void tst_MembershipFeed::aDisconnectTriggersAPoll()
{
    Agent dave = connectAgent({QStringLiteral("builds")});
    QVERIFY(dave.connection->state() == nats::NatsConnection::State::Connected);
    auto writer = startWriter(m_chain.mint(Profile::MembershipObserver, m_space));
    QVERIFY(writer);
    QSignalSpy polled(writer.get(), &delivery::MembershipFeedWriter::polled);
    QTRY_VERIFY_WITH_TIMEOUT(feedRecords().contains(dave.id), testing::kKitWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(!polled.isEmpty(), testing::kKitWaitMs);
    const quint64 polls = writer->stats().polls;

    QElapsedTimer sinceDisconnect;
    sinceDisconnect.start();
    dave.subscriptions.clear();
    dave.connection->close();
    QTRY_VERIFY_WITH_TIMEOUT(!feedRecords().contains(dave.id), testing::kKitWaitMs);
    // Reported, not asserted (timing is the bench's business): the 400 ms debounce plus one
    // sweep's 250 ms quiet period, plus this test's own polling of the bucket.
    qInfo("disconnect to pruned feed record: %lld ms", sinceDisconnect.elapsed());
    QVERIFY(writer->stats().polls > polls);
    QVERIFY(writer->stats().deletes >= 1);
    // Least privilege held: nothing the writers did was refused.
    QVERIFY2(!m_server->log().contains(QLatin1String("Permissions Violation")),
             qPrintable(m_server->log()));
}

// An observer credential the broker refuses CONNZ to (here a data-account user) proves nothing:
// the poll is incomplete, and nothing is pruned or rewritten, not even `=feed`.
void tst_MembershipFeed::anObserverWithoutSystemRightsChangesNothing()
{
    const QHash<QString, QByteArray> before = feedRecords();
    QVERIFY(!before.isEmpty());
    auto writer = startWriter(m_chain.mint(Profile::MembershipRw, m_space));
    QVERIFY(writer);
    QSignalSpy polled(writer.get(), &delivery::MembershipFeedWriter::polled);
    QVERIFY(polled.wait(testing::kKitWaitMs));
    QCOMPARE(polled.first().at(0).toBool(), false);
    QCOMPARE(writer->stats().incomplete, quint64(1));
    QCOMPARE(writer->stats().puts, quint64(0));
    QCOMPARE(writer->stats().deletes, quint64(0));
    QCOMPARE(feedRecords(), before);
}

// A writer credential of another space may not watch this space's buckets: start() says so
// instead of polling on, unable to prove anything, forever.
void tst_MembershipFeed::aWriterThatMayNotReadTheBucketsDoesNotStart()
{
    delivery::MembershipFeedOptions options;
    options.observer = optionsFor(m_chain.mint(Profile::MembershipObserver, m_space));
    options.observer.inboxId.clear();
    options.writer = optionsFor(m_chain.mint(Profile::MembershipRw, QStringLiteral("elsewhere")));
    delivery::MembershipFeedWriter writer(m_space, options);
    const auto started = awaitResult(writer.start());
    QVERIFY(started);
    QVERIFY(started->isError());
    QVERIFY2(started->message.contains(QLatin1String("cannot watch")),
             qPrintable(started->describe()));
    QCOMPARE(writer.stats().polls, quint64(0));
}

QTEST_GUILESS_MAIN(tst_MembershipFeed)
#include "tst_membershipfeed.moc"
