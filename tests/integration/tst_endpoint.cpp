#include "core/endpoint/endpoint.h"
#include "core/endpoint/endpointhost.h"
#include "core/endpoint/messageingest.h"
#include "core/nats/jetstream.h"
#include "core/wire/names.h"
#include "core/wire/subjects.h"
#include "tests/integration/endpointtestsupport.h"
#include "tests/support/natsserverprocess.h"

#include <QSignalSpy>
#include <QtTest>
#include <numeric>

using namespace cotal;
using endpoint::Endpoint;
using endpoint::EndpointOptions;
using endpoint::ReceivedMessage;
using testing::awaitFuture;
using testing::Collector;
using testing::hangError;
using testing::NatsServerProcess;
using testing::textParts;

namespace {

const QString kSpace = QStringLiteral("interop");

EndpointOptions agentOptions(const QString &url, const QString &name, const QString &role,
                             const QStringList &channels)
{
    nats::ConnectionOptions connection;
    connection.servers = {url};
    connection.reconnectWaitMs = 200;
    connection.maxReconnectWaitMs = 1000;
    wire::AgentCard card;
    card.name = name;
    if (!role.isEmpty())
        card.role = role;
    return EndpointOptions::agent(connection, kSpace, card, channels);
}

EndpointOptions consoleOptions(const QString &url)
{
    nats::ConnectionOptions connection;
    connection.servers = {url};
    connection.reconnectWaitMs = 200;
    connection.maxReconnectWaitMs = 1000;
    return EndpointOptions::adminConsole(connection, kSpace);
}

bool startEndpoint(Endpoint &endpoint)
{
    const nats::NatsError error = awaitFuture(endpoint.start(), hangError());
    if (error.isError())
        qWarning() << "start failed:" << error.describe();
    return !error.isError() && endpoint.state() == Endpoint::State::Connected;
}

bool rosterHas(const Endpoint &endpoint, const QString &id, bool online = true)
{
    for (const wire::Presence &presence : endpoint.roster()) {
        if (presence.card.id == id)
            return (presence.status == wire::PresenceStatus::Offline) != online;
    }
    return false;
}

QByteArray messageJson(const QString &id, const QString &fromId, const QString &channel)
{
    wire::CotalMessage message;
    message.id = id;
    message.ts = 1710000000000;
    message.space = kSpace;
    message.from = wire::EndpointRef{fromId, QStringLiteral("mallory"), std::nullopt};
    message.route = wire::Route{wire::RouteKind::Channel, channel};
    message.parts = textParts(QStringLiteral("injected"));
    return wire::encodeCotalMessage(message);
}

} // namespace

class tst_Endpoint : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void interopScenarioOpenMode();
    void spoofedAndMalformedCopiesAreRejectedAndCounted();
    void malformedSubjectOnDurableCopyIsTerminated();
    void burstIsSurfacedInBoundedBatchesInOrder();
    void serverRestartRestoresRosterSubscriptionsAndConsumers();
    void controlWithoutResponderIsNoResponders();
    void adminTapIsNoControlResponder();
    void controlReplyOnAnotherLaneIsNeverSeen();
    void hostRunsEndpointOnWorkerThread();

private:
    std::unique_ptr<NatsServerProcess> m_server;
};

void tst_Endpoint::init()
{
    m_server = std::make_unique<NatsServerProcess>();
    QString error;
    QVERIFY2(m_server->start(&error), qPrintable(error));
}

void tst_Endpoint::cleanup()
{
    m_server.reset();
}

void tst_Endpoint::interopScenarioOpenMode()
{
    const QString url = m_server->url();
    Endpoint alice(agentOptions(url, QStringLiteral("alice"), QStringLiteral("planner"),
                                {QStringLiteral("general")}));
    Endpoint bob(agentOptions(url, QStringLiteral("bob"), QStringLiteral("reviewer"),
                              {QStringLiteral("general"), QStringLiteral("team.backend")}));
    Endpoint bob2(agentOptions(url, QStringLiteral("bob"), QStringLiteral("reviewer"),
                               {QStringLiteral("general")}));
    Endpoint console(consoleOptions(url));
    Collector bobSeen(&bob);
    Collector bob2Seen(&bob2);
    Collector consoleSeen(&console);

    QVERIFY(startEndpoint(alice));
    QVERIFY(startEndpoint(bob));
    QVERIFY(startEndpoint(bob2));
    QVERIFY(startEndpoint(console));
    QCOMPARE(console.tapVisibility(), endpoint::TapVisibility::Everything);

    // Presence: everyone sees everyone; the invisible console is in nobody's roster.
    QTRY_VERIFY_WITH_TIMEOUT(rosterHas(alice, bob.id()) && rosterHas(alice, bob2.id()), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(rosterHas(bob, alice.id()), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(rosterHas(console, alice.id()) && rosterHas(console, bob.id()), 20000);
    QVERIFY(!rosterHas(alice, console.id()) && !rosterHas(alice, console.id(), false));

    // Alice joins team.backend (open mode: live class, nothing to backfill yet).
    const endpoint::JoinResult joined =
        awaitFuture(alice.joinChannel(QStringLiteral("team.backend")));
    QVERIFY2(joined.ok(), qPrintable(joined.error.describe()));
    QVERIFY(joined.joined);
    QVERIFY(!joined.durable);

    // Multicast arrives at bob as kind channel (live copy).
    const endpoint::SendResult multicast = awaitFuture(alice.sendToChannel(
        QStringLiteral("team.backend"), textParts(QStringLiteral("Can you review this?")),
        endpoint::SendOptions{{QStringLiteral(" Bob")}, {}, {}}));
    QVERIFY2(multicast.ok(), qPrintable(multicast.error.describe()));
    QVERIFY(multicast.ack.sequence > 0);
    QTRY_COMPARE_WITH_TIMEOUT(bobSeen.withId(multicast.id).size(), 1, 20000);
    const ReceivedMessage channelCopy = bobSeen.withId(multicast.id).first();
    QCOMPARE(channelCopy.kind, wire::DeliveryKind::Channel);
    QCOMPARE(channelCopy.path, ReceivedMessage::Path::Live);
    QVERIFY(!channelCopy.historical);
    QCOMPARE(channelCopy.message.from.id, alice.id());
    QCOMPARE(channelCopy.message.mentions, QStringList{QStringLiteral("bob")});
    QVERIFY(bob2Seen.withId(multicast.id).isEmpty()); // bob2 did not join team.backend

    // Unicast arrives as kind dm through dm_<bob>.
    const endpoint::SendResult unicast =
        awaitFuture(alice.sendDirect(bob.id(), textParts(QStringLiteral("a direct note"))));
    QVERIFY2(unicast.ok(), qPrintable(unicast.error.describe()));
    QTRY_COMPARE_WITH_TIMEOUT(bobSeen.withId(unicast.id).size(), 1, 20000);
    QCOMPARE(bobSeen.withId(unicast.id).first().kind, wire::DeliveryKind::Dm);
    QCOMPARE(bobSeen.withId(unicast.id).first().path, ReceivedMessage::Path::Dm);
    QVERIFY(bobSeen.withId(unicast.id).first().durableCopy);

    // Anycast reaches exactly one of the two reviewers, every time.
    QStringList taskIds;
    for (int i = 0; i < 6; ++i) {
        const endpoint::SendResult task = awaitFuture(alice.sendToRole(
            QStringLiteral("reviewer"), textParts(QStringLiteral("task %1").arg(i))));
        QVERIFY2(task.ok(), qPrintable(task.error.describe()));
        taskIds.append(task.id);
    }
    for (const QString &id : std::as_const(taskIds)) {
        QTRY_COMPARE_WITH_TIMEOUT(bobSeen.withId(id).size() + bob2Seen.withId(id).size(), 1, 20000);
        const ReceivedMessage copy =
            bobSeen.withId(id).isEmpty() ? bob2Seen.withId(id).first() : bobSeen.withId(id).first();
        QCOMPARE(copy.kind, wire::DeliveryKind::Anycast);
    }

    // A late joiner gets the retained message as historical backfill, without duplicates.
    Endpoint carol(agentOptions(url, QStringLiteral("carol"), {}, {QStringLiteral("general")}));
    Collector carolSeen(&carol);
    QVERIFY(startEndpoint(carol));
    const endpoint::JoinResult late =
        awaitFuture(carol.joinChannel(QStringLiteral("team.backend")));
    QVERIFY2(late.ok(), qPrintable(late.error.describe()));
    QCOMPARE(late.backfilled, 1);
    QTRY_COMPARE_WITH_TIMEOUT(carolSeen.withId(multicast.id).size(), 1, 20000);
    QVERIFY(carolSeen.withId(multicast.id).first().historical);
    QCOMPARE(carolSeen.withId(multicast.id).first().path, ReceivedMessage::Path::Backfill);
    QVERIFY(carolSeen.idsUnique());
    QVERIFY(bobSeen.idsUnique());

    // The console's tap saw chat, DM and anycast traffic, each id once.
    QTRY_VERIFY_WITH_TIMEOUT(!consoleSeen.withId(unicast.id).isEmpty(), 20000);
    QCOMPARE(consoleSeen.withId(multicast.id).size(), 1);
    QCOMPARE(consoleSeen.withId(unicast.id).first().kind, wire::DeliveryKind::Dm);
    QTRY_VERIFY_WITH_TIMEOUT(!consoleSeen.withId(taskIds.first()).isEmpty(), 20000);
    QVERIFY(consoleSeen.idsUnique());

    // The channel list counts the retained message and marks joined rows.
    const endpoint::ChannelListResult list = awaitFuture(alice.listChannels());
    QVERIFY2(list.ok(), qPrintable(list.error.describe()));
    bool found = false;
    for (const endpoint::ChannelRow &row : list.rows) {
        if (row.channel == QLatin1String("team.backend")) {
            found = true;
            QCOMPARE(row.messageCount, quint64(1));
            QVERIFY(row.joined);
            QCOMPARE(row.deliveryClass, endpoint::DeliveryClass::Live);
        }
    }
    QVERIFY(found);

    // Graceful stop: the final offline record reaches the others.
    QVERIFY(testing::awaitVoid(bob2.stop()));
    QTRY_VERIFY_WITH_TIMEOUT(rosterHas(alice, bob2.id(), false), 20000);
}

void tst_Endpoint::spoofedAndMalformedCopiesAreRejectedAndCounted()
{
    const QString url = m_server->url();
    Endpoint bob(agentOptions(url, QStringLiteral("bob"), {}, {QStringLiteral("general")}));
    Collector seen(&bob);
    QVERIFY(startEndpoint(bob));
    std::unique_ptr<nats::NatsConnection> raw = testing::openRaw(url, QStringLiteral("MALLORY"));
    QVERIFY(raw);
    nats::JetStream js(raw.get());
    const QString mallory = QStringLiteral("MALLORY");
    const QString victim = QStringLiteral("VICTIM");

    // DM stream copies: spoofed sender and malformed JSON are terminated and counted.
    const QString dmSubject = wire::unicastSubject(kSpace, bob.id(), mallory);
    const nats::PubAck spoofedDm =
        awaitFuture(js.publish(dmSubject, messageJson(QStringLiteral("spoof-dm"), victim, {}),
                               {{"Nats-Msg-Id", "spoof-dm"}}));
    QVERIFY2(spoofedDm.ok(), qPrintable(spoofedDm.error.describe()));
    const nats::PubAck brokenDm = awaitFuture(
        js.publish(dmSubject, QByteArrayLiteral("{not json"), {{"Nats-Msg-Id", "bad"}}));
    QVERIFY2(brokenDm.ok(), qPrintable(brokenDm.error.describe()));
    QTRY_COMPARE_WITH_TIMEOUT(bob.anomalyCounters().terminated, quint64(2), 20000);
    QCOMPARE(bob.anomalyCounters().senderMismatch, quint64(1));
    QCOMPARE(bob.anomalyCounters().malformedJson, quint64(1));
    for (const endpoint::Anomaly &anomaly : std::as_const(seen.anomalies)) {
        QVERIFY(anomaly.terminated);
        QCOMPARE(anomaly.path, ReceivedMessage::Path::Dm);
    }

    // Terminated copies never redeliver: the consumer has nothing pending or unacked.
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const nats::ApiResult info = awaitFuture(
                js.consumerInfo(wire::dmStreamName(kSpace), wire::dmConsumerName(bob.id())));
            return info.ok() && info.body.value(QLatin1String("num_ack_pending")).toInt() == 0 &&
                   info.body.value(QLatin1String("num_pending")).toInt() == 0;
        }(),
        20000);

    // Live chat copies: spoofed and malformed are dropped and counted, never terminated.
    const QString chat = *wire::chatSubject(kSpace, mallory, QStringLiteral("general"));
    QVERIFY(!raw->publish(chat, messageJson(QStringLiteral("spoof-live"), victim,
                                            QStringLiteral("general")))
                 .isError());
    QVERIFY(!raw->publish(chat, QByteArrayLiteral("[1,2")).isError());
    // A bad subject seen by the tap of an admin console is counted as malformed-subject.
    Endpoint console(consoleOptions(url));
    QVERIFY(startEndpoint(console));
    QVERIFY(!raw->publish(QStringLiteral("cotal.%1.chat.%2").arg(kSpace, mallory),
                          messageJson(QStringLiteral("no-channel"), mallory, {}))
                 .isError());
    QTRY_COMPARE_WITH_TIMEOUT(bob.anomalyCounters().senderMismatch, quint64(2), 20000);
    QTRY_COMPARE_WITH_TIMEOUT(bob.anomalyCounters().malformedJson, quint64(2), 20000);
    QTRY_COMPARE_WITH_TIMEOUT(console.anomalyCounters().malformedSubject, quint64(1), 20000);
    QCOMPARE(bob.anomalyCounters().terminated, quint64(2));

    // A valid message still gets through, and nothing forged was ever surfaced.
    QVERIFY(!raw->publish(chat,
                          messageJson(QStringLiteral("honest"), mallory, QStringLiteral("general")))
                 .isError());
    QTRY_COMPARE_WITH_TIMEOUT(seen.withId(QStringLiteral("honest")).size(), 1, 20000);
    QVERIFY(seen.withId(QStringLiteral("spoof-dm")).isEmpty());
    QVERIFY(seen.withId(QStringLiteral("spoof-live")).isEmpty());
}

void tst_Endpoint::malformedSubjectOnDurableCopyIsTerminated()
{
    // Consumer filters make a sender-less DM subject impossible on a real stream, so the
    // pipeline is fed such a copy directly; its term must still reach the broker.
    std::unique_ptr<nats::NatsConnection> raw =
        testing::openRaw(m_server->url(), QStringLiteral("INGEST"));
    QVERIFY(raw);
    QList<nats::NatsMessage> acks;
    auto tap =
        raw->subscribe(QStringLiteral("$JS.ACK.>"), this,
                       [&acks](const QList<nats::NatsMessage> &batch) { acks.append(batch); });
    QVERIFY(tap);
    QVERIFY(!awaitFuture(raw->flush(), hangError()).isError());

    endpoint::MessageIngest ingest;
    ingest.setOwnId(QStringLiteral("SELF"));
    QSignalSpy surfaced(&ingest, &endpoint::MessageIngest::messagesReceived);
    nats::NatsMessage copy;
    copy.subject = QStringLiteral("cotal.%1.inst.SELF").arg(kSpace);
    copy.reply = QStringLiteral("$JS.ACK.DM_interop.dm_SELF.1.7.7.1710000000000000000.0");
    copy.data = messageJson(QStringLiteral("x"), QStringLiteral("SELF"), {});
    ingest.acceptDurable({nats::JsMessage(raw.get(), copy)}, ReceivedMessage::Path::Dm);

    QCOMPARE(ingest.counters().malformedSubject, quint64(1));
    QCOMPARE(ingest.counters().terminated, quint64(1));
    QTRY_COMPARE_WITH_TIMEOUT(acks.size(), 1, 20000);
    QCOMPARE(acks.first().data, QByteArrayLiteral("+TERM"));
    QTest::qWait(50);
    QCOMPARE(surfaced.count(), 0);
}

void tst_Endpoint::burstIsSurfacedInBoundedBatchesInOrder()
{
    // A receiver (the console's GUI thread) never gets one batch bigger than kMaxBatch, however
    // large the burst a subscription hands over at once; nothing is lost or reordered.
    endpoint::MessageIngest ingest;
    ingest.setOwnId(QStringLiteral("SELF"));
    QList<QList<ReceivedMessage>> batches;
    connect(&ingest, &endpoint::MessageIngest::messagesReceived, this,
            [&batches](const QList<ReceivedMessage> &batch) { batches.append(batch); });
    const qsizetype burst = endpoint::MessageIngest::kMaxBatch * 2 + 100;
    QList<nats::NatsMessage> copies;
    for (qsizetype i = 0; i < burst; ++i) {
        nats::NatsMessage copy;
        copy.subject =
            wire::chatSubject(kSpace, QStringLiteral("mallory"), QStringLiteral("general")).value();
        copy.data =
            messageJson(QString::number(i), QStringLiteral("mallory"), QStringLiteral("general"));
        copies.append(copy);
    }
    ingest.acceptCore(copies, ReceivedMessage::Path::Tap);
    QTRY_COMPARE_WITH_TIMEOUT(
        std::accumulate(batches.cbegin(), batches.cend(), qsizetype(0),
                        [](qsizetype sum, const auto &batch) { return sum + batch.size(); }),
        burst, 20000);
    QCOMPARE(batches.size(), 3);
    qsizetype next = 0;
    for (const QList<ReceivedMessage> &batch : std::as_const(batches)) {
        QVERIFY(batch.size() <= endpoint::MessageIngest::kMaxBatch);
        for (const ReceivedMessage &message : batch)
            QCOMPARE(message.message.id, QString::number(next++));
    }
}

void tst_Endpoint::serverRestartRestoresRosterSubscriptionsAndConsumers()
{
    const QString url = m_server->url();
    Endpoint alice(agentOptions(url, QStringLiteral("alice"), {}, {QStringLiteral("general")}));
    Endpoint bob(agentOptions(url, QStringLiteral("bob"), QStringLiteral("reviewer"),
                              {QStringLiteral("general")}));
    Collector bobSeen(&bob);
    QVERIFY(startEndpoint(alice));
    QVERIFY(startEndpoint(bob));
    QTRY_VERIFY_WITH_TIMEOUT(rosterHas(alice, bob.id()), 20000);

    m_server->kill();
    QTRY_VERIFY_WITH_TIMEOUT(bob.state() != Endpoint::State::Connected, 20000);
    QString error;
    QVERIFY2(m_server->start(&error), qPrintable(error));
    QTRY_COMPARE_WITH_TIMEOUT(bob.state(), Endpoint::State::Connected, 30000);
    QTRY_COMPARE_WITH_TIMEOUT(alice.state(), Endpoint::State::Connected, 30000);

    // Roster: the peer is (again) online, refreshed by its heartbeat after the restart.
    QTRY_VERIFY_WITH_TIMEOUT(rosterHas(alice, bob.id()), 30000);

    // Subscriptions and consumers: chat, DM and anycast all arrive again. Sends are retried
    // because the JetStream layer may still be recovering its streams right after the restart.
    const auto sendUntilOk = [](const std::function<QFuture<endpoint::SendResult>()> &send) {
        endpoint::SendResult result;
        // The outcome is judged by the caller from `result`.
        [[maybe_unused]] const bool sent = QTest::qWaitFor(
            [&] {
                result = awaitFuture(send());
                return result.ok();
            },
            30000);
        return result;
    };
    const endpoint::SendResult chat = sendUntilOk([&] {
        return alice.sendToChannel(QStringLiteral("general"), textParts(QStringLiteral("back")));
    });
    QVERIFY2(chat.ok(), qPrintable(chat.error.describe()));
    const endpoint::SendResult dm = sendUntilOk(
        [&] { return alice.sendDirect(bob.id(), textParts(QStringLiteral("dm after restart"))); });
    QVERIFY2(dm.ok(), qPrintable(dm.error.describe()));
    const endpoint::SendResult task = sendUntilOk([&] {
        return alice.sendToRole(QStringLiteral("reviewer"), textParts(QStringLiteral("task")));
    });
    QVERIFY2(task.ok(), qPrintable(task.error.describe()));
    QTRY_COMPARE_WITH_TIMEOUT(bobSeen.withId(chat.id).size(), 1, 30000);
    QTRY_COMPARE_WITH_TIMEOUT(bobSeen.withId(dm.id).size(), 1, 30000);
    QTRY_COMPARE_WITH_TIMEOUT(bobSeen.withId(task.id).size(), 1, 30000);
    QCOMPARE(bobSeen.withId(dm.id).first().kind, wire::DeliveryKind::Dm);
    QCOMPARE(bobSeen.withId(task.id).first().kind, wire::DeliveryKind::Anycast);
}

void tst_Endpoint::controlWithoutResponderIsNoResponders()
{
    Endpoint alice(
        agentOptions(m_server->url(), QStringLiteral("alice"), {}, {QStringLiteral("general")}));
    QVERIFY(startEndpoint(alice));
    const endpoint::ControlResult result = awaitFuture(
        alice.control(QStringLiteral("delivery"), QStringLiteral("listMemberships"), {}, 5000));
    QCOMPARE(result.status, endpoint::ControlResult::Status::NoResponders);
    QCOMPARE(result.natsError.kind, nats::NatsErrorKind::NoResponders);
}

// An admin console sees DMs and anycast, but its taps must not match `ctl.*` requests: a silent
// extra subscriber there turns every agent's no-responders answer into a timeout.
void tst_Endpoint::adminTapIsNoControlResponder()
{
    Endpoint console(consoleOptions(m_server->url()));
    QVERIFY(startEndpoint(console));
    QCOMPARE(console.tapVisibility(), endpoint::TapVisibility::Everything);
    Endpoint alice(
        agentOptions(m_server->url(), QStringLiteral("alice"), {}, {QStringLiteral("general")}));
    QVERIFY(startEndpoint(alice));
    const endpoint::ControlResult result = awaitFuture(
        alice.control(QStringLiteral("delivery"), QStringLiteral("listMemberships"), {}, 5000));
    QCOMPARE(result.status, endpoint::ControlResult::Status::NoResponders);
}

void tst_Endpoint::controlReplyOnAnotherLaneIsNeverSeen()
{
    const QString url = m_server->url();
    Endpoint alice(agentOptions(url, QStringLiteral("alice"), {}, {QStringLiteral("general")}));
    QVERIFY(startEndpoint(alice));
    std::unique_ptr<nats::NatsConnection> responder =
        testing::openRaw(url, QStringLiteral("RESPONDER"));
    QVERIFY(responder);
    // A confused responder answers on a lane that is not the requester's reply subject: the
    // requester must never see it and times out instead.
    QStringList requests;
    auto serve = responder->subscribe(
        wire::controlServeSubscription(kSpace, QStringLiteral("delivery")), this,
        [&](const QList<nats::NatsMessage> &batch) {
            for (const nats::NatsMessage &message : batch) {
                requests.append(message.reply);
                responder->publish(wire::controlReplySubject(kSpace, QStringLiteral("delivery"),
                                                             QStringLiteral("VICTIM"),
                                                             wire::newReplyId()),
                                   QByteArrayLiteral("{\"ok\":true,\"data\":{\"forged\":true}}"));
                responder->publish(message.reply + QStringLiteral(".other"),
                                   QByteArrayLiteral("{\"ok\":true}"));
            }
        },
        QStringLiteral("delivery"));
    QVERIFY(serve);
    QVERIFY(!awaitFuture(responder->flush(), hangError()).isError());

    const endpoint::ControlResult result = awaitFuture(
        alice.control(QStringLiteral("delivery"), QStringLiteral("listMemberships"), {}, 1500));
    QCOMPARE(result.status, endpoint::ControlResult::Status::Timeout);
    QCOMPARE(requests.size(), 1);
    // The request carried the bounded reply lane `<request>.reply.<uuid>`.
    QVERIFY(wire::isBoundReplyFor(
        wire::controlSubject(kSpace, QStringLiteral("delivery"), alice.id()), requests.first()));
}

void tst_Endpoint::hostRunsEndpointOnWorkerThread()
{
    endpoint::EndpointHost host(
        agentOptions(m_server->url(), QStringLiteral("hosted"), {}, {QStringLiteral("general")}));
    QVERIFY(host.endpoint()->thread() != QThread::currentThread());
    QList<ReceivedMessage> received;
    connect(host.endpoint(), &Endpoint::messagesReceived, this,
            [&received](const QList<ReceivedMessage> &batch) { received.append(batch); });
    QVERIFY(!awaitFuture(host.start(), hangError()).isError());

    Endpoint peer(
        agentOptions(m_server->url(), QStringLiteral("peer"), {}, {QStringLiteral("general")}));
    QVERIFY(startEndpoint(peer));
    const endpoint::SendResult sent = awaitFuture(
        peer.sendToChannel(QStringLiteral("general"), textParts(QStringLiteral("to the host"))));
    QVERIFY(sent.ok());
    QTRY_COMPARE_WITH_TIMEOUT(received.size(), 1, 20000);
    QCOMPARE(received.first().message.id, sent.id);

    const endpoint::JoinResult joined = awaitFuture(host.invoke<endpoint::JoinResult>(
        [](Endpoint *e) { return e->joinChannel(QStringLiteral("ops")); }));
    QVERIFY(joined.joined);
}

QTEST_GUILESS_MAIN(tst_Endpoint)
#include "tst_endpoint.moc"
