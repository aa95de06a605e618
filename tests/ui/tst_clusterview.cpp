// The Cluster tab: the model under QAbstractItemModelTester with every state a stream can be in,
// then the window on a real 3-node JetStream cluster through a profile that lists all three
// servers: it shows every stream's three copies and leader, fails over when the node it is on is
// killed, logs the leader changes, and shows the cluster whole again after the restart.
// COTAL_CLUSTER_SCREENSHOT=<file.png> saves the window at the end (docs/cluster.png).

#include "tests/integration/deliverytestkit.h"
#include "tests/support/natscluster.h"
#include "ui/clustermodel.h"
#include "ui/clusterpane.h"
#include "ui/consolesession.h"
#include "ui/mainwindow.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QListWidget>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace cotal;

namespace {

constexpr int kWaitMs = 60000;

space::StreamPlacement placement(const QString &stream, const QString &leader,
                                 QList<space::StreamFollower> followers)
{
    space::StreamPlacement p;
    p.stream = stream;
    p.replicas = 3;
    p.cluster = QStringLiteral("c");
    p.leader = leader;
    p.followers = std::move(followers);
    return p;
}

QString stateOf(const ui::ClusterModel &model, int row)
{
    return model.index(row, ui::ClusterModel::StateColumn).data().toString();
}

int healthyRows(const ui::ClusterModel &model)
{
    int healthy = 0;
    for (int row = 0; row < model.rowCount(); ++row) {
        if (!model.index(row, 0).data(ui::ClusterModel::ProblemRole).toBool())
            ++healthy;
    }
    return healthy;
}

} // namespace

class tst_ClusterView : public QObject
{
    Q_OBJECT

private slots:
    void modelSaysWhatEachStreamNeeds();
    void windowShowsTheClusterAndFailsOver();
};

void tst_ClusterView::modelSaysWhatEachStreamNeeds()
{
    ui::ClusterModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRefusedRemedy(QStringLiteral("a provisioner credential"));
    space::StreamPlacement refused;
    refused.stream = QStringLiteral("DLV_s");
    refused.error.kind = nats::NatsErrorKind::PermissionDenied;
    refused.error.message = QStringLiteral("denied");
    space::StreamPlacement single;
    single.stream = QStringLiteral("DM_s");
    single.replicas = 1;
    single.leader = QStringLiteral("solo");
    model.setStreams({
        placement(QStringLiteral("CHAT_s"), QStringLiteral("n1"),
                  {{QStringLiteral("n2"), true, false, 0, 10},
                   {QStringLiteral("n3"), true, false, 0, 12}}),
        placement(QStringLiteral("INBOX_s"), QString(), {}),
        placement(QStringLiteral("TASK_s"), QStringLiteral("n2"),
                  {{QStringLiteral("n1"), false, false, 42, 10},
                   {QStringLiteral("n3"), false, true, 0, -1}}),
        refused,
        single,
    });
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(stateOf(model, 0), QStringLiteral("all 3 copies current"));
    QVERIFY(stateOf(model, 1).startsWith(QStringLiteral("no leader")));
    QCOMPARE(model.index(1, ui::ClusterModel::LeaderColumn).data().toString(),
             QStringLiteral("none"));
    QCOMPARE(stateOf(model, 2), QStringLiteral("2 copies not current"));
    QCOMPARE(model.index(2, ui::ClusterModel::FollowersColumn).data().toString(),
             QStringLiteral("n1 behind by 42, n3 offline"));
    QCOMPARE(stateOf(model, 3), QStringLiteral("cannot read — needs a provisioner credential"));
    QVERIFY(!model.index(3, ui::ClusterModel::ReplicasColumn).data().isValid());
    QVERIFY(stateOf(model, 4).startsWith(QStringLiteral("one copy")));
    QCOMPARE(healthyRows(model), 2);
    // The same rows again update in place; other rows reset.
    model.setStreams({placement(QStringLiteral("CHAT_s"), QStringLiteral("n2"), {})});
    QCOMPARE(model.rowCount(), 1);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void tst_ClusterView::windowShowsTheClusterAndFailsOver()
{
    testing::NatsCluster cluster;
    QString error;
    QVERIFY2(cluster.start(&error), qPrintable(error));
    const QString space = QStringLiteral("clusterview");
    {
        testing::DeliveryKit kit(QString(), space, [&] {
            nats::ConnectionOptions options;
            options.servers = cluster.urls();
            return options;
        }());
        QCOMPARE(kit.open(true, testing::NatsCluster::kSize), QString());
    }

    QTemporaryDir settings;
    ui::MainWindow::Options options;
    options.settingsFile = settings.filePath(QStringLiteral("console.ini"));
    options.secretService = QStringLiteral("cotal-console-uitest");
    ui::MainWindow window(options);
    window.resize(1400, 900);
    window.show();
    profile::ConnectionProfile profile;
    profile.name = QStringLiteral("cluster");
    profile.servers = cluster.urls();
    profile.space = space;
    window.connectProfile(profile, {});
    QTRY_COMPARE_WITH_TIMEOUT(window.session()->state(), endpoint::Endpoint::State::Connected,
                              kWaitMs);

    auto *action = window.findChild<QAction *>(QStringLiteral("actionCluster"));
    QVERIFY(action);
    QVERIFY(!action->shortcut().isEmpty());
    action->trigger();
    ui::ClusterPane *pane = window.clusterPane();
    auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("consoleTabs"));
    QCOMPARE(tabs->currentWidget(), pane);
    ui::ClusterModel *model = pane->model();
    QTRY_COMPARE_WITH_TIMEOUT(healthyRows(*model), 12, kWaitMs);
    for (int row = 0; row < model->rowCount(); ++row)
        QCOMPARE(model->index(row, ui::ClusterModel::ReplicasColumn).data().toInt(), 3);

    // Kill the node the pane's connection is on.
    int victim = -1;
    for (int i = 0; i < testing::NatsCluster::kSize; ++i) {
        if (pane->connectionText().contains(cluster.node(i).url() + u' '))
            victim = i;
    }
    QVERIFY2(victim >= 0, qPrintable(pane->connectionText()));
    const QString victimName = testing::NatsCluster::serverName(victim);
    QStringList led;
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, ui::ClusterModel::LeaderColumn).data().toString() == victimName)
            led.append(model->placement(row).stream);
    }
    const QString victimUrl = cluster.node(victim).url();
    cluster.node(victim).kill();
    // Failed over: the pane's connection is on another node, and streams show the loss.
    QTRY_VERIFY_WITH_TIMEOUT(!pane->connectionText().contains(victimUrl + u' ') &&
                                 pane->connectionText().contains(QStringLiteral("nats://")),
                             kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(healthyRows(*model) < 12, kWaitMs);
    if (!led.isEmpty()) {
        QTRY_VERIFY_WITH_TIMEOUT(pane->leaderLog()->count() > 0, kWaitMs);
        QVERIFY2(pane->leaderLog()->item(0)->text().contains(victimName + QStringLiteral(" →")),
                 qPrintable(pane->leaderLog()->item(0)->text()));
    }
    QTRY_COMPARE_WITH_TIMEOUT(window.session()->state(), endpoint::Endpoint::State::Connected,
                              kWaitMs);

    QVERIFY2(cluster.node(victim).start(&error), qPrintable(error));
    QTRY_COMPARE_WITH_TIMEOUT(healthyRows(*model), 12, kWaitMs);
    qInfo("killed %s (leader of %lld streams); %d leader changes logged", qPrintable(victimName),
          qint64(led.size()), pane->leaderLog()->count());

    const QString screenshot = qEnvironmentVariable("COTAL_CLUSTER_SCREENSHOT");
    if (!screenshot.isEmpty())
        QVERIFY(window.grab().save(screenshot));
}

QTEST_MAIN(tst_ClusterView)
#include "tst_clusterview.moc"
