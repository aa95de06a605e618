#include "core/endpoint/endpoint.h"
#include "core/wire/names.h"
#include "core/wire/subjects.h"
#include "tests/integration/endpointtestsupport.h"
#include "tests/support/authmesh.h"
#include "tests/support/natsserverprocess.h"

#include <QtTest>

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

using testing::authmesh::creds;
using testing::authmesh::kAlice;
using testing::authmesh::kBob;
using testing::authmesh::kSpace;

nats::ConnectionOptions connectionFor(const QString &url, const QString &name)
{
    nats::ConnectionOptions connection;
    connection.servers = {url};
    connection.credsFile = creds(name);
    connection.reconnectWaitMs = 200;
    connection.maxReconnectWaitMs = 1000;
    return connection;
}

EndpointOptions agent(const QString &url, const QString &credsName, const QString &role,
                      const QStringList &channels)
{
    wire::AgentCard card;
    card.name = credsName;
    card.role = role;
    return EndpointOptions::agent(connectionFor(url, credsName), kSpace, card, channels);
}

bool startEndpoint(Endpoint &endpoint)
{
    const nats::NatsError error = awaitFuture(endpoint.start(), hangError());
    if (error.isError())
        qWarning() << "start failed:" << error.describe();
    return !error.isError() && endpoint.state() == Endpoint::State::Connected;
}

} // namespace

class tst_EndpointAuth : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void interopScenarioAuthMode();
    void outOfAclJoinAndHistoryAreRefused();

private:
    std::unique_ptr<NatsServerProcess> m_server;
};

void tst_EndpointAuth::init()
{
    m_server = std::make_unique<NatsServerProcess>(
        NatsServerProcess::Options{testing::authmesh::serverConfigTemplate()});
    QString error;
    QVERIFY2(m_server->start(&error), qPrintable(error));
    QVERIFY(testing::authmesh::provision(m_server->url()));
}

void tst_EndpointAuth::cleanup()
{
    m_server.reset();
}

void tst_EndpointAuth::interopScenarioAuthMode()
{
    const QString url = m_server->url();
    Endpoint alice(agent(url, QStringLiteral("alice"), QStringLiteral("planner"),
                         {QStringLiteral("general")}));
    Endpoint bob(agent(url, QStringLiteral("bob"), QStringLiteral("reviewer"),
                       {QStringLiteral("general"), QStringLiteral("team.backend")}));
    // A second instance of the reviewer role with the same credential.
    Endpoint bob2(
        agent(url, QStringLiteral("bob"), QStringLiteral("reviewer"), {QStringLiteral("general")}));
    Endpoint observer(
        EndpointOptions::adminConsole(connectionFor(url, QStringLiteral("observer")), kSpace));
    Endpoint admin(
        EndpointOptions::adminConsole(connectionFor(url, QStringLiteral("admin")), kSpace));
    Collector bobSeen(&bob);
    Collector bob2Seen(&bob2);
    Collector observerSeen(&observer);
    Collector adminSeen(&admin);

    QVERIFY(startEndpoint(alice));
    QCOMPARE(alice.id(), kAlice); // the identity is the creds' JWT subject
    QVERIFY(startEndpoint(bob));
    QVERIFY(startEndpoint(bob2));

    // Roster through the presence watch the agent creds allow.
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            for (const wire::Presence &presence : alice.roster()) {
                if (presence.card.id == kBob && presence.status != wire::PresenceStatus::Offline)
                    return true;
            }
            return false;
        }(),
        20000);

    // Runtime join inside the ACL: joined live; the durable backstop is unavailable (no
    // delivery daemon answers ctl.delivery), reported as a reason, never as a failure.
    const endpoint::JoinResult joined =
        awaitFuture(alice.joinChannel(QStringLiteral("team.backend")));
    QVERIFY2(joined.ok(), qPrintable(joined.error.describe()));
    QVERIFY(joined.joined);
    QVERIFY(!joined.durable);
    QVERIFY(!joined.reason.isEmpty());

    const endpoint::SendResult multicast = awaitFuture(alice.sendToChannel(
        QStringLiteral("team.backend"), textParts(QStringLiteral("Can you review this?"))));
    QVERIFY2(multicast.ok(), qPrintable(multicast.error.describe()));
    QTRY_COMPARE_WITH_TIMEOUT(bobSeen.withId(multicast.id).size(), 1, 20000);
    QCOMPARE(bobSeen.withId(multicast.id).first().kind, wire::DeliveryKind::Channel);

    // Unicast: dm_<bob> is shared by both bob instances, so exactly one surfaces it, as dm.
    const endpoint::SendResult unicast =
        awaitFuture(alice.sendDirect(kBob, textParts(QStringLiteral("a direct note"))));
    QVERIFY2(unicast.ok(), qPrintable(unicast.error.describe()));
    QTRY_COMPARE_WITH_TIMEOUT(
        bobSeen.withId(unicast.id).size() + bob2Seen.withId(unicast.id).size(), 1, 20000);
    const ReceivedMessage dm = bobSeen.withId(unicast.id).isEmpty()
                                   ? bob2Seen.withId(unicast.id).first()
                                   : bobSeen.withId(unicast.id).first();
    QCOMPARE(dm.kind, wire::DeliveryKind::Dm);

    // Anycast: exactly one of the two reviewers, every time.
    QStringList tasks;
    for (int i = 0; i < 4; ++i) {
        const endpoint::SendResult task = awaitFuture(alice.sendToRole(
            QStringLiteral("reviewer"), textParts(QStringLiteral("task %1").arg(i))));
        QVERIFY2(task.ok(), qPrintable(task.error.describe()));
        tasks.append(task.id);
    }
    for (const QString &id : std::as_const(tasks)) {
        QTRY_COMPARE_WITH_TIMEOUT(bobSeen.withId(id).size() + bob2Seen.withId(id).size(), 1, 20000);
        const ReceivedMessage copy =
            bobSeen.withId(id).isEmpty() ? bob2Seen.withId(id).first() : bobSeen.withId(id).first();
        QCOMPARE(copy.kind, wire::DeliveryKind::Anycast);
    }

    // The second reviewer joins late: the retained message arrives as historical backfill
    // through its own chathist_<id> grant, with no duplicate ids.
    const endpoint::JoinResult late = awaitFuture(bob2.joinChannel(QStringLiteral("team.backend")));
    QVERIFY2(late.ok(), qPrintable(late.error.describe()));
    QVERIFY(late.backfilled >= 1);
    QTRY_COMPARE_WITH_TIMEOUT(bob2Seen.withId(multicast.id).size(), 1, 20000);
    QVERIFY(bob2Seen.withId(multicast.id).first().historical);
    QVERIFY(bob2Seen.idsUnique());
    QVERIFY(bobSeen.idsUnique());

    // The taps start last: a `cotal.<S>.>` subscriber also matches ctl.delivery requests,
    // which turns the joins' "no responders" into a 30 s timeout for everyone.
    QVERIFY(startEndpoint(observer));
    QVERIFY(startEndpoint(admin));
    QCOMPARE(observer.tapVisibility(), endpoint::TapVisibility::ChatOnly); // DMs hidden
    QCOMPARE(admin.tapVisibility(), endpoint::TapVisibility::Everything);
    const endpoint::SendResult chat2 = awaitFuture(
        alice.sendToChannel(QStringLiteral("general"), textParts(QStringLiteral("hello all"))));
    QVERIFY2(chat2.ok(), qPrintable(chat2.error.describe()));
    const endpoint::SendResult dm2 =
        awaitFuture(alice.sendDirect(kBob, textParts(QStringLiteral("second note"))));
    QVERIFY2(dm2.ok(), qPrintable(dm2.error.describe()));
    QTRY_COMPARE_WITH_TIMEOUT(observerSeen.withId(chat2.id).size(), 1, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(adminSeen.withId(dm2.id).size(), 1, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(adminSeen.withId(chat2.id).size(), 1, 20000);
    QCOMPARE(adminSeen.withId(dm2.id).first().kind, wire::DeliveryKind::Dm);
    QVERIFY(observerSeen.withId(dm2.id).isEmpty());
    QCOMPARE(observerSeen.countKind(wire::DeliveryKind::Dm), 0);
}

void tst_EndpointAuth::outOfAclJoinAndHistoryAreRefused()
{
    Endpoint alice(agent(m_server->url(), QStringLiteral("alice"), QStringLiteral("planner"),
                         {QStringLiteral("general")}));
    QVERIFY(startEndpoint(alice));

    const endpoint::JoinResult join = awaitFuture(alice.joinChannel(QStringLiteral("random")));
    QVERIFY(!join.joined);
    QCOMPARE(join.error.kind, nats::NatsErrorKind::PermissionDenied);
    QVERIFY2(join.error.message.contains(QLatin1String("read ACL")),
             qPrintable(join.error.message));
    QVERIFY(!alice.joinedChannels().contains(QStringLiteral("random")));

    const endpoint::HistoryResult history =
        awaitFuture(alice.readHistory(QStringLiteral("random")));
    QCOMPARE(history.error.kind, nats::NatsErrorKind::PermissionDenied);
    QVERIFY(history.messages.isEmpty());

    // Inside the ACL the same read works.
    const endpoint::HistoryResult allowed =
        awaitFuture(alice.readHistory(QStringLiteral("general")));
    QVERIFY2(allowed.ok(), qPrintable(allowed.error.describe()));
}

QTEST_GUILESS_MAIN(tst_EndpointAuth)
#include "tst_endpoint_auth.moc"
