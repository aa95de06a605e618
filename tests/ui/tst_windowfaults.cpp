// The console window while its broker fails under it: killed and restarted, frozen (SIGSTOP)
// and thawed, stopped gracefully and started again. Each time the window says what is
// happening, a send made meanwhile is never shown as sent, the GUI keeps turning, and once the
// broker is back the feed moves again without a reconnect by hand.

#include "core/endpoint/endpointhost.h"
#include "tests/support/natsserverprocess.h"
#include "tests/ui/windowtestsupport.h"
#include "ui/composebar.h"
#include "ui/consolesession.h"
#include "ui/consolestatusbar.h"
#include "ui/feedmodel.h"
#include "ui/mainwindow.h"
#include "ui/mentionedit.h"
#include "ui/rostermodel.h"

#include <QLabel>
#include <QTemporaryDir>
#include <QTimer>
#include <QUuid>
#include <QtTest>
#include <functional>
#include <memory>

using namespace cotal;
using testing::await;
using testing::feedContains;

namespace {

constexpr int kWaitMs = 30000;
// A frozen broker answers nothing: long enough for pings and the JetStream timeout to run out.
constexpr int kFreezeMs = 8000;

} // namespace

class tst_WindowFaults : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void brokerKilledAndRestarted();
    void brokerFrozenAndThawed();
    void brokerStoppedAndStarted();

private:
    void connectWindowAndAgent();
    // Sends from the compose box while the broker is away: the outcome must be "Not sent".
    void sendIsRefusedWhileAway();
    // The GUI thread still runs timers: nothing waits on the network.
    void guiKeepsTurning();
    // Once the broker is back: connected again, and an agent's message reaches the feed.
    void recovers();

    std::unique_ptr<testing::NatsServerProcess> m_server;
    QTemporaryDir m_settingsDir;
    QString m_space;
    std::unique_ptr<endpoint::EndpointHost> m_agent;
    std::unique_ptr<ui::MainWindow> m_window;
};

void tst_WindowFaults::init()
{
    m_server = std::make_unique<testing::NatsServerProcess>();
    QString error;
    QVERIFY2(m_server->start(&error), qPrintable(error));
    m_space = QStringLiteral("faults%1").arg(QUuid::createUuid().toString(QUuid::Id128).left(8));
}

void tst_WindowFaults::cleanup()
{
    if (m_server && m_server->isRunning())
        m_server->thaw();
    m_window.reset();
    m_agent.reset();
    m_server.reset();
}

void tst_WindowFaults::connectWindowAndAgent()
{
    nats::ConnectionOptions connection;
    connection.servers = {m_server->url()};
    connection.reconnectWaitMs = 200;
    connection.maxReconnectWaitMs = 1000;
    wire::AgentCard card;
    card.id = QStringLiteral("agent-%1").arg(m_space);
    card.name = QStringLiteral("agent");
    card.role = QStringLiteral("coder");
    m_agent = std::make_unique<endpoint::EndpointHost>(
        endpoint::EndpointOptions::agent(connection, m_space, card, {QStringLiteral("general")}));
    const nats::NatsError started = await(m_agent->start());
    QVERIFY2(!started.isError(), qPrintable(started.describe()));

    ui::MainWindow::Options options;
    options.settingsFile = m_settingsDir.filePath(m_space + QStringLiteral(".ini"));
    options.secretService = QStringLiteral("cotal-console-uitest");
    m_window = std::make_unique<ui::MainWindow>(options);
    m_window->show();
    profile::ConnectionProfile profile;
    profile.name = QStringLiteral("faults");
    profile.servers = {m_server->url()};
    profile.space = m_space;
    m_window->connectProfile(profile, {});
    QTRY_COMPARE_WITH_TIMEOUT(m_window->session()->state(), endpoint::Endpoint::State::Connected,
                              kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->rosterModel()->rowOf(card.id) >= 0, kWaitMs);
}

void tst_WindowFaults::sendIsRefusedWhileAway()
{
    ui::ComposeBar *compose = m_window->composeBar();
    const QString text = QStringLiteral("while away %1").arg(QUuid::createUuid().toString());
    compose->setTarget(ui::ComposeBar::TargetKind::Channel, QStringLiteral("general"));
    compose->editor()->setPlainText(text);
    compose->send();
    QTRY_VERIFY_WITH_TIMEOUT(compose->statusText().startsWith(QStringLiteral("Not sent")), kWaitMs);
    QVERIFY2(!compose->statusText().startsWith(QStringLiteral("Sent")),
             qPrintable(compose->statusText()));
    QCOMPARE(compose->editor()->toPlainText(), text); // nothing lost
    QVERIFY(!feedContains(m_window->feedModel(), text));
}

void tst_WindowFaults::guiKeepsTurning()
{
    bool fired = false;
    QTimer::singleShot(50, this, [&fired] { fired = true; });
    QTRY_VERIFY_WITH_TIMEOUT(fired, 5000);
}

void tst_WindowFaults::recovers()
{
    QTRY_COMPARE_WITH_TIMEOUT(m_window->session()->state(), endpoint::Endpoint::State::Connected,
                              kWaitMs);
    const QString text = QStringLiteral("after %1").arg(QUuid::createUuid().toString());
    // The agent reconnects on its own; its first sends may still meet the old connection.
    QTRY_VERIFY_WITH_TIMEOUT(
        await(m_agent->invoke<endpoint::SendResult>([text](endpoint::Endpoint *e) {
            return e->sendToChannel(QStringLiteral("general"), {wire::Part::makeText(text)});
        })).ok(),
        kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(feedContains(m_window->feedModel(), text), kWaitMs);
    QVERIFY(m_window->consoleStatusBar()->stateText().contains(QStringLiteral("connected")));
}

void tst_WindowFaults::brokerKilledAndRestarted()
{
    connectWindowAndAgent();
    m_server->kill();
    QTRY_VERIFY_WITH_TIMEOUT(m_window->session()->state() != endpoint::Endpoint::State::Connected,
                             kWaitMs);
    auto *banner = m_window->findChild<QLabel *>(QStringLiteral("connectionBanner"));
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible() && banner->text().contains(u"reconnecting"),
                             kWaitMs);
    guiKeepsTurning();
    sendIsRefusedWhileAway();
    QString error;
    QVERIFY2(m_server->start(&error), qPrintable(error)); // same port, same store
    recovers();
    QTRY_VERIFY_WITH_TIMEOUT(!banner->isVisible(), kWaitMs);
}

void tst_WindowFaults::brokerFrozenAndThawed()
{
    connectWindowAndAgent();
    m_server->freeze();
    guiKeepsTurning();
    sendIsRefusedWhileAway();
    // Unanswered pings: the window stops claiming a connection it does not have.
    auto *banner = m_window->findChild<QLabel *>(QStringLiteral("connectionBanner"));
    QTRY_VERIFY_WITH_TIMEOUT(m_window->session()->state() != endpoint::Endpoint::State::Connected &&
                                 banner->isVisible(),
                             kWaitMs);
    QTest::qWait(kFreezeMs);
    guiKeepsTurning();
    m_server->thaw();
    recovers();
    QTRY_VERIFY_WITH_TIMEOUT(!banner->isVisible(), kWaitMs);
}

void tst_WindowFaults::brokerStoppedAndStarted()
{
    connectWindowAndAgent();
    m_server->stop();
    QTRY_VERIFY_WITH_TIMEOUT(m_window->session()->state() != endpoint::Endpoint::State::Connected,
                             kWaitMs);
    sendIsRefusedWhileAway();
    QString error;
    QVERIFY2(m_server->start(&error), qPrintable(error));
    recovers();
}

QTEST_MAIN(tst_WindowFaults)
#include "tst_windowfaults.moc"
