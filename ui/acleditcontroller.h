#pragma once

#include "core/space/aclregistry.h"
#include "ui/aclauditlog.h"

#include <QFuture>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <optional>

namespace cotal::ui {

// Why one entry of an edited list cannot be committed.
struct AclPatternIssue
{
    int index = -1;
    QString pattern;
    QString message;
};

// One known channel in the coverage preview.
struct AclCoverageRow
{
    QString channel;
    bool before = false; // the stored ACL covers it
    bool after = false;  // the edited ACL covers it
    QString coveredBy;   // the first edited pattern that covers it
    bool operator==(const AclCoverageRow &) const = default;
};

struct AclCoverage
{
    QList<AclCoverageRow> channels; // sorted by channel
    QStringList gained;             // covered after the edit, not before
    QStringList lost;               // covered before the edit, not after
    QStringList notes;              // rules worth spelling out (`team.>` does not cover `team`)
};

// What one write from the editor came to.
struct AclCommitResult
{
    enum class Outcome
    {
        Committed,
        Conflict,  // the stored record moved on; nothing was written
        Blocked,   // refused before anything was sent (invalid pattern, nothing loaded, busy)
        Failed,    // the write was refused or the transport failed
        Unchanged, // the edit equals the stored record; nothing to write
    };

    Outcome outcome = Outcome::Failed;
    QString message;
    std::optional<AclAuditEntry> entry; // set when Committed
    bool denied = false;                // Failed because the credential may not write
};

// The ACL editor's logic, with no widgets: one owner's record as the admin read it (the base),
// the admin's edited list (the draft), validation and coverage, and writes that only ever land
// on the revision the admin read — a create when there was no record, a compare-and-set update
// otherwise, a compare-and-set delete for removal. A lost race is never retried behind the admin's
// back: it becomes a conflict holding the stored record, which the admin resolves by reloading,
// re-applying their change on top of the stored one, or cancelling.
class AclEditController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AclEditController)

public:
    AclEditController(space::AclRegistry *registry, AclAuditLog *audit, QObject *parent = nullptr);

    // Reads the owner's record fresh; the draft becomes its list (empty when there is none).
    QFuture<space::AclLookup> load(const QString &owner);
    bool isLoaded() const { return m_loaded; }
    bool isBusy() const { return m_busy; }
    const QString &owner() const { return m_owner; }
    const space::AclLookup &base() const { return m_base; }
    // The KV revision a write is made on; 0 when the key holds no value (a write creates).
    quint64 baseRevision() const;
    bool hasRecord() const { return baseRevision() != 0; }
    // The base record's list; no value when there is no decodable record.
    std::optional<QStringList> storedPatterns() const;

    const QStringList &draft() const { return m_draft; }
    void setDraft(const QStringList &patterns);
    void addPattern(const QString &pattern);
    void removePattern(int index);
    void movePattern(int from, int to);
    bool isModified() const;

    static QList<AclPatternIssue> validate(const QStringList &patterns);
    QList<AclPatternIssue> issues() const { return validate(m_draft); }
    bool canCommit() const;
    static AclCoverage coverage(const std::optional<QStringList> &stored, const QStringList &edited,
                                const QStringList &knownChannels);

    // Writes the draft on the revision read. A conflict keeps the draft and sets conflict().
    QFuture<AclCommitResult> commit();

    // What is stored now, after the last commit lost its race.
    const std::optional<space::AclLookup> &conflict() const { return m_conflict; }
    // Takes the stored record as the new base and draft: the admin's change is dropped.
    void reloadFromConflict();
    // Takes the stored record as the new base and re-applies the admin's change (patterns added
    // and removed against the old base) on top of it, then commits on the stored revision.
    QFuture<AclCommitResult> reapplyOnConflict();
    // Leaves base and draft as they were; the next commit will conflict again.
    void cancelConflict();
    // The admin's change (base → mine) applied to `theirs`: their patterns minus the ones the
    // admin removed, plus the ones the admin added, each placed before its first surviving
    // successor in mine (appended when it has none).
    static QStringList rebase(const std::optional<QStringList> &base, const QStringList &mine,
                              const std::optional<QStringList> &theirs);

    // Writes a delete marker on the base revision. Readers then defer the owner's copies.
    QFuture<AclCommitResult> removeRecord();
    // Reverts this console's last write (any owner) with a new compare-and-set write on the
    // revision that write produced, and loads that owner.
    QFuture<AclCommitResult> undoLast();

    // Every stored revision of the loaded owner's key, as far as the bucket keeps them.
    QFuture<space::AclHistory> history() const;
    // Reads history through another registry than the writes (one whose credential may create
    // a consumer on the bucket, which the provisioner may not).
    void setHistorySource(space::AclRegistry *registry) { m_historySource = registry; }

signals:
    void loaded();
    void draftChanged();
    void busyChanged(bool busy);
    void committed(const cotal::ui::AclAuditEntry &entry);
    void conflicted();

private:
    QFuture<AclCommitResult> writeOn(const QString &owner, const std::optional<QStringList> &before,
                                     const std::optional<QStringList> &after, quint64 revision);
    void setBase(const QString &owner, const space::AclLookup &lookup);
    void setBusy(bool busy);

    QPointer<space::AclRegistry> m_registry;
    QPointer<space::AclRegistry> m_historySource;
    QPointer<AclAuditLog> m_audit;
    QString m_owner;
    space::AclLookup m_base;
    QStringList m_draft;
    std::optional<space::AclLookup> m_conflict;
    bool m_loaded = false;
    bool m_busy = false;
};

} // namespace cotal::ui
