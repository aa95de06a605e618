#include "core/endpoint/endpointhost.h"
#include "tests/support/authmesh.h"
#include "tests/support/natsserverprocess.h"
#include "ui/connectiondialog.h"
#include "ui/consolesession.h"
#include "ui/mainwindow.h"
#include "ui/rostermodel.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>
#include <functional>
#include <memory>

using namespace cotal;
namespace authmesh = testing::authmesh;
using AuthKind = profile::ConnectionProfile::AuthKind;

namespace {

constexpr int kWaitMs = 30000;

template<typename T> T await(const QFuture<T> &future)
{
    if (!QTest::qWaitFor([&] { return future.isFinished(); }, kWaitMs) || future.resultCount() == 0)
        return T{};
    return future.result();
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

private:
    // Triggers "New connection…" and runs `fill` on the dialog once it is shown (it is modal).
    void runNewConnectionDialog(const std::function<void(ui::ConnectionDialog *)> &fill);
    void startAgent(const QString &name, const QString &role, const QStringList &channels);

    std::unique_ptr<testing::NatsServerProcess> m_server;
    QTemporaryDir m_settingsDir;
    std::vector<std::unique_ptr<endpoint::EndpointHost>> m_agents;
    std::unique_ptr<ui::MainWindow> m_window;
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
    m_window.reset();
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

QTEST_MAIN(tst_AuthConsole)
#include "tst_authconsole.moc"
