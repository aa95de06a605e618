#include "ui/acleditcontroller.h"

#include "core/wire/channels.h"

#include <QDateTime>
#include <QSet>
#include <algorithm>

namespace cotal::ui {

namespace {

using Outcome = AclCommitResult::Outcome;

// The key holds a value a write must compare-and-set on (a decodable record or not).
bool holdsValue(const space::AclLookup &lookup)
{
    return lookup.absence == space::AclLookup::Absence::None ||
           lookup.absence == space::AclLookup::Absence::Undecodable;
}

std::optional<QStringList> patternsOf(const space::AclLookup &lookup)
{
    const wire::AclRecord *record = lookup.acl.record();
    return record ? std::optional(record->allowSubscribe) : std::nullopt;
}

QFuture<AclCommitResult> ready(Outcome outcome, const QString &message)
{
    return QtFuture::makeReadyFuture(AclCommitResult{outcome, message, std::nullopt});
}

QStringList validPatterns(const QStringList &patterns)
{
    QStringList valid;
    for (const QString &pattern : patterns) {
        if (wire::validateChannel(pattern))
            valid.append(pattern);
    }
    return valid;
}

} // namespace

AclEditController::AclEditController(space::AclRegistry *registry, AclAuditLog *audit,
                                     QObject *parent)
    : QObject(parent)
    , m_registry(registry)
    , m_audit(audit)
{}

QFuture<space::AclLookup> AclEditController::load(const QString &owner)
{
    if (!m_registry) {
        space::AclLookup failed;
        failed.error.kind = nats::NatsErrorKind::InvalidArgument;
        failed.error.message = tr("no ACL registry");
        return QtFuture::makeReadyFuture(failed);
    }
    return m_registry->read(owner).then(this, [this, owner](const space::AclLookup &lookup) {
        if (lookup.ok())
            setBase(owner, lookup);
        return lookup;
    });
}

quint64 AclEditController::baseRevision() const
{
    return holdsValue(m_base) ? m_base.revision : 0;
}

std::optional<QStringList> AclEditController::storedPatterns() const
{
    return patternsOf(m_base);
}

void AclEditController::setDraft(const QStringList &patterns)
{
    if (patterns == m_draft)
        return;
    m_draft = patterns;
    emit draftChanged();
}

void AclEditController::addPattern(const QString &pattern)
{
    m_draft.append(pattern);
    emit draftChanged();
}

void AclEditController::removePattern(int index)
{
    if (index < 0 || index >= m_draft.size())
        return;
    m_draft.removeAt(index);
    emit draftChanged();
}

void AclEditController::movePattern(int from, int to)
{
    if (from < 0 || from >= m_draft.size() || to < 0 || to >= m_draft.size() || from == to)
        return;
    m_draft.move(from, to);
    emit draftChanged();
}

bool AclEditController::isModified() const
{
    const std::optional<QStringList> stored = storedPatterns();
    return !stored || *stored != m_draft;
}

QList<AclPatternIssue> AclEditController::validate(const QStringList &patterns)
{
    QList<AclPatternIssue> issues;
    QSet<QString> seen;
    for (int i = 0; i < patterns.size(); ++i) {
        const QString &pattern = patterns.at(i);
        const wire::Result<QString> valid = wire::validateChannel(pattern);
        if (!valid) {
            issues.append({i, pattern,
                           pattern.isEmpty() ? tr("an empty pattern matches no channel")
                                             : valid.error().detail});
        } else if (seen.contains(pattern)) {
            issues.append({i, pattern, tr("\"%1\" is listed twice").arg(pattern)});
        }
        seen.insert(pattern);
    }
    return issues;
}

bool AclEditController::canCommit() const
{
    return m_loaded && !m_busy && issues().isEmpty();
}

AclCoverage AclEditController::coverage(const std::optional<QStringList> &stored,
                                        const QStringList &edited, const QStringList &knownChannels)
{
    const QStringList after = validPatterns(edited);
    const QStringList before = stored ? validPatterns(*stored) : QStringList();
    AclCoverage result;

    QSet<QString> channels;
    for (const QString &channel : knownChannels) {
        if (wire::validateConcreteChannel(channel))
            channels.insert(channel);
    }
    // `team.>` never matches `team` (wire.md §5.3); listing the parent makes that visible.
    for (const QString &pattern : after + before) {
        if (wire::isConcreteChannel(pattern))
            channels.insert(pattern);
        if (pattern.endsWith(QLatin1String(".>")) &&
            wire::validateConcreteChannel(pattern.chopped(2)))
            channels.insert(pattern.chopped(2));
    }
    for (const QString &pattern : after) {
        if (!pattern.endsWith(QLatin1String(".>")))
            continue;
        const QString parent = pattern.chopped(2);
        if (wire::validateConcreteChannel(parent) && !wire::channelInAllow(after, parent)) {
            result.notes.append(tr("\"%1\" covers the channels below \"%2\" but not \"%2\" "
                                   "itself; add \"%2\" to read it too")
                                    .arg(pattern, parent));
        }
    }

    QStringList sorted(channels.cbegin(), channels.cend());
    std::sort(sorted.begin(), sorted.end());
    for (const QString &channel : sorted) {
        AclCoverageRow row;
        row.channel = channel;
        row.before = stored && wire::channelInAllow(before, channel);
        row.after = wire::channelInAllow(after, channel);
        const auto by = std::find_if(after.cbegin(), after.cend(), [&](const QString &pattern) {
            return wire::subjectMatches(pattern, channel);
        });
        if (by != after.cend())
            row.coveredBy = *by;
        if (row.after && !row.before)
            result.gained.append(channel);
        if (row.before && !row.after)
            result.lost.append(channel);
        result.channels.append(row);
    }
    return result;
}

QFuture<AclCommitResult> AclEditController::commit()
{
    if (!m_loaded)
        return ready(Outcome::Blocked, tr("no owner is loaded"));
    if (m_busy)
        return ready(Outcome::Blocked, tr("a write is already in flight"));
    const QList<AclPatternIssue> found = issues();
    if (!found.isEmpty()) {
        return ready(Outcome::Blocked, tr("pattern %1 (\"%2\"): %3")
                                           .arg(found.first().index + 1)
                                           .arg(found.first().pattern, found.first().message));
    }
    if (hasRecord() && !isModified())
        return ready(Outcome::Unchanged, tr("the edit equals the stored record"));
    return writeOn(m_owner, storedPatterns(), m_draft, baseRevision());
}

void AclEditController::reloadFromConflict()
{
    if (!m_conflict)
        return;
    const space::AclLookup stored = *m_conflict;
    setBase(m_owner, stored);
}

QFuture<AclCommitResult> AclEditController::reapplyOnConflict()
{
    if (!m_conflict)
        return ready(Outcome::Blocked, tr("there is no conflict to resolve"));
    const QStringList merged = rebase(storedPatterns(), m_draft, patternsOf(*m_conflict));
    const space::AclLookup stored = *m_conflict;
    setBase(m_owner, stored);
    setDraft(merged);
    return commit();
}

void AclEditController::cancelConflict()
{
    m_conflict.reset();
}

QStringList AclEditController::rebase(const std::optional<QStringList> &base,
                                      const QStringList &mine,
                                      const std::optional<QStringList> &theirs)
{
    const QStringList original = base.value_or(QStringList());
    const QStringList current = theirs.value_or(QStringList());
    // They changed nothing in the list (only the revision moved): the admin's order stands.
    if (current == original)
        return mine;
    QStringList result;
    for (const QString &pattern : current) {
        const bool removedByMe = original.contains(pattern) && !mine.contains(pattern);
        if (!removedByMe)
            result.append(pattern);
    }
    for (int i = 0; i < mine.size(); ++i) {
        const QString &pattern = mine.at(i);
        if (original.contains(pattern) || result.contains(pattern))
            continue;
        // Before the first of its successors in mine that survived; after everything otherwise,
        // so additions at the end land on top of theirs.
        qsizetype at = result.size();
        for (int j = i + 1; j < mine.size(); ++j) {
            const qsizetype successor = result.indexOf(mine.at(j));
            if (successor >= 0) {
                at = successor;
                break;
            }
        }
        result.insert(at, pattern);
    }
    return result;
}

QFuture<AclCommitResult> AclEditController::removeRecord()
{
    if (!m_loaded)
        return ready(Outcome::Blocked, tr("no owner is loaded"));
    if (m_busy)
        return ready(Outcome::Blocked, tr("a write is already in flight"));
    if (!hasRecord())
        return ready(Outcome::Blocked, tr("%1 has no record to delete").arg(m_owner));
    return writeOn(m_owner, storedPatterns(), std::nullopt, baseRevision());
}

QFuture<AclCommitResult> AclEditController::undoLast()
{
    if (m_busy)
        return ready(Outcome::Blocked, tr("a write is already in flight"));
    const std::optional<AclAuditEntry> last = m_audit ? m_audit->last() : std::nullopt;
    if (!last)
        return ready(Outcome::Blocked, tr("this console has made no ACL write to undo"));
    // A delete left a marker, not a value: restoring it is a create.
    const quint64 on = last->kind == AclAuditEntry::Kind::Delete ? 0 : last->toRevision;
    if (!last->before && on == 0)
        return ready(Outcome::Blocked, tr("nothing to restore"));
    const QString owner = last->owner;
    return writeOn(owner, last->after, last->before, on)
        .then(this, [this, owner](const AclCommitResult &result) {
            // Show the owner as it now stands, whichever way the undo went.
            if (result.outcome == Outcome::Conflict) {
                m_conflict.reset();
                load(owner);
            }
            return result;
        });
}

QFuture<space::AclHistory> AclEditController::history() const
{
    space::AclRegistry *source = m_historySource ? m_historySource.data() : m_registry.data();
    if (!m_loaded || !source)
        return QtFuture::makeReadyFuture(space::AclHistory{});
    return source->history(m_owner);
}

QFuture<AclCommitResult> AclEditController::writeOn(const QString &owner,
                                                    const std::optional<QStringList> &before,
                                                    const std::optional<QStringList> &after,
                                                    quint64 revision)
{
    if (!m_registry)
        return ready(Outcome::Failed, tr("no ACL registry"));
    setBusy(true);
    m_conflict.reset();
    const qint64 startedAt = QDateTime::currentMSecsSinceEpoch();

    auto audit = [this, owner, before, after, revision, startedAt](quint64 to) {
        AclAuditEntry entry;
        entry.atMs = startedAt;
        entry.kind = !after     ? AclAuditEntry::Kind::Delete
                     : revision ? AclAuditEntry::Kind::Update
                                : AclAuditEntry::Kind::Create;
        entry.owner = owner;
        entry.fromRevision = revision;
        entry.toRevision = to;
        entry.before = before;
        entry.after = after;
        if (m_audit)
            m_audit->append(entry);
        return entry;
    };

    if (!after) {
        return m_registry->deleteOnRevision(owner, revision)
            .then(this,
                  [this, owner, audit](const space::AclDeletion &removed) {
                      if (removed.error.kind == space::SpaceErrorKind::RevisionConflict) {
                          // Nothing to re-apply: the admin sees the stored record and decides
                          // again.
                          return m_registry->read(owner).then(
                              this, [this, owner](const space::AclLookup &now) {
                                  setBusy(false);
                                  if (now.ok())
                                      setBase(owner, now);
                                  return AclCommitResult{
                                      Outcome::Conflict,
                                      tr("the record of %1 changed since it was read; nothing "
                                         "was deleted")
                                          .arg(owner),
                                      std::nullopt};
                              });
                      }
                      setBusy(false);
                      if (!removed.ok()) {
                          return QtFuture::makeReadyFuture(AclCommitResult{
                              Outcome::Failed,
                              removed.error.describe(),
                              {},
                              removed.error.kind == space::SpaceErrorKind::PermissionDenied});
                      }
                      const AclAuditEntry entry = audit(removed.revision);
                      space::AclLookup gone;
                      gone.absence = space::AclLookup::Absence::Deleted;
                      gone.revision = removed.revision;
                      setBase(owner, gone);
                      emit committed(entry);
                      return QtFuture::makeReadyFuture(
                          AclCommitResult{Outcome::Committed, {}, entry});
                  })
            .unwrap();
    }

    return m_registry->commitOnRevision(owner, *after, revision)
        .then(this, [this, owner, audit](const space::AclWrite &write) {
            setBusy(false);
            if (write.error.kind == space::SpaceErrorKind::RevisionConflict) {
                if (owner == m_owner && write.current)
                    m_conflict = *write.current;
                emit conflicted();
                return AclCommitResult{Outcome::Conflict, write.error.describe(), std::nullopt};
            }
            if (!write.ok())
                return AclCommitResult{Outcome::Failed, write.error.describe(), std::nullopt,
                                       write.error.kind == space::SpaceErrorKind::PermissionDenied};
            const AclAuditEntry entry = audit(write.revision);
            space::AclLookup now;
            now.acl = wire::ReadAcl::fromRecord(write.record);
            now.revision = write.revision;
            now.absence = space::AclLookup::Absence::None;
            setBase(owner, now);
            emit committed(entry);
            return AclCommitResult{Outcome::Committed, {}, entry};
        });
}

void AclEditController::setBase(const QString &owner, const space::AclLookup &lookup)
{
    m_owner = owner;
    m_base = lookup;
    m_loaded = true;
    m_conflict.reset();
    m_draft = patternsOf(lookup).value_or(QStringList());
    emit loaded();
    emit draftChanged();
}

void AclEditController::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    emit busyChanged(busy);
}

} // namespace cotal::ui
