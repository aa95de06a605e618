#include "ui/mainwindow.h"

#include "core/local/localmesh.h"
#include "core/profile/profilestore.h"
#include "core/wire/joinlink.h"
#include "core/wire/subjects.h"
#include "core/wire/token.h"
#include "ui/accesspane.h"
#include "ui/aclauditlog.h"
#include "ui/acleditorpane.h"
#include "ui/agentdetailpane.h"
#include "ui/anomalydialog.h"
#include "ui/anomalymodel.h"
#include "ui/channelsmodel.h"
#include "ui/channelspane.h"
#include "ui/channelviewpane.h"
#include "ui/clusterpane.h"
#include "ui/commandpalette.h"
#include "ui/composebar.h"
#include "ui/connectiondialog.h"
#include "ui/connectionsettings.h"
#include "ui/connectionspage.h"
#include "ui/consolesession.h"
#include "ui/consolestatusbar.h"
#include "ui/daemonpane.h"
#include "ui/deliverypane.h"
#include "ui/dmlensmodel.h"
#include "ui/dmlenspane.h"
#include "ui/feedcapacitysetting.h"
#include "ui/feedmodel.h"
#include "ui/feedpane.h"
#include "ui/languagesettings.h"
#include "ui/mentionedit.h"
#include "ui/provisiondialog.h"
#include "ui/provisioningnotice.h"
#include "ui/rostermodel.h"
#include "ui/rosterpane.h"
#include "ui/signalspane.h"
#include "ui/spaceoverviewpage.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDateTime>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenuBar>
#include <QMessageBox>
#include <QSet>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QUuid>
#include <QVBoxLayout>

namespace cotal::ui {

using endpoint::Endpoint;

namespace {

constexpr int ChannelRefreshMs = 10000;

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : MainWindow(Options{}, parent)
{}

MainWindow::MainWindow(const Options &options, QWidget *parent)
    : QMainWindow(parent)
    , m_options(options)
    , m_store(std::make_unique<profile::ProfileStore>(options.settingsFile))
    , m_secrets(options.secretService)
    , m_session(new ConsoleSession(this))
    , m_roster(new RosterModel(this))
    , m_feed(new FeedModel(this))
    , m_channels(new ChannelsModel(this))
    , m_anomalies(new AnomalyModel(this))
    , m_dmLens(new DmLensModel(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Cotal Console"));
    m_feed->setCapacity(FeedCapacitySetting(options.settingsFile).load(options.feedCapacity));
    // Coalesce bursts: at most one feed insert per 50 ms whatever the message rate.
    m_feed->setFlushInterval(50);

    m_pages = new QStackedWidget(this);
    m_connectionsPage = new ConnectionsPage(m_store.get(), this);
    m_overviewPage = new SpaceOverviewPage(this);
    buildConsole();
    m_pages->addWidget(m_connectionsPage);
    m_pages->addWidget(m_overviewPage);
    m_pages->addWidget(m_consolePage);
    setCentralWidget(m_pages);

    m_statusBar = new ConsoleStatusBar(this);
    setStatusBar(m_statusBar);
    connect(m_session, &ConsoleSession::adminClosing, m_statusBar,
            [bar = m_statusBar] { bar->setCredentials({}); });
    connect(m_statusBar, &ConsoleStatusBar::anomaliesRequested, this, &MainWindow::openAnomalies);
    connect(m_accessPane, &AccessPane::driftChanged, m_statusBar,
            &ConsoleStatusBar::setAccessDrift);
    connect(m_statusBar, &ConsoleStatusBar::accessDriftRequested, this,
            [this] { showTab(m_accessPane); });

    connect(m_connectionsPage, &ConnectionsPage::connectRequested, this, &MainWindow::connectSaved);
    connect(m_connectionsPage, &ConnectionsPage::editRequested, this, &MainWindow::editConnection);
    connect(m_connectionsPage, &ConnectionsPage::newRequested, this, [this] { newConnection(); });
    connect(m_connectionsPage, &ConnectionsPage::removeRequested, this, [this](const QString &id) {
        const std::optional<profile::ConnectionProfile> p = m_store->find(id);
        if (p && !p->secretKind().isEmpty())
            m_secrets.remove(id, p->secretKind());
        m_store->remove(id);
        m_connectionsPage->reload();
    });
    connect(m_overviewPage, &SpaceOverviewPage::enterRequested, this, &MainWindow::switchSpace);
    connect(m_overviewPage, &SpaceOverviewPage::newSpaceRequested, this, &MainWindow::createSpace);

    connect(m_session, &ConsoleSession::stateChanged, this, &MainWindow::handleStateChanged);
    connect(m_session, &ConsoleSession::started, this, [this](const nats::NatsError &error) {
        if (!error.isError())
            refreshChannels();
    });
    connect(m_session, &ConsoleSession::messagesReceived, this, &MainWindow::handleMessages);
    connect(m_session, &ConsoleSession::rosterChanged, m_roster, &RosterModel::setRoster);
    connect(m_session, &ConsoleSession::rosterChanged, this,
            [this](const QList<wire::Presence> &roster) {
                QHash<QString, QString> names;
                for (const wire::Presence &peer : roster) {
                    if (!peer.card.name.isEmpty())
                        names.insert(peer.card.id, peer.card.name);
                }
                m_feed->setPeerNames(names);
                m_dmLens->setPeerNames(names);
            });
    connect(m_session, &ConsoleSession::tapVisibilityChanged, m_dmPane, &DmLensPane::setVisibility);
    connect(m_session, &ConsoleSession::tapVisibilityChanged, m_feedPane,
            &FeedPane::setTapVisibility);
    connect(m_session, &ConsoleSession::anomaly, m_anomalies, &AnomalyModel::append);
    connect(m_session, &ConsoleSession::anomalyCountersChanged, m_statusBar,
            &ConsoleStatusBar::setAnomalies);
    connect(m_session, &ConsoleSession::errorReported, this,
            [this](const QString &message) { m_statusBar->showMessage(message, 8000); });

    m_channelsDebounce = new QTimer(this);
    m_channelsDebounce->setSingleShot(true);
    m_channelsDebounce->setInterval(300);
    connect(m_channelsDebounce, &QTimer::timeout, this, &MainWindow::refreshChannels);
    connect(m_session, &ConsoleSession::channelsChanged, m_channelsDebounce,
            qOverload<>(&QTimer::start));
    connect(m_session, &ConsoleSession::joinedChannelsChanged, m_channelsDebounce,
            qOverload<>(&QTimer::start));
    m_channelsTimer = new QTimer(this);
    m_channelsTimer->setInterval(ChannelRefreshMs);
    connect(m_channelsTimer, &QTimer::timeout, this, &MainWindow::refreshChannels);
    m_rateTimer = new QTimer(this);
    m_rateTimer->setInterval(1000);
    connect(m_rateTimer, &QTimer::timeout, this, &MainWindow::updateRate);
    m_rateTimer->start();
    connect(m_roster, &RosterModel::countsChanged, this, &MainWindow::updateOverview);
    connect(m_channels, &QAbstractItemModel::modelReset, this, [this] {
        m_compose->setChannels(m_channels->channelNames());
        updateOverview();
    });
    connect(m_channels, &QAbstractItemModel::rowsInserted, this,
            [this] { m_compose->setChannels(m_channels->channelNames()); });

    buildActions();
    m_pages->setCurrentWidget(m_connectionsPage);
    resize(1400, 900);
}

MainWindow::~MainWindow()
{
    // Closing tells the panes to detach, and detaching reads the window's models: close while
    // they all still exist, not from the session's destructor among the window's children.
    m_session->close();
    m_session->access()->close();
}

void MainWindow::buildConsole()
{
    m_consolePage = new QWidget(this);
    m_consolePage->setObjectName(QStringLiteral("consolePage"));
    m_banner = new QLabel(m_consolePage);
    m_banner->setObjectName(QStringLiteral("connectionBanner"));
    m_banner->setTextFormat(Qt::PlainText);
    m_banner->setWordWrap(true);
    m_banner->setAccessibleName(tr("Connection banner"));
    m_banner->hide();
    m_provisioningNotice = new ProvisioningNotice(m_consolePage);
    connect(m_provisioningNotice, &ProvisioningNotice::provisionRequested, this,
            &MainWindow::openProvisionDialog);

    m_signalsPane = new SignalsPane(m_roster, m_consolePage);
    m_rosterPane = new RosterPane(m_roster, m_consolePage);
    m_feedPane = new FeedPane(m_feed, m_consolePage);
    m_channelsPane = new ChannelsPane(m_channels, m_consolePage);
    m_channelsPane->setSession(m_session);
    m_channelView = new ChannelViewPane(m_session, m_channels, m_consolePage);
    m_dmPane = new DmLensPane(m_dmLens, m_feed, m_consolePage);
    m_agentPane = new AgentDetailPane(m_roster, m_feed, m_consolePage);
    m_compose = new ComposeBar(m_session, m_roster, m_consolePage);

    m_tabs = new QTabWidget(m_consolePage);
    m_tabs->setObjectName(QStringLiteral("consoleTabs"));
    m_tabs->addTab(m_feedPane, tr("Live feed"));
    m_tabs->addTab(m_channelsPane, tr("Channels"));
    m_tabs->addTab(m_channelView, tr("Channel view"));
    m_tabs->addTab(m_dmPane, tr("DMs"));
    m_tabs->addTab(m_agentPane, tr("Agent"));
    m_aclPane =
        new AclEditorPane(new AclAuditLog(AclAuditLog::defaultFilePath(), this), m_consolePage);
    m_tabs->addTab(m_aclPane, tr("ACLs"));
    m_accessPane = new AccessPane(m_session, m_consolePage);
    m_accessPane->setObjectName(QStringLiteral("accessPane"));
    m_tabs->addTab(m_accessPane, tr("Access"));
    m_deliveryPane = new DeliveryPane(m_session, m_consolePage);
    m_deliveryPane->setObjectName(QStringLiteral("deliveryPane"));
    m_tabs->addTab(m_deliveryPane, tr("Delivery"));
    m_clusterPane = new ClusterPane(m_session, m_consolePage);
    m_clusterPane->setObjectName(QStringLiteral("clusterPane"));
    m_tabs->addTab(m_clusterPane, tr("Cluster"));

    auto *left = new QSplitter(Qt::Vertical, m_consolePage);
    left->addWidget(m_signalsPane);
    left->addWidget(m_rosterPane);
    // The roster is what grows with the space; the signals need a few lines.
    left->setStretchFactor(0, 1);
    left->setStretchFactor(1, 3);
    left->setSizes({300, 600});
    auto *right = new QWidget(m_consolePage);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_tabs, 1);
    rightLayout->addWidget(m_compose);
    auto *split = new QSplitter(Qt::Horizontal, m_consolePage);
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    split->setSizes({620, 780});

    auto *layout = new QVBoxLayout(m_consolePage);
    layout->setContentsMargins(6, 6, 6, 0);
    layout->addWidget(m_banner);
    layout->addWidget(m_provisioningNotice);
    layout->addWidget(split, 1);

    auto showAgent = [this](const QString &id) {
        m_agentPane->showAgent(id);
        if (const wire::Presence *p = m_roster->presenceById(id))
            m_compose->setTarget(ComposeBar::TargetKind::Peer,
                                 p->card.name.isEmpty() ? p->card.id : p->card.name);
    };
    connect(m_rosterPane, &RosterPane::agentActivated, this, showAgent);
    connect(m_signalsPane, &SignalsPane::agentActivated, this,
            [this, showAgent](const QString &id) {
                showAgent(id);
                showTab(m_agentPane);
            });
    connect(m_feedPane, &FeedPane::senderActivated, this, [this, showAgent](const QString &id) {
        showAgent(id);
        showTab(m_agentPane);
    });
    connect(m_channelsPane, &ChannelsPane::channelActivated, this, [this](const QString &channel) {
        m_channelView->showChannel(channel);
        m_compose->setTarget(ComposeBar::TargetKind::Channel, channel);
        showTab(m_channelView);
    });
    connect(m_channelsPane, &ChannelsPane::refreshRequested, this, &MainWindow::refreshChannels);

    // The ACL registry lives on the session's admin connection, so only while that is open.
    m_aclPane->setChannelSource([this] { return m_channels->channelNames(); });
    m_accessPane->setChannelSource([this] { return m_channels->channelNames(); });
    connect(m_accessPane, &AccessPane::editAclRequested, this,
            [this](const QString &agent, const QString &pattern) {
                m_aclPane->editOwner(agent, pattern);
                showTab(m_aclPane);
            });
    connect(m_session, &ConsoleSession::rosterChanged, m_aclPane, &AclEditorPane::setRoster);
    connect(m_session, &ConsoleSession::adminReady, m_aclPane,
            [pane = m_aclPane, session = m_session] { pane->attach(*session->access()); });
    connect(m_session, &ConsoleSession::adminReady, this, &MainWindow::applyCredentials);
    connect(m_session, &ConsoleSession::adminReady, this, &MainWindow::checkProvisioning);
    // Their own contexts: the session closes its connections while the window is destroyed.
    connect(m_session, &ConsoleSession::adminClosing, m_compose,
            [compose = m_compose] { compose->setSendAllowed(true); });
    connect(m_session, &ConsoleSession::adminClosing, m_aclPane, &AclEditorPane::detach);
}

QAction *MainWindow::addAction(const QString &text, const QKeySequence &shortcut,
                               const QString &objectName, const std::function<void()> &handler,
                               QMenu *menu)
{
    auto *action = new QAction(text, this);
    action->setObjectName(objectName);
    action->setShortcut(shortcut);
    action->setShortcutContext(Qt::WindowShortcut);
    connect(action, &QAction::triggered, this, handler);
    menu->addAction(action);
    QMainWindow::addAction(action);
    m_actions.append(action);
    return action;
}

void MainWindow::buildActions()
{
    QMenu *connectionMenu = menuBar()->addMenu(tr("&Connection"));
    addAction(
        tr("&New connection…"), QKeySequence::New, QStringLiteral("actionNewConnection"),
        [this] { newConnection(); }, connectionMenu);
    addAction(
        tr("Connect from &join link…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_J),
        QStringLiteral("actionJoinLink"),
        [this] {
            bool ok = false;
            const QString link = QInputDialog::getText(this, tr("Join link"),
                                                       tr("Paste a cotal:// or cotals:// link:"),
                                                       QLineEdit::Normal, {}, &ok);
            if (ok && !link.isEmpty())
                newConnection(link);
        },
        connectionMenu);
    addAction(
        tr("&Recent connections"), QKeySequence::Open, QStringLiteral("actionConnections"),
        [this] { showConnections(); }, connectionMenu);
    addAction(
        tr("&Disconnect"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D),
        QStringLiteral("actionDisconnect"), [this] { disconnectSession(); }, connectionMenu);
    addAction(
        tr("&Provision this space…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N),
        QStringLiteral("actionProvisionSpace"), [this] { openProvisionDialog(); }, connectionMenu);
    connectionMenu->addSeparator();
    // Spelled out: QKeySequence::Quit is empty on platforms without a theme (offscreen).
    addAction(
        tr("&Quit"), QKeySequence(Qt::CTRL | Qt::Key_Q), QStringLiteral("actionQuit"),
        [this] { close(); }, connectionMenu);

    QMenu *viewMenu = menuBar()->addMenu(tr("&View"));
    addAction(
        tr("&Command palette"), QKeySequence(Qt::CTRL | Qt::Key_K),
        QStringLiteral("actionCommandPalette"), [this] { openCommandPalette(); }, viewMenu);
    addAction(
        tr("Space &overview"), QKeySequence(Qt::ALT | Qt::Key_Left),
        QStringLiteral("actionOverview"), [this] { showOverview(); }, viewMenu);
    addAction(
        tr("&Enter space"), QKeySequence(Qt::ALT | Qt::Key_Right),
        QStringLiteral("actionEnterSpace"), [this] { enterSpace(); }, viewMenu);
    viewMenu->addSeparator();
    addAction(
        tr("Focus &roster"), QKeySequence(Qt::CTRL | Qt::Key_1), QStringLiteral("actionRoster"),
        [this] {
            enterSpace();
            m_rosterPane->view()->setFocus(Qt::ShortcutFocusReason);
        },
        viewMenu);
    addAction(
        tr("Focus &needs-you list"), QKeySequence(Qt::CTRL | Qt::Key_2),
        QStringLiteral("actionNeedsYou"),
        [this] {
            enterSpace();
            m_signalsPane->needsYouView()->setFocus(Qt::ShortcutFocusReason);
        },
        viewMenu);
    addAction(
        tr("Live &feed"), QKeySequence(Qt::CTRL | Qt::Key_3), QStringLiteral("actionFeed"),
        [this] { showTab(m_feedPane); }, viewMenu);
    addAction(
        tr("C&hannels"), QKeySequence(Qt::CTRL | Qt::Key_4), QStringLiteral("actionChannels"),
        [this] { showTab(m_channelsPane); }, viewMenu);
    addAction(
        tr("Channel &view"), QKeySequence(Qt::CTRL | Qt::Key_5),
        QStringLiteral("actionChannelView"), [this] { showTab(m_channelView); }, viewMenu);
    addAction(
        tr("&DM lens"), QKeySequence(Qt::CTRL | Qt::Key_6), QStringLiteral("actionDms"),
        [this] { showTab(m_dmPane); }, viewMenu);
    addAction(
        tr("&Agent detail"), QKeySequence(Qt::CTRL | Qt::Key_7), QStringLiteral("actionAgent"),
        [this] { showTab(m_agentPane); }, viewMenu);
    addAction(
        tr("Read ACL ed&itor"), QKeySequence(Qt::CTRL | Qt::Key_9), QStringLiteral("actionAcls"),
        [this] { showTab(m_aclPane); }, viewMenu);
    addAction(
        tr("Who reads &what (access)"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_W),
        QStringLiteral("actionAccess"), [this] { showTab(m_accessPane); }, viewMenu);
    addAction(
        tr("Cl&uster and stream replicas"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U),
        QStringLiteral("actionCluster"), [this] { showTab(m_clusterPane); }, viewMenu);
    addAction(
        tr("Delivery &lease and daemon"), QKeySequence(Qt::CTRL | Qt::Key_8),
        QStringLiteral("actionDeliveryLease"),
        [this] {
            showTab(m_deliveryPane);
            m_deliveryPane->showPage(DeliveryPane::Page::Lease);
        },
        viewMenu);
    addAction(
        tr("Membership &timelines"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T),
        QStringLiteral("actionMembershipTimelines"),
        [this] {
            showTab(m_deliveryPane);
            m_deliveryPane->showPage(DeliveryPane::Page::Timelines);
        },
        viewMenu);
    addAction(
        tr("Delivery health e&xplained"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H),
        QStringLiteral("actionDeliveryHealth"),
        [this] {
            showTab(m_deliveryPane);
            m_deliveryPane->showPage(DeliveryPane::Page::Health);
        },
        viewMenu);
    addAction(
        tr("Co&mpose"), QKeySequence(Qt::CTRL | Qt::Key_L), QStringLiteral("actionCompose"),
        [this] {
            enterSpace();
            m_compose->editor()->setFocus(Qt::ShortcutFocusReason);
        },
        viewMenu);
    addAction(
        tr("Filter the ro&ster"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F),
        QStringLiteral("actionRosterFilter"),
        [this] {
            enterSpace();
            m_rosterPane->filterEdit()->setFocus(Qt::ShortcutFocusReason);
        },
        viewMenu);
    addAction(
        tr("&Hide offline agents"), QKeySequence(Qt::CTRL | Qt::Key_H),
        QStringLiteral("actionHideOffline"), [this] { m_rosterPane->hideOfflineBox()->toggle(); },
        viewMenu);
    addAction(
        tr("A&nomalies…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A),
        QStringLiteral("actionAnomalies"), [this] { openAnomalies(); }, viewMenu);

    QMenu *feedMenu = menuBar()->addMenu(tr("&Feed"));
    for (QAction *action : m_feedPane->paneActions()) {
        feedMenu->addAction(action);
        m_actions.append(action);
    }
    QMenu *channelMenu = menuBar()->addMenu(tr("C&hannels"));
    for (QAction *action : m_channelsPane->paneActions()) {
        channelMenu->addAction(action);
        if (action->shortcutContext() != Qt::WidgetWithChildrenShortcut)
            QMainWindow::addAction(action);
        m_actions.append(action);
    }
    QMenu *composeMenu = menuBar()->addMenu(tr("C&ompose"));
    // Ctrl+Return opens a channel in the channel list and sends inside the editor;
    // window-wide send is Ctrl+Shift+Return.
    addAction(
        tr("&Send message"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Return),
        QStringLiteral("actionSend"), [this] { m_compose->send(); }, composeMenu);
    QMenu *settingsMenu = menuBar()->addMenu(tr("&Settings"));
    settingsMenu->addMenu(LanguageSettings::createMenu(settingsMenu));
    addAction(
        tr("Feed &capacity…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B),
        QStringLiteral("actionFeedCapacity"),
        [this] {
            bool ok = false;
            const int capacity = QInputDialog::getInt(
                this, tr("Feed capacity"),
                tr("Messages the live feed keeps (the oldest go first; more costs memory):"),
                m_feed->capacity(), FeedCapacitySetting::Minimum, FeedCapacitySetting::Maximum,
                10000, &ok);
            if (ok)
                setFeedCapacity(capacity);
        },
        settingsMenu);
    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    addAction(
        tr("&About Cotal Console"), QKeySequence(Qt::Key_F1), QStringLiteral("actionAbout"),
        [this] {
            QMessageBox::about(this, tr("About Cotal Console"),
                               tr("<b>Cotal Console</b> %1<br>Operator console for Cotal "
                                  "agent spaces.")
                                   .arg(QApplication::applicationVersion()));
        },
        helpMenu);
    // The feed's actions live in the feed pane (copy must follow the focused table), but the
    // pane actions that are not copy/paste must also work window-wide.
    for (QAction *action : m_feedPane->paneActions()) {
        if (action->shortcutContext() != Qt::WidgetWithChildrenShortcut)
            QMainWindow::addAction(action);
        else
            m_feedPane->addAction(action);
    }
}

void MainWindow::showTab(QWidget *tab)
{
    enterSpace();
    m_tabs->setCurrentWidget(tab);
    tab->setFocus(Qt::ShortcutFocusReason);
}

void MainWindow::openCommandPalette()
{
    CommandPalette palette(m_actions, this);
    palette.exec();
}

void MainWindow::openAnomalies()
{
    AnomalyDialog dialog(m_anomalies, this);
    dialog.exec();
}

void MainWindow::newConnection(const QString &link)
{
    ConnectionDialog dialog(m_store.get(), m_secrets, this);
    if (!link.isEmpty())
        dialog.applyLink(link);
    runConnectionDialog(dialog);
}

void MainWindow::runConnectionDialog(ConnectionDialog &dialog)
{
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_connectionsPage->reload();
    if (dialog.connectRequested())
        dialog.sessionSecret().isEmpty() ? connectSaved(dialog.profile().id)
                                         : connectProfile(dialog.profile(), dialog.sessionSecret());
}

void MainWindow::editConnection(const QString &profileId)
{
    const std::optional<profile::ConnectionProfile> p = m_store->find(profileId);
    if (!p)
        return;
    ConnectionDialog dialog(m_store.get(), m_secrets, this);
    dialog.setProfile(*p);
    runConnectionDialog(dialog);
}

void MainWindow::connectSaved(const QString &profileId)
{
    const std::optional<profile::ConnectionProfile> p = m_store->find(profileId);
    if (!p)
        return;
    const QString kind = p->secretKind();
    if (kind.isEmpty()) {
        connectProfile(*p, {});
        return;
    }
    m_secrets.read(p->id, kind)
        .then(this, [this, profile = *p](const profile::SecretResult &result) {
            if (result.ok()) {
                connectProfile(profile, result.secret);
                return;
            }
            const QString why = result.status == profile::SecretResult::Status::NoKeychain
                                    ? tr("No keychain service is available, so the secret was not "
                                         "remembered.")
                                    : tr("The secret is not remembered.");
            bool ok = false;
            const QString secret = QInputDialog::getText(
                this, tr("Secret for %1").arg(profile.name),
                tr("%1 Enter it for this session:").arg(why), QLineEdit::Password, {}, &ok);
            if (ok && !secret.isEmpty())
                connectProfile(profile, secret.toUtf8());
        });
}

bool MainWindow::connectLink(const QString &link, QString *error)
{
    const wire::Result<wire::JoinLink> parsed = wire::parseJoinLink(link.trimmed());
    if (!parsed) {
        if (error)
            *error = parsed.error().detail;
        return false;
    }
    profile::ConnectionProfile profile;
    QByteArray secret;
    applyJoinLink(*parsed, &profile, &secret);
    profile.name = QStringLiteral("%1 @ %2").arg(parsed->space, parsed->host);
    profile.instanceId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    connectProfile(profile, secret);
    return true;
}

void MainWindow::connectProfile(const profile::ConnectionProfile &profile, const QByteArray &secret)
{
    profile::ConnectionProfile p = profile;
    if (p.instanceId.isEmpty() && !p.identityFromCredential())
        p.instanceId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    ConsoleConnection connection = consoleConnection(p, secret);
    if (!connection.error.isEmpty()) {
        m_banner->setText(connection.error);
        m_banner->show();
        return;
    }
    if (!p.id.isEmpty()) {
        m_store->markUsed(p.id);
        m_connectionsPage->reload();
    }
    m_profile = p;
    m_secret = secret; // for entering another space of the same server
    clearSessionModels();
    m_statusBar->setConnection(p.servers.join(QStringLiteral(", ")), p.space,
                               connection.options.card.name + QStringLiteral(" (") +
                                   connection.options.card.id.left(8) + QLatin1Char(')'),
                               connection.options.isAuthMode());
    setWindowTitle(tr("%1 — Cotal Console").arg(p.space));
    m_session->open(std::move(connection.options), std::move(connection.credentials),
                    std::move(connection.seedFile));
    m_channelsTimer->start();
    updateOverview();
    enterSpace();
    if (!connection.notice.isEmpty())
        m_statusBar->showMessage(connection.notice, 15000);
}

void MainWindow::enterDemo(const local::LocalMesh &mesh)
{
    connectProfile(mesh.consoleProfile(), {});
    m_accessPane->setCredentialGrants(mesh.agentSubscribeGrants());
    const QString name = tr("the demo mesh's daemon");
    m_deliveryPane->nameDaemon(mesh.daemonId(), name);
    m_deliveryPane->daemonPane()->showHostedDaemon(mesh.daemon(), mesh.daemonId(), name);
}

void MainWindow::applyCredentials()
{
    const space::SpaceAccess *access = m_session->access();
    // The open mesh says so beside the identity already; credentials matter where enforced.
    const bool roles =
        access->has(space::Credential::Provisioner) || access->has(space::Credential::Delivery);
    if (m_session->options().isAuthMode() || roles)
        m_statusBar->setCredentials(access->describe());
    const wire::Grants grants = access->grants(space::Credential::View);
    const QString prefix = wire::spacePrefix(access->space()) + u'.';
    const bool maySend = grants.mayPublishUnder(prefix + QStringLiteral("chat.")) ||
                         grants.mayPublishUnder(prefix + QStringLiteral("inst.")) ||
                         grants.mayPublishUnder(prefix + QStringLiteral("svc."));
    m_compose->setSendAllowed(
        maySend, tr("The %1 credential may not send into this space: this console only watches.")
                     .arg(access->credentialName(space::Credential::View)));
}

void MainWindow::checkProvisioning()
{
    const std::optional<space::SpaceProvisioner> provisioner = m_session->access()->provisioner();
    if (!provisioner)
        return;
    const QString space = m_session->access()->space();
    provisioner->inspect().then(this, [this, space](const space::SpaceInventory &inventory) {
        if (!m_session->access()->isReady() || m_session->access()->space() != space)
            return;
        m_provisioningNotice->setInventory(inventory);
        m_statusBar->setSpaceNotice(m_provisioningNotice->summary());
    });
}

void MainWindow::openProvisionDialog()
{
    if (!m_session->access()->isReady()) {
        m_statusBar->showMessage(tr("Connect to a space first."), 5000);
        return;
    }
    ProvisionDialog dialog(*m_session->access(), {}, this);
    bool changed = false;
    connect(&dialog, &ProvisionDialog::provisioned, this, [&changed] { changed = true; });
    connect(&dialog, &ProvisionDialog::inspected, this,
            [this](const space::SpaceInventory &inventory) {
                m_provisioningNotice->setInventory(inventory);
                m_statusBar->setSpaceNotice(m_provisioningNotice->summary());
            });
    dialog.exec();
    // The endpoint and every pane looked for streams that now exist: start them afresh.
    if (changed) {
        clearSessionModels();
        m_session->reopen();
    }
}

void MainWindow::switchSpace(const QString &space)
{
    if (space == m_profile.space || space.isEmpty()) {
        enterSpace();
        return;
    }
    profile::ConnectionProfile other = m_profile;
    other.space = space;
    other.id.clear(); // not the saved profile: it names the other space
    connectProfile(other, m_secret);
}

void MainWindow::createSpace()
{
    const space::SpaceAccess *access = m_session->access();
    if (!access->isReady())
        return;
    bool ok = false;
    const QString name =
        QInputDialog::getText(this, tr("New space"),
                              tr("Name of the space (letters, digits, '-' and '_'):"),
                              QLineEdit::Normal, {}, &ok)
            .trimmed();
    if (!ok || name.isEmpty())
        return;
    if (!wire::isTokenStable(name)) {
        QMessageBox::warning(this, tr("New space"),
                             tr("\"%1\" cannot name a space: use letters, digits, '-' and '_' "
                                "only.")
                                 .arg(name));
        return;
    }
    // The same dialog as for completing a space: what exists (an existing name is compared,
    // never overwritten), the default delivery class, and Provision, refused with the reason
    // when the credential may not.
    ProvisionDialog dialog(*access, name, this);
    dialog.exec();
    if (dialog.isComplete())
        switchSpace(name);
}

void MainWindow::disconnectSession()
{
    m_session->close();
    m_secret.clear();
    m_channelsTimer->stop();
    m_statusBar->setConnection({}, {}, {}, false);
    setWindowTitle(tr("Cotal Console"));
    showConnections();
}

void MainWindow::clearSessionModels()
{
    m_roster->clear();
    m_feed->clear();
    m_channels->clear();
    m_anomalies->clear();
    m_dmLens->clear();
    m_statusBar->setDropped(0);
    // Nothing the previous connection said stays on screen.
    m_statusBar->clearMessage();
    m_statusBar->setCredentials({});
    m_provisioningNotice->clear();
    m_statusBar->setSpaceNotice({});
    m_compose->setSendAllowed(true);
    m_lastTotal = m_feed->totalReceived();
}

void MainWindow::showConnections()
{
    m_connectionsPage->reload();
    m_pages->setCurrentWidget(m_connectionsPage);
}

void MainWindow::showOverview()
{
    if (!m_session->isOpen()) {
        showConnections();
        return;
    }
    updateOverview();
    m_pages->setCurrentWidget(m_overviewPage);
}

void MainWindow::enterSpace()
{
    if (m_session->isOpen())
        m_pages->setCurrentWidget(m_consolePage);
}

void MainWindow::updateOverview()
{
    if (!m_session->isOpen())
        return;
    const RosterModel::Counts counts = m_roster->counts();
    quint64 messages = 0;
    for (int row = 0; row < m_channels->rowCount(); ++row)
        messages += m_channels->index(row, ChannelsModel::Messages)
                        .data(ChannelsModel::RawRole)
                        .toULongLong();
    const QString server = m_profile.servers.join(QStringLiteral(", "));
    m_overviewPage->setSpace(m_profile.space, server, counts.working + counts.waiting + counts.idle,
                             m_channels->rowCount(), messages);
    const space::SpaceAccess *access = m_session->access();
    if (!access->isReady())
        return;
    const QString credential = access->credentialName(space::Credential::View);
    m_overviewPage->setNewSpaceAllowed(
        access->mayCreateSpaces(),
        tr("The %1 credential may not create spaces: reference credentials are minted for one "
           "space each.")
            .arg(access->credentialName(access->credentialFor(space::Use::SpaceSetup))));
    const std::optional<space::SpaceDirectory> directory = access->directory();
    if (!directory) {
        m_overviewPage->setNote(tr("The %1 credential may not list the server's streams, so only "
                                   "this connection's space is shown.")
                                    .arg(credential));
        return;
    }
    directory->list().then(
        this, [this, server, space = m_profile.space](const space::SpaceListing &listing) {
            if (m_profile.space == space)
                m_overviewPage->setListing(listing, server);
        });
}

void MainWindow::handleStateChanged()
{
    const Endpoint::State state = m_session->state();
    const QString reason = m_session->stateReason();
    m_statusBar->setState(state, reason);
    switch (state) {
    case Endpoint::State::Reconnecting:
    case Endpoint::State::Rebuilding:
        m_banner->setText(tr("Connection lost — reconnecting automatically. %1").arg(reason));
        m_banner->show();
        break;
    case Endpoint::State::Failed:
        m_banner->setText(tr("Could not connect: %1").arg(reason));
        m_banner->show();
        break;
    default:
        m_banner->hide();
        break;
    }
}

void MainWindow::handleMessages(const QList<endpoint::ReceivedMessage> &batch)
{
    m_feed->append(batch);
    m_dmLens->append(batch);
    m_channelView->appendLive(batch);
    QStringList channels;
    for (const endpoint::ReceivedMessage &message : batch) {
        if (message.kind == wire::DeliveryKind::Channel && !message.historical)
            channels.append(message.message.route.target);
    }
    m_channels->observe(channels);
}

void MainWindow::refreshChannels()
{
    if (!m_session->isOpen() || m_listing)
        return;
    m_listing = true;
    m_session->listChannels().then(this, [this](const endpoint::ChannelListResult &result) {
        m_listing = false;
        if (!result.ok()) {
            m_channelsPane->setListingError(result.error.describe());
            return;
        }
        m_channelsPane->setListingError({});
        m_channels->setRows(result.rows);
    });
}

void MainWindow::setFeedCapacity(int capacity)
{
    const FeedCapacitySetting setting(m_options.settingsFile);
    setting.save(capacity);
    m_feed->setCapacity(setting.load(capacity));
}

void MainWindow::updateRate()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const quint64 total = m_feed->totalReceived();
    if (m_lastRateAt > 0 && now > m_lastRateAt)
        m_rate = static_cast<double>(total - m_lastTotal) * 1000.0 /
                 static_cast<double>(now - m_lastRateAt);
    m_lastTotal = total;
    m_lastRateAt = now;
    m_statusBar->setRate(m_rate);
    if (!m_session->isOpen())
        return;
    m_session->droppedCopies().then(this, [this](quint64 copies) {
        m_statusBar->setDropped(copies + m_session->droppedMessages());
    });
}

} // namespace cotal::ui
