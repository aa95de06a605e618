// The embedded demo as a user first sees it: the console on its own operator-mode mesh, entered
// with the admin, provisioner and delivery creds the mesh minted. Every pane reads, and what the
// admin profile may not do (send) is off and says why.

#include "core/local/localmesh.h"
#include "ui/acleditorpane.h"
#include "ui/acltablemodel.h"
#include "ui/composebar.h"
#include "ui/consolesession.h"
#include "ui/consolestatusbar.h"
#include "ui/daemonpane.h"
#include "ui/deliverypane.h"
#include "ui/elidinglabel.h"
#include "ui/leasemodel.h"
#include "ui/mainwindow.h"
#include "ui/mentionedit.h"
#include "ui/ratechart.h"
#include "ui/rostermodel.h"

#include <QAction>
#include <QDialog>
#include <QLabel>
#include <QPalette>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

using namespace cotal;

namespace {

constexpr int kWaitMs = 30000;

local::LocalMesh::Options meshOptions(const QTemporaryDir &state)
{
    local::LocalMesh::Options options;
    options.stateDir = state.path();
    options.agentCount = 3;
    options.agentPaceMs = 500;
    return options;
}

ui::MainWindow::Options windowOptions(const QTemporaryDir &state)
{
    ui::MainWindow::Options options;
    options.settingsFile = state.filePath(QStringLiteral("console.ini"));
    options.secretService = QStringLiteral("cotal-console-demotest");
    return options;
}

// The operator-mode demo mesh and a console window (destroyed first) to enter it with.
struct Demo
{
    QTemporaryDir state;
    local::LocalMesh mesh{meshOptions(state)};
    ui::MainWindow window{windowOptions(state)};

    // Starts the mesh and waits for it; the reason when it did not come up.
    QString start()
    {
        QSignalSpy ready(&mesh, &local::LocalMesh::ready);
        QSignalSpy failed(&mesh, &local::LocalMesh::failed);
        mesh.start();
        if (!QTest::qWaitFor([&] { return !ready.isEmpty() || !failed.isEmpty(); }, 60000))
            return QStringLiteral("the demo mesh did not come up in time");
        return failed.isEmpty() ? QString() : failed.value(0).value(0).toString();
    }
};

} // namespace

class tst_DemoWindow : public QObject
{
    Q_OBJECT

private slots:
    void demoComesUpInOperatorMode();
    void walkthroughKeepsEveryPaneOnScreen();
};

void tst_DemoWindow::demoComesUpInOperatorMode()
{
    Demo demo;
    ui::MainWindow &window = demo.window;
    local::LocalMesh &mesh = demo.mesh;
    window.show();
    const QString failed = demo.start();
    QVERIFY2(failed.isEmpty(), qPrintable(failed));
    window.enterDemo(mesh);

    ui::ConsoleSession *session = window.session();
    QTRY_COMPARE_WITH_TIMEOUT(session->state(), endpoint::Endpoint::State::Connected, kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(session->access()->isReady(), kWaitMs);
    QCOMPARE(
        window.consoleStatusBar()->findChild<QLabel *>(QStringLiteral("statusCredentials"))->text(),
        QStringLiteral("credentials: admin · provisioner · delivery"));

    // The roster and the whole feed (admin sees DMs and anycast too).
    QTRY_COMPARE_WITH_TIMEOUT(window.rosterModel()->rowCount(), 3, kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(session->tapVisibility(), endpoint::TapVisibility::Everything,
                              kWaitMs);

    // The mesh's daemon holds the lease and reads by its name.
    ui::LeaseModel *leases = window.deliveryPane()->leaseModel();
    QTRY_VERIFY_WITH_TIMEOUT(leases->rowOfShard(0) >= 0 && leases->status(leases->rowOfShard(0)) ==
                                                               ui::LeaseModel::LeaseStatus::Ready,
                             kWaitMs);
    QVERIFY(leases->index(leases->rowOfShard(0), ui::LeaseModel::Holder)
                .data()
                .toString()
                .contains(u"the demo mesh's daemon"));

    // The Delivery tab's in-process box shows that daemon: it runs here, it delivers.
    ui::DaemonPane *daemon = window.deliveryPane()->daemonPane();
    QVERIFY(daemon->showsHostedDaemon());
    QVERIFY(!daemon->findChild<QPushButton *>(QStringLiteral("startDaemonButton"))->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(daemon->findChild<QLabel *>(QStringLiteral("daemonLease"))
                                 ->text()
                                 .contains(u"held by this daemon"),
                             kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(
        daemon->findChild<ui::RateChart *>(QStringLiteral("daemonCopiesChart"))->sampleCount() > 0,
        kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(!daemon->findChild<QLabel *>(QStringLiteral("daemonCounters"))
                                  ->text()
                                  .contains(u"<td>Copies fanned out</td><td align=right>0</td>"),
                             kWaitMs);

    // Every agent's read ACL is listed (through the delivery credential) and editable (through
    // the provisioner).
    ui::AclEditorPane *acl = window.aclPane();
    QTRY_COMPARE_WITH_TIMEOUT(acl->model()->rowCount(), 3, kWaitMs);

    // The admin profile may not publish: compose is off and says so.
    QTRY_VERIFY_WITH_TIMEOUT(!window.composeBar()->editor()->isEnabled(), kWaitMs);
    QVERIFY(window.composeBar()->editor()->toolTip().contains(u"admin credential"));

    // Nothing the console or the agents did was refused by the server, and the status bar
    // carries no error.
    QTest::qWait(5000);
    QStringList violations;
    for (const QString &line : mesh.serverLog().split(u'\n')) {
        if (line.contains(QLatin1String("Violation")))
            violations.append(line);
    }
    QVERIFY2(violations.isEmpty(), qPrintable(violations.join(u'\n')));
    QVERIFY2(window.consoleStatusBar()->currentMessage().isEmpty(),
             qPrintable(window.consoleStatusBar()->currentMessage()));
}

// Every tab and page of the demo at 1920×1080 and 1280×800, light and dark, every action (and
// the dialog it opens), then a long text in every label (error texts, long names): the window
// never needs to be wider or taller than the screen.
void tst_DemoWindow::walkthroughKeepsEveryPaneOnScreen()
{
    Demo demo;
    ui::MainWindow &window = demo.window;
    QSize screen(1280, 800);
    window.resize(screen);
    window.show();
    const QString failed = demo.start();
    QVERIFY2(failed.isEmpty(), qPrintable(failed));
    window.enterDemo(demo.mesh);
    QTRY_VERIFY_WITH_TIMEOUT(window.session()->access()->isReady(), kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(window.rosterModel()->rowCount(), 3, kWaitMs);

    // The narrowest widget whose own minimum (not its children's) makes the window too wide.
    const auto widest = [&] {
        QString found;
        int width = 0;
        for (QWidget *w : window.findChildren<QWidget *>()) {
            int children = 0;
            for (QWidget *c : w->findChildren<QWidget *>(Qt::FindDirectChildrenOnly))
                children = std::max(children, c->minimumSizeHint().width());
            const int own = w->minimumSizeHint().width();
            if (own > screen.width() && children <= screen.width() && own > width) {
                width = own;
                found = QStringLiteral("%1 \"%2\" (%3 px)")
                            .arg(QString::fromLatin1(w->metaObject()->className()),
                                 w->objectName().isEmpty() ? w->accessibleName() : w->objectName())
                            .arg(own);
            }
        }
        return found;
    };
    const auto fits = [&](const QString &where) {
        QCoreApplication::processEvents();
        const QSize needed = window.minimumSizeHint().expandedTo(window.minimumSize());
        QVERIFY2(needed.width() <= screen.width() && needed.height() <= screen.height() &&
                     window.width() <= screen.width() && window.height() <= screen.height(),
                 qPrintable(QStringLiteral("%1: needs %2×%3, is %4×%5; widest: %6")
                                .arg(where)
                                .arg(needed.width())
                                .arg(needed.height())
                                .arg(window.width())
                                .arg(window.height())
                                .arg(widest())));
    };
    const QStringList pages{
        QStringLiteral("actionFeed"),           QStringLiteral("actionChannels"),
        QStringLiteral("actionChannelView"),    QStringLiteral("actionDms"),
        QStringLiteral("actionAgent"),          QStringLiteral("actionAcls"),
        QStringLiteral("actionDeliveryLease"),  QStringLiteral("actionMembershipTimelines"),
        QStringLiteral("actionDeliveryHealth"), QStringLiteral("actionOverview"),
        QStringLiteral("actionConnections"),    QStringLiteral("actionEnterSpace")};
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    dark.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    dark.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
    dark.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
    dark.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
    dark.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
    const QPalette light = QApplication::palette();
    for (const QSize size : {QSize(1920, 1080), QSize(1280, 800)}) {
        for (const bool inDark : {false, true}) {
            QApplication::setPalette(inDark ? dark : light);
            screen = size;
            window.resize(screen);
            for (const QString &name : pages) {
                auto *action = window.findChild<QAction *>(name);
                QVERIFY2(action, qPrintable(name));
                action->trigger();
                QTest::qWait(100);
                fits(QStringLiteral("%1×%2 %3, %4")
                         .arg(size.width())
                         .arg(size.height())
                         .arg(inDark ? QStringLiteral("dark") : QStringLiteral("light"), name));
            }
        }
    }
    QApplication::setPalette(light);

    // Every action of the window, as a user would trigger it; a dialog one opens must fit the
    // screen too, and is then closed. Quit and Disconnect would end the walkthrough.
    QTimer closer;
    QString dialogTooLarge;
    int dialogs = 0;
    connect(&closer, &QTimer::timeout, &window, [&] {
        QWidget *modal = QApplication::activeModalWidget();
        if (!modal)
            return;
        const QSize needed = modal->minimumSizeHint().expandedTo(modal->minimumSize());
        if (needed.width() > screen.width() || needed.height() > screen.height())
            dialogTooLarge = QStringLiteral("%1 needs %2×%3")
                                 .arg(modal->windowTitle())
                                 .arg(needed.width())
                                 .arg(needed.height());
        ++dialogs;
        if (auto *dialog = qobject_cast<QDialog *>(modal))
            dialog->reject();
        else
            modal->close();
    });
    closer.start(50);
    for (QAction *action : window.allActions()) {
        const QString name = action->objectName();
        if (name == u"actionQuit" || name == u"actionDisconnect")
            continue;
        action->trigger();
        QTest::qWait(50);
        QVERIFY2(dialogTooLarge.isEmpty(),
                 qPrintable(name + QStringLiteral(": ") + dialogTooLarge));
        fits(QStringLiteral("action ") + (name.isEmpty() ? action->text() : name));
    }
    closer.stop();
    QTRY_VERIFY_WITH_TIMEOUT(!QApplication::activeModalWidget(), kWaitMs);
    // Command palette, anomalies, new connection, join link, provisioning, feed capacity, about.
    QVERIFY2(dialogs >= 7, qPrintable(QString::number(dialogs)));
    window.findChild<QAction *>(QStringLiteral("actionEnterSpace"))->trigger();

    // Long texts in every label that takes them from outside (wrapped or eliding ones; the
    // others hold titles and counts), and a whole refused subject, nkey and all, where errors
    // name one: the responder line (it once widened the window to 1906 px), the banner, the
    // compose status and the status bar.
    const QString longText = QStringLiteral("the broker refused this request because the "
                                            "credential in use may not do it here ")
                                 .repeated(8);
    for (QLabel *label : window.findChildren<QLabel *>()) {
        if (label->textFormat() != Qt::RichText &&
            (label->wordWrap() || qobject_cast<ui::ElidingLabel *>(label)))
            label->setText(longText);
    }
    const QString refusal =
        QStringLiteral("permission denied: cannot publish cotal.demo.ctl.delivery."
                       "UDWSZSO5JXQ7T2AZV6CFMHXJQAYNLGLSPBDTGDK6G3RMVJ3Y6W3T4OQX.") +
        longText;
    for (const QString &name :
         {QStringLiteral("responderStatus"), QStringLiteral("connectionBanner"),
          QStringLiteral("composeStatus")}) {
        auto *label = window.findChild<QLabel *>(name);
        QVERIFY2(label, qPrintable(name));
        label->setText(refusal);
        label->show();
    }
    window.consoleStatusBar()->showMessage(refusal);
    for (const QString &name : pages) {
        window.findChild<QAction *>(name)->trigger();
        fits(QStringLiteral("long texts, ") + name);
    }
}

QTEST_MAIN(tst_DemoWindow)
#include "tst_demowindow.moc"
