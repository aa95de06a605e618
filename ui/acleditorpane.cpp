#include "ui/acleditorpane.h"

#include "core/space/aclregistry.h"
#include "core/wire/aclrecord.h"
#include "core/wire/names.h"
#include "ui/aclauditlog.h"
#include "ui/aclbulkeditor.h"
#include "ui/aclconflictdialog.h"
#include "ui/acltablemodel.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace cotal::ui {

namespace {

QPushButton *button(const QString &text, const QString &objectName, const QString &accessible,
                    QWidget *parent)
{
    auto *b = new QPushButton(text, parent);
    b->setObjectName(objectName);
    b->setAccessibleName(accessible);
    return b;
}

QTableWidget *table(const QStringList &headers, const QString &objectName,
                    const QString &accessible, QWidget *parent)
{
    auto *t = new QTableWidget(0, int(headers.size()), parent);
    t->setObjectName(objectName);
    t->setAccessibleName(accessible);
    t->setHorizontalHeaderLabels(headers);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->horizontalHeader()->setStretchLastSection(true);
    t->verticalHeader()->hide();
    return t;
}

void setRow(QTableWidget *t, int row, const QStringList &cells)
{
    for (int column = 0; column < cells.size(); ++column)
        t->setItem(row, column, new QTableWidgetItem(cells.at(column)));
}

QString listText(const std::optional<QStringList> &list)
{
    if (!list)
        return AclEditorPane::tr("(no record)");
    return list->isEmpty() ? AclEditorPane::tr("(reads nothing)")
                           : list->join(QStringLiteral(", "));
}

QStringList splitPatterns(const QString &text)
{
    return text.split(QRegularExpression(QStringLiteral("[,\\s]+")), Qt::SkipEmptyParts);
}

} // namespace

AclEditorPane::AclEditorPane(AclAuditLog *audit, QWidget *parent)
    : QWidget(parent)
    , m_audit(audit)
    , m_model(new AclTableModel(this))
{
    setObjectName(QStringLiteral("aclEditorPane"));
    setAccessibleName(tr("Read ACLs"));
    buildUi();
    if (m_audit)
        connect(m_audit, &AclAuditLog::appended, this, &AclEditorPane::refreshAudit);
    refreshAudit();
    handleDraftChanged();
}

AclEditorPane::~AclEditorPane()
{
    // The channel source may belong to an owner that is already gone.
    m_channelSource = {};
    detach();
}

void AclEditorPane::buildUi()
{
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("aclTable"));
    m_table->setAccessibleName(tr("Read ACLs by owner"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    // One line a row, the name first: the long owner id is elided (whole in its tooltip).
    m_table->setWordWrap(false);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->moveSection(AclTableModel::Name, AclTableModel::Owner);
    const int em = m_table->fontMetrics().horizontalAdvance(QLatin1Char('M'));
    m_table->horizontalHeader()->resizeSection(AclTableModel::Owner, 10 * em);
    m_table->horizontalHeader()->resizeSection(AclTableModel::Patterns, 14 * em);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &AclEditorPane::handleSelection);

    // Edit page.
    auto *editPage = new QWidget(this);
    m_ownerLabel = new QLabel(tr("Select an owner to edit its read ACL."), editPage);
    m_ownerLabel->setObjectName(QStringLiteral("aclOwnerLabel"));
    m_ownerLabel->setWordWrap(true);
    m_patterns = new QListWidget(editPage);
    m_patterns->setObjectName(QStringLiteral("aclPatternList"));
    m_patterns->setAccessibleName(tr("Patterns the owner may read"));
    m_patternInput = new QLineEdit(editPage);
    m_patternInput->setObjectName(QStringLiteral("aclPatternInput"));
    m_patternInput->setAccessibleName(tr("New pattern"));
    m_patternInput->setPlaceholderText(tr("channel or pattern, e.g. team.> or general"));
    m_addButton = button(tr("&Add"), QStringLiteral("aclAddPattern"), tr("Add pattern"), editPage);
    m_removeButton = button(tr("Re&move"), QStringLiteral("aclRemovePattern"),
                            tr("Remove the selected pattern"), editPage);
    m_upButton =
        button(tr("Up"), QStringLiteral("aclPatternUp"), tr("Move the pattern up"), editPage);
    m_downButton =
        button(tr("Down"), QStringLiteral("aclPatternDown"), tr("Move the pattern down"), editPage);
    m_validation = new QLabel(editPage);
    m_validation->setObjectName(QStringLiteral("aclValidation"));
    m_validation->setAccessibleName(tr("Pattern problems"));
    m_validation->setWordWrap(true);
    m_coverage = table({tr("Channel"), tr("Stored"), tr("Edited"), tr("Covered by")},
                       QStringLiteral("aclCoverage"), tr("Coverage preview"), editPage);
    m_coverageSummary = new QLabel(editPage);
    m_coverageSummary->setObjectName(QStringLiteral("aclCoverageSummary"));
    m_coverageSummary->setWordWrap(true);
    m_commitButton = button(tr("&Commit"), QStringLiteral("aclCommit"),
                            tr("Commit on the revision read"), editPage);
    m_reloadButton = button(tr("Re&load"), QStringLiteral("aclReload"),
                            tr("Reload the stored record"), editPage);
    m_deleteButton = button(tr("&Delete record…"), QStringLiteral("aclDelete"),
                            tr("Delete the owner's record"), editPage);
    m_status = new QLabel(editPage);
    m_status->setObjectName(QStringLiteral("aclStatus"));
    m_status->setWordWrap(true);

    auto *inputRow = new QHBoxLayout;
    inputRow->addWidget(m_patternInput, 1);
    inputRow->addWidget(m_addButton);
    auto *orderRow = new QHBoxLayout;
    orderRow->addWidget(m_removeButton);
    orderRow->addWidget(m_upButton);
    orderRow->addWidget(m_downButton);
    orderRow->addStretch(1);
    auto *commitRow = new QHBoxLayout;
    commitRow->addWidget(m_commitButton);
    commitRow->addWidget(m_reloadButton);
    commitRow->addStretch(1);
    commitRow->addWidget(m_deleteButton);
    auto *editLayout = new QVBoxLayout(editPage);
    editLayout->addWidget(m_ownerLabel);
    editLayout->addWidget(m_patterns, 1);
    editLayout->addLayout(inputRow);
    editLayout->addLayout(orderRow);
    editLayout->addWidget(m_validation);
    editLayout->addWidget(new QLabel(tr("Coverage of the space's known channels"), editPage));
    editLayout->addWidget(m_coverage, 1);
    editLayout->addWidget(m_coverageSummary);
    editLayout->addLayout(commitRow);
    editLayout->addWidget(m_status);

    // History page.
    auto *historyPage = new QWidget(this);
    m_history =
        table({tr("KV revision"), tr("Operation"), tr("Revision"), tr("Updated"), tr("Reads")},
              QStringLiteral("aclHistory"), tr("Stored history of the record"), historyPage);
    auto *historyRefresh = button(tr("Refresh history"), QStringLiteral("aclHistoryRefresh"),
                                  tr("Refresh the stored history"), historyPage);
    m_auditTable =
        table({tr("When"), tr("Owner"), tr("Change"), tr("Revisions"), tr("Before"), tr("After")},
              QStringLiteral("aclAuditLog"), tr("This console's ACL writes"), historyPage);
    m_undoButton = button(tr("&Undo last commit"), QStringLiteral("aclUndo"),
                          tr("Undo this console's last ACL commit"), historyPage);
    auto *historyLayout = new QVBoxLayout(historyPage);
    auto *storedLabel = new QLabel(
        tr("Stored revisions of the selected owner (the bucket keeps as many as its history "
           "setting allows; the reference creates it with one)."),
        historyPage);
    storedLabel->setWordWrap(true);
    historyLayout->addWidget(storedLabel);
    historyLayout->addWidget(m_history, 1);
    historyLayout->addWidget(historyRefresh);
    historyLayout->addWidget(new QLabel(tr("Writes made from this console"), historyPage));
    historyLayout->addWidget(m_auditTable, 1);
    historyLayout->addWidget(m_undoButton);

    // Bulk page.
    auto *bulkPage = new QWidget(this);
    m_bulkAdd = new QLineEdit(bulkPage);
    m_bulkAdd->setObjectName(QStringLiteral("aclBulkAdd"));
    m_bulkAdd->setAccessibleName(tr("Patterns to add to every selected owner"));
    m_bulkAdd->setPlaceholderText(tr("patterns to add, separated by commas"));
    m_bulkRemove = new QLineEdit(bulkPage);
    m_bulkRemove->setObjectName(QStringLiteral("aclBulkRemove"));
    m_bulkRemove->setAccessibleName(tr("Patterns to remove from every selected owner"));
    m_bulkRemove->setPlaceholderText(tr("patterns to remove, separated by commas"));
    m_bulkApply = button(tr("Apply to selected owners"), QStringLiteral("aclBulkApply"),
                         tr("Apply the change to every selected owner"), bulkPage);
    m_bulkResults = table({tr("Owner"), tr("Result"), tr("Revisions"), tr("Detail")},
                          QStringLiteral("aclBulkResults"), tr("Per-owner results"), bulkPage);
    auto *bulkLayout = new QVBoxLayout(bulkPage);
    auto *bulkHelp = new QLabel(tr("Select several owners in the table. Each owner is read and "
                                   "written with its own compare-and-set; a conflict on one "
                                   "owner does not affect the others."),
                                bulkPage);
    bulkHelp->setWordWrap(true);
    bulkLayout->addWidget(bulkHelp);
    bulkLayout->addWidget(m_bulkAdd);
    bulkLayout->addWidget(m_bulkRemove);
    bulkLayout->addWidget(m_bulkApply);
    bulkLayout->addWidget(m_bulkResults, 1);

    auto *pages = new QTabWidget(this);
    pages->setObjectName(QStringLiteral("aclPages"));
    pages->addTab(editPage, tr("Edit"));
    pages->addTab(historyPage, tr("History"));
    pages->addTab(bulkPage, tr("Bulk"));

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_table);
    splitter->addWidget(pages);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    connect(m_patternInput, &QLineEdit::returnPressed, this, &AclEditorPane::addPatternFromInput);
    connect(m_patternInput, &QLineEdit::textChanged, this, &AclEditorPane::handleDraftChanged);
    connect(m_addButton, &QPushButton::clicked, this, &AclEditorPane::addPatternFromInput);
    connect(m_removeButton, &QPushButton::clicked, this, [this] {
        if (m_controller)
            m_controller->removePattern(m_patterns->currentRow());
    });
    connect(m_upButton, &QPushButton::clicked, this, [this] {
        const int row = m_patterns->currentRow();
        if (m_controller && row > 0) {
            m_controller->movePattern(row, row - 1);
            m_patterns->setCurrentRow(row - 1);
        }
    });
    connect(m_downButton, &QPushButton::clicked, this, [this] {
        const int row = m_patterns->currentRow();
        if (m_controller && row >= 0 && row + 1 < m_patterns->count()) {
            m_controller->movePattern(row, row + 1);
            m_patterns->setCurrentRow(row + 1);
        }
    });
    connect(m_commitButton, &QPushButton::clicked, this, &AclEditorPane::commit);
    connect(m_reloadButton, &QPushButton::clicked, this, [this] {
        if (m_controller && m_controller->isLoaded())
            editOwner(m_controller->owner());
    });
    connect(m_deleteButton, &QPushButton::clicked, this, &AclEditorPane::confirmDelete);
    connect(historyRefresh, &QPushButton::clicked, this, &AclEditorPane::refreshHistory);
    connect(m_undoButton, &QPushButton::clicked, this, &AclEditorPane::undoLast);
    connect(m_bulkApply, &QPushButton::clicked, this, &AclEditorPane::applyBulk);
}

void AclEditorPane::attach(const space::SpaceAccess &access)
{
    detach();
    using space::Use;
    std::unique_ptr<space::AclRegistry> reader = access.aclRegistry(Use::AclRead);
    if (!reader)
        return;
    const QString bucketName = wire::aclBucket(access.space());
    m_registry = reader.release();
    m_registry->setParent(this);
    // One registry when one credential does both; else writes get their own.
    space::AclRegistry *writes = m_registry;
    if (access.credentialFor(Use::AclRead) != access.credentialFor(Use::AclWrite)) {
        writes = m_writer = access.aclRegistry(Use::AclWrite).release();
        m_writer->setParent(this);
    }
    m_controller = new AclEditController(writes, m_audit, this);
    m_controller->setHistorySource(m_registry);
    m_bulk = new AclBulkEditor(writes, m_audit, this);
    const QString readerName = access.credentialName(access.credentialFor(Use::AclRead));
    m_writeHint = access.has(space::Credential::Provisioner)
                      ? QString()
                      : tr("the %1 credential may not write ACLs — add a provisioner credential "
                           "to this connection")
                            .arg(access.credentialName(space::Credential::View));
    connect(m_registry, &space::AclRegistry::changed, this, &AclEditorPane::handleRegistryChanged);
    connect(m_registry, &space::AclRegistry::loaded, this, [this] {
        m_model->setUnreadable({});
        handleRegistryChanged(m_registry->cachedOwners());
    });
    const bool readerIsRole = access.credentialFor(Use::AclRead) != space::Credential::View;
    connect(m_registry, &space::AclRegistry::watchFailed, this,
            [this, readerName, readerIsRole](const nats::NatsError &error) {
                if (error.kind != nats::NatsErrorKind::PermissionDenied) {
                    setStatus(tr("The ACL watch failed: %1").arg(error.describe()), true);
                    return;
                }
                const QString reason =
                    readerIsRole
                        ? tr("the %1 credential may not read the ACL bucket").arg(readerName)
                        : tr("the %1 credential may not read the ACL bucket; add a delivery "
                             "credential to this connection")
                              .arg(readerName);
                m_model->setUnreadable(reason);
                setStatus(tr("Cannot read the ACLs: %1.").arg(reason), true);
            });
    connect(m_controller, &AclEditController::draftChanged, this,
            &AclEditorPane::handleDraftChanged);
    connect(m_controller, &AclEditController::busyChanged, this,
            &AclEditorPane::handleDraftChanged);
    connect(m_controller, &AclEditController::loaded, this, &AclEditorPane::refreshHistory);
    // A watch the credential's JWT does not grant is never tried: the table says why.
    if (access.mayWatch(access.credentialFor(Use::AclRead), bucketName)) {
        m_registry->start();
    } else {
        const QString reason = access.deniedRead(Use::AclRead, bucketName);
        m_model->setUnreadable(reason);
        setStatus(tr("Cannot read the ACLs: %1.").arg(reason), true);
    }
    handleDraftChanged();
}

void AclEditorPane::detach()
{
    if (m_conflictDialog)
        m_conflictDialog->reject();
    delete m_bulk;
    m_bulk = nullptr;
    delete m_controller;
    m_controller = nullptr;
    delete m_writer;
    m_writer = nullptr;
    delete m_registry;
    m_registry = nullptr;
    m_writeHint.clear();
    m_model->setRecords({});
    m_model->setUnreadable({});
    setStatus({});
    handleDraftChanged();
}

void AclEditorPane::setRoster(const QList<wire::Presence> &roster)
{
    m_model->setRoster(roster);
}

void AclEditorPane::setChannelSource(std::function<QStringList()> source)
{
    m_channelSource = std::move(source);
    handleDraftChanged();
}

AclConflictDialog *AclEditorPane::conflictDialog() const
{
    return m_conflictDialog;
}

void AclEditorPane::editOwner(const QString &owner, const QString &pattern)
{
    if (!m_controller)
        return;
    setStatus({});
    if (!pattern.isEmpty()) {
        m_patternInput->setText(pattern);
        m_patternInput->setFocus(Qt::OtherFocusReason);
    }
    m_controller->load(owner).then(this, [this, owner](const space::AclLookup &lookup) {
        if (!lookup.ok())
            setStatus(tr("Cannot read the ACL of %1: %2").arg(owner, lookup.error.describe()),
                      true);
    });
}

void AclEditorPane::handleSelection()
{
    const QString owner = m_model->ownerAt(m_table->currentIndex().row());
    if (!owner.isEmpty() && (!m_controller || owner != m_controller->owner()))
        editOwner(owner);
}

void AclEditorPane::handleRegistryChanged(const QStringList &owners)
{
    if (!m_registry)
        return;
    for (const QString &owner : owners)
        m_model->setRecord(owner, m_registry->cached(owner));
    if (!m_controller || !m_controller->isLoaded() || !owners.contains(m_controller->owner()) ||
        m_controller->isBusy())
        return;
    const std::optional<space::AclLookup> now = m_registry->cached(m_controller->owner());
    const quint64 stored = now ? now->revision : 0;
    if (stored == m_controller->baseRevision())
        return;
    // An untouched editor follows the store; an edited one keeps the admin's work and warns.
    if (!m_controller->isModified())
        editOwner(m_controller->owner());
    else
        setStatus(tr("The stored record changed since you read it; committing will show both "
                     "versions."),
                  true);
}

void AclEditorPane::handleDraftChanged()
{
    const bool loaded = m_controller && m_controller->isLoaded();
    const QStringList draft = loaded ? m_controller->draft() : QStringList();
    const QList<AclPatternIssue> issues = AclEditController::validate(draft);

    const int current = m_patterns->currentRow();
    m_patterns->clear();
    for (int i = 0; i < draft.size(); ++i) {
        auto *item = new QListWidgetItem(draft.at(i), m_patterns);
        const auto issue = std::find_if(issues.cbegin(), issues.cend(),
                                        [i](const AclPatternIssue &x) { return x.index == i; });
        if (issue != issues.cend()) {
            item->setText(tr("%1  ⚠ %2").arg(draft.at(i), issue->message));
            item->setToolTip(issue->message);
            item->setForeground(palette().brush(QPalette::Disabled, QPalette::Text));
        }
    }
    if (current >= 0 && current < m_patterns->count())
        m_patterns->setCurrentRow(current);

    QStringList problems;
    for (const AclPatternIssue &issue : issues)
        problems.append(
            tr("Pattern %1 (\"%2\"): %3").arg(issue.index + 1).arg(issue.pattern, issue.message));
    const QString typed = m_patternInput->text();
    if (!typed.isEmpty()) {
        const QList<AclPatternIssue> typedIssues = AclEditController::validate({typed});
        if (!typedIssues.isEmpty())
            problems.append(tr("New pattern: %1").arg(typedIssues.first().message));
    }
    if (!issues.isEmpty())
        problems.append(tr("Fix or remove the invalid patterns to commit."));
    m_validation->setText(problems.join(u'\n'));

    if (loaded) {
        const QString revision = m_controller->hasRecord()
                                     ? tr("revision %1 as read").arg(m_controller->baseRevision())
                                     : tr("no record yet — committing creates one");
        m_ownerLabel->setText(tr("%1 — %2; stored: %3")
                                  .arg(m_controller->owner(), revision,
                                       AclTableModel::standingText(m_controller->base())));
    }

    const AclCoverage coverage =
        AclEditController::coverage(loaded ? m_controller->storedPatterns() : std::nullopt, draft,
                                    m_channelSource ? m_channelSource() : QStringList());
    m_coverage->setRowCount(int(coverage.channels.size()));
    for (int row = 0; row < coverage.channels.size(); ++row) {
        const AclCoverageRow &c = coverage.channels.at(row);
        setRow(m_coverage, row,
               {c.channel, c.before ? tr("reads") : QStringLiteral("—"),
                c.after ? tr("reads") : QStringLiteral("—"), c.coveredBy});
    }
    QStringList summary;
    if (!coverage.gained.isEmpty())
        summary.append(tr("Gains: %1").arg(coverage.gained.join(QStringLiteral(", "))));
    if (!coverage.lost.isEmpty())
        summary.append(tr("Loses: %1").arg(coverage.lost.join(QStringLiteral(", "))));
    if (loaded && draft.isEmpty())
        summary.append(tr("An empty list means the owner reads nothing: the daemon drops their "
                          "copies."));
    summary.append(coverage.notes);
    m_coverageSummary->setText(summary.join(u'\n'));

    const bool idle = loaded && !m_controller->isBusy();
    m_commitButton->setEnabled(idle && issues.isEmpty());
    m_commitButton->setToolTip(issues.isEmpty() ? QString() : problems.join(u'\n'));
    m_reloadButton->setEnabled(idle);
    m_deleteButton->setEnabled(idle && m_controller->hasRecord());
    for (QWidget *w : {static_cast<QWidget *>(m_patternInput), static_cast<QWidget *>(m_addButton),
                       static_cast<QWidget *>(m_removeButton), static_cast<QWidget *>(m_upButton),
                       static_cast<QWidget *>(m_downButton)})
        w->setEnabled(idle);
    m_undoButton->setEnabled(m_controller && !m_controller->isBusy() && m_audit &&
                             !m_audit->entries().isEmpty());
    m_bulkApply->setEnabled(m_bulk != nullptr);
}

void AclEditorPane::addPatternFromInput()
{
    if (!m_controller || !m_controller->isLoaded())
        return;
    const QString pattern = m_patternInput->text().trimmed();
    if (pattern.isEmpty())
        return;
    m_patternInput->clear();
    // Added even when invalid, so the list says why and the commit stays blocked.
    m_controller->addPattern(pattern);
}

void AclEditorPane::commit()
{
    if (!m_controller)
        return;
    m_controller->commit().then(
        this, [this](const AclCommitResult &result) { handleCommitResult(result); });
}

void AclEditorPane::handleCommitResult(const AclCommitResult &result)
{
    switch (result.outcome) {
    case AclCommitResult::Outcome::Committed:
        setStatus(result.entry ? tr("Committed %1: revision %2 → %3.")
                                     .arg(result.entry->owner)
                                     .arg(result.entry->fromRevision)
                                     .arg(result.entry->toRevision)
                               : tr("Committed."));
        break;
    case AclCommitResult::Outcome::Conflict:
        setStatus(result.message, true);
        openConflictDialog();
        break;
    case AclCommitResult::Outcome::Unchanged:
        setStatus(tr("Nothing to commit: %1.").arg(result.message));
        break;
    case AclCommitResult::Outcome::Blocked:
    case AclCommitResult::Outcome::Failed:
        setStatus(result.denied && !m_writeHint.isEmpty()
                      ? tr("Not committed: %1.").arg(m_writeHint)
                      : tr("Not committed: %1").arg(result.message),
                  true);
        break;
    }
    emit commitFinished(result);
}

void AclEditorPane::openConflictDialog()
{
    if (!m_controller || !m_controller->conflict())
        return;
    if (m_conflictDialog)
        m_conflictDialog->reject();
    const space::AclLookup stored = *m_controller->conflict();
    const wire::AclRecord *record = stored.acl.record();
    const QStringList reapplied =
        AclEditController::rebase(m_controller->storedPatterns(), m_controller->draft(),
                                  record ? std::optional(record->allowSubscribe) : std::nullopt);
    m_conflictDialog = new AclConflictDialog(m_controller->owner(), m_controller->baseRevision(),
                                             m_controller->draft(), stored, reapplied, this);
    m_conflictDialog->setAttribute(Qt::WA_DeleteOnClose);
    AclConflictDialog *dialog = m_conflictDialog;
    connect(dialog, &QDialog::finished, this, [this, dialog] {
        if (!m_controller)
            return;
        switch (dialog->choice()) {
        case AclConflictDialog::Choice::Reload:
            m_controller->reloadFromConflict();
            setStatus(tr("Reloaded the stored version; your change was dropped."));
            break;
        case AclConflictDialog::Choice::Reapply:
            m_controller->reapplyOnConflict().then(
                this, [this](const AclCommitResult &result) { handleCommitResult(result); });
            break;
        case AclConflictDialog::Choice::Cancel:
            m_controller->cancelConflict();
            setStatus(tr("Kept your change uncommitted; it is still based on the older "
                         "revision."),
                      true);
            break;
        }
    });
    m_conflictDialog->open();
}

void AclEditorPane::confirmDelete()
{
    if (!m_controller || !m_controller->hasRecord())
        return;
    const QString owner = m_controller->owner();
    const auto answer = QMessageBox::question(
        this, tr("Delete the read ACL of %1?").arg(owner),
        tr("Deleting the record makes %1 unknown to the delivery daemon: it DEFERS their copies "
           "(retries each for a while, then gives up on it) and refuses their durable joins. "
           "To stop delivery on purpose, keep the record and remove patterns instead — an empty "
           "list means \"reads nothing\", and the daemon DROPS their copies.\n\nDelete revision "
           "%2 only if it is still the stored one?")
            .arg(owner)
            .arg(m_controller->baseRevision()),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return;
    m_controller->removeRecord().then(
        this, [this](const AclCommitResult &result) { handleCommitResult(result); });
}

void AclEditorPane::undoLast()
{
    if (!m_controller)
        return;
    m_controller->undoLast().then(
        this, [this](const AclCommitResult &result) { handleCommitResult(result); });
}

void AclEditorPane::refreshHistory()
{
    m_history->setRowCount(0);
    if (!m_controller || !m_controller->isLoaded())
        return;
    const QString owner = m_controller->owner();
    m_controller->history().then(this, [this, owner](const space::AclHistory &history) {
        if (!m_controller || m_controller->owner() != owner)
            return;
        m_history->setRowCount(int(history.entries.size()));
        // Newest first.
        for (qsizetype i = 0; i < history.entries.size(); ++i) {
            const space::AclHistoryEntry &entry =
                history.entries.at(history.entries.size() - 1 - i);
            QString operation = tr("put");
            QString revision;
            QString updated;
            QString reads;
            if (entry.operation != space::AclHistoryEntry::Operation::Put) {
                operation = entry.operation == space::AclHistoryEntry::Operation::Delete
                                ? tr("delete")
                                : tr("purge");
            } else if (const std::optional<wire::AclRecord> &record = entry.record) {
                revision = record->revision ? QString::number(*record->revision) : QString();
                updated = record->updatedAt
                              ? QDateTime::fromMSecsSinceEpoch(qint64(*record->updatedAt))
                                    .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                              : QString();
                reads = listText(record->allowSubscribe);
            } else {
                reads = tr("(undecodable)");
            }
            setRow(m_history, int(i),
                   {QString::number(entry.revision), operation, revision, updated, reads});
        }
    });
}

void AclEditorPane::refreshAudit()
{
    const QList<AclAuditEntry> entries = m_audit ? m_audit->entries() : QList<AclAuditEntry>();
    m_auditTable->setRowCount(int(entries.size()));
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const AclAuditEntry &entry = entries.at(entries.size() - 1 - i);
        setRow(m_auditTable, int(i),
               {QDateTime::fromMSecsSinceEpoch(entry.atMs)
                    .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                entry.owner, AclAuditEntry::kindToken(entry.kind),
                tr("%1 → %2").arg(entry.fromRevision).arg(entry.toRevision), listText(entry.before),
                listText(entry.after)});
    }
    handleDraftChanged();
}

void AclEditorPane::applyBulk()
{
    if (!m_bulk)
        return;
    QStringList owners;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        owners.append(m_model->ownerAt(index.row()));
    std::sort(owners.begin(), owners.end());
    const AclBulkChange change{splitPatterns(m_bulkAdd->text()),
                               splitPatterns(m_bulkRemove->text())};
    if (owners.isEmpty() || (change.add.isEmpty() && change.remove.isEmpty())) {
        m_bulkResults->setRowCount(0);
        return;
    }
    m_bulkApply->setEnabled(false);
    m_bulk->apply(owners, change).then(this, [this](const QList<AclBulkResult> &results) {
        m_bulkApply->setEnabled(m_bulk != nullptr);
        m_bulkResults->setRowCount(int(results.size()));
        for (int row = 0; row < results.size(); ++row) {
            const AclBulkResult &r = results.at(row);
            setRow(m_bulkResults, row,
                   {r.owner, AclBulkEditor::outcomeText(r.outcome),
                    r.outcome == AclCommitResult::Outcome::Committed
                        ? tr("%1 → %2").arg(r.fromRevision).arg(r.toRevision)
                        : QString(),
                    r.message});
        }
    });
}

void AclEditorPane::setStatus(const QString &text, bool error)
{
    m_status->setText(error && !text.isEmpty() ? QStringLiteral("\u26a0 ") + text : text);
}

} // namespace cotal::ui
