#include "core/space/deliverylease.h"

#include <algorithm>

namespace cotal::space {

namespace {

const QString kKeyPrefix = QStringLiteral("lease.");

std::optional<int> shardOf(const QString &key)
{
    if (!key.startsWith(kKeyPrefix))
        return std::nullopt;
    bool ok = false;
    const int shard = key.mid(kKeyPrefix.size()).toInt(&ok);
    return ok && shard >= 0 ? std::optional(shard) : std::nullopt;
}

// A stored entry as the inspector sees it at `now`. Bucket TTL expiry sends no watch event, so
// an entry past its max_age is absent even while still cached.
LeaseState stateOf(int shard, const nats::KvEntry &entry, qint64 now)
{
    LeaseState state;
    state.shard = shard;
    if (!entry.isLive())
        return state;
    const qint64 left = DeliveryLease::kTtlMs - (now - entry.created.toMSecsSinceEpoch());
    if (left <= 0)
        return state;
    state.revision = entry.revision;
    state.created = entry.created;
    state.timeLeftMs = left;
    wire::Result<wire::DeliveryLease> decoded = wire::decodeDeliveryLease(entry.value);
    if (decoded)
        state.lease = std::move(decoded).value();
    else
        state.undecodable = true;
    return state;
}

LeaseState stateOf(int shard, const nats::KvResult &read, qint64 now)
{
    if (isAbsentKey(read.error))
        return LeaseState{shard, {}, false, 0, {}, 0, {}};
    if (!read.ok()) {
        LeaseState failed;
        failed.shard = shard;
        failed.error = read.error;
        return failed;
    }
    return stateOf(shard, read.entry, now);
}

LeaseWrite written(const wire::DeliveryLease &lease, const nats::KvResult &result)
{
    LeaseWrite write;
    write.error = SpaceError::fromNats(result.error);
    if (result.ok()) {
        write.lease = lease;
        write.revision = result.entry.revision;
    }
    return write;
}

} // namespace

LeaseReadOutcome LeaseState::outcome() const
{
    if (!ok())
        return LeaseReadOutcome::Failed;
    if (!lease)
        return LeaseReadOutcome::Absent;
    return lease->ready ? LeaseReadOutcome::Ready : LeaseReadOutcome::NotReady;
}

DeliveryLease::DeliveryLease(nats::KeyValue bucket, Clock clock, QObject *parent)
    : QObject(parent)
    , m_bucket(std::move(bucket))
    , m_clock(clock ? std::move(clock) : Clock([] { return QDateTime::currentMSecsSinceEpoch(); }))
{}

DeliveryLease::~DeliveryLease() = default;

QString DeliveryLease::keyFor(int shard)
{
    return kKeyPrefix + QString::number(shard);
}

QFuture<LeaseState> DeliveryLease::read(int shard) const
{
    const Clock clock = m_clock;
    return m_bucket.get(keyFor(shard))
        .then(m_bucket.jetStream().connection(), [shard, clock](const nats::KvResult &result) {
            return stateOf(shard, result, clock());
        });
}

QFuture<LeaseWrite> DeliveryLease::acquire(const QString &holder, int shard) const
{
    const wire::DeliveryLease lease{holder, double(m_clock()), false};
    QObject *context = m_bucket.jetStream().connection();
    const nats::KeyValue kv = m_bucket;
    const Clock clock = m_clock;
    return kv.create(keyFor(shard), wire::encodeDeliveryLease(lease))
        .then(context,
              [kv, lease, shard, clock, context](const nats::KvResult &created) {
                  if (created.error.kind != nats::NatsErrorKind::RevisionConflict)
                      return QtFuture::makeReadyFuture(written(lease, created));
                  // A live lease: say whose, so the operator knows which daemon is running.
                  return kv.get(keyFor(shard))
                      .then(context, [shard, clock](const nats::KvResult &now) {
                          LeaseWrite refused;
                          refused.current = stateOf(shard, now, clock());
                          const QString holderName = refused.current->lease
                                                         ? refused.current->lease->holder
                                                         : QStringLiteral("an unknown holder");
                          refused.error = SpaceError::make(
                              SpaceErrorKind::LeaseHeld,
                              QStringLiteral("another delivery daemon is running: %1 is held by %2")
                                  .arg(keyFor(shard), holderName));
                          return refused;
                      });
              })
        .unwrap();
}

QFuture<LeaseWrite> DeliveryLease::writeReady(const QString &holder, quint64 revision,
                                              int shard) const
{
    const wire::DeliveryLease lease{holder, double(m_clock()), true};
    return m_bucket.update(keyFor(shard), wire::encodeDeliveryLease(lease), revision)
        .then(m_bucket.jetStream().connection(),
              [lease](const nats::KvResult &result) { return written(lease, result); });
}

QFuture<LeaseWrite> DeliveryLease::markReady(const QString &holder, quint64 revision,
                                             int shard) const
{
    return writeReady(holder, revision, shard);
}

QFuture<LeaseWrite> DeliveryLease::renew(const QString &holder, quint64 revision, int shard) const
{
    return writeReady(holder, revision, shard);
}

QFuture<SpaceError> DeliveryLease::release(int shard) const
{
    return m_bucket.remove(keyFor(shard))
        .then(m_bucket.jetStream().connection(),
              [](const nats::KvResult &result) { return SpaceError::fromNats(result.error); });
}

QFuture<SpaceError> DeliveryLease::forceRelease(quint64 revision, int shard) const
{
    if (revision == 0) {
        return QtFuture::makeReadyFuture(SpaceError::make(
            SpaceErrorKind::InvalidArgument,
            QStringLiteral("a forced release needs the revision the lease was read at")));
    }
    return m_bucket.remove(keyFor(shard), revision)
        .then(m_bucket.jetStream().connection(), [revision](const nats::KvResult &result) {
            SpaceError error = SpaceError::fromNats(result.error);
            if (error.kind == SpaceErrorKind::RevisionConflict) {
                error.message = QStringLiteral("the lease changed since revision %1; read it again")
                                    .arg(revision);
            }
            return error;
        });
}

void DeliveryLease::start()
{
    stop();
    m_entries.clear();
    m_loaded = false;
    m_watcher = std::make_unique<nats::KvWatcher>(m_bucket, kKeyPrefix + u'*');
    connect(m_watcher.get(), &nats::KvWatcher::entries, this, &DeliveryLease::handleEntries);
    connect(m_watcher.get(), &nats::KvWatcher::initialValuesDone, this, [this] {
        if (m_loaded)
            return;
        m_loaded = true;
        emit loaded();
    });
    connect(m_watcher.get(), &nats::KvWatcher::failed, this, &DeliveryLease::watchFailed);
    m_watcher->start();
}

void DeliveryLease::stop()
{
    m_watcher.reset();
}

QList<LeaseState> DeliveryLease::leases() const
{
    QList<int> shards = m_entries.keys();
    std::sort(shards.begin(), shards.end());
    QList<LeaseState> states;
    for (const int shard : shards)
        states.append(cached(shard));
    return states;
}

LeaseState DeliveryLease::cached(int shard) const
{
    const auto it = m_entries.constFind(shard);
    if (it == m_entries.cend())
        return LeaseState{shard, {}, false, 0, {}, 0, {}};
    return stateOf(shard, *it, m_clock());
}

void DeliveryLease::handleEntries(const QList<nats::KvEntry> &batch)
{
    QList<int> touched;
    for (const nats::KvEntry &entry : batch) {
        const std::optional<int> shard = shardOf(entry.key);
        if (!shard)
            continue;
        m_entries.insert(*shard, entry);
        if (!touched.contains(*shard))
            touched.append(*shard);
    }
    if (touched.isEmpty())
        return;
    QList<LeaseState> states;
    for (const int shard : std::as_const(touched))
        states.append(cached(shard));
    emit changed(states);
}

} // namespace cotal::space
