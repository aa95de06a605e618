#pragma once

#include "core/endpoint/receivedmessage.h"
#include "core/profile/connectionprofile.h"
#include "core/profile/secretstore.h"

#include <QMainWindow>
#include <memory>

class QAction;
class QLabel;
class QStackedWidget;
class QTabWidget;
class QTimer;

namespace cotal::local {
class LocalMesh;
}

namespace cotal::profile {
class ProfileStore;
}

namespace cotal::ui {

class AccessPane;
class ClusterPane;
class AclEditorPane;
class AgentDetailPane;
class AnomalyModel;
class ChannelViewPane;
class ChannelsModel;
class ChannelsPane;
class ComposeBar;
class ConnectionDialog;
class ConnectionsPage;
class ConsoleSession;
class ConsoleStatusBar;
class DeliveryPane;
class DmLensModel;
class DmLensPane;
class FeedModel;
class FeedPane;
class ProvisioningNotice;
class RosterModel;
class RosterPane;
class SignalsPane;
class SpaceOverviewPage;

// The operator console's top-level window: connections, the space overview and the console
// (signals, roster, feed, channels, channel view, DM lens, agent detail, compose).
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    struct Options
    {
        QString settingsFile; // empty: the application's QSettings
        QString secretService = QStringLiteral("cotal-console");
        int feedCapacity = 50000;
    };

    explicit MainWindow(QWidget *parent = nullptr);
    explicit MainWindow(const Options &options, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Connects with a profile and the secret to use for this session (empty: none needed).
    void connectProfile(const profile::ConnectionProfile &profile, const QByteArray &secret);
    // Enters the embedded demo once `mesh` is ready: its console profile, its daemon shown by
    // name and in the Delivery tab (it runs in this process). `mesh` must outlive the window.
    void enterDemo(const local::LocalMesh &mesh);
    // Connects a saved profile, reading its secret from the keychain (or asking for it).
    void connectSaved(const QString &profileId);
    // Connects straight from a join link, without saving a profile.
    bool connectLink(const QString &link, QString *error = nullptr);
    void disconnectSession();

    void showConnections();
    void showOverview();
    void enterSpace();

    ConsoleSession *session() const { return m_session; }
    RosterModel *rosterModel() const { return m_roster; }
    FeedModel *feedModel() const { return m_feed; }
    // Resizes the live feed's ring buffer (oldest rows go first) and remembers the size.
    void setFeedCapacity(int capacity);
    ChannelsModel *channelsModel() const { return m_channels; }
    FeedPane *feedPane() const { return m_feedPane; }
    RosterPane *rosterPane() const { return m_rosterPane; }
    ChannelsPane *channelsPane() const { return m_channelsPane; }
    ChannelViewPane *channelViewPane() const { return m_channelView; }
    DmLensPane *dmLensPane() const { return m_dmPane; }
    AgentDetailPane *agentPane() const { return m_agentPane; }
    DeliveryPane *deliveryPane() const { return m_deliveryPane; }
    AclEditorPane *aclPane() const { return m_aclPane; }
    AccessPane *accessPane() const { return m_accessPane; }
    ClusterPane *clusterPane() const { return m_clusterPane; }
    ComposeBar *composeBar() const { return m_compose; }
    ConsoleStatusBar *consoleStatusBar() const { return m_statusBar; }
    QList<QAction *> allActions() const { return m_actions; }
    double messagesPerSecond() const { return m_rate; }

    void openCommandPalette();
    void openAnomalies();
    void newConnection(const QString &link = {});

private slots:
    void handleStateChanged();
    void handleMessages(const QList<cotal::endpoint::ReceivedMessage> &batch);
    void refreshChannels();
    void updateRate();
    void updateOverview();

private:
    // Once the space's connections are up: the status bar names them, compose follows grants.
    void applyCredentials();
    void buildConsole();
    void buildActions();
    QAction *addAction(const QString &text, const QKeySequence &shortcut, const QString &objectName,
                       const std::function<void()> &handler, QMenu *menu);
    void showTab(QWidget *tab);
    void clearSessionModels();
    // Looks the space's streams up once its connections are ready; the notice follows.
    void checkProvisioning();
    // Reconnects to another space of the same server with the same credentials.
    void switchSpace(const QString &space);
    // Asks for a name and provisions the space through this connection, then enters it.
    void createSpace();
    void openProvisionDialog();
    void editConnection(const QString &profileId);
    // Shows the dialog; on OK reloads the list and connects if asked to.
    void runConnectionDialog(ConnectionDialog &dialog);

    Options m_options;
    std::unique_ptr<profile::ProfileStore> m_store;
    profile::SecretStore m_secrets;
    profile::ConnectionProfile m_profile;
    QByteArray m_secret; // this session's, in memory only

    ConsoleSession *m_session;
    RosterModel *m_roster;
    FeedModel *m_feed;
    ChannelsModel *m_channels;
    AnomalyModel *m_anomalies;
    DmLensModel *m_dmLens;

    QStackedWidget *m_pages;
    ConnectionsPage *m_connectionsPage;
    SpaceOverviewPage *m_overviewPage;
    QWidget *m_consolePage;
    QLabel *m_banner;
    ProvisioningNotice *m_provisioningNotice;
    SignalsPane *m_signalsPane;
    RosterPane *m_rosterPane;
    QTabWidget *m_tabs;
    FeedPane *m_feedPane;
    ChannelsPane *m_channelsPane;
    ChannelViewPane *m_channelView;
    DmLensPane *m_dmPane;
    AgentDetailPane *m_agentPane;
    DeliveryPane *m_deliveryPane;
    AclEditorPane *m_aclPane;
    AccessPane *m_accessPane;
    ClusterPane *m_clusterPane;
    ComposeBar *m_compose;
    ConsoleStatusBar *m_statusBar;

    QList<QAction *> m_actions;
    QTimer *m_rateTimer;
    QTimer *m_channelsTimer;
    QTimer *m_channelsDebounce;
    quint64 m_lastTotal = 0;
    qint64 m_lastRateAt = 0;
    double m_rate = 0;
    bool m_listing = false;
};

} // namespace cotal::ui
