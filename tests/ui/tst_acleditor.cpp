// The ACL editor: validation, coverage, rebase and the audit log on their own; the table model
// under QAbstractItemModelTester; and the pane, controller and bulk editor against a real
// nats-server (the compare-and-set paths cannot be shown without one).

#include "core/space/aclregistry.h"
#include "core/wire/names.h"
#include "tests/integration/spacetestsupport.h"
#include "ui/aclauditlog.h"
#include "ui/aclbulkeditor.h"
#include "ui/aclconflictdialog.h"
#include "ui/acleditcontroller.h"
#include "ui/acleditorpane.h"
#include "ui/acltablemodel.h"
#include "ui/mainwindow.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace cotal;
using cotal::testing::SpaceTestServer;
using Outcome = cotal::ui::AclCommitResult::Outcome;

namespace {

const QString kBob = QStringLiteral("UAII34SNIVFHQJS45GV4NFUFD5FQZW4RADANJYIJXWRTZ75QHMRGLHZW");
constexpr qint64 kFixtureTime = 1795767019234;

space::AclLookup lookupOf(const QStringList &allow, quint64 kvRevision, qint64 recordRevision)
{
    space::AclLookup lookup;
    lookup.acl = wire::ReadAcl::fromRecord(wire::AclRecord{allow, recordRevision, 1.0e12});
    lookup.revision = kvRevision;
    lookup.absence = space::AclLookup::Absence::None;
    return lookup;
}

wire::Presence presence(const QString &id, const QString &name, const QString &role)
{
    wire::Presence p;
    p.card.id = id;
    p.card.name = name;
    if (!role.isEmpty())
        p.card.role = role;
    return p;
}

} // namespace

class tst_AclEditor : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();

    void patternValidation_data();
    void patternValidation();
    void coverageShowsGainsLossesAndTheParentRule();
    void rebaseKeepsTheirChangeAndMine_data();
    void rebaseKeepsTheirChangeAndMine();
    void auditLogAppendsJsonLines();
    void conflictDifferenceListsBothSides();

    void tableModelPassesTheModelTester();
    void tableShowsStandingsAndPresence();

    void invalidPatternBlocksTheCommit();
    void reorderedPatternsCommitInTheirNewOrder();
    void staleRevisionOpensTheConflictDialog();
    void conflictReloadTakesTheStoredVersion();
    void createFailsWhenARecordAppeared();
    void deleteIsCompareAndSetAndUndoRestoresIt();
    void undoRevertsTheLastCommit();
    void bulkCommitsEachOwnerOnItsOwn();
    void recordsKeepTheReferenceFormat();
    void consoleHasAnAclsTabAndAction();

private:
    nats::KeyValue bucket() const { return *m_bucket; }
    quint64 put(const QString &owner, const QStringList &allow, qint64 recordRevision = 1);
    QString lastValue(const QString &owner);

    SpaceTestServer m_server;
    std::unique_ptr<nats::NatsConnection> m_other; // a second admin elsewhere
    QString m_space;
    std::unique_ptr<nats::KeyValue> m_bucket;
    std::unique_ptr<nats::KeyValue> m_otherBucket;
    std::unique_ptr<space::AclRegistry> m_registry;
    std::unique_ptr<ui::AclAuditLog> m_audit;
    std::unique_ptr<ui::AclEditController> m_controller;
    std::unique_ptr<space::SpaceAccess> m_access; // what the console's panes attach to
};

void tst_AclEditor::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QString error;
    QVERIFY2(m_server.start(&error), qPrintable(error));
    m_other = m_server.openConnection(QStringLiteral("UTESTACLOTHER"), &error);
    QVERIFY2(m_other, qPrintable(error));
}

void tst_AclEditor::cleanupTestCase()
{
    if (m_other)
        m_other->close();
    m_server.stop();
}

void tst_AclEditor::init()
{
    m_space = SpaceTestServer::freshSpace(QStringLiteral("acled"));
    m_bucket = std::make_unique<nats::KeyValue>(m_server.jetStream(), wire::aclBucket(m_space));
    m_otherBucket =
        std::make_unique<nats::KeyValue>(nats::JetStream(m_other.get()), wire::aclBucket(m_space));
    // History > 1 so the undo and history paths have something to show.
    AWAIT(created, m_bucket->createBucket(0, 10));
    VERIFY_NATS_OK(created);
    m_registry = std::make_unique<space::AclRegistry>(*m_bucket);
    m_audit = std::make_unique<ui::AclAuditLog>(QString());
    m_controller = std::make_unique<ui::AclEditController>(m_registry.get(), m_audit.get());
    m_access = std::make_unique<space::SpaceAccess>();
    space::SpaceCredentials open;
    open.view.options.servers = {m_server.server().url()};
    m_access->open(m_space, QStringLiteral("UTESTACLCONSOLE"), open);
    QTRY_VERIFY_WITH_TIMEOUT(m_access->isReady(), 30000);
}

void tst_AclEditor::cleanup()
{
    m_controller.reset();
    m_registry.reset();
    m_access.reset();
}

quint64 tst_AclEditor::put(const QString &owner, const QStringList &allow, qint64 recordRevision)
{
    const QByteArray body = wire::encodeAclRecord(wire::AclRecord{allow, recordRevision, 5.0});
    const QFuture<nats::KvResult> written = m_otherBucket->put(owner, body);
    if (!testing::finishedWithResult(written) || !written.result().ok())
        return 0;
    return written.result().entry.revision;
}

QString tst_AclEditor::lastValue(const QString &owner)
{
    const QFuture<nats::KvResult> read = m_bucket->get(owner);
    if (!testing::finishedWithResult(read) || !read.result().ok())
        return {};
    return QString::fromUtf8(read.result().entry.value);
}

void tst_AclEditor::patternValidation_data()
{
    QTest::addColumn<QStringList>("patterns");
    QTest::addColumn<QList<int>>("invalid");
    QTest::newRow("valid") << QStringList{QStringLiteral("general"), QStringLiteral("team.>"),
                                          QStringLiteral("*.ops"), QStringLiteral(">")}
                           << QList<int>{};
    QTest::newRow("double dot") << QStringList{QStringLiteral("team..x")} << QList<int>{0};
    QTest::newRow("inner >") << QStringList{QStringLiteral("ok"), QStringLiteral("a.>.b")}
                             << QList<int>{1};
    QTest::newRow("space") << QStringList{QStringLiteral("my team")} << QList<int>{0};
    QTest::newRow("empty") << QStringList{QString()} << QList<int>{0};
    QTest::newRow("duplicate") << QStringList{QStringLiteral("a"), QStringLiteral("a")}
                               << QList<int>{1};
}

void tst_AclEditor::patternValidation()
{
    QFETCH(QStringList, patterns);
    QFETCH(QList<int>, invalid);
    const QList<ui::AclPatternIssue> issues = ui::AclEditController::validate(patterns);
    QList<int> indexes;
    for (const ui::AclPatternIssue &issue : issues) {
        indexes.append(issue.index);
        QVERIFY(!issue.message.isEmpty());
    }
    QCOMPARE(indexes, invalid);
}

void tst_AclEditor::coverageShowsGainsLossesAndTheParentRule()
{
    const QStringList known{QStringLiteral("general"), QStringLiteral("team.backend"),
                            QStringLiteral("random")};
    const ui::AclCoverage coverage = ui::AclEditController::coverage(
        QStringList{QStringLiteral("team"), QStringLiteral("general")},
        {QStringLiteral("team.>"), QStringLiteral("general")}, known);
    QCOMPARE(coverage.gained, QStringList{QStringLiteral("team.backend")});
    QCOMPARE(coverage.lost, QStringList{QStringLiteral("team")});
    QCOMPARE(coverage.notes.size(), 1);
    QVERIFY(coverage.notes.first().contains(QLatin1String("not \"team\" itself")));
    const auto team = std::find_if(coverage.channels.cbegin(), coverage.channels.cend(),
                                   [](const auto &row) { return row.channel == u"team"; });
    QVERIFY(team != coverage.channels.cend());
    QVERIFY(team->before);
    QVERIFY(!team->after);
    const auto backend =
        std::find_if(coverage.channels.cbegin(), coverage.channels.cend(),
                     [](const auto &row) { return row.channel == u"team.backend"; });
    QCOMPARE(backend->coveredBy, QStringLiteral("team.>"));
    // No record: nothing was covered before.
    const ui::AclCoverage fresh =
        ui::AclEditController::coverage(std::nullopt, {QStringLiteral(">")}, known);
    QCOMPARE(fresh.gained.size(), fresh.channels.size());
}

void tst_AclEditor::rebaseKeepsTheirChangeAndMine_data()
{
    QTest::addColumn<QStringList>("base");
    QTest::addColumn<QStringList>("mine");
    QTest::addColumn<QStringList>("theirs");
    QTest::addColumn<QStringList>("expected");
    const auto l = [](const char *text) {
        return QString::fromLatin1(text).split(u',', Qt::SkipEmptyParts);
    };
    QTest::newRow("both add") << l("a") << l("a,b") << l("a,c") << l("a,c,b");
    QTest::newRow("I remove, they add") << l("a,b") << l("b") << l("a,b,c") << l("b,c");
    QTest::newRow("they remove what I keep") << l("a,b") << l("a,b,x") << l("b") << l("b,x");
    QTest::newRow("only their revision moved") << l("a,b") << l("b,a") << l("a,b") << l("b,a");
    QTest::newRow("I add first") << l("a") << l("z,a") << l("a,c") << l("z,a,c");
}

void tst_AclEditor::rebaseKeepsTheirChangeAndMine()
{
    QFETCH(QStringList, base);
    QFETCH(QStringList, mine);
    QFETCH(QStringList, theirs);
    QFETCH(QStringList, expected);
    QCOMPARE(ui::AclEditController::rebase(base, mine, theirs), expected);
}

void tst_AclEditor::auditLogAppendsJsonLines()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("sub/acl-audit.jsonl"));
    ui::AclAuditLog log(path);
    ui::AclAuditEntry created{1000,         ui::AclAuditEntry::Kind::Create,       kBob, 0, 4,
                              std::nullopt, QStringList{QStringLiteral("general")}};
    ui::AclAuditEntry updated{2000, ui::AclAuditEntry::Kind::Update,        kBob,         4,
                              7,    QStringList{QStringLiteral("general")}, QStringList{}};
    QVERIFY(log.append(created));
    QVERIFY(log.append(updated));
    QCOMPARE(log.last(kBob), std::optional(updated));
    QVERIFY(!log.last(QStringLiteral("nobody")));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    QCOMPARE(lines.size(), 3); // two lines and the final newline
    QCOMPARE(ui::AclAuditEntry::fromJsonLine(lines.at(0)), std::optional(created));
    QCOMPARE(ui::AclAuditEntry::fromJsonLine(lines.at(1)), std::optional(updated));
    QVERIFY(lines.at(0).contains("\"before\":null"));
}

void tst_AclEditor::conflictDifferenceListsBothSides()
{
    const QStringList lines = ui::AclConflictDialog::difference(
        {QStringLiteral("a"), QStringLiteral("mine")},
        QStringList{QStringLiteral("a"), QStringLiteral("theirs")});
    QCOMPARE(lines, QStringList({QStringLiteral("+ mine"), QStringLiteral("\u2212 theirs")}));
}

void tst_AclEditor::tableModelPassesTheModelTester()
{
    ui::AclTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRecords({{QStringLiteral("b"), lookupOf({QStringLiteral("x")}, 3, 1)},
                      {QStringLiteral("d"), lookupOf({}, 4, 2)}});
    model.setRoster({presence(QStringLiteral("a"), QStringLiteral("Ann"), QStringLiteral("dev")),
                     presence(QStringLiteral("c"), QStringLiteral("Cy"), {})});
    QCOMPARE(model.owners(), QStringList({QStringLiteral("a"), QStringLiteral("b"),
                                          QStringLiteral("c"), QStringLiteral("d")}));
    model.setRecord(QStringLiteral("a"), lookupOf({QStringLiteral("general")}, 9, 1));
    model.setRecord(QStringLiteral("b"), std::nullopt);
    model.setRecord(QStringLiteral("e"), lookupOf({QStringLiteral("y")}, 10, 1));
    model.setRoster({});
    QCOMPARE(model.owners(),
             QStringList({QStringLiteral("a"), QStringLiteral("d"), QStringLiteral("e")}));
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void tst_AclEditor::tableShowsStandingsAndPresence()
{
    ui::AclTableModel model;
    model.setRecords({{QStringLiteral("b"), lookupOf({}, 4, 2)},
                      {QStringLiteral("c"),
                       lookupOf({QStringLiteral("team.>"), QStringLiteral("general")}, 5, 3)}});
    model.setRoster({presence(QStringLiteral("a"), QStringLiteral("Ann"), QStringLiteral("dev")),
                     presence(QStringLiteral("c"), QStringLiteral("Cy"), {})});
    const auto cell = [&](const QString &owner, int column) {
        return model.index(model.rowOf(owner), column).data().toString();
    };
    QCOMPARE(cell(QStringLiteral("a"), ui::AclTableModel::Patterns),
             QStringLiteral("no record — the daemon defers their copies"));
    QCOMPARE(cell(QStringLiteral("a"), ui::AclTableModel::Name), QStringLiteral("Ann"));
    QCOMPARE(cell(QStringLiteral("a"), ui::AclTableModel::Role), QStringLiteral("dev"));
    QCOMPARE(cell(QStringLiteral("b"), ui::AclTableModel::Patterns),
             QStringLiteral("reads nothing"));
    QCOMPARE(cell(QStringLiteral("b"), ui::AclTableModel::Name), QStringLiteral("unknown"));
    QCOMPARE(cell(QStringLiteral("b"), ui::AclTableModel::Role), QStringLiteral("unknown"));
    QCOMPARE(cell(QStringLiteral("c"), ui::AclTableModel::Patterns),
             QStringLiteral("team.>, general"));
    QCOMPARE(cell(QStringLiteral("c"), ui::AclTableModel::Revision), QStringLiteral("3"));
    QVERIFY(!cell(QStringLiteral("c"), ui::AclTableModel::UpdatedAt).isEmpty());
}

void tst_AclEditor::invalidPatternBlocksTheCommit()
{
    const quint64 revision = put(kBob, {QStringLiteral("general")});
    QVERIFY(revision > 0);
    ui::AclEditorPane pane(m_audit.get());
    pane.attach(*m_access);
    pane.show();
    pane.editOwner(kBob);
    QTRY_VERIFY_WITH_TIMEOUT(pane.controller()->isLoaded(), testing::kSpaceWaitMs);

    auto *input = pane.findChild<QLineEdit *>(QStringLiteral("aclPatternInput"));
    auto *add = pane.findChild<QPushButton *>(QStringLiteral("aclAddPattern"));
    auto *commit = pane.findChild<QPushButton *>(QStringLiteral("aclCommit"));
    auto *validation = pane.findChild<QLabel *>(QStringLiteral("aclValidation"));
    QVERIFY(input && add && commit && validation);
    QVERIFY(commit->isEnabled());

    QTest::keyClicks(input, QStringLiteral("team..x"));
    QVERIFY(validation->text().contains(QLatin1String("empty segment")));
    add->click();
    QCOMPARE(pane.controller()->draft(),
             QStringList({QStringLiteral("general"), QStringLiteral("team..x")}));
    QVERIFY(!commit->isEnabled());
    QVERIFY2(validation->text().contains(QLatin1String("Pattern 2 (\"team..x\")")),
             qPrintable(validation->text()));
    QVERIFY(validation->text().contains(QLatin1String("empty segment")));

    // Even when asked directly, nothing is written.
    const QFuture<ui::AclCommitResult> blocked = pane.controller()->commit();
    QVERIFY(testing::finishedWithResult(blocked));
    QCOMPARE(blocked.result().outcome, Outcome::Blocked);
    QVERIFY(blocked.result().message.contains(QLatin1String("empty segment")));
    AWAIT(stored, m_bucket->get(kBob));
    QCOMPARE(stored.entry.revision, revision);

    // Removing it unblocks.
    auto *list = pane.findChild<QListWidget *>(QStringLiteral("aclPatternList"));
    list->setCurrentRow(1);
    pane.findChild<QPushButton *>(QStringLiteral("aclRemovePattern"))->click();
    QVERIFY(commit->isEnabled());
    QVERIFY(validation->text().isEmpty());
}

void tst_AclEditor::reorderedPatternsCommitInTheirNewOrder()
{
    QVERIFY(put(kBob, {QStringLiteral("general"), QStringLiteral("team.>")}) > 0);
    ui::AclEditorPane pane(m_audit.get());
    pane.setChannelSource([] { return QStringList{QStringLiteral("team.backend")}; });
    pane.attach(*m_access);
    pane.show();
    pane.editOwner(kBob);
    QTRY_VERIFY_WITH_TIMEOUT(pane.controller()->isLoaded(), testing::kSpaceWaitMs);

    // The preview spells out that team.> leaves team itself out.
    auto *summary = pane.findChild<QLabel *>(QStringLiteral("aclCoverageSummary"));
    QVERIFY2(summary->text().contains(QLatin1String("not \"team\" itself")),
             qPrintable(summary->text()));
    auto *list = pane.findChild<QListWidget *>(QStringLiteral("aclPatternList"));
    list->setCurrentRow(0);
    pane.findChild<QPushButton *>(QStringLiteral("aclPatternDown"))->click();
    QCOMPARE(pane.controller()->draft(),
             QStringList({QStringLiteral("team.>"), QStringLiteral("general")}));
    QCOMPARE(list->currentRow(), 1);
    pane.findChild<QPushButton *>(QStringLiteral("aclPatternUp"))->click();
    pane.findChild<QPushButton *>(QStringLiteral("aclPatternDown"))->click();

    QSignalSpy finished(&pane, &ui::AclEditorPane::commitFinished);
    pane.findChild<QPushButton *>(QStringLiteral("aclCommit"))->click();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, testing::kSpaceWaitMs);
    QCOMPARE(finished.first().first().value<ui::AclCommitResult>().outcome, Outcome::Committed);
    const auto record = wire::decodeAclRecord(lastValue(kBob).toUtf8());
    QVERIFY(record);
    QCOMPARE(record->allowSubscribe,
             QStringList({QStringLiteral("team.>"), QStringLiteral("general")}));
    QCOMPARE(m_audit->entries().size(), 1);
}

void tst_AclEditor::staleRevisionOpensTheConflictDialog()
{
    QVERIFY(put(kBob, {QStringLiteral("general")}) > 0);
    ui::AclEditorPane pane(m_audit.get());
    pane.attach(*m_access);
    pane.show();
    pane.editOwner(kBob);
    QTRY_VERIFY_WITH_TIMEOUT(pane.controller()->isLoaded(), testing::kSpaceWaitMs);
    const quint64 read = pane.controller()->baseRevision();

    pane.controller()->addPattern(QStringLiteral("mine"));
    // Someone else commits meanwhile.
    QVERIFY(put(kBob, {QStringLiteral("general"), QStringLiteral("theirs")}, 2) > read);

    QSignalSpy finished(&pane, &ui::AclEditorPane::commitFinished);
    pane.findChild<QPushButton *>(QStringLiteral("aclCommit"))->click();
    QTRY_VERIFY_WITH_TIMEOUT(pane.conflictDialog() && pane.conflictDialog()->isVisible(),
                             testing::kSpaceWaitMs);
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.first().first().value<ui::AclCommitResult>().outcome, Outcome::Conflict);
    ui::AclConflictDialog *dialog = pane.conflictDialog();
    const auto items = [dialog](const char *name) {
        QStringList texts;
        auto *list = dialog->findChild<QListWidget *>(QString::fromLatin1(name));
        for (int i = 0; list && i < list->count(); ++i)
            texts.append(list->item(i)->text());
        return texts;
    };
    QCOMPARE(items("aclConflictMine"),
             QStringList({QStringLiteral("general"), QStringLiteral("mine")}));
    QCOMPARE(items("aclConflictStored"),
             QStringList({QStringLiteral("general"), QStringLiteral("theirs")}));
    QCOMPARE(items("aclConflictDifference"),
             QStringList({QStringLiteral("+ mine"), QStringLiteral("\u2212 theirs")}));
    // Nothing was overwritten.
    QVERIFY(lastValue(kBob).contains(QLatin1String("theirs")));

    dialog->findChild<QPushButton *>(QStringLiteral("aclConflictReapply"))->click();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, testing::kSpaceWaitMs);
    QCOMPARE(finished.last().first().value<ui::AclCommitResult>().outcome, Outcome::Committed);
    const auto record = wire::decodeAclRecord(lastValue(kBob).toUtf8());
    QVERIFY(record);
    QCOMPARE(
        record->allowSubscribe,
        QStringList({QStringLiteral("general"), QStringLiteral("theirs"), QStringLiteral("mine")}));
    QCOMPARE(record->revision, std::optional<qint64>(3));
}

void tst_AclEditor::conflictReloadTakesTheStoredVersion()
{
    QVERIFY(put(kBob, {QStringLiteral("general")}) > 0);
    ui::AclEditorPane pane(m_audit.get());
    pane.attach(*m_access);
    pane.show();
    pane.editOwner(kBob);
    QTRY_VERIFY_WITH_TIMEOUT(pane.controller()->isLoaded(), testing::kSpaceWaitMs);
    pane.controller()->setDraft({});
    const quint64 theirs = put(kBob, {QStringLiteral("ops")}, 2);
    pane.findChild<QPushButton *>(QStringLiteral("aclCommit"))->click();
    QTRY_VERIFY_WITH_TIMEOUT(pane.conflictDialog() && pane.conflictDialog()->isVisible(),
                             testing::kSpaceWaitMs);
    pane.conflictDialog()->findChild<QPushButton *>(QStringLiteral("aclConflictReload"))->click();
    QCOMPARE(pane.controller()->draft(), QStringList{QStringLiteral("ops")});
    QCOMPARE(pane.controller()->baseRevision(), theirs);
    QVERIFY(m_audit->entries().isEmpty());
}

void tst_AclEditor::createFailsWhenARecordAppeared()
{
    AWAIT(loaded, m_controller->load(kBob));
    VERIFY_NATS_OK(loaded);
    QVERIFY(!m_controller->hasRecord());
    m_controller->setDraft({QStringLiteral("general")});
    QVERIFY(put(kBob, {QStringLiteral("random")}) > 0);
    AWAIT(result, m_controller->commit());
    QCOMPARE(result.outcome, Outcome::Conflict);
    QVERIFY(m_controller->conflict());
    QCOMPARE(m_controller->conflict()->acl.record()->allowSubscribe,
             QStringList{QStringLiteral("random")});
    QVERIFY(lastValue(kBob).contains(QLatin1String("random")));
}

void tst_AclEditor::deleteIsCompareAndSetAndUndoRestoresIt()
{
    QVERIFY(put(kBob, {QStringLiteral("general")}) > 0);
    AWAIT(loaded, m_controller->load(kBob));
    // A stale delete writes nothing and shows what is stored now.
    const quint64 newer = put(kBob, {QStringLiteral("general"), QStringLiteral("ops")}, 2);
    AWAIT(stale, m_controller->removeRecord());
    QCOMPARE(stale.outcome, Outcome::Conflict);
    QCOMPARE(m_controller->baseRevision(), newer);
    AWAIT(stored, m_bucket->get(kBob));
    QVERIFY(stored.entry.isLive());

    AWAIT(removed, m_controller->removeRecord());
    QCOMPARE(removed.outcome, Outcome::Committed);
    QCOMPARE(removed.entry->kind, ui::AclAuditEntry::Kind::Delete);
    AWAIT(lookup, m_registry->read(kBob));
    QCOMPARE(lookup.absence, space::AclLookup::Absence::Deleted);

    AWAIT(undone, m_controller->undoLast());
    QCOMPARE(undone.outcome, Outcome::Committed);
    QCOMPARE(undone.entry->kind, ui::AclAuditEntry::Kind::Create);
    AWAIT(restored, m_registry->read(kBob));
    QCOMPARE(restored.acl.record()->allowSubscribe,
             QStringList({QStringLiteral("general"), QStringLiteral("ops")}));
}

void tst_AclEditor::undoRevertsTheLastCommit()
{
    QVERIFY(put(kBob, {QStringLiteral("general")}) > 0);
    AWAIT(loaded, m_controller->load(kBob));
    m_controller->addPattern(QStringLiteral("ops"));
    AWAIT(committed, m_controller->commit());
    QCOMPARE(committed.outcome, Outcome::Committed);
    AWAIT(undone, m_controller->undoLast());
    QCOMPARE(undone.outcome, Outcome::Committed);
    QCOMPARE(undone.entry->fromRevision, committed.entry->toRevision);
    QCOMPARE(m_controller->draft(), QStringList{QStringLiteral("general")});
    AWAIT(history, m_controller->history());
    VERIFY_NATS_OK(history);
    QCOMPARE(history.entries.size(), 3);

    // An undo on a record someone else changed meanwhile is a conflict, not an overwrite.
    const quint64 theirs = put(kBob, {QStringLiteral("theirs")}, 9);
    AWAIT(refused, m_controller->undoLast());
    QCOMPARE(refused.outcome, Outcome::Conflict);
    QTRY_COMPARE_WITH_TIMEOUT(m_controller->baseRevision(), theirs, testing::kSpaceWaitMs);
    QVERIFY(lastValue(kBob).contains(QLatin1String("theirs")));
}

void tst_AclEditor::bulkCommitsEachOwnerOnItsOwn()
{
    const QString carol = QStringLiteral("carol");
    const QString dave = QStringLiteral("dave");
    const QString erin = QStringLiteral("erin");
    QVERIFY(put(carol, {QStringLiteral("general")}) > 0);
    QVERIFY(put(dave, {QStringLiteral("general"), QStringLiteral("ops")}) > 0);
    ui::AclBulkEditor bulk(m_registry.get(), m_audit.get());
    const ui::AclBulkChange change{{QStringLiteral("ops")}, {QStringLiteral("general")}};
    AWAIT(results, bulk.apply({carol, dave, erin, QStringLiteral("bad owner")}, change));
    QCOMPARE(results.size(), 4);
    QCOMPARE(results.at(0).owner, carol);
    QCOMPARE(results.at(0).outcome, Outcome::Committed);
    QCOMPARE(results.at(1).outcome, Outcome::Committed);
    QCOMPARE(results.at(2).outcome, Outcome::Committed); // created
    QCOMPARE(results.at(2).fromRevision, quint64(0));
    QCOMPARE(results.at(3).outcome, Outcome::Failed);
    for (const QString &owner : {carol, dave, erin}) {
        const auto record = wire::decodeAclRecord(lastValue(owner).toUtf8());
        QVERIFY(record);
        QCOMPARE(record->allowSubscribe, QStringList{QStringLiteral("ops")});
    }
    QCOMPARE(m_audit->entries().size(), 3);

    // Applied again, nothing changes and nothing is written.
    AWAIT(again, bulk.apply({carol, dave}, change));
    QCOMPARE(again.at(0).outcome, Outcome::Unchanged);
    QCOMPARE(again.at(1).outcome, Outcome::Unchanged);

    // An invalid pattern blocks every owner.
    AWAIT(blocked, bulk.apply({carol}, ui::AclBulkChange{{QStringLiteral("a..b")}, {}}));
    QCOMPARE(blocked.at(0).outcome, Outcome::Blocked);
}

void tst_AclEditor::recordsKeepTheReferenceFormat()
{
    // A reference-written record is shown as written…
    const QFuture<nats::KvResult> written =
        m_otherBucket->put(kBob, testing::fixtureRaw(QStringLiteral("acl.json")));
    QVERIFY(testing::finishedWithResult(written));
    ui::AclEditorPane pane(m_audit.get());
    pane.attach(*m_access);
    QTRY_VERIFY_WITH_TIMEOUT(pane.model()->rowOf(kBob) >= 0, testing::kSpaceWaitMs);
    QCOMPARE(pane.model()
                 ->index(pane.model()->rowOf(kBob), ui::AclTableModel::Patterns)
                 .data()
                 .toString(),
             QStringLiteral("general, team.>, random"));
    QCOMPARE(pane.model()
                 ->index(pane.model()->rowOf(kBob), ui::AclTableModel::Revision)
                 .data()
                 .toString(),
             QStringLiteral("1"));

    // …and what the editor writes is the reference's record: revision = previous + 1 and
    // updatedAt in epoch ms, keys in the reference's order.
    space::AclRegistry pinned(*m_bucket, [] { return kFixtureTime + 1000; });
    ui::AclEditController editor(&pinned, m_audit.get());
    AWAIT(loaded, editor.load(kBob));
    editor.removePattern(2);
    AWAIT(committed, editor.commit());
    QCOMPARE(committed.outcome, Outcome::Committed);
    QCOMPARE(lastValue(kBob),
             QStringLiteral("{\"allowSubscribe\":[\"general\",\"team.>\"],\"revision\":2,"
                            "\"updatedAt\":%1}")
                 .arg(kFixtureTime + 1000));
}

void tst_AclEditor::consoleHasAnAclsTabAndAction()
{
    QTemporaryDir dir;
    ui::MainWindow::Options options;
    options.settingsFile = dir.filePath(QStringLiteral("settings.ini"));
    auto window = std::make_unique<ui::MainWindow>(options);
    QVERIFY(window->aclPane());
    auto *tabs = window->findChild<QTabWidget *>(QStringLiteral("consoleTabs"));
    QVERIFY(tabs);
    const int index = tabs->indexOf(window->aclPane());
    QVERIFY(index >= 0);
    QCOMPARE(tabs->tabText(index), QStringLiteral("ACLs"));
    QVERIFY(!window->aclPane()->accessibleName().isEmpty());
    QAction *action = window->findChild<QAction *>(QStringLiteral("actionAcls"));
    QVERIFY(action);
    QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_9));
    action->trigger();
    QCOMPARE(tabs->currentWidget(), window->aclPane());
    // Not attached without an admin connection; tearing the window down must not touch the
    // channels model after it is gone.
    QVERIFY(!window->aclPane()->isAttached());
    window.reset();
}

QTEST_MAIN(tst_AclEditor)
#include "tst_acleditor.moc"
