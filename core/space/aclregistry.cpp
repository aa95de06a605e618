#include "core/space/aclregistry.h"

#include "core/wire/channels.h"

#include <QDateTime>
#include <algorithm>

namespace cotal::space {

namespace {

AclLookup lookupOf(const nats::KvResult &read)
{
    AclLookup lookup;
    if (isAbsentKey(read.error))
        return lookup;
    if (!read.ok()) {
        lookup.error = read.error;
        return lookup;
    }
    lookup.revision = read.entry.revision;
    if (!read.entry.isLive()) {
        lookup.absence = AclLookup::Absence::Deleted;
        return lookup;
    }
    lookup.acl = wire::ReadAcl::fromKvValue(read.entry.value);
    lookup.absence =
        lookup.acl.decodeError() ? AclLookup::Absence::Undecodable : AclLookup::Absence::None;
    return lookup;
}

// The key holds a value (decodable or not), so a write must be a compare-and-set on it.
bool holdsValue(const AclLookup &lookup)
{
    return lookup.absence == AclLookup::Absence::None ||
           lookup.absence == AclLookup::Absence::Undecodable;
}

wire::AclRecord nextRecord(const AclLookup &current, const QStringList &allowSubscribe, qint64 now)
{
    const wire::AclRecord *previous = current.acl.record();
    return wire::AclRecord{allowSubscribe, (previous ? previous->revision.value_or(0) : 0) + 1,
                           double(now)};
}

QFuture<AclWrite> failed(SpaceError error)
{
    AclWrite write;
    write.error = std::move(error);
    return QtFuture::makeReadyFuture(write);
}

std::optional<SpaceError> invalidOwner(const QString &owner)
{
    const wire::Result<QString> valid = wire::validateOwnerToken(owner);
    return valid ? std::nullopt : std::optional(SpaceError::fromWire(valid.error()));
}

// Writes `record` over `current`: create when the key is absent, CAS on its revision otherwise.
QFuture<nats::KvResult> writeOver(const nats::KeyValue &kv, const QString &owner,
                                  const AclLookup &current, const wire::AclRecord &record)
{
    const QByteArray body = wire::encodeAclRecord(record);
    return holdsValue(current) ? kv.update(owner, body, current.revision) : kv.create(owner, body);
}

struct CommitLoop
{
    nats::KeyValue kv;
    QString owner;
    QStringList allowSubscribe;
    std::function<qint64()> clock;

    QFuture<AclWrite> attempt(int number) const
    {
        QObject *context = kv.jetStream().connection();
        const CommitLoop loop = *this;
        return kv.get(owner)
            .then(context,
                  [loop, number, context](const nats::KvResult &read) {
                      const AclLookup current = lookupOf(read);
                      if (!current.ok())
                          return failed(SpaceError::fromNats(current.error));
                      const wire::AclRecord record =
                          nextRecord(current, loop.allowSubscribe, loop.clock());
                      return writeOver(loop.kv, loop.owner, current, record)
                          .then(context,
                                [loop, number, record](const nats::KvResult &written) {
                                    if (written.ok()) {
                                        AclWrite result;
                                        result.record = record;
                                        result.revision = written.entry.revision;
                                        return QtFuture::makeReadyFuture(result);
                                    }
                                    // Only a lost race is retried; a refusal is final.
                                    if (written.error.kind != nats::NatsErrorKind::RevisionConflict)
                                        return failed(SpaceError::fromNats(written.error));
                                    if (number + 1 >= AclRegistry::kCommitAttempts) {
                                        return failed(SpaceError::make(
                                            SpaceErrorKind::RetriesExhausted,
                                            QStringLiteral("acl CAS exhausted retries for %1")
                                                .arg(loop.owner)));
                                    }
                                    return loop.attempt(number + 1);
                                })
                          .unwrap();
                  })
            .unwrap();
    }
};

// A strict write lost: name both revisions and attach what is stored now.
QFuture<AclWrite> conflict(const nats::KeyValue &kv, const QString &owner, quint64 expected)
{
    return kv.get(owner).then(
        kv.jetStream().connection(), [owner, expected](const nats::KvResult &now) {
            AclWrite result;
            result.current = lookupOf(now);
            result.error = SpaceError::make(
                SpaceErrorKind::RevisionConflict,
                QStringLiteral("the read ACL of %1 changed: revision %2 was read, %3 is stored")
                    .arg(owner)
                    .arg(expected)
                    .arg(holdsValue(*result.current) ? result.current->revision : 0));
            return result;
        });
}

} // namespace

AclRegistry::AclRegistry(nats::KeyValue bucket, Clock clock, QObject *parent)
    : QObject(parent)
    , m_bucket(std::move(bucket))
    , m_clock(clock ? std::move(clock) : Clock([] { return QDateTime::currentMSecsSinceEpoch(); }))
{}

AclRegistry::~AclRegistry() = default;

QFuture<AclLookup> AclRegistry::read(const QString &owner) const
{
    if (const auto invalid = invalidOwner(owner)) {
        AclLookup lookup;
        lookup.error.kind = nats::NatsErrorKind::InvalidArgument;
        lookup.error.message = invalid->message;
        return QtFuture::makeReadyFuture(lookup);
    }
    return m_bucket.get(owner).then(m_bucket.jetStream().connection(), &lookupOf);
}

QFuture<AclWrite> AclRegistry::commitAcl(const QString &owner,
                                         const QStringList &allowSubscribe) const
{
    if (const auto invalid = invalidOwner(owner))
        return failed(*invalid);
    return CommitLoop{m_bucket, owner, allowSubscribe, m_clock}.attempt(0);
}

QFuture<AclWrite> AclRegistry::commitOnRevision(const QString &owner,
                                                const QStringList &allowSubscribe,
                                                quint64 kvRevision) const
{
    if (const auto invalid = invalidOwner(owner))
        return failed(*invalid);
    QObject *context = m_bucket.jetStream().connection();
    const nats::KeyValue kv = m_bucket;
    const Clock clock = m_clock;
    // The read supplies the record's own revision counter; the CAS on `kvRevision` decides.
    return kv.get(owner)
        .then(context,
              [kv, owner, allowSubscribe, kvRevision, clock, context](const nats::KvResult &read) {
                  const AclLookup current = lookupOf(read);
                  if (!current.ok())
                      return failed(SpaceError::fromNats(current.error));
                  const quint64 stored = holdsValue(current) ? current.revision : 0;
                  if (stored != kvRevision)
                      return conflict(kv, owner, kvRevision);
                  const wire::AclRecord record = nextRecord(current, allowSubscribe, clock());
                  const QByteArray body = wire::encodeAclRecord(record);
                  QFuture<nats::KvResult> write =
                      kvRevision == 0 ? kv.create(owner, body) : kv.update(owner, body, kvRevision);
                  return write
                      .then(context,
                            [kv, owner, kvRevision, record](const nats::KvResult &written) {
                                if (written.error.kind == nats::NatsErrorKind::RevisionConflict)
                                    return conflict(kv, owner, kvRevision);
                                AclWrite result;
                                result.error = SpaceError::fromNats(written.error);
                                if (written.ok()) {
                                    result.record = record;
                                    result.revision = written.entry.revision;
                                }
                                return QtFuture::makeReadyFuture(result);
                            })
                      .unwrap();
              })
        .unwrap();
}

QFuture<SpaceError> AclRegistry::remove(const QString &owner) const
{
    if (const auto invalid = invalidOwner(owner))
        return QtFuture::makeReadyFuture(*invalid);
    return m_bucket.purge(owner).then(
        m_bucket.jetStream().connection(),
        [](const nats::KvResult &purged) { return SpaceError::fromNats(purged.error); });
}

QFuture<AclDeletion> AclRegistry::deleteOnRevision(const QString &owner, quint64 kvRevision) const
{
    if (const auto invalid = invalidOwner(owner))
        return QtFuture::makeReadyFuture(AclDeletion{0, *invalid});
    return m_bucket.remove(owner, kvRevision)
        .then(m_bucket.jetStream().connection(), [](const nats::KvResult &removed) {
            return AclDeletion{removed.entry.revision, SpaceError::fromNats(removed.error)};
        });
}

QFuture<AclHistory> AclRegistry::history(const QString &owner) const
{
    if (const auto invalid = invalidOwner(owner))
        return QtFuture::makeReadyFuture(AclHistory{{}, *invalid});
    return m_bucket.history(owner).then(
        m_bucket.jetStream().connection(), [](const nats::KvHistoryResult &kept) {
            AclHistory history;
            history.error = SpaceError::fromNats(kept.error);
            for (const nats::KvEntry &entry : kept.entries) {
                AclHistoryEntry revision;
                revision.revision = entry.revision;
                if (!entry.isLive()) {
                    revision.operation = entry.operation == nats::KvEntry::Operation::Delete
                                             ? AclHistoryEntry::Operation::Delete
                                             : AclHistoryEntry::Operation::Purge;
                } else if (auto record = wire::decodeAclRecord(entry.value)) {
                    revision.record = std::move(record).value();
                }
                history.entries.append(std::move(revision));
            }
            return history;
        });
}

QFuture<AclListing> AclRegistry::listAll() const
{
    QObject *context = m_bucket.jetStream().connection();
    const nats::KeyValue kv = m_bucket;
    return kv.keys()
        .then(context,
              [kv, context](const nats::KvKeysResult &keys) {
                  if (!keys.ok())
                      return QtFuture::makeReadyFuture(AclListing{{}, keys.error});
                  QList<QFuture<nats::KvResult>> reads;
                  for (const QString &owner : keys.keys)
                      reads.append(kv.get(owner));
                  return QtFuture::whenAll(reads.begin(), reads.end())
                      .then(context, [owners =
                                          keys.keys](const QList<QFuture<nats::KvResult>> &done) {
                          AclListing listing;
                          for (qsizetype i = 0; i < done.size(); ++i) {
                              const AclLookup lookup = lookupOf(done.at(i).result());
                              if (!lookup.ok() && !listing.error.isError())
                                  listing.error = lookup.error;
                              // A key purged between the listing and the get is gone.
                              if (lookup.absence != AclLookup::Absence::Absent &&
                                  lookup.absence != AclLookup::Absence::Deleted)
                                  listing.owners.append({owners.at(i), lookup});
                          }
                          std::sort(listing.owners.begin(), listing.owners.end(),
                                    [](const auto &a, const auto &b) { return a.first < b.first; });
                          return listing;
                      });
              })
        .unwrap();
}

void AclRegistry::start()
{
    stop();
    m_cache.clear();
    m_removedKeys.clear();
    m_watchedRevision = 0;
    m_loaded = false;
    m_watcher = std::make_unique<nats::KvWatcher>(m_bucket);
    connect(m_watcher.get(), &nats::KvWatcher::entries, this, &AclRegistry::handleEntries);
    connect(m_watcher.get(), &nats::KvWatcher::initialValuesDone, this, [this] {
        if (m_loaded)
            return;
        m_loaded = true;
        emit loaded();
    });
    connect(m_watcher.get(), &nats::KvWatcher::failed, this, &AclRegistry::watchFailed);
    m_watcher->start();
}

void AclRegistry::stop()
{
    m_watcher.reset();
}

std::optional<AclLookup> AclRegistry::cached(const QString &owner) const
{
    const auto it = m_cache.constFind(owner);
    return it == m_cache.cend() ? std::nullopt : std::optional(*it);
}

QStringList AclRegistry::cachedOwners() const
{
    QStringList owners = m_cache.keys();
    std::sort(owners.begin(), owners.end());
    return owners;
}

void AclRegistry::handleEntries(const QList<nats::KvEntry> &batch)
{
    QStringList owners;
    for (const nats::KvEntry &entry : batch) {
        m_watchedRevision = std::max(m_watchedRevision, entry.revision);
        if (entry.isLive()) {
            m_cache.insert(entry.key, lookupOf(nats::KvResult{entry, {}}));
            m_removedKeys.remove(entry.key);
        } else {
            m_cache.remove(entry.key);
            m_removedKeys.insert(entry.key);
        }
        if (!owners.contains(entry.key))
            owners.append(entry.key);
    }
    if (!owners.isEmpty())
        emit changed(owners);
}

} // namespace cotal::space
