#pragma once

#include "core/nats/keyvalue.h"
#include "core/space/deliveryhealth.h"
#include "core/space/spaceerror.h"
#include "core/wire/deliverylease.h"

#include <QDateTime>
#include <QFuture>
#include <QHash>
#include <QList>
#include <QObject>
#include <functional>
#include <memory>
#include <optional>

namespace cotal::space {

// `lease.<shard>` as read (storage.md §5.5, delivery.md §2).
struct LeaseState
{
    int shard = 0;
    std::optional<wire::DeliveryLease> lease; // none: never acquired, released, expired
    bool undecodable = false;                 // a value is stored but is not a lease
    quint64 revision = 0;                     // of the stored value; 0 when there is none
    QDateTime created;                        // when the stored value was written
    qint64 timeLeftMs = 0; // until the bucket's 30 s max_age removes it; 0 when none
    nats::NatsError error;

    bool ok() const { return !error.isError(); }
    // The input DeliveryHealth needs (delivery.md §10 step 1).
    LeaseReadOutcome outcome() const;
};

struct LeaseWrite
{
    wire::DeliveryLease lease; // what was written
    quint64 revision = 0;
    // LeaseHeld (acquire against a live lease; `current` names the holder), RevisionConflict
    // (renew / mark-ready / force release after someone else wrote), or a NATS failure.
    SpaceError error;
    std::optional<LeaseState> current;
    bool ok() const { return !error.isError(); }
};

// The delivery daemon's single-flight lease in `cotal_delivery_<S>`: reads and a watch for the
// console's lease inspector, and the daemon-side operations. Lives on its connection's thread.
class DeliveryLease final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeliveryLease)

public:
    using Clock = std::function<qint64()>; // epoch ms, for `since` and the time left

    static constexpr qint64 kTtlMs = 30000;        // bucket max_age
    static constexpr qint64 kRenewEveryMs = 15000; // max(1000, TTL / 2)

    explicit DeliveryLease(nats::KeyValue bucket, Clock clock = {}, QObject *parent = nullptr);
    ~DeliveryLease() override;

    static QString keyFor(int shard);

    QFuture<LeaseState> read(int shard = 0) const;

    // KV create of {holder, since: now, ready: false}; a DEL marker is no obstacle, a live lease
    // is (LeaseHeld naming its holder). No retry, no waiting: the caller decides.
    QFuture<LeaseWrite> acquire(const QString &holder, int shard = 0) const;
    // CAS update to {holder, since: now, ready: true} on the revision the caller holds.
    QFuture<LeaseWrite> markReady(const QString &holder, quint64 revision, int shard = 0) const;
    QFuture<LeaseWrite> renew(const QString &holder, quint64 revision, int shard = 0) const;
    // Plain KV delete, not CAS-guarded, as the reference's shutdown does.
    QFuture<SpaceError> release(int shard = 0) const;
    // CAS delete on the revision the inspector shows: refused if the lease moved on.
    QFuture<SpaceError> forceRelease(quint64 revision, int shard = 0) const;

    // The watch-fed cache; time left is computed at the call.
    void start();
    void stop();
    bool isLoaded() const { return m_loaded; }
    QList<LeaseState> leases() const; // by shard; expired leases read as absent
    LeaseState cached(int shard = 0) const;

signals:
    // Shards whose lease changed in one drain, as they stand now.
    void changed(const QList<cotal::space::LeaseState> &leases);
    void loaded();
    void watchFailed(const cotal::nats::NatsError &error);

private:
    void handleEntries(const QList<nats::KvEntry> &batch);
    QFuture<LeaseWrite> writeReady(const QString &holder, quint64 revision, int shard) const;

    nats::KeyValue m_bucket;
    Clock m_clock;
    std::unique_ptr<nats::KvWatcher> m_watcher;
    QHash<int, nats::KvEntry> m_entries;
    bool m_loaded = false;
};

} // namespace cotal::space

Q_DECLARE_METATYPE(cotal::space::LeaseState)
