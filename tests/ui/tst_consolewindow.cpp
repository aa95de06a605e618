#include "core/endpoint/endpointhost.h"
#include "core/profile/profilestore.h"
#include "core/profile/secretstore.h"
#include "tests/support/natsserverprocess.h"
#include "tests/ui/windowtestsupport.h"
#include "ui/agentdetailpane.h"
#include "ui/channelconfigdialog.h"
#include "ui/channelsmodel.h"
#include "ui/commandpalette.h"
#include "ui/composebar.h"
#include "ui/connectiondialog.h"
#include "ui/consolesession.h"
#include "ui/consolestatusbar.h"
#include "ui/dmlenspane.h"
#include "ui/feedcapacitysetting.h"
#include "ui/feedfilterproxy.h"
#include "ui/feedmodel.h"
#include "ui/feedpane.h"
#include "ui/mainwindow.h"
#include "ui/mentionedit.h"
#include "ui/messageview.h"
#include "ui/provisiondialog.h"
#include "ui/rostermodel.h"
#include "ui/spacechannelsbox.h"
#include "ui/spaceoverviewpage.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QTimer>
#include <QTreeWidget>
#include <QUuid>
#include <QtTest>
#include <memory>

using namespace cotal;
using testing::await;
using testing::feedContains;

namespace {

constexpr int kWaitMs = 30000;
constexpr int kHeartbeatMs = 2000;

// In the provisioning dialog's channel box: a bad name is refused with the reason and opens
// nothing; a good one opens the channel config dialog, whose compare-and-set create is listed.
void configureChannelIn(ui::ProvisionDialog *provision)
{
    ui::SpaceChannelsBox *box = provision->channels();
    auto *name = box->findChild<QLineEdit *>(QStringLiteral("spaceChannelName"));
    auto *configure = box->findChild<QPushButton *>(QStringLiteral("spaceChannelConfigure"));
    auto *note = box->findChild<QLabel *>(QStringLiteral("spaceChannelsNote"));
    QTRY_VERIFY_WITH_TIMEOUT(name->isEnabled(), kWaitMs);
    QTest::keyClicks(name, QStringLiteral("bad name"));
    QTest::mouseClick(configure, Qt::LeftButton);
    QVERIFY2(note->text().contains(QStringLiteral("cannot name a channel")),
             qPrintable(note->text()));
    QCOMPARE(QApplication::activeModalWidget(), provision);

    name->clear();
    QTest::keyClicks(name, QStringLiteral("builds"));
    bool saved = false;
    QTimer::singleShot(0, box, [&saved] {
        QTRY_VERIFY_WITH_TIMEOUT(
            qobject_cast<ui::ChannelConfigDialog *>(QApplication::activeModalWidget()), kWaitMs);
        auto *dialog = qobject_cast<ui::ChannelConfigDialog *>(QApplication::activeModalWidget());
        QTRY_VERIFY_WITH_TIMEOUT(dialog->isLoaded(), kWaitMs);
        QCOMPARE(dialog->loadedRevision(), quint64(0));
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("channelDescription")),
                         QStringLiteral("CI results"));
        QTest::keyClicks(dialog->findChild<QPlainTextEdit *>(QStringLiteral("channelInstructions")),
                         QStringLiteral("Post one line per build."));
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("channelReplayWindow")),
                         QStringLiteral("2h"));
        auto *deliveryClass =
            dialog->findChild<QComboBox *>(QStringLiteral("channelDeliveryClass"));
        deliveryClass->setCurrentIndex(deliveryClass->findText(QStringLiteral("live")));
        auto *save = dialog->findChild<QPushButton *>(QStringLiteral("channelConfigSave"));
        QVERIFY(save->isEnabled());
        QTest::mouseClick(save, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isVisible(), kWaitMs);
        saved = dialog->result() == QDialog::Accepted;
    });
    QTest::mouseClick(configure, Qt::LeftButton);
    QVERIFY(saved);
    QTRY_COMPARE_WITH_TIMEOUT(box->listedChannels(), QStringList{QStringLiteral("builds")},
                              kWaitMs);
    auto *list = box->findChild<QListWidget *>(QStringLiteral("spaceChannelList"));
    QTRY_COMPARE_WITH_TIMEOUT(list->count(), 1, kWaitMs);
    QCOMPARE(list->item(0)->text(), QStringLiteral("#builds — live, replay 2h"));
    QCOMPARE(list->item(0)->toolTip(), QStringLiteral("CI results"));
}

int rosterStatus(const ui::RosterModel *model, const QString &id)
{
    const int row = model->rowOf(id);
    return row < 0 ? -1 : model->index(row, 0).data(ui::RosterModel::StatusRole).toInt();
}

} // namespace

// Drives the real MainWindow against a real nats-server with simulated agents: real Endpoint
// instances on their own worker threads, open mode.
class tst_ConsoleWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void rosterShowsAgentsWithinOneHeartbeat();
    void statusChangeShowsWithinTwoSeconds();
    void messageAppearsPauseHoldsFilterHides();
    void dmLensRollsUpDirectMessages();
    void channelsListTrafficAndHealth();
    void composeSendsAsConsole();
    void connectionDialogFillsFromJoinLink();
    void typedSecretLandsInKeychainNotSettings();
    void markdownIsSanitised();
    void droppedCounterShowsOnlyWhenMessagesWereSkipped();
    void feedCapacityIsConfigurableAndRemembered();
    void everyActionHasShortcutAndPaletteFindsIt();
    void heartbeatsRefreshAgesAndTheLastRecord();
    void ctrlEnterSendsFromTheComposeBox();
    void aFailedSendNeverEntersTheFeed();
    void aQuietSpaceIsNotShownAsSilent();
    void consoleAppearsInTheSpaceOnlyWhenAsked();
    void spacesAreListedCreatedAndEnteredFromTheOverview();

private:
    struct Agent
    {
        std::unique_ptr<endpoint::EndpointHost> host;
        QString id;
        QString name;
    };

    void startAgents(int count);
    void connectWindow(bool appear = false);
    endpoint::Endpoint *agentEndpoint(int i)
    {
        return m_agents[static_cast<size_t>(i)].host->endpoint();
    }

    testing::NatsServerProcess m_server;
    QTemporaryDir m_settingsDir;
    QString m_space;
    std::vector<Agent> m_agents;
    std::unique_ptr<ui::MainWindow> m_window;
};

void tst_ConsoleWindow::initTestCase()
{
    QString error;
    QVERIFY2(m_server.start(&error), qPrintable(error));
    QVERIFY(m_settingsDir.isValid());
}

void tst_ConsoleWindow::init()
{
    // A fresh space per test: nothing leaks between them.
    m_space = QStringLiteral("ui%1").arg(QUuid::createUuid().toString(QUuid::Id128).left(10));
}

void tst_ConsoleWindow::cleanup()
{
    m_window.reset();
    m_agents.clear();
}

void tst_ConsoleWindow::startAgents(int count)
{
    const QStringList roles{QStringLiteral("planner"), QStringLiteral("coder"),
                            QStringLiteral("reviewer")};
    for (int i = 0; i < count; ++i) {
        nats::ConnectionOptions connection;
        connection.servers = {m_server.url()};
        wire::AgentCard card;
        card.id = QStringLiteral("agent-%1-%2").arg(i).arg(m_space);
        card.name = QStringLiteral("agent%1").arg(i);
        card.role = roles.at(i % roles.size());
        wire::JsonObject meta;
        meta.insert(QStringLiteral("connector"), wire::JsonValue(QStringLiteral("sim")));
        meta.insert(QStringLiteral("model"), wire::JsonValue(QStringLiteral("test-model")));
        card.meta = meta;
        endpoint::EndpointOptions options = endpoint::EndpointOptions::agent(
            connection, m_space, card, {QStringLiteral("general")});
        options.heartbeatMs = kHeartbeatMs;
        Agent agent{std::make_unique<endpoint::EndpointHost>(options), card.id, card.name};
        const nats::NatsError started = await(agent.host->start());
        QVERIFY2(!started.isError(), qPrintable(started.describe()));
        m_agents.push_back(std::move(agent));
    }
}

void tst_ConsoleWindow::connectWindow(bool appear)
{
    ui::MainWindow::Options options;
    options.settingsFile = m_settingsDir.filePath(QStringLiteral("settings-%1.ini").arg(m_space));
    options.secretService = QStringLiteral("cotal-console-uitest");
    m_window = std::make_unique<ui::MainWindow>(options);
    m_window->show();
    profile::ConnectionProfile profile;
    profile.name = QStringLiteral("test");
    profile.servers = {m_server.url()};
    profile.space = m_space;
    profile.displayName = QStringLiteral("console");
    profile.appearInSpace = appear;
    m_window->connectProfile(profile, {});
    QTRY_COMPARE_WITH_TIMEOUT(m_window->session()->state(), endpoint::Endpoint::State::Connected,
                              kWaitMs);
}

void tst_ConsoleWindow::rosterShowsAgentsWithinOneHeartbeat()
{
    startAgents(5);
    connectWindow();
    // The roster is the presence watch's initial values: complete within one heartbeat.
    QTRY_COMPARE_WITH_TIMEOUT(m_window->rosterModel()->rowCount(), 5, kHeartbeatMs);
    const ui::RosterModel *roster = m_window->rosterModel();
    const int row = roster->rowOf(m_agents[1].id);
    QVERIFY(row >= 0);
    QCOMPARE(roster->index(row, ui::RosterModel::Harness).data().toString(), QStringLiteral("sim"));
    QCOMPARE(roster->index(row, ui::RosterModel::Model).data().toString(),
             QStringLiteral("test-model"));
    QCOMPARE(roster->index(row, ui::RosterModel::Role).data().toString(), QStringLiteral("coder"));
    QCOMPARE(m_window->consoleStatusBar()->stateText().contains(QStringLiteral("connected")), true);
}

void tst_ConsoleWindow::statusChangeShowsWithinTwoSeconds()
{
    startAgents(2);
    connectWindow();
    QTRY_COMPARE_WITH_TIMEOUT(m_window->rosterModel()->rowCount(), 2, kWaitMs);
    const QString id = m_agents[0].id;
    m_agents[0].host->post([](endpoint::Endpoint *e) {
        e->setStatus(wire::PresenceStatus::Waiting);
        e->setActivity(QStringLiteral("needs approval"));
    });
    QTRY_VERIFY_WITH_TIMEOUT(
        rosterStatus(m_window->rosterModel(), id) == int(wire::PresenceStatus::Waiting), 2000);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->rosterModel()->counts().waiting, 1, kWaitMs);
    QCOMPARE(m_window->rosterModel()->counts().oldestWaitingId, id);
}

void tst_ConsoleWindow::messageAppearsPauseHoldsFilterHides()
{
    startAgents(2);
    connectWindow();
    ui::FeedPane *pane = m_window->feedPane();
    const QAbstractItemModel *view = pane->proxy();
    const QString first = QStringLiteral("first %1").arg(QUuid::createUuid().toString());
    const endpoint::SendResult sent =
        await(m_agents[0].host->invoke<endpoint::SendResult>([first](endpoint::Endpoint *e) {
            return e->sendToChannel(QStringLiteral("general"), {wire::Part::makeText(first)});
        }));
    QVERIFY2(sent.ok(), qPrintable(sent.error.describe()));
    QTRY_VERIFY_WITH_TIMEOUT(feedContains(view, first), kWaitMs);

    // Paused: the view holds its snapshot, the model counts what arrives.
    pane->setPaused(true);
    const QString second = QStringLiteral("second %1").arg(QUuid::createUuid().toString());
    QVERIFY(await(m_agents[1].host->invoke<endpoint::SendResult>([second](endpoint::Endpoint *e) {
                return e->sendToChannel(QStringLiteral("general"), {wire::Part::makeText(second)});
            })).ok());
    QTRY_VERIFY_WITH_TIMEOUT(m_window->feedModel()->pendingCount() >= 1, kWaitMs);
    QVERIFY(!feedContains(view, second));
    QVERIFY(pane->findChild<QLabel *>(QStringLiteral("pendingCount"))
                ->text()
                .contains(QStringLiteral("new")));
    pane->setPaused(false);
    QTRY_VERIFY_WITH_TIMEOUT(feedContains(view, second), kWaitMs);

    // Filters hide it: free text, then a sender chip for the other agent.
    pane->findChild<QLineEdit *>(QStringLiteral("feedSearch"))
        ->setText(QStringLiteral("no such text"));
    QVERIFY(!feedContains(view, second));
    pane->findChild<QLineEdit *>(QStringLiteral("feedSearch"))->clear();
    QVERIFY(feedContains(view, second));
    pane->proxy()->setSenders({m_agents[0].id});
    QVERIFY(!feedContains(view, second));
    QVERIFY(feedContains(view, first));
    pane->proxy()->setSenders({});
    pane->proxy()->setModeVisible(int(wire::DeliveryKind::Channel), false);
    QVERIFY(!feedContains(view, first));
}

void tst_ConsoleWindow::dmLensRollsUpDirectMessages()
{
    startAgents(2);
    connectWindow();
    QTRY_COMPARE_WITH_TIMEOUT(m_window->session()->tapVisibility(),
                              endpoint::TapVisibility::Everything, kWaitMs);
    QVERIFY(!m_window->dmLensPane()->isHidden());
    const QString target = m_agents[1].id;
    QVERIFY(await(m_agents[0].host->invoke<endpoint::SendResult>([target](endpoint::Endpoint *e) {
                return e->sendDirect(target, {wire::Part::makeText(QStringLiteral("psst"))});
            })).ok());
    QTRY_COMPARE_WITH_TIMEOUT(m_window->dmLensPane()->pairsView()->model()->rowCount(), 1, kWaitMs);
}

void tst_ConsoleWindow::channelsListTrafficAndHealth()
{
    startAgents(1);
    connectWindow();
    QVERIFY(await(m_agents[0].host->invoke<endpoint::SendResult>([](endpoint::Endpoint *e) {
                return e->sendToChannel(QStringLiteral("ops"),
                                        {wire::Part::makeText(QStringLiteral("deploy"))});
            })).ok());
    ui::ChannelsModel *channels = m_window->channelsModel();
    QTRY_VERIFY_WITH_TIMEOUT(channels->rowOf(QStringLiteral("ops")) >= 0, kWaitMs);
    QMetaObject::invokeMethod(m_window.get(), "refreshChannels");
    QTRY_VERIFY_WITH_TIMEOUT(!channels->index(channels->rowOf(QStringLiteral("ops")), 0)
                                  .data(ui::ChannelsModel::ObservedOnlyRole)
                                  .toBool(),
                             kWaitMs);
    const int row = channels->rowOf(QStringLiteral("ops"));
    QVERIFY(channels->index(row, ui::ChannelsModel::Messages)
                .data(ui::ChannelsModel::RawRole)
                .toULongLong() >= 1);
    // The console joins nothing: durable health does not apply.
    QCOMPARE(channels->index(row, ui::ChannelsModel::Health).data().toString(),
             QStringLiteral("none"));
}

void tst_ConsoleWindow::composeSendsAsConsole()
{
    startAgents(1);
    connectWindow();
    QTRY_COMPARE_WITH_TIMEOUT(m_window->rosterModel()->rowCount(), 1, kWaitMs);
    ui::ComposeBar *compose = m_window->composeBar();
    compose->setTarget(ui::ComposeBar::TargetKind::Channel, QStringLiteral("general"));
    compose->editor()->setPlainText(QStringLiteral("hello @agent0"));
    QCOMPARE(compose->editor()->mentions(), QStringList{QStringLiteral("agent0")});
    compose->send();
    QTRY_VERIFY_WITH_TIMEOUT(compose->statusText().startsWith(QStringLiteral("Sent to general")),
                             kWaitMs);
    QVERIFY(compose->editor()->toPlainText().isEmpty());
}

void tst_ConsoleWindow::connectionDialogFillsFromJoinLink()
{
    profile::ProfileStore store(m_settingsDir.filePath(QStringLiteral("link.ini")));
    ui::ConnectionDialog dialog(&store,
                                profile::SecretStore(QStringLiteral("cotal-console-uitest")));
    auto *link = dialog.findChild<QLineEdit *>(QStringLiteral("joinLink"));
    QVERIFY(link);
    // Pasting is an edit: the form fills without pressing anything.
    link->setFocus();
    QTest::keyClicks(link, QStringLiteral("cotals://tok@host.example:4443/main?channel=a,b"));
    QCOMPARE(dialog.findChild<QLineEdit *>(QStringLiteral("servers"))->text(),
             QStringLiteral("nats://host.example:4443"));
    QCOMPARE(dialog.findChild<QLineEdit *>(QStringLiteral("space"))->text(),
             QStringLiteral("main"));
    QCOMPARE(dialog.findChild<QComboBox *>(QStringLiteral("authKind"))->currentData().toInt(),
             int(profile::ConnectionProfile::AuthKind::Token));
    QCOMPARE(dialog.findChild<QLineEdit *>(QStringLiteral("secret"))->text(),
             QStringLiteral("tok"));
    QVERIFY(dialog.findChild<QCheckBox *>(QStringLiteral("tlsRequired"))->isChecked());

    QVERIFY(dialog.applyLink(QStringLiteral("cotal://alice:s3cret@localhost/dev")));
    QCOMPARE(dialog.findChild<QLineEdit *>(QStringLiteral("user"))->text(),
             QStringLiteral("alice"));
    QCOMPARE(dialog.findChild<QComboBox *>(QStringLiteral("authKind"))->currentData().toInt(),
             int(profile::ConnectionProfile::AuthKind::UserPassword));
    QVERIFY(!dialog.applyLink(QStringLiteral("http://nope/x")));
}

void tst_ConsoleWindow::typedSecretLandsInKeychainNotSettings()
{
    const QString settingsFile = m_settingsDir.filePath(QStringLiteral("secret.ini"));
    const QString service = QStringLiteral("cotal-console-uitest");
    const QString secret = QStringLiteral("tok-%1").arg(QUuid::createUuid().toString(QUuid::Id128));
    QString profileId;
    {
        profile::ProfileStore store(settingsFile);
        ui::ConnectionDialog dialog(&store, profile::SecretStore(service));
        dialog.findChild<QLineEdit *>(QStringLiteral("name"))->setText(QStringLiteral("keychain"));
        dialog.findChild<QLineEdit *>(QStringLiteral("servers"))->setText(m_server.url());
        dialog.findChild<QLineEdit *>(QStringLiteral("space"))->setText(m_space);
        auto *kind = dialog.findChild<QComboBox *>(QStringLiteral("authKind"));
        kind->setCurrentIndex(kind->findData(int(profile::ConnectionProfile::AuthKind::Token)));
        QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("secret")), secret);
        QVERIFY(dialog.findChild<QCheckBox *>(QStringLiteral("rememberSecret"))->isChecked());
        dialog.show();
        QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("save")), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), kWaitMs);
        profileId = dialog.profile().id;
        QVERIFY(!profileId.isEmpty());
        QVERIFY(dialog.sessionSecret().isEmpty()); // the keychain holds it
    }
    const profile::SecretResult stored =
        await(profile::SecretStore(service).read(profileId, QStringLiteral("token")));
    QVERIFY2(stored.ok(), qPrintable(stored.message));
    QCOMPARE(QString::fromUtf8(stored.secret), secret);

    QFile file(settingsFile);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray settings = file.readAll();
    QVERIFY(settings.contains("keychain"));
    QVERIFY(!settings.contains(secret.toUtf8()));
    QVERIFY(await(profile::SecretStore(service).remove(profileId, QStringLiteral("token"))).ok());
}

void tst_ConsoleWindow::droppedCounterShowsOnlyWhenMessagesWereSkipped()
{
    ui::ConsoleStatusBar bar;
    bar.show();
    auto *dropped = bar.findChild<QLabel *>(QStringLiteral("statusDropped"));
    QVERIFY(dropped);
    QVERIFY(!dropped->accessibleName().isEmpty());
    QVERIFY(!dropped->isVisible());
    bar.setDropped(1234);
    QVERIFY(dropped->isVisible());
    QVERIFY(dropped->text().contains(QLocale().toString(1234)));
    bar.setDropped(0);
    QVERIFY(!dropped->isVisible());
}

void tst_ConsoleWindow::feedCapacityIsConfigurableAndRemembered()
{
    const QString settings = m_settingsDir.filePath(QStringLiteral("capacity.ini"));
    const ui::MainWindow::Options options{settings, QStringLiteral("cotal-console-uitest"), 50000};
    {
        ui::MainWindow window(options);
        QCOMPARE(window.feedModel()->capacity(), 50000);
        window.setFeedCapacity(2000);
        QCOMPARE(window.feedModel()->capacity(), 2000);
        // Out of range is clamped, never taken as is.
        window.setFeedCapacity(5);
        QCOMPARE(window.feedModel()->capacity(), ui::FeedCapacitySetting::Minimum);
        window.setFeedCapacity(2000);
    }
    ui::MainWindow reopened(options);
    QCOMPARE(reopened.feedModel()->capacity(), 2000);
}

void tst_ConsoleWindow::markdownIsSanitised()
{
    ui::MessageView view;
    view.setMarkdownText(QStringLiteral("**bold** <script>alert(1)</script> <b>raw</b>\n\n"
                                        "![x](file:///etc/passwd) [ok](https://example.com)"));
    const QString html = view.toHtml();
    QVERIFY(!html.contains(QStringLiteral("<script")));
    QVERIFY(view.toPlainText().contains(QStringLiteral("<b>raw</b>"))); // shown, not interpreted
    QVERIFY(ui::MessageView::isAllowedLink(QUrl(QStringLiteral("https://example.com"))));
    QVERIFY(ui::MessageView::isAllowedLink(QUrl(QStringLiteral("mailto:ops@example.com"))));
    QVERIFY(!ui::MessageView::isAllowedLink(QUrl(QStringLiteral("javascript:alert(1)"))));
    QVERIFY(!ui::MessageView::isAllowedLink(QUrl(QStringLiteral("file:///etc/passwd"))));
    QVERIFY(
        !view.loadResource(QTextDocument::ImageResource, QUrl(QStringLiteral("file:///etc/passwd")))
             .isValid());
}

void tst_ConsoleWindow::everyActionHasShortcutAndPaletteFindsIt()
{
    ui::MainWindow window(
        ui::MainWindow::Options{m_settingsDir.filePath(QStringLiteral("actions.ini")),
                                QStringLiteral("cotal-console-uitest"), 1000});
    const QList<QAction *> actions = window.allActions();
    QVERIFY(actions.size() >= 20);
    QSet<QString> shortcuts;
    for (const QAction *action : actions) {
        QVERIFY2(!action->shortcut().isEmpty(), qPrintable(action->text()));
        const QString keys = action->shortcut().toString();
        QVERIFY2(!shortcuts.contains(keys),
                 qPrintable(QStringLiteral("duplicate shortcut ") + keys));
        shortcuts.insert(keys);
    }
    QVERIFY(ui::CommandPaletteModel::fuzzyScore(QStringLiteral("lf"),
                                                QStringLiteral("Live feed")) >= 0);
    QCOMPARE(
        ui::CommandPaletteModel::fuzzyScore(QStringLiteral("xyz"), QStringLiteral("Live feed")),
        -1);
    ui::CommandPalette palette(actions, &window);
    QAbstractItemModelTester tester(palette.model(),
                                    QAbstractItemModelTester::FailureReportingMode::Fatal);
    palette.filterEdit()->setText(QStringLiteral("pause"));
    QVERIFY(palette.model()->rowCount() >= 1);
    QCOMPARE(ui::CommandPaletteModel::plainText(palette.model()->action(0)),
             QStringLiteral("Pause feed"));
    // The shortcut is its own role, drawn right-aligned in one column, not tab-joined text.
    const QModelIndex first = palette.model()->index(0, 0);
    QCOMPARE(first.data().toString(), QStringLiteral("Pause feed"));
    QCOMPARE(first.data(ui::CommandPaletteModel::ShortcutRole).toString(),
             QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P).toString(QKeySequence::NativeText));
}

void tst_ConsoleWindow::heartbeatsRefreshAgesAndTheLastRecord()
{
    startAgents(1);
    connectWindow();
    const ui::RosterModel *roster = m_window->rosterModel();
    const QString id = m_agents[0].id;
    QTRY_VERIFY_WITH_TIMEOUT(roster->presenceById(id), kWaitMs);
    m_window->agentPane()->showAgent(id);
    const double first = roster->presenceById(id)->ts;
    auto *card = m_window->agentPane()->findChild<QTextBrowser *>();
    QVERIFY(card);
    const QString firstCard = card->toPlainText();
    // Nothing but heartbeats happens: the record, its age and "Last record" still move on.
    QTRY_VERIFY_WITH_TIMEOUT(roster->presenceById(id)->ts > first, 3 * kHeartbeatMs);
    const int row = roster->rowOf(id);
    QTRY_VERIFY_WITH_TIMEOUT(roster->index(row, ui::RosterModel::HeartbeatAge)
                                     .data(ui::RosterModel::RawRole)
                                     .toLongLong() < kHeartbeatMs + 1000,
                             kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(card->toPlainText() != firstCard, kWaitMs);
}

void tst_ConsoleWindow::ctrlEnterSendsFromTheComposeBox()
{
    startAgents(1);
    connectWindow();
    QTRY_COMPARE_WITH_TIMEOUT(m_window->rosterModel()->rowCount(), 1, kWaitMs);
    auto *tabs = m_window->findChild<QTabWidget *>(QStringLiteral("consoleTabs"));
    QWidget *tabBefore = tabs->currentWidget();
    ui::ComposeBar *compose = m_window->composeBar();
    compose->setTarget(ui::ComposeBar::TargetKind::Channel, QStringLiteral("general"));
    m_window->activateWindow();
    compose->editor()->setFocus(Qt::OtherFocusReason);
    QTest::keyClicks(compose->editor(), QStringLiteral("sent with ctrl enter"));
    QTest::keyClick(compose->editor(), Qt::Key_Return, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(compose->statusText().startsWith(QStringLiteral("Sent to general")),
                             kWaitMs);
    // The channel list's Ctrl+Return did not fire instead.
    QCOMPARE(tabs->currentWidget(), tabBefore);
}

// A space with no streams: the publish reaches the console's own tap, never a stream.
void tst_ConsoleWindow::aFailedSendNeverEntersTheFeed()
{
    connectWindow();
    ui::ComposeBar *compose = m_window->composeBar();
    compose->setTarget(ui::ComposeBar::TargetKind::Channel, QStringLiteral("general"));
    compose->editor()->setPlainText(QStringLiteral("this never got stored"));
    compose->send();
    QTRY_VERIFY_WITH_TIMEOUT(compose->statusText().startsWith(QStringLiteral("Not sent")), kWaitMs);
    QTest::qWait(500); // a late tap copy would land by now
    QVERIFY(!feedContains(m_window->feedModel(), QStringLiteral("this never got stored")));
    QCOMPARE(compose->editor()->toPlainText(), QStringLiteral("this never got stored"));
}

void tst_ConsoleWindow::aQuietSpaceIsNotShownAsSilent()
{
    ui::ConsoleStatusBar bar;
    bar.setRate(0.3);
    auto *rate = bar.findChild<QLabel *>(QStringLiteral("statusRate"));
    QVERIFY(rate);
    QCOMPARE(rate->text(), QStringLiteral("0.3 msg/s"));
    bar.setRate(0);
    QCOMPARE(rate->text(), QStringLiteral("0 msg/s"));
    bar.setRate(12.4);
    QCOMPARE(rate->text(), QStringLiteral("12 msg/s"));
}

void tst_ConsoleWindow::consoleAppearsInTheSpaceOnlyWhenAsked()
{
    startAgents(1);
    connectWindow();
    QTRY_COMPARE_WITH_TIMEOUT(m_window->rosterModel()->rowCount(), 1, kWaitMs);
    QTest::qWait(kHeartbeatMs);
    QCOMPARE(m_window->rosterModel()->rowOf(m_window->session()->identity()), -1);

    connectWindow(true);
    const QString id = m_window->session()->identity();
    QTRY_VERIFY_WITH_TIMEOUT(m_window->rosterModel()->rowOf(id) >= 0, kWaitMs);
    const wire::Presence *self = m_window->rosterModel()->presenceById(id);
    QCOMPARE(self->card.name, QStringLiteral("console"));
    QCOMPARE(self->status, wire::PresenceStatus::Idle);
}

void tst_ConsoleWindow::spacesAreListedCreatedAndEnteredFromTheOverview()
{
    startAgents(1);
    connectWindow();
    QTRY_VERIFY_WITH_TIMEOUT(m_window->session()->access()->isReady(), kWaitMs);
    m_window->findChild<QAction *>(QStringLiteral("actionOverview"))->trigger();
    auto *page = m_window->findChild<ui::SpaceOverviewPage *>();
    QVERIFY(page->isVisible());
    QVERIFY2(page->note().isEmpty(), qPrintable(page->note()));

    // New space…: named in the dialog, provisioned like the reference, entered.
    const QString fresh = m_space + QStringLiteral("-new");
    bool named = false;
    QTimer::singleShot(0, this, [&] {
        QTRY_VERIFY_WITH_TIMEOUT(qobject_cast<QInputDialog *>(QApplication::activeModalWidget()),
                                 kWaitMs);
        auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
        dialog->setTextValue(fresh);
        // Then the provisioning dialog for the new space: Provision, wait, close.
        QTimer::singleShot(0, this, [&] {
            QTRY_VERIFY_WITH_TIMEOUT(
                qobject_cast<ui::ProvisionDialog *>(QApplication::activeModalWidget()), kWaitMs);
            auto *provision =
                qobject_cast<ui::ProvisionDialog *>(QApplication::activeModalWidget());
            auto *button = provision->findChild<QPushButton *>(QStringLiteral("provisionButton"));
            QTRY_VERIFY_WITH_TIMEOUT(button->isEnabled(), kWaitMs);
            QTest::mouseClick(button, Qt::LeftButton);
            QTRY_VERIFY_WITH_TIMEOUT(provision->isComplete(), kWaitMs);
            configureChannelIn(provision);
            provision->reject();
            named = true;
        });
        dialog->accept();
    });
    QTest::mouseClick(page->findChild<QPushButton *>(QStringLiteral("newSpace")), Qt::LeftButton);
    QVERIFY(named);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->session()->options().space, fresh, kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->session()->state(), endpoint::Endpoint::State::Connected,
                              kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->session()->access()->isReady(), kWaitMs);
    QTest::qWait(500);
    QVERIFY(!m_window->findChild<QWidget *>(QStringLiteral("provisioningNotice"))->isVisible());

    // Both spaces are listed; entering the first one switches back.
    m_window->findChild<QAction *>(QStringLiteral("actionOverview"))->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(!page->view()->findItems(m_space, Qt::MatchExactly, 0).isEmpty() &&
                                 !page->view()->findItems(fresh, Qt::MatchExactly, 0).isEmpty(),
                             kWaitMs);
    page->view()->setCurrentItem(page->view()->findItems(m_space, Qt::MatchExactly, 0).first());
    QTest::mouseClick(page->findChild<QPushButton *>(QStringLiteral("enterSpace")), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->session()->options().space, m_space, kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->rosterModel()->rowOf(m_agents[0].id) >= 0, kWaitMs);
}

QTEST_MAIN(tst_ConsoleWindow)
#include "tst_consolewindow.moc"
