// The Access tab on a scripted space: read ACLs, membership-feed records and durable members
// written by hand to a real nats-server, one agent per drift case.

#include "core/space/memberregistry.h"
#include "core/wire/aclrecord.h"
#include "core/wire/membershipfeed.h"
#include "core/wire/names.h"
#include "tests/integration/deliverytestkit.h"
#include "tests/support/natsserverprocess.h"
#include "ui/accessmodel.h"
#include "ui/accesspane.h"
#include "ui/acleditorpane.h"
#include "ui/consolesession.h"
#include "ui/mainwindow.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QToolButton>
#include <QUuid>
#include <QtTest>
#include <memory>

using namespace cotal;
using testing::awaitResult;

namespace {

constexpr int kWaitMs = 30000;
constexpr double kDayMs = 24 * 3600 * 1000.0;

const QString kAlice = QStringLiteral("UALICE");
const QString kBob = QStringLiteral("UBOB");
const QString kCarol = QStringLiteral("UCAROL");
const QString kDave = QStringLiteral("UDAVE");

} // namespace

class tst_AccessView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void eachDriftCaseShowsOnceAndExplainsItself();
    void filtersNarrowAgentsAndChannels();
    void editAclOpensTheEditorWithTheChannelPrefilled();
    void exportsCsvAndPicture();
    void knownCredentialGrantsExplainTheCell();
    void aStaleFeedClaimsNoLiveReader();

private:
    QModelIndex cell(const QString &agent, const QString &channel) const;
    bool putAcl(const QString &owner, const QStringList &allow, double updatedAt);
    bool putFeed(const QString &agent, const QStringList &live, double observedAt);
    bool putHeartbeat(double observedAt);

    testing::NatsServerProcess m_server;
    QTemporaryDir m_dir;
    const QString m_space =
        QStringLiteral("acc%1").arg(QUuid::createUuid().toString(QUuid::Id128).left(8));
    std::unique_ptr<testing::DeliveryKit> m_kit;
    std::unique_ptr<ui::MainWindow> m_window;
    ui::AccessPane *m_pane = nullptr;
};

bool tst_AccessView::putAcl(const QString &owner, const QStringList &allow, double updatedAt)
{
    wire::AclRecord record;
    record.allowSubscribe = allow;
    record.revision = 1;
    record.updatedAt = updatedAt;
    const auto put = awaitResult(
        m_kit->bucket(wire::aclBucket(m_space)).put(owner, wire::encodeAclRecord(record)));
    return put && put->ok();
}

bool tst_AccessView::putFeed(const QString &agent, const QStringList &live, double observedAt)
{
    const auto put =
        awaitResult(m_kit->bucket(wire::membershipBucket(m_space))
                        .put(agent, wire::encodeChannelMembership({live, {}, observedAt})));
    return put && put->ok();
}

bool tst_AccessView::putHeartbeat(double observedAt)
{
    const auto put = awaitResult(m_kit->bucket(wire::membershipBucket(m_space))
                                     .put(wire::kMembershipFeedKey.toString(),
                                          wire::encodeMembershipFeedHeartbeat({observedAt, 1})));
    return put && put->ok();
}

QModelIndex tst_AccessView::cell(const QString &agent, const QString &channel) const
{
    // The agent column for no channel.
    const ui::AccessModel *model = m_pane->model();
    return model->index(model->rowOf(agent), channel.isEmpty() ? 0 : model->columnOf(channel));
}

void tst_AccessView::initTestCase()
{
    QString error;
    QVERIFY2(m_server.start(&error), qPrintable(error));
    QVERIFY(m_dir.isValid());
    m_kit = std::make_unique<testing::DeliveryKit>(m_server.url(), m_space);
    QCOMPARE(m_kit->open(), QString());
    const double now = double(QDateTime::currentMSecsSinceEpoch());
    // alice reads #secret live although her ACL covers only #general.
    QVERIFY(putAcl(kAlice, {QStringLiteral("general")}, now));
    QVERIFY(putFeed(kAlice, {QStringLiteral("general"), QStringLiteral("secret")}, now));
    QVERIFY(putHeartbeat(now));
    // bob is a durable member of #ops, which his ACL no longer covers.
    QVERIFY(putAcl(kBob, {QStringLiteral("general")}, now));
    QVERIFY(m_kit->commitMember(QStringLiteral("ops"), kBob, true, std::nullopt, 3));
    // carol's ACL was written a month ago and she has not been seen since.
    QVERIFY(putAcl(kCarol, {QStringLiteral("general")}, now - 30 * kDayMs));
    // dave left #old and has no ACL record at all.
    QVERIFY(m_kit->commitMember(QStringLiteral("old"), kDave, true, 9, 3));

    ui::MainWindow::Options options;
    options.settingsFile = m_dir.filePath(QStringLiteral("settings.ini"));
    options.secretService = QStringLiteral("cotal-console-uitest");
    m_window = std::make_unique<ui::MainWindow>(options);
    m_window->resize(1280, 800);
    m_window->show();
    profile::ConnectionProfile profile;
    profile.name = QStringLiteral("test");
    profile.servers = {m_server.url()};
    profile.space = m_space;
    m_window->connectProfile(profile, {});
    QTRY_VERIFY_WITH_TIMEOUT(m_window->session()->access()->isReady(), kWaitMs);
    // Opened the way a user does: the View menu's action.
    m_window->findChild<QAction *>(QStringLiteral("actionAccess"))->trigger();
    m_pane = m_window->accessPane();
    QVERIFY(m_pane->isVisible());
    QTRY_COMPARE_WITH_TIMEOUT(m_pane->model()->rowCount(), 4, kWaitMs);
}

void tst_AccessView::eachDriftCaseShowsOnceAndExplainsItself()
{
    QAbstractItemModelTester tester(m_pane->model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_COMPARE_WITH_TIMEOUT(m_pane->model()->matrix().counts.liveUncovered, 1, kWaitMs);
    const space::AccessMatrix::Counts counts = m_pane->model()->matrix().counts;
    QCOMPARE(counts.durableUncovered, 1);
    QCOMPARE(counts.staleAcl, 1);
    QCOMPARE(counts.noRecord, 1);
    QCOMPARE(m_pane->model()->matrix().channels,
             (QStringList{QStringLiteral("general"), QStringLiteral("old"), QStringLiteral("ops"),
                          QStringLiteral("secret")}));

    const auto drift = [this](const QString &agent, const QString &channel) {
        return cell(agent, channel).data(ui::AccessModel::DriftRole).toUInt();
    };
    QCOMPARE(drift(kAlice, QStringLiteral("secret")), quint32(space::LiveUncovered));
    QCOMPARE(drift(kAlice, QStringLiteral("general")), quint32(space::NoDrift));
    QCOMPARE(cell(kAlice, QStringLiteral("general")).data().toString(),
             QStringLiteral("ACL · live"));
    QCOMPARE(drift(kBob, QStringLiteral("ops")), quint32(space::DurableUncovered));
    QCOMPARE(cell(kBob, QStringLiteral("ops")).data().toString(), QStringLiteral("durable"));
    QCOMPARE(drift(kCarol, {}), quint32(space::StaleAcl));
    QCOMPARE(drift(kDave, {}), quint32(space::NoRecord));
    QCOMPARE(cell(kDave, QStringLiteral("old")).data().toString(), QStringLiteral("left"));

    // Selecting a cell explains it below the table, in words.
    auto *view = m_pane->view();
    auto *detail = m_pane->findChild<QLabel *>(QStringLiteral("accessDetail"));
    view->setCurrentIndex(static_cast<QSortFilterProxyModel *>(view->model())
                              ->mapFromSource(cell(kBob, QStringLiteral("ops"))));
    QVERIFY2(detail->text().contains(QLatin1String("copies will be dropped")),
             qPrintable(detail->text()));
    QVERIFY(detail->text().contains(QLatin1String("from CHAT sequence 3")));
    view->setCurrentIndex(static_cast<QSortFilterProxyModel *>(view->model())
                              ->mapFromSource(cell(kAlice, QStringLiteral("secret"))));
    QVERIFY(detail->text().contains(QLatin1String("Subscribed live now through \"secret\"")));
    QVERIFY(detail->text().contains(QLatin1String("Not covered by its read ACL")));

    // The status bar counts the same, and opens this view.
    auto *status = m_window->findChild<QToolButton *>(QStringLiteral("statusAccessDrift"));
    QVERIFY(status->isVisible());
    QCOMPARE(status->text(), QStringLiteral("access: 1 live uncovered · 1 durable uncovered · 1 "
                                            "stale ACL · 1 no ACL"));
}

void tst_AccessView::filtersNarrowAgentsAndChannels()
{
    const QAbstractItemModel *shown = m_pane->view()->model();
    auto *agent = m_pane->findChild<QLineEdit *>(QStringLiteral("accessAgentFilter"));
    auto *channel = m_pane->findChild<QLineEdit *>(QStringLiteral("accessChannelFilter"));
    auto *onlyDrift = m_pane->findChild<QCheckBox *>(QStringLiteral("accessOnlyDrift"));
    QTest::keyClicks(agent, QStringLiteral("ALI"));
    QCOMPARE(shown->rowCount(), 1);
    agent->clear();
    QTest::keyClicks(channel, QStringLiteral("sec"));
    QCOMPARE(shown->columnCount(), 2); // the agent column stays
    channel->clear();
    QCOMPARE(shown->columnCount(), 5);
    QTest::mouseClick(onlyDrift, Qt::LeftButton);
    QCOMPARE(shown->rowCount(), 4); // every scripted agent has exactly one problem
    QTest::mouseClick(onlyDrift, Qt::LeftButton);
}

void tst_AccessView::editAclOpensTheEditorWithTheChannelPrefilled()
{
    auto *view = m_pane->view();
    view->setCurrentIndex(static_cast<QSortFilterProxyModel *>(view->model())
                              ->mapFromSource(cell(kAlice, QStringLiteral("secret"))));
    QTest::mouseClick(m_pane->findChild<QPushButton *>(QStringLiteral("accessEditAcl")),
                      Qt::LeftButton);
    auto *tabs = m_window->findChild<QTabWidget *>(QStringLiteral("consoleTabs"));
    QCOMPARE(tabs->currentWidget(), m_window->aclPane());
    QTRY_COMPARE_WITH_TIMEOUT(m_window->aclPane()->controller()->owner(), kAlice, kWaitMs);
    const QList<QLineEdit *> fields = m_window->aclPane()->findChildren<QLineEdit *>();
    QVERIFY(std::any_of(fields.cbegin(), fields.cend(), [](const QLineEdit *field) {
        return field->text() == QLatin1String("secret");
    }));
    m_window->findChild<QAction *>(QStringLiteral("actionAccess"))->trigger();
}

void tst_AccessView::exportsCsvAndPicture()
{
    const QString csvPath = m_dir.filePath(QStringLiteral("access.csv"));
    QVERIFY(m_pane->exportCsv(csvPath));
    QFile csv(csvPath);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = csv.readAll().trimmed().split('\n');
    QCOMPARE(lines.size(), 5);
    QCOMPARE(lines.first(), QByteArray("agent id,agent,role,general,old,ops,secret"));
    QVERIFY(lines.contains(QByteArray("UALICE,UALICE,,ACL · live,,,live")));
    const QString pngPath = m_dir.filePath(QStringLiteral("access.png"));
    QVERIFY(m_pane->exportPng(pngPath));
    const QImage picture(pngPath);
    QVERIFY(!picture.isNull());
    QVERIFY(picture.width() > 100 && picture.height() > 50);
    // The screenshot in docs/ is this window, rendered on request.
    const QString docs = qEnvironmentVariable("COTAL_ACCESS_SCREENSHOT");
    if (!docs.isEmpty())
        QVERIFY(m_window->grab().save(docs, "PNG"));
}

// Where the console knows an agent's credential (the demo mints them), the cell says whether
// the broker would let it subscribe; unknown credentials are not guessed.
void tst_AccessView::knownCredentialGrantsExplainTheCell()
{
    m_pane->setCredentialGrants({{kAlice, {QStringLiteral("general")}}});
    m_pane->rebuild();
    QVERIFY(m_pane->model()
                ->explain(cell(kAlice, QStringLiteral("general")))
                .contains(QLatin1String("Its credential may subscribe to it through \"general\"")));
    QVERIFY(m_pane->model()
                ->explain(cell(kAlice, QStringLiteral("secret")))
                .contains(QLatin1String("Its credential may not subscribe to it")));
    QVERIFY(m_pane->model()
                ->explain(cell(kAlice, {}))
                .contains(QLatin1String("may subscribe to: general")));
    QVERIFY(!m_pane->model()
                 ->explain(cell(kBob, QStringLiteral("general")))
                 .contains(QLatin1String("credential")));
}

// Records nobody rewrites any more are not live readers: with `=feed` five minutes old the view
// claims no live subscription, says why, and counts no live drift.
void tst_AccessView::aStaleFeedClaimsNoLiveReader()
{
    QVERIFY(putHeartbeat(double(QDateTime::currentMSecsSinceEpoch()) - 5 * 60 * 1000));
    QTRY_COMPARE_WITH_TIMEOUT(m_pane->model()->matrix().counts.liveUncovered, 0, kWaitMs);
    QVERIFY(!m_pane->model()->matrix().feedReadable);
    QCOMPARE(cell(kAlice, QStringLiteral("general")).data().toString(), QStringLiteral("ACL"));
    auto *notice = m_pane->findChild<QLabel *>(QStringLiteral("accessNotice"));
    QVERIFY2(notice->text().contains(QLatin1String("stale")), qPrintable(notice->text()));
    QVERIFY(m_pane->model()
                ->explain(cell(kAlice, QStringLiteral("secret")))
                .contains(QStringLiteral("Live: not shown — the membership feed is stale")));
}

QTEST_MAIN(tst_AccessView)
#include "tst_accessview.moc"
