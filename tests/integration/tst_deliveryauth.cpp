// The delivery daemon under the reference's own credentials (tests/data/protocol/authmesh, space
// "demo"): the scoped delivery cred must be enough for the lease, both consumers, the members
// bucket and the ctl.delivery responder; real agents (alice.creds, bob.creds) self-join at boot
// and read their DLV backstop.

#include "core/delivery/deliveryhost.h"
#include "core/endpoint/endpoint.h"
#include "core/wire/jsonwriter.h"
#include "tests/integration/deliverytestkit.h"
#include "tests/support/natsserverprocess.h"

#include <QFile>
#include <QJsonDocument>
#include <QtTest>

using namespace cotal;
using cotal::testing::awaitResult;
using cotal::testing::DeliveryKit;
using cotal::testing::NatsServerProcess;

namespace {

const QString kSpace = QStringLiteral("demo");
const QString kAlice = QStringLiteral("UCDIHS2ADMJOBZZS2HSGEDFFWBPWFCJMLZHW4IVDK3XGJ5AFHNSE5NRY");
const QString kBob = QStringLiteral("UB6BX3PFMQBFBUNJSDD65YKA7ETNJYJDV5YNQV6SXN2AOM3M7W4LDWRA");
const QString kDelivery =
    QStringLiteral("UATBKXRFMJ73TTAAJIKIA625YFD563JTTFWIK7QE4O7XYT2MYZNRNO5G");
const QString kProvisioner =
    QStringLiteral("UBA3K2VQJL536RPHM3Q7OIRK7VGPMBDS2CFFUAXZZK5AEMR4QRGK5XOE");
constexpr int kDeliveryTimeoutMs = 90000;

QString creds(const QString &name)
{
    return QStringLiteral(COTAL_PROTOCOL_DIR "/authmesh/%1.creds").arg(name);
}

nats::ConnectionOptions connectionFor(const QString &url, const QString &name)
{
    nats::ConnectionOptions connection;
    connection.servers = {url};
    connection.credsFile = creds(name);
    connection.reconnectWaitMs = 200;
    connection.maxReconnectWaitMs = 1000;
    return connection;
}

endpoint::EndpointOptions agent(const QString &url, const QString &name, const QString &role,
                                const QStringList &channels)
{
    wire::AgentCard card;
    card.name = name;
    card.role = role;
    return endpoint::EndpointOptions::agent(connectionFor(url, name), kSpace, card, channels);
}

bool start(endpoint::Endpoint &endpoint)
{
    const auto error = awaitResult(endpoint.start());
    if (error && error->isError())
        qWarning("endpoint start failed: %s", qPrintable(error->describe()));
    return error && !error->isError() && endpoint.state() == endpoint::Endpoint::State::Connected;
}

QString fixtureError(const QString &name)
{
    QFile file(QStringLiteral(COTAL_PROTOCOL_DIR "/fixtures/") + name);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll())
        .object()
        .value(QLatin1String("payload"))
        .toObject()
        .value(QLatin1String("error"))
        .toString();
}

} // namespace

class tst_DeliveryAuth : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void offlineAgentReceivesThroughTheBackstop();

private:
    std::unique_ptr<NatsServerProcess> m_server;
};

void tst_DeliveryAuth::init()
{
    m_server = std::make_unique<NatsServerProcess>(NatsServerProcess::Options{
        QStringLiteral(COTAL_PROTOCOL_DIR "/authmesh/server.conf.template")});
    QString error;
    QVERIFY2(m_server->start(&error), qPrintable(error));

    // What `cotal up` and provisionAgent do, with provisioner.creds (authmesh/README.md).
    nats::ConnectionOptions provisioner =
        connectionFor(m_server->url(), QStringLiteral("provisioner"));
    provisioner.inboxId = kProvisioner;
    DeliveryKit kit(m_server->url(), kSpace, provisioner);
    QCOMPARE(kit.open(), QString());
    QVERIFY(kit.createAgentConsumers(kAlice, QStringLiteral("planner")));
    QVERIFY(kit.createAgentConsumers(kBob, QStringLiteral("reviewer")));
    QVERIFY(kit.putAcl(kAlice, {QStringLiteral("general"), QStringLiteral("team.>")}));
    QVERIFY(kit.putAcl(
        kBob, {QStringLiteral("general"), QStringLiteral("team.>"), QStringLiteral("random")}));
}

void tst_DeliveryAuth::cleanup()
{
    m_server.reset();
}

void tst_DeliveryAuth::offlineAgentReceivesThroughTheBackstop()
{
    const QString url = m_server->url();
    delivery::DeliveryOptions options;
    options.connection = connectionFor(url, QStringLiteral("delivery"));
    options.space = kSpace;
    delivery::DeliveryHost daemon(options);
    QObject context;
    delivery::DeliveryMetrics metrics;
    QObject::connect(daemon.daemon(), &delivery::DeliveryDaemon::metricsChanged, &context,
                     [&](const delivery::DeliveryMetrics &m) { metrics = m; });
    const auto started = awaitResult(daemon.start());
    QVERIFY(started);
    QVERIFY2(!started->isError(), qPrintable(started->message));
    QVERIFY(!daemon.daemon()->isOpenMode());
    QVERIFY(daemon.daemon()->property("modeLabel").toString().isEmpty());

    // bob boots on team.backend (durable by the space default) and self-joins it.
    {
        endpoint::Endpoint bob(agent(url, QStringLiteral("bob"), QStringLiteral("reviewer"),
                                     {QStringLiteral("general"), QStringLiteral("team.backend")}));
        QVERIFY(start(bob));
        QCOMPARE(bob.id(), kBob);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const auto listed = awaitResult(
                    bob.control(QStringLiteral("delivery"), QStringLiteral("listMemberships")));
                return listed && listed->ok() &&
                       wire::toJsonText(listed->data).contains("\"channel\":\"team.backend\"");
            }(),
            kDeliveryTimeoutMs);

        // Outside bob's read ACL: the reference's refusal, word for word.
        const QJsonObject secret{{QStringLiteral("channel"), QStringLiteral("secret")}};
        const auto refused = awaitResult(
            bob.control(QStringLiteral("delivery"), QStringLiteral("durableJoin"), secret, 30000));
        QVERIFY(refused);
        QCOMPARE(refused->status, endpoint::ControlResult::Status::Refused);
        QCOMPARE(refused->error, fixtureError(QStringLiteral("ctl-durableJoin-denied-reply.json")));
        QVERIFY(testing::awaitDone(bob.stop()));
    }

    // alice posts while bob is away.
    QSet<QString> posted;
    {
        endpoint::Endpoint alice(agent(url, QStringLiteral("alice"), QStringLiteral("planner"),
                                       {QStringLiteral("general")}));
        QVERIFY(start(alice));
        for (int i = 0; i < 100; ++i) {
            const auto sent = awaitResult(
                alice.sendToChannel(QStringLiteral("team.backend"),
                                    {wire::Part::makeText(QStringLiteral("n%1").arg(i))}));
            QVERIFY(sent);
            QVERIFY2(sent->ok(), qPrintable(sent->error.describe()));
            posted.insert(sent->id);
        }
    }

    // bob returns without any live channel: everything arrives through dlv_<bob>, once.
    endpoint::Endpoint bob(agent(url, QStringLiteral("bob"), QStringLiteral("reviewer"), {}));
    QSet<QString> viaDlv;
    int surfaced = 0;
    QObject::connect(&bob, &endpoint::Endpoint::messagesReceived, &context,
                     [&](const QList<endpoint::ReceivedMessage> &batch) {
                         for (const endpoint::ReceivedMessage &message : batch) {
                             ++surfaced;
                             if (message.path == endpoint::ReceivedMessage::Path::Dlv)
                                 viaDlv.insert(message.message.id);
                         }
                     });
    QVERIFY(start(bob));
    QTRY_COMPARE_WITH_TIMEOUT(viaDlv.size(), 100, kDeliveryTimeoutMs);
    QCOMPARE(viaDlv, posted);
    QCOMPARE(surfaced, 100);
    QTRY_COMPARE_WITH_TIMEOUT(metrics.delivered, quint64(100), kDeliveryTimeoutMs);
    QCOMPARE(metrics.terminated, quint64(0));

    QVERIFY(testing::awaitDone(daemon.stop()));
}

QTEST_GUILESS_MAIN(tst_DeliveryAuth)
#include "tst_deliveryauth.moc"
