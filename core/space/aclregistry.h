#pragma once

#include "core/nats/keyvalue.h"
#include "core/space/spaceerror.h"
#include "core/wire/aclrecord.h"

#include <QFuture>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QStringList>
#include <functional>
#include <memory>
#include <optional>

namespace cotal::space {

// An owner's read ACL as read from `cotal_acl_<S>` (storage.md §5.4). The standing is tri-state:
// Reads and ReadsNothing (`allowSubscribe: []`) are known records with a KV revision; Unknown
// (absent, deleted, purged, undecodable, not an array) means a reader defers. A failed read is
// none of these: `error` is set.
struct AclLookup
{
    enum class Absence
    {
        None,        // a record is known
        Absent,      // the key never existed
        Deleted,     // a delete or purge marker
        Undecodable, // a value that is not an AclRecord
    };

    wire::ReadAcl acl = wire::ReadAcl::unknown();
    quint64 revision = 0; // KV revision of the value read (also of an undecodable one)
    Absence absence = Absence::Absent;
    nats::NatsError error;

    bool ok() const { return !error.isError(); }
    bool isKnown() const { return acl.standing() != wire::ReadAcl::Standing::Unknown; }
};

struct AclWrite
{
    wire::AclRecord record; // what was written
    quint64 revision = 0;   // its KV revision
    SpaceError error;
    // After a RevisionConflict of a strict write: what is stored now, so both can be shown.
    std::optional<AclLookup> current;
    bool ok() const { return !error.isError(); }
};

struct AclListing
{
    QList<QPair<QString, AclLookup>> owners; // sorted by owner
    nats::NatsError error;
    bool ok() const { return !error.isError(); }
};

struct AclDeletion
{
    quint64 revision = 0; // the delete marker's KV revision
    SpaceError error;     // RevisionConflict: the record moved on since it was read
    bool ok() const { return !error.isError(); }
};

// One revision of an owner's key, oldest first in AclHistory.
struct AclHistoryEntry
{
    enum class Operation
    {
        Put,
        Delete,
        Purge,
    };
    quint64 revision = 0;
    Operation operation = Operation::Put;
    std::optional<wire::AclRecord> record; // a Put that decodes
};

struct AclHistory
{
    QList<AclHistoryEntry> entries; // oldest first
    SpaceError error;
    bool ok() const { return !error.isError(); }
};

// The read-ACL registry: reads, the reference's commit loop, the admin editor's strict
// compare-and-set, purge, and a watch-fed cache. Lives on its connection's thread.
class AclRegistry final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AclRegistry)

public:
    using Clock = std::function<qint64()>; // epoch ms, for updatedAt

    static constexpr int kCommitAttempts = 5;

    explicit AclRegistry(nats::KeyValue bucket, Clock clock = {}, QObject *parent = nullptr);
    ~AclRegistry() override;

    QFuture<AclLookup> read(const QString &owner) const;

    // storage.md §5.4 commitAcl: up to 5 attempts of read → build {allowSubscribe, revision:
    // previous + 1, updatedAt} → create when absent, CAS update otherwise.
    QFuture<AclWrite> commitAcl(const QString &owner, const QStringList &allowSubscribe) const;

    // One strict attempt for the admin editor: lands only if the key is still at `kvRevision`
    // (0: the key must be absent). Otherwise RevisionConflict with the stored record.
    QFuture<AclWrite> commitOnRevision(const QString &owner, const QStringList &allowSubscribe,
                                       quint64 kvRevision) const;

    // Removal = KV purge, distinct from writing [] (storage.md §5.4).
    QFuture<SpaceError> remove(const QString &owner) const;
    // The admin editor's delete: a delete marker that lands only if the key is still at
    // `kvRevision`, so a record changed meanwhile is never removed unseen.
    QFuture<AclDeletion> deleteOnRevision(const QString &owner, quint64 kvRevision) const;
    // Every revision the bucket keeps of `owner`'s key.
    QFuture<AclHistory> history(const QString &owner) const;

    // Every owner in the bucket, read now (one key listing plus a get per key).
    QFuture<AclListing> listAll() const;

    // The watch-fed cache.
    void start();
    void stop();
    bool isLoaded() const { return m_loaded; }
    std::optional<AclLookup> cached(const QString &owner) const;
    QStringList cachedOwners() const; // sorted
    // The newest bucket revision the watch has delivered, deletes and purges included: with the
    // stream's last sequence at or below it, the cache holds every write made until then.
    quint64 watchedRevision() const { return m_watchedRevision; }
    // The keys whose newest message the watch has delivered, records and delete or purge markers
    // alike: with one message per key, what the stream should hold.
    qsizetype watchedKeyCount() const { return m_cache.size() + m_removedKeys.size(); }

signals:
    // Owners whose record changed in one drain.
    void changed(const QStringList &owners);
    void loaded();
    void watchFailed(const cotal::nats::NatsError &error);

private:
    void handleEntries(const QList<nats::KvEntry> &batch);

    nats::KeyValue m_bucket;
    Clock m_clock;
    std::unique_ptr<nats::KvWatcher> m_watcher;
    QHash<QString, AclLookup> m_cache;
    QSet<QString> m_removedKeys; // deleted or purged: a marker is their newest message
    quint64 m_watchedRevision = 0;
    bool m_loaded = false;
};

} // namespace cotal::space
