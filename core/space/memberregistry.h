#pragma once

#include "core/nats/keyvalue.h"
#include "core/space/registryentry.h"
#include "core/space/spaceerror.h"
#include "core/wire/memberrecord.h"

#include <QFuture>
#include <QHash>
#include <QList>
#include <QObject>
#include <QStringList>
#include <functional>
#include <memory>
#include <optional>

namespace cotal::space {

using MemberEntry = RegistryEntry<wire::MembershipRecord>;

// A fresh read of one `<channel>/<owner>` key.
struct MemberLookup
{
    std::optional<MemberEntry> entry; // none: absent, deleted, purged or undecodable
    bool undecodable = false;         // a value is stored but is not a MembershipRecord
    quint64 storedRevision = 0;       // revision of whatever value is stored (undecodable too)
    nats::NatsError error;
    bool ok() const { return !error.isError(); }
};

struct MemberWrite
{
    MemberEntry written;
    SpaceError error; // StaleMembershipWrite, RetriesExhausted, or the NATS failure
    bool ok() const { return !error.isError(); }
};

struct TombstoneResult
{
    enum class Outcome
    {
        Written,
        NoRecord,    // nothing to close
        AlreadyLeft, // closed at or before the requested cursor already
    };

    Outcome outcome = Outcome::NoRecord;
    MemberEntry entry; // what is stored after the call (Written / AlreadyLeft)
    SpaceError error;
    bool ok() const { return !error.isError(); }
};

struct ActivationResult
{
    enum class Outcome
    {
        Activated,
        Superseded, // a same-generation leave or a rejoin happened meanwhile (delivery.md §5.3)
    };

    Outcome outcome = Outcome::Superseded;
    MemberEntry entry; // the activated record
    SpaceError error;
    bool ok() const { return !error.isError(); }
};

// Exact-match filters over member keys (delivery.md §5.4); `openOnly` keeps records without a
// leaveCursor (what listMemberships reports, delivery.md §6.4).
struct MemberFilter
{
    std::optional<QString> channel;
    std::optional<QString> owner;
    bool openOnly = false;

    bool matches(const wire::MembershipRecord &record) const;
};

struct MemberListing
{
    QList<MemberEntry> members; // sorted by key
    nats::NatsError error;
    bool ok() const { return !error.isError(); }
};

// Durable membership `cotal_members_<S>` (storage.md §5.3): reads, listings, the daemon's write
// algorithms of delivery.md §5, and a watch-fed cache so routing never scans the bucket per
// message. Keys are `<channel>/<owner>`. Lives on its connection's thread.
class MemberRegistry final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MemberRegistry)

public:
    using Clock = std::function<qint64()>; // epoch ms, for updatedAt

    static constexpr int kCasAttempts = 5;

    explicit MemberRegistry(nats::KeyValue bucket, Clock clock = {}, QObject *parent = nullptr);
    ~MemberRegistry() override;

    QFuture<MemberLookup> read(const QString &channel, const QString &owner) const;
    // Every key, parsed and filtered, each value read now: O(bucket). Tombstones included.
    QFuture<MemberListing> list(const MemberFilter &filter = {}) const;

    // delivery.md §5.1: create-or-CAS with a generation guard, 5 attempts. `next` is written
    // as given (the caller stamps updatedAt and writerIdentity).
    QFuture<MemberWrite> commitMember(const wire::MembershipRecord &next) const;
    // delivery.md §5.2.
    QFuture<TombstoneResult> tombstoneMember(const QString &channel, const QString &owner,
                                             qint64 leaveCursor, const QString &writer,
                                             std::optional<qint64> expectedGeneration = {}) const;
    // delivery.md §5.3.
    QFuture<ActivationResult> activateMember(const QString &channel, const QString &owner,
                                             qint64 expectedGeneration,
                                             qint64 expectedJoinCursor) const;

    // The watch-fed cache.
    void start();
    void stop();
    bool isLoaded() const { return m_loaded; }
    QList<MemberEntry> cached(const MemberFilter &filter = {}) const; // sorted by key
    std::optional<MemberEntry> cachedEntry(const QString &channel, const QString &owner) const;
    // The newest bucket revision the watch has delivered (every key, deletes included): every
    // write up to it is in the cache.
    quint64 watchedRevision() const { return m_watchedRevision; }

signals:
    // Member keys whose record changed in one drain.
    void changed(const QStringList &keys);
    void loaded();
    void watchFailed(const cotal::nats::NatsError &error);

private:
    void handleEntries(const QList<nats::KvEntry> &batch);

    nats::KeyValue m_bucket;
    Clock m_clock;
    std::unique_ptr<nats::KvWatcher> m_watcher;
    QHash<QString, MemberEntry> m_cache;
    quint64 m_watchedRevision = 0;
    bool m_loaded = false;
};

} // namespace cotal::space
