#include "ui/aclbulkeditor.h"

#include <QDateTime>

namespace cotal::ui {

namespace {

using Outcome = AclCommitResult::Outcome;

AclBulkResult resultOf(const QString &owner, Outcome outcome, const QString &message)
{
    AclBulkResult result;
    result.owner = owner;
    result.outcome = outcome;
    result.message = message;
    return result;
}

} // namespace

AclBulkEditor::AclBulkEditor(space::AclRegistry *registry, AclAuditLog *audit, QObject *parent)
    : QObject(parent)
    , m_registry(registry)
    , m_audit(audit)
{}

QStringList AclBulkEditor::applied(const QStringList &current, const AclBulkChange &change)
{
    QStringList next;
    for (const QString &pattern : current) {
        if (!change.remove.contains(pattern))
            next.append(pattern);
    }
    for (const QString &pattern : change.add) {
        if (!next.contains(pattern))
            next.append(pattern);
    }
    return next;
}

QFuture<QList<AclBulkResult>> AclBulkEditor::apply(const QStringList &owners,
                                                   const AclBulkChange &change)
{
    const QList<AclPatternIssue> issues = AclEditController::validate(change.add);
    if (!issues.isEmpty() || !m_registry) {
        const QString why =
            m_registry ? tr("\"%1\": %2").arg(issues.first().pattern, issues.first().message)
                       : tr("no ACL registry");
        QList<AclBulkResult> blocked;
        for (const QString &owner : owners)
            blocked.append(resultOf(owner, Outcome::Blocked, why));
        return QtFuture::makeReadyFuture(blocked);
    }
    QList<QFuture<AclBulkResult>> each;
    for (const QString &owner : owners)
        each.append(applyOne(owner, change));
    return QtFuture::whenAll(each.begin(), each.end())
        .then(this, [](const QList<QFuture<AclBulkResult>> &done) {
            QList<AclBulkResult> results;
            for (const QFuture<AclBulkResult> &one : done)
                results.append(one.result());
            return results;
        });
}

QString AclBulkEditor::outcomeText(AclCommitResult::Outcome outcome)
{
    switch (outcome) {
    case Outcome::Committed:
        return tr("committed");
    case Outcome::Conflict:
        return tr("conflict — changed meanwhile, not written");
    case Outcome::Blocked:
        return tr("not written");
    case Outcome::Failed:
        return tr("failed");
    case Outcome::Unchanged:
        return tr("unchanged");
    }
    return {};
}

QFuture<AclBulkResult> AclBulkEditor::applyOne(const QString &owner, const AclBulkChange &change)
{
    QPointer<space::AclRegistry> registry = m_registry;
    return m_registry->read(owner)
        .then(this,
              [this, registry, owner, change](const space::AclLookup &lookup) {
                  if (!lookup.ok())
                      return QtFuture::makeReadyFuture(
                          resultOf(owner, Outcome::Failed, lookup.error.describe()));
                  const bool holds = lookup.absence == space::AclLookup::Absence::None ||
                                     lookup.absence == space::AclLookup::Absence::Undecodable;
                  const wire::AclRecord *record = lookup.acl.record();
                  const std::optional<QStringList> before =
                      record ? std::optional(record->allowSubscribe) : std::nullopt;
                  const QStringList next = applied(before.value_or(QStringList()), change);
                  // No record is not an empty list: never turn "defer" into "reads nothing".
                  if ((before && next == *before) || (!holds && next.isEmpty()))
                      return QtFuture::makeReadyFuture(
                          resultOf(owner, Outcome::Unchanged, tr("nothing to change")));
                  if (!registry)
                      return QtFuture::makeReadyFuture(
                          resultOf(owner, Outcome::Failed, tr("no ACL registry")));
                  const quint64 on = holds ? lookup.revision : 0;
                  const qint64 startedAt = QDateTime::currentMSecsSinceEpoch();
                  return registry->commitOnRevision(owner, next, on)
                      .then(this, [this, owner, on, before, next,
                                   startedAt](const space::AclWrite &write) {
                          AclBulkResult result = resultOf(owner, Outcome::Committed, {});
                          result.fromRevision = on;
                          if (write.error.kind == space::SpaceErrorKind::RevisionConflict) {
                              result.outcome = Outcome::Conflict;
                              result.message = write.error.describe();
                              return result;
                          }
                          if (!write.ok()) {
                              result.outcome = Outcome::Failed;
                              result.message = write.error.describe();
                              return result;
                          }
                          result.toRevision = write.revision;
                          if (m_audit) {
                              AclAuditEntry entry;
                              entry.atMs = startedAt;
                              entry.kind =
                                  on ? AclAuditEntry::Kind::Update : AclAuditEntry::Kind::Create;
                              entry.owner = owner;
                              entry.fromRevision = on;
                              entry.toRevision = write.revision;
                              entry.before = before;
                              entry.after = next;
                              m_audit->append(entry);
                          }
                          return result;
                      });
              })
        .unwrap();
}

} // namespace cotal::ui
