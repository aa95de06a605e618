#include "core/delivery/deliveryhost.h"
#include "core/endpoint/endpointhost.h"
#include "core/nats/keyvalue.h"
#include "core/nats/natsconnection.h"
#include "core/space/deliverylease.h"
#include "core/trust/trustchain.h"
#include "core/wire/names.h"
#include "tests/integration/endpointtestsupport.h"
#include "tests/support/authmesh.h"
#include "tests/support/natsserverprocess.h"
#include "tests/ui/windowtestsupport.h"
#include "ui/aclconflictdialog.h"
#include "ui/acleditcontroller.h"
#include "ui/acleditorpane.h"
#include "ui/acltablemodel.h"
#include "ui/composebar.h"
#include "ui/connectiondialog.h"
#include "ui/consolesession.h"
#include "ui/consolestatusbar.h"
#include "ui/daemonpane.h"
#include "ui/deliverypane.h"
#include "ui/feedpane.h"
#include "ui/leaseinspector.h"
#include "ui/leasemodel.h"
#include "ui/mainwindow.h"
#include "ui/mentionedit.h"
#include "ui/provisiondialog.h"
#include "ui/provisioningnotice.h"
#include "ui/rostermodel.h"
#include "ui/spaceoverviewpage.h"
#include "ui/timelinepane.h"
#include "ui/timelineview.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>
#include <QTreeWidget>
#include <QtTest>
#include <functional>
#include <memory>

using namespace cotal;
using testing::await;
namespace authmesh = testing::authmesh;
using AuthKind = profile::ConnectionProfile::AuthKind;

namespace {

constexpr int kWaitMs = 30000;

// Every text the window shows a user: labels, buttons and every cell of every view.
QStringList shownTexts(const QWidget *window)
{
    QStringList texts;
    for (const QLabel *label : window->findChildren<QLabel *>())
        texts.append(label->text());
    for (const QAbstractButton *button : window->findChildren<QAbstractButton *>())
        texts.append(button->text());
    for (const QAbstractItemView *view : window->findChildren<QAbstractItemView *>()) {
        const QAbstractItemModel *model = view->model();
        for (int row = 0; model && row < model->rowCount(); ++row) {
            for (int column = 0; column < model->columnCount(); ++column) {
                const QModelIndex index = model->index(row, column);
                texts.append(index.data().toString());
                texts.append(index.data(Qt::ToolTipRole).toString());
            }
        }
    }
    texts.removeAll(QString());
    return texts;
}

// Lines of the server log that report a permission violation by `user`.
int violationsBy(const testing::NatsServerProcess &server, const QString &user)
{
    int count = 0;
    for (const QString &line : server.log().split(u'\n'))
        count += line.contains(QLatin1String("Violation")) && line.contains(user);
    return count;
}

} // namespace

// The console as an admin of a real operator/JWT space uses it: the reference's server config,
// reference-minted creds, the connection dialog driven field by field.
class tst_AuthConsole : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void dialogTakesTheIdentityFromTheCredsFile();
    void dialogHandsTheMembershipFeedCredentialsToTheDaemon();
    void adminWithRoleCredentialsEditsAcls();
    void observerIsToldWhatItMayNotRead();
    void idleConsolesCauseNoPermissionViolations();
    void provisionerCompletesAnEmptySpace();
    void aCredentialThatMayNotWritePresenceStaysInvisible();
    void deliveryCredentialForceReleasesAWedgedLease();

private:
    // Triggers "New connection…" and runs `fill` on the dialog once it is shown (it is modal).
    void runNewConnectionDialog(const std::function<void(ui::ConnectionDialog *)> &fill);
    // Servers, space and the view credential's creds file, typed as a user types them.
    void fillCredsForm(ui::ConnectionDialog *dialog, const QString &view) const;
    void startAgent(const QString &name, const QString &role, const QStringList &channels);
    // The reference's own role: a delivery daemon with delivery.creds, outside the console.
    void startDaemon();
    ui::MainWindow *openWindow(const QString &name);
    profile::ConnectionProfile credsProfile(const QString &view) const;

    std::unique_ptr<testing::NatsServerProcess> m_server;
    QTemporaryDir m_settingsDir;
    std::vector<std::unique_ptr<endpoint::EndpointHost>> m_agents;
    std::unique_ptr<ui::MainWindow> m_window;
    std::vector<std::unique_ptr<ui::MainWindow>> m_windows;
    std::unique_ptr<delivery::DeliveryHost> m_daemon;
};

void tst_AuthConsole::initTestCase()
{
    m_server = std::make_unique<testing::NatsServerProcess>(
        testing::NatsServerProcess::Options{authmesh::serverConfigTemplate()});
    QString error;
    QVERIFY2(m_server->start(&error), qPrintable(error));
    QVERIFY(authmesh::provision(m_server->url()));
    QVERIFY(m_settingsDir.isValid());
}

void tst_AuthConsole::cleanup()
{
    // What the server said about a refused or dropped connection explains most failures here.
    if (QTest::currentTestFailed()) {
        for (const QString &line : m_server->log().split(u'\n')) {
            if (line.contains(QLatin1String("[ERR]")) || line.contains(QLatin1String("[WRN]")))
                qWarning("server: %s", qPrintable(line));
        }
    }
    m_window.reset();
    m_windows.clear();
    if (m_daemon)
        testing::awaitVoid(m_daemon->stop());
    m_daemon.reset();
    m_agents.clear();
}

void tst_AuthConsole::startAgent(const QString &name, const QString &role,
                                 const QStringList &channels)
{
    nats::ConnectionOptions connection;
    connection.servers = {m_server->url()};
    connection.credsFile = authmesh::creds(name);
    wire::AgentCard card;
    card.name = name;
    card.role = role;
    auto host = std::make_unique<endpoint::EndpointHost>(
        endpoint::EndpointOptions::agent(connection, authmesh::kSpace, card, channels));
    const nats::NatsError started = await(host->start());
    QVERIFY2(!started.isError(), qPrintable(started.describe()));
    m_agents.push_back(std::move(host));
}

void tst_AuthConsole::runNewConnectionDialog(
    const std::function<void(ui::ConnectionDialog *)> &fill)
{
    bool filled = false;
    QTimer::singleShot(0, this, [&] {
        QTRY_VERIFY_WITH_TIMEOUT(
            qobject_cast<ui::ConnectionDialog *>(QApplication::activeModalWidget()), kWaitMs);
        fill(qobject_cast<ui::ConnectionDialog *>(QApplication::activeModalWidget()));
        filled = true;
    });
    auto *action = m_window->findChild<QAction *>(QStringLiteral("actionNewConnection"));
    QVERIFY(action);
    action->trigger(); // returns when the dialog closed
    QVERIFY(filled);
}

void tst_AuthConsole::dialogTakesTheIdentityFromTheCredsFile()
{
    startAgent(QStringLiteral("alice"), QStringLiteral("planner"), {QStringLiteral("general")});
    ui::MainWindow::Options options;
    options.settingsFile = m_settingsDir.filePath(QStringLiteral("identity.ini"));
    options.secretService = QStringLiteral("cotal-console-authtest");
    m_window = std::make_unique<ui::MainWindow>(options);
    m_window->show();

    runNewConnectionDialog([&](ui::ConnectionDialog *dialog) {
        dialog->findChild<QLineEdit *>(QStringLiteral("name"))->setText(QStringLiteral("admin"));
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("servers")),
                         m_server->url());
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("space")), authmesh::kSpace);
        auto *kind = dialog->findChild<QComboBox *>(QStringLiteral("authKind"));
        kind->setCurrentIndex(kind->findData(int(AuthKind::CredsFile)));
        auto *identity = dialog->findChild<QLineEdit *>(QStringLiteral("identity"));
        QVERIFY(identity->isReadOnly());
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("credsFile")),
                         authmesh::creds(QStringLiteral("admin")));
        QCOMPARE(identity->text(), authmesh::kAdmin);
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("saveAndConnect")),
                          Qt::LeftButton);
    });

    QTRY_COMPARE_WITH_TIMEOUT(m_window->session()->state(), endpoint::Endpoint::State::Connected,
                              kWaitMs);
    QCOMPARE(m_window->session()->identity(), authmesh::kAdmin);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->rosterModel()->rowOf(authmesh::kAlice) >= 0, kWaitMs);
    // Nothing of the profile claims an id of its own.
    QFile settings(options.settingsFile);
    QVERIFY(settings.open(QIODevice::ReadOnly));
    QVERIFY(!settings.readAll().contains("instanceId=U"));
}

// The membership feed's two creds files: half of them is refused with the reason and nothing is
// saved; both are kept as paths and reach the in-process daemon's options, never a pane.
void tst_AuthConsole::dialogHandsTheMembershipFeedCredentialsToTheDaemon()
{
    const trust::TrustChain chain(QStringLiteral("op"), QStringLiteral("acct"));
    const auto writeCreds = [this](const QString &name, const QByteArray &text) {
        const QString path = m_settingsDir.filePath(name);
        QFile file(path);
        file.open(QIODevice::WriteOnly);
        file.write(text);
        return path;
    };
    const QString observer =
        writeCreds(QStringLiteral("membership-observer.creds"),
                   chain.mint(trust::UserProfile::MembershipObserver, authmesh::kSpace).credsText);
    const QString writer =
        writeCreds(QStringLiteral("membership-rw.creds"),
                   chain.mint(trust::UserProfile::MembershipRw, authmesh::kSpace).credsText);
    ui::MainWindow::Options options;
    options.settingsFile = m_settingsDir.filePath(QStringLiteral("feed.ini"));
    options.secretService = QStringLiteral("cotal-console-authtest");
    m_window = std::make_unique<ui::MainWindow>(options);
    m_window->show();

    runNewConnectionDialog([&](ui::ConnectionDialog *dialog) {
        fillCredsForm(dialog, QStringLiteral("admin"));
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("deliveryCredsFile")),
                         authmesh::creds(QStringLiteral("delivery")));
        QTest::keyClicks(
            dialog->findChild<QLineEdit *>(QStringLiteral("membershipObserverCredsFile")),
            observer);
        auto *connect = dialog->findChild<QPushButton *>(QStringLiteral("saveAndConnect"));
        QTest::mouseClick(connect, Qt::LeftButton);
        auto *message = dialog->findChild<QLabel *>(QStringLiteral("connectionMessage"));
        QVERIFY2(message->text().contains(QLatin1String("needs both")),
                 qPrintable(message->text()));
        QVERIFY(dialog->isVisible());
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("membershipRwCredsFile")),
                         writer);
        QTest::mouseClick(connect, Qt::LeftButton);
    });
    ui::ConsoleSession *session = m_window->session();
    QTRY_VERIFY_WITH_TIMEOUT(session->access()->isReady(), kWaitMs);
    const std::optional<space::FeedCredentials> feed =
        session->access()->membershipFeedCredentials();
    QVERIFY(feed);
    QCOMPARE(feed->observer.credsFile, observer);
    QCOMPARE(feed->writer.credsFile, writer);
    QCOMPARE(m_window->deliveryPane()->daemonPane()->options()->membership->writer.credsFile,
             writer);
    // Paths in the settings, as for the other role credentials; the creds stay in their files.
    QFile settings(options.settingsFile);
    QVERIFY(settings.open(QIODevice::ReadOnly));
    const QByteArray stored = settings.readAll();
    QVERIFY(stored.contains("membershipRwCredsFile=" + writer.toUtf8()));
    QVERIFY(!stored.contains("SEED") && !stored.contains("eyJ"));
}

void tst_AuthConsole::fillCredsForm(ui::ConnectionDialog *dialog, const QString &view) const
{
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("servers")), m_server->url());
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("space")), authmesh::kSpace);
    auto *kind = dialog->findChild<QComboBox *>(QStringLiteral("authKind"));
    kind->setCurrentIndex(kind->findData(int(AuthKind::CredsFile)));
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("credsFile")),
                     authmesh::creds(view));
}

ui::MainWindow *tst_AuthConsole::openWindow(const QString &name)
{
    ui::MainWindow::Options options;
    options.settingsFile = m_settingsDir.filePath(name + QStringLiteral(".ini"));
    options.secretService = QStringLiteral("cotal-console-authtest");
    m_windows.push_back(std::make_unique<ui::MainWindow>(options));
    m_windows.back()->show();
    return m_windows.back().get();
}

profile::ConnectionProfile tst_AuthConsole::credsProfile(const QString &view) const
{
    profile::ConnectionProfile profile;
    profile.name = view;
    profile.servers = {m_server->url()};
    profile.space = authmesh::kSpace;
    profile.authKind = AuthKind::CredsFile;
    profile.credsFile = authmesh::creds(view);
    return profile;
}

void tst_AuthConsole::startDaemon()
{
    delivery::DeliveryOptions options;
    options.connection.servers = {m_server->url()};
    options.connection.credsFile = authmesh::creds(QStringLiteral("delivery"));
    options.space = authmesh::kSpace;
    m_daemon = std::make_unique<delivery::DeliveryHost>(options);
    const delivery::DeliveryError started = await(m_daemon->start());
    QVERIFY2(!started.isError(), qPrintable(started.message));
}

void tst_AuthConsole::adminWithRoleCredentialsEditsAcls()
{
    startAgent(QStringLiteral("alice"), QStringLiteral("planner"), {QStringLiteral("general")});
    startAgent(QStringLiteral("bob"), QStringLiteral("reviewer"), {QStringLiteral("general")});
    startDaemon();
    m_window = std::make_unique<ui::MainWindow>([&] {
        ui::MainWindow::Options options;
        options.settingsFile = m_settingsDir.filePath(QStringLiteral("roles.ini"));
        options.secretService = QStringLiteral("cotal-console-authtest");
        return options;
    }());
    m_window->show();
    runNewConnectionDialog([&](ui::ConnectionDialog *dialog) {
        fillCredsForm(dialog, QStringLiteral("admin"));
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("provisionerCredsFile")),
                         authmesh::creds(QStringLiteral("provisioner")));
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("deliveryCredsFile")),
                         authmesh::creds(QStringLiteral("delivery")));
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("saveAndConnect")),
                          Qt::LeftButton);
    });
    ui::ConsoleSession *session = m_window->session();
    QTRY_COMPARE_WITH_TIMEOUT(session->state(), endpoint::Endpoint::State::Connected, kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(session->access()->isReady(), kWaitMs);
    QCOMPARE(m_window->consoleStatusBar()
                 ->findChild<QLabel *>(QStringLiteral("statusCredentials"))
                 ->text(),
             QStringLiteral("credentials: admin · provisioner · delivery"));

    // The roster, the feed with DMs (admin's tap), the lease holder and the members.
    QTRY_VERIFY_WITH_TIMEOUT(m_window->rosterModel()->rowOf(authmesh::kBob) >= 0, kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(session->tapVisibility(), endpoint::TapVisibility::Everything,
                              kWaitMs);
    ui::LeaseModel *leases = m_window->deliveryPane()->leaseModel();
    QTRY_VERIFY_WITH_TIMEOUT(leases->rowOfShard(0) >= 0 && leases->status(leases->rowOfShard(0)) ==
                                                               ui::LeaseModel::LeaseStatus::Ready,
                             kWaitMs);
    QCOMPARE(leases->index(leases->rowOfShard(0), 0).data(ui::LeaseModel::HolderIdRole).toString(),
             authmesh::kDelivery);
    QVERIFY(leases->index(leases->rowOfShard(0), ui::LeaseModel::Holder)
                .data()
                .toString()
                .contains(u"the space's delivery daemon"));
    QTRY_VERIFY_WITH_TIMEOUT(
        m_window->deliveryPane()->timelinePane()->view()->emptyText().startsWith(u"No durable"),
        kWaitMs);

    // An ACL edit of bob's record commits through the provisioner, in the reference's format.
    ui::AclEditorPane *acl = m_window->aclPane();
    QTRY_VERIFY_WITH_TIMEOUT(acl->model()->record(authmesh::kBob).has_value(), kWaitMs);
    acl->editOwner(authmesh::kBob);
    QTRY_VERIFY_WITH_TIMEOUT(acl->controller()->isLoaded(), kWaitMs);
    const quint64 before = acl->controller()->baseRevision();
    auto *input = acl->findChild<QLineEdit *>(QStringLiteral("aclPatternInput"));
    input->setText(QStringLiteral("ops.>"));
    acl->findChild<QPushButton *>(QStringLiteral("aclAddPattern"))->click();
    QSignalSpy finished(acl, &ui::AclEditorPane::commitFinished);
    acl->findChild<QPushButton *>(QStringLiteral("aclCommit"))->click();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kWaitMs);
    const auto committed = finished.first().first().value<ui::AclCommitResult>();
    QVERIFY2(committed.outcome == ui::AclCommitResult::Outcome::Committed,
             qPrintable(committed.message));
    std::unique_ptr<nats::NatsConnection> provisioner = testing::openRaw(
        m_server->url(), authmesh::kProvisioner, authmesh::creds(QStringLiteral("provisioner")));
    QVERIFY(provisioner);
    const nats::KeyValue bucket(nats::JetStream(provisioner.get()),
                                wire::aclBucket(authmesh::kSpace));
    const nats::KvResult stored = await(bucket.get(authmesh::kBob));
    QVERIFY2(stored.ok(), qPrintable(stored.error.describe()));
    QVERIFY(stored.entry.revision > before);
    static const QRegularExpression referenceFormat(QStringLiteral(
        R"(^\{"allowSubscribe":\["general","team\.>","random","ops\.>"\],"revision":2,"updatedAt":\d{13}\}$)"));
    QVERIFY2(referenceFormat.match(QString::fromUtf8(stored.entry.value)).hasMatch(),
             stored.entry.value.constData());

    // A stale revision opens the conflict dialog.
    QTRY_COMPARE_WITH_TIMEOUT(acl->controller()->baseRevision(), stored.entry.revision, kWaitMs);
    input->setText(QStringLiteral("mine"));
    acl->findChild<QPushButton *>(QStringLiteral("aclAddPattern"))->click();
    QVERIFY(await(bucket.put(authmesh::kBob,
                             R"({"allowSubscribe":["general"],"revision":3,"updatedAt":1})"))
                .ok());
    acl->findChild<QPushButton *>(QStringLiteral("aclCommit"))->click();
    QTRY_VERIFY_WITH_TIMEOUT(acl->conflictDialog() && acl->conflictDialog()->isVisible(), kWaitMs);
    acl->conflictDialog()->reject();

    // The in-process daemon is refused while another holds the lease, then starts with the
    // delivery credential.
    ui::DaemonPane *daemon = m_window->deliveryPane()->daemonPane();
    auto *start = daemon->findChild<QPushButton *>(QStringLiteral("startDaemonButton"));
    QTRY_VERIFY_WITH_TIMEOUT(start->isEnabled(), kWaitMs);
    start->click();
    auto *log = daemon->findChild<QPlainTextEdit *>();
    QTRY_VERIFY_WITH_TIMEOUT(log->toPlainText().contains(u"not started: the lease is held by"),
                             kWaitMs);
    testing::awaitVoid(m_daemon->stop());
    m_daemon.reset();
    QTRY_VERIFY_WITH_TIMEOUT(start->isEnabled(), kWaitMs);
    start->click();
    QTRY_COMPARE_WITH_TIMEOUT(daemon->daemonId(), authmesh::kDelivery, kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(leases->status(leases->rowOfShard(0)),
                              ui::LeaseModel::LeaseStatus::Ready, kWaitMs);
}

void tst_AuthConsole::observerIsToldWhatItMayNotRead()
{
    m_window = std::make_unique<ui::MainWindow>([&] {
        ui::MainWindow::Options options;
        options.settingsFile = m_settingsDir.filePath(QStringLiteral("observer.ini"));
        options.secretService = QStringLiteral("cotal-console-authtest");
        return options;
    }());
    m_window->show();
    m_window->connectProfile(credsProfile(QStringLiteral("observer")), {});
    ui::ConsoleSession *session = m_window->session();
    QTRY_COMPARE_WITH_TIMEOUT(session->state(), endpoint::Endpoint::State::Connected, kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(session->access()->isReady(), kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(session->tapVisibility(), endpoint::TapVisibility::ChatOnly, kWaitMs);

    // The feed says DMs are hidden; compose is off and says why.
    auto *hidden = m_window->feedPane()->findChild<QLabel *>(QStringLiteral("feedDmsHidden"));
    QVERIFY(hidden->isVisible());
    QVERIFY(hidden->text().contains(u"hidden"));
    QVERIFY(!m_window->composeBar()->editor()->isEnabled());
    QVERIFY(m_window->composeBar()->editor()->toolTip().contains(u"observer credential"));

    // The Delivery tab and the ACL editor name the missing credential.
    ui::LeaseModel *leases = m_window->deliveryPane()->leaseModel();
    QTRY_VERIFY_WITH_TIMEOUT(leases->rowOfShard(0) >= 0, kWaitMs);
    const QModelIndex lease = leases->index(leases->rowOfShard(0), 0);
    QCOMPARE(lease.data(ui::LeaseModel::StatusRole).toInt(),
             int(ui::LeaseModel::LeaseStatus::Unreadable));
    QVERIFY(lease.data(ui::LeaseModel::WarningRole)
                .toString()
                .contains(u"add a delivery credential to this connection"));
    QVERIFY(m_window->deliveryPane()->timelinePane()->view()->emptyText().contains(
        u"add a delivery credential"));
    QVERIFY(m_window->aclPane()->model()->rowCount() == 0 ||
            m_window->aclPane()
                ->model()
                ->index(0, ui::AclTableModel::Patterns)
                .data()
                .toString()
                .startsWith(u"cannot read"));
    const QStringList texts = shownTexts(m_window.get());
    QVERIFY(texts.join(u'\n').contains(u"Cannot read the ACLs: the observer credential may not "
                                       u"read cotal_acl_demo — add a delivery credential"));
    // No pane shows absence for a read the broker would deny.
    for (const QString &text : texts) {
        QVERIFY2(!text.contains(u"no record"), qPrintable(text));
        QVERIFY2(!text.contains(u"No delivery daemon"), qPrintable(text));
        QVERIFY2(text != u"absent", qPrintable(text));
    }
}

void tst_AuthConsole::idleConsolesCauseNoPermissionViolations()
{
    // One console per profile, side by side, idle for a minute.
    startAgent(QStringLiteral("alice"), QStringLiteral("planner"), {QStringLiteral("general")});
    const int observerBefore = violationsBy(*m_server, authmesh::kObserver);
    const int adminBefore = violationsBy(*m_server, authmesh::kAdmin);
    const int provisionerBefore = violationsBy(*m_server, authmesh::kProvisioner);
    const int deliveryBefore = violationsBy(*m_server, authmesh::kDelivery);
    openWindow(QStringLiteral("idle-observer"))
        ->connectProfile(credsProfile(QStringLiteral("observer")), {});
    openWindow(QStringLiteral("idle-admin"))
        ->connectProfile(credsProfile(QStringLiteral("admin")), {});
    profile::ConnectionProfile roles = credsProfile(QStringLiteral("admin"));
    roles.provisionerCredsFile = authmesh::creds(QStringLiteral("provisioner"));
    roles.deliveryCredsFile = authmesh::creds(QStringLiteral("delivery"));
    openWindow(QStringLiteral("idle-roles"))->connectProfile(roles, {});
    for (const auto &window : m_windows)
        QTRY_VERIFY_WITH_TIMEOUT(window->session()->access()->isReady(), kWaitMs);
    QTest::qWait(60000);
    const int observer = violationsBy(*m_server, authmesh::kObserver) - observerBefore;
    const int admin = violationsBy(*m_server, authmesh::kAdmin) - adminBefore;
    const int provisioner = violationsBy(*m_server, authmesh::kProvisioner) - provisionerBefore;
    const int delivery = violationsBy(*m_server, authmesh::kDelivery) - deliveryBefore;
    qInfo("permission violations in 60 s idle: observer %d, admin %d, provisioner %d, "
          "delivery %d",
          observer, admin, provisioner, delivery);
    QCOMPARE(observer, 0);
    QCOMPARE(admin, 0);
    QCOMPARE(provisioner, 0);
    QCOMPARE(delivery, 0);
}

// A server of the reference's config where `cotal up` never ran: the console says the space is
// not provisioned, names the credential that may create it, and creates it with that one.
void tst_AuthConsole::provisionerCompletesAnEmptySpace()
{
    testing::NatsServerProcess empty(
        testing::NatsServerProcess::Options{authmesh::serverConfigTemplate()});
    QString error;
    QVERIFY2(empty.start(&error), qPrintable(error));
    profile::ConnectionProfile adminOnly = credsProfile(QStringLiteral("admin"));
    adminOnly.servers = {empty.url()};
    profile::ConnectionProfile withProvisioner = adminOnly;
    withProvisioner.provisionerCredsFile = authmesh::creds(QStringLiteral("provisioner"));

    // Admin alone: told what is missing, and that it may not create it.
    ui::MainWindow *admin = openWindow(QStringLiteral("empty-admin"));
    admin->connectProfile(adminOnly, {});
    auto *notice = admin->findChild<ui::ProvisioningNotice *>();
    QVERIFY(notice);
    QTRY_VERIFY_WITH_TIMEOUT(notice->isVisible(), kWaitMs);
    QCOMPARE(notice->summary(), QStringLiteral("not provisioned"));
    QVERIFY2(notice->text().contains(wire::chatStreamName(authmesh::kSpace)),
             qPrintable(notice->text()));
    QVERIFY(admin->consoleStatusBar()
                ->findChild<QLabel *>(QStringLiteral("statusSpace"))
                ->text()
                .contains(u"not provisioned"));
    bool refused = false;
    QTimer::singleShot(0, this, [&] {
        QTRY_VERIFY_WITH_TIMEOUT(
            qobject_cast<ui::ProvisionDialog *>(QApplication::activeModalWidget()), kWaitMs);
        auto *dialog = qobject_cast<ui::ProvisionDialog *>(QApplication::activeModalWidget());
        auto *streams = dialog->findChild<QTreeWidget *>(QStringLiteral("spaceStreams"));
        QTRY_COMPARE_WITH_TIMEOUT(streams->topLevelItemCount(), 12, kWaitMs);
        QStringList states;
        for (int row = 0; row < 12; ++row)
            states.append(streams->topLevelItem(row)->text(1));
        QVERIFY(states.contains(QStringLiteral("missing")));
        QVERIFY(
            states.contains(QStringLiteral("cannot check — this credential may not look it up")));
        QVERIFY(!states.contains(QStringLiteral("present")));
        QVERIFY(!dialog->findChild<QPushButton *>(QStringLiteral("provisionButton"))->isEnabled());
        const QString reason =
            dialog->findChild<QLabel *>(QStringLiteral("provisionReason"))->text();
        QVERIFY2(reason.contains(u"add a provisioner credential"), qPrintable(reason));
        refused = true;
        dialog->reject();
    });
    admin->findChild<QAction *>(QStringLiteral("actionProvisionSpace"))->trigger();
    QVERIFY(refused);

    // With the provisioner credential: "Complete provisioning…", Provision, and the space works.
    ui::MainWindow *roles = openWindow(QStringLiteral("empty-roles"));
    roles->connectProfile(withProvisioner, {});
    auto *rolesNotice = roles->findChild<ui::ProvisioningNotice *>();
    QTRY_VERIFY_WITH_TIMEOUT(rolesNotice->isVisible(), kWaitMs);
    QVERIFY(rolesNotice->text().contains(wire::kvStreamName(wire::aclBucket(authmesh::kSpace))));
    bool provisioned = false;
    QTimer::singleShot(0, this, [&] {
        QTRY_VERIFY_WITH_TIMEOUT(
            qobject_cast<ui::ProvisionDialog *>(QApplication::activeModalWidget()), kWaitMs);
        auto *dialog = qobject_cast<ui::ProvisionDialog *>(QApplication::activeModalWidget());
        auto *button = dialog->findChild<QPushButton *>(QStringLiteral("provisionButton"));
        QTRY_VERIFY_WITH_TIMEOUT(button->isEnabled(), kWaitMs);
        auto *defaultClass = dialog->findChild<QComboBox *>(QStringLiteral("defaultDeliveryClass"));
        defaultClass->setCurrentIndex(1); // durable
        QTest::mouseClick(button, Qt::LeftButton);
        auto *result = dialog->findChild<QLabel *>(QStringLiteral("provisionResult"));
        QTRY_VERIFY_WITH_TIMEOUT(result->text().startsWith(u"Streams created: 12."), kWaitMs);
        QVERIFY2(result->text().contains(u"default delivery class was written"),
                 qPrintable(result->text()));
        auto *streams = dialog->findChild<QTreeWidget *>(QStringLiteral("spaceStreams"));
        QTRY_VERIFY_WITH_TIMEOUT(streams->topLevelItemCount() == 12 &&
                                     streams->topLevelItem(11)->text(1) == u"present",
                                 kWaitMs);
        for (int row = 0; row < 12; ++row)
            QCOMPARE(streams->topLevelItem(row)->text(1), QStringLiteral("present"));
        QVERIFY(!button->isEnabled());
        provisioned = true;
        dialog->reject();
    });
    QTest::mouseClick(rolesNotice->findChild<QPushButton *>(QStringLiteral("completeProvisioning")),
                      Qt::LeftButton);
    QVERIFY(provisioned);
    QTRY_COMPARE_WITH_TIMEOUT(roles->session()->state(), endpoint::Endpoint::State::Connected,
                              kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(roles->session()->access()->isReady(), kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(!rolesNotice->isVisible(), kWaitMs);
    QCOMPARE(roles->consoleStatusBar()->findChild<QLabel *>(QStringLiteral("statusSpace"))->text(),
             QStringLiteral("space demo"));
    // Neither looked up or created anything its grants refuse.
    QCOMPARE(violationsBy(empty, authmesh::kAdmin), 0);
    QCOMPARE(violationsBy(empty, authmesh::kProvisioner), 0);
    m_windows.clear();
}

void tst_AuthConsole::aCredentialThatMayNotWritePresenceStaysInvisible()
{
    profile::ConnectionProfile admin = credsProfile(QStringLiteral("admin"));
    admin.appearInSpace = true;
    const int before = violationsBy(*m_server, authmesh::kAdmin);
    ui::MainWindow *window = openWindow(QStringLiteral("appear-admin"));
    window->connectProfile(admin, {});
    QTRY_COMPARE_WITH_TIMEOUT(window->session()->state(), endpoint::Endpoint::State::Connected,
                              kWaitMs);
    QVERIFY2(window->consoleStatusBar()->currentMessage().contains(u"may not write presence"),
             qPrintable(window->consoleStatusBar()->currentMessage()));
    QTest::qWait(3000); // a heartbeat or two, had one been attempted
    QCOMPARE(violationsBy(*m_server, authmesh::kAdmin) - before, 0);
    QCOMPARE(window->rosterModel()->rowOf(authmesh::kAdmin), -1);

    // Its overview says why only this space is listed, and that it may not create one.
    QTRY_VERIFY_WITH_TIMEOUT(window->session()->access()->isReady(), kWaitMs);
    window->findChild<QAction *>(QStringLiteral("actionOverview"))->trigger();
    auto *page = window->findChild<ui::SpaceOverviewPage *>();
    QVERIFY2(page->note().contains(u"admin credential may not list"), qPrintable(page->note()));
    QVERIFY(!page->findChild<QPushButton *>(QStringLiteral("newSpace"))->isEnabled());
    QCOMPARE(violationsBy(*m_server, authmesh::kAdmin) - before, 0);
}

// A daemon that took the lease and died before it was ready: the admin, with the delivery
// credential, force-releases it from the inspector and starts the in-process daemon.
void tst_AuthConsole::deliveryCredentialForceReleasesAWedgedLease()
{
    nats::NatsConnection ghost;
    nats::ConnectionOptions options;
    options.servers = {m_server->url()};
    options.credsFile = authmesh::creds(QStringLiteral("delivery"));
    options.inboxId = authmesh::kDelivery;
    const nats::NatsError opened = await(ghost.open(options));
    QVERIFY2(!opened.isError(), qPrintable(opened.describe()));
    space::DeliveryLease lease(
        nats::KeyValue(nats::JetStream(&ghost), wire::deliveryBucket(authmesh::kSpace)));
    const space::LeaseWrite taken = await(lease.acquire(QStringLiteral("crashed-daemon")));
    QVERIFY2(taken.ok(), qPrintable(taken.error.describe()));

    profile::ConnectionProfile roles = credsProfile(QStringLiteral("admin"));
    roles.deliveryCredsFile = authmesh::creds(QStringLiteral("delivery"));
    const int adminBefore = violationsBy(*m_server, authmesh::kAdmin);
    const int deliveryBefore = violationsBy(*m_server, authmesh::kDelivery);
    ui::MainWindow *window = openWindow(QStringLiteral("force-release"));
    window->connectProfile(roles, {});
    ui::LeaseModel *leases = window->deliveryPane()->leaseModel();
    QTRY_VERIFY_WITH_TIMEOUT(leases->rowOfShard(0) >= 0 &&
                                 leases->status(leases->rowOfShard(0)) ==
                                     ui::LeaseModel::LeaseStatus::ClaimedNotReady,
                             kWaitMs);
    auto *start = window->deliveryPane()->daemonPane()->findChild<QPushButton *>(
        QStringLiteral("startDaemonButton"));
    QTest::mouseClick(start, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!window->deliveryPane()->daemonPane()->isRunning(), kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(
        window->deliveryPane()->daemonPane()->findChild<QPlainTextEdit *>()->toPlainText().contains(
            u"lease is held by crashed-daemon"),
        kWaitMs);

    ui::LeaseInspector *inspector = window->deliveryPane()->leaseInspector();
    inspector->table()->selectRow(leases->rowOfShard(0));
    auto *release = inspector->findChild<QPushButton *>(QStringLiteral("forceReleaseButton"));
    QTRY_VERIFY_WITH_TIMEOUT(release->isEnabled(), kWaitMs);
    bool confirmed = false;
    QTimer::singleShot(0, this, [&] {
        QTRY_VERIFY_WITH_TIMEOUT(qobject_cast<QMessageBox *>(QApplication::activeModalWidget()),
                                 kWaitMs);
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        QVERIFY(box->text().contains(u"crashed-daemon"));
        QTest::mouseClick(box->button(QMessageBox::Yes), Qt::LeftButton);
        confirmed = true;
    });
    QTest::mouseClick(release, Qt::LeftButton);
    QVERIFY(confirmed);
    QTRY_COMPARE_WITH_TIMEOUT(leases->status(leases->rowOfShard(0)),
                              ui::LeaseModel::LeaseStatus::Absent, kWaitMs);

    // Now the in-process daemon starts with the delivery credential and holds the lease.
    QTRY_VERIFY_WITH_TIMEOUT(start->isEnabled(), kWaitMs);
    QTest::mouseClick(start, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(
        leases->status(leases->rowOfShard(0)) == ui::LeaseModel::LeaseStatus::Ready &&
            leases->index(leases->rowOfShard(0), 0).data(ui::LeaseModel::HolderIdRole).toString() ==
                window->deliveryPane()->daemonPane()->daemonId(),
        kWaitMs);
    QCOMPARE(violationsBy(*m_server, authmesh::kAdmin) - adminBefore, 0);
    QCOMPARE(violationsBy(*m_server, authmesh::kDelivery) - deliveryBefore, 0);
    window->deliveryPane()->daemonPane()->stop();
    QTRY_VERIFY_WITH_TIMEOUT(start->isEnabled(), kWaitMs);
}

QTEST_MAIN(tst_AuthConsole)
#include "tst_authconsole.moc"
