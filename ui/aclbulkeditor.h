#pragma once

#include "core/space/aclregistry.h"
#include "ui/acleditcontroller.h"

#include <QFuture>
#include <QObject>
#include <QPointer>
#include <QStringList>

namespace cotal::ui {

// One change applied to many owners: patterns to add (appended when missing) and to remove.
struct AclBulkChange
{
    QStringList add;
    QStringList remove;
};

struct AclBulkResult
{
    QString owner;
    AclCommitResult::Outcome outcome = AclCommitResult::Outcome::Failed;
    quint64 fromRevision = 0;
    quint64 toRevision = 0;
    QString message;
};

// Applies a change to several owners, each read and then written with its own compare-and-set on
// the revision read, so one owner's conflict or refusal never holds back or undoes another's.
class AclBulkEditor final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AclBulkEditor)

public:
    AclBulkEditor(space::AclRegistry *registry, AclAuditLog *audit, QObject *parent = nullptr);

    // `current` with the change applied; no record counts as an empty list.
    static QStringList applied(const QStringList &current, const AclBulkChange &change);
    // Results in the order of `owners`.
    QFuture<QList<AclBulkResult>> apply(const QStringList &owners, const AclBulkChange &change);

    static QString outcomeText(AclCommitResult::Outcome outcome);

private:
    QFuture<AclBulkResult> applyOne(const QString &owner, const AclBulkChange &change);

    QPointer<space::AclRegistry> m_registry;
    QPointer<AclAuditLog> m_audit;
};

} // namespace cotal::ui
