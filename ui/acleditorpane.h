#pragma once

#include "core/space/spaceaccess.h"
#include "core/wire/presence.h"
#include "ui/acleditcontroller.h"

#include <QPointer>
#include <QWidget>
#include <functional>
#include <memory>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTableView;
class QTableWidget;
class QTextEdit;

namespace cotal::space {
class AclRegistry;
}

namespace cotal::ui {

class AclAuditLog;
class AclBulkEditor;
class AclConflictDialog;
class AclTableModel;

// The "ACLs" tab: the table of owners' read ACLs, an editor for the selected owner (patterns with
// live validation and a coverage preview, compare-and-set commit, conflict dialog, delete), the
// record's stored history with this console's audit log and undo, and a bulk change for the
// selected owners. Registry objects exist only while attached to an admin connection.
class AclEditorPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AclEditorPane)

public:
    // The audit log outlives attachments (one per console run); the pane does not own it.
    explicit AclEditorPane(AclAuditLog *audit, QWidget *parent = nullptr);
    ~AclEditorPane() override;

    // Builds the registries, editor and bulk editor on the access's connections: reads (the
    // watch, history) through the credential for ACL reads, writes through the one for writes.
    void attach(const space::SpaceAccess &access);
    // Drops everything built on the connection (before it closes).
    void detach();
    bool isAttached() const { return m_registry != nullptr; }

    void setRoster(const QList<wire::Presence> &roster);
    // Where the coverage preview gets the space's known channels from.
    void setChannelSource(std::function<QStringList()> source);

    AclTableModel *model() const { return m_model; }
    AclEditController *controller() const { return m_controller; }
    // The open conflict dialog, if any.
    AclConflictDialog *conflictDialog() const;

    // Loads `owner` into the editor (as selecting its row does); a `pattern` is put into the
    // pattern field, ready to add.
    void editOwner(const QString &owner, const QString &pattern = {});

signals:
    // After every commit attempt from the editor, with what it came to.
    void commitFinished(const cotal::ui::AclCommitResult &result);

private:
    void buildUi();
    void handleSelection();
    void handleRegistryChanged(const QStringList &owners);
    void handleDraftChanged();
    void handleCommitResult(const AclCommitResult &result);
    void openConflictDialog();
    void addPatternFromInput();
    void commit();
    void confirmDelete();
    void undoLast();
    void refreshHistory();
    void refreshAudit();
    void applyBulk();
    void setStatus(const QString &text, bool error = false);

    QPointer<AclAuditLog> m_audit;
    std::function<QStringList()> m_channelSource;
    AclTableModel *m_model;
    space::AclRegistry *m_registry = nullptr; // reads: the watch-fed table
    space::AclRegistry *m_writer = nullptr;   // writes, when another credential does them
    QString m_writeHint; // why a denied write failed and what would let it through
    AclEditController *m_controller = nullptr;
    AclBulkEditor *m_bulk = nullptr;
    QPointer<AclConflictDialog> m_conflictDialog;

    QTableView *m_table;
    QLabel *m_ownerLabel;
    QListWidget *m_patterns;
    QLineEdit *m_patternInput;
    QPushButton *m_addButton;
    QPushButton *m_removeButton;
    QPushButton *m_upButton;
    QPushButton *m_downButton;
    QLabel *m_validation;
    QTableWidget *m_coverage;
    QLabel *m_coverageSummary;
    QPushButton *m_commitButton;
    QPushButton *m_reloadButton;
    QPushButton *m_deleteButton;
    QLabel *m_status;
    QTableWidget *m_history;
    QTableWidget *m_auditTable;
    QPushButton *m_undoButton;
    QLineEdit *m_bulkAdd;
    QLineEdit *m_bulkRemove;
    QPushButton *m_bulkApply;
    QTableWidget *m_bulkResults;
};

} // namespace cotal::ui
