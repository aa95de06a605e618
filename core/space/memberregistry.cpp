#include "core/space/memberregistry.h"

#include "core/wire/channels.h"

#include <QDateTime>
#include <algorithm>

namespace cotal::space {

namespace {

MemberLookup lookupOf(const nats::KvResult &read)
{
    MemberLookup lookup;
    if (isAbsentKey(read.error))
        return lookup;
    if (!read.ok()) {
        lookup.error = read.error;
        return lookup;
    }
    if (!read.entry.isLive())
        return lookup;
    lookup.storedRevision = read.entry.revision;
    wire::Result<wire::MembershipRecord> decoded = wire::decodeMembershipRecord(read.entry.value);
    if (!decoded) {
        lookup.undecodable = true;
        return lookup;
    }
    lookup.entry = MemberEntry{std::move(decoded).value(), read.entry.revision};
    return lookup;
}

QString keyText(const QString &channel, const QString &owner)
{
    return channel + u'/' + owner;
}

// A record whose fields disagree with its key is not that member's record.
bool belongsToKey(const wire::MembershipRecord &record, const QString &key)
{
    return keyText(record.channel, record.owner) == key;
}

bool isLostRace(const nats::KvResult &written)
{
    return written.error.kind == nats::NatsErrorKind::RevisionConflict;
}

template<typename T> QFuture<T> failedWith(SpaceError error)
{
    T result;
    result.error = std::move(error);
    return QtFuture::makeReadyFuture(result);
}

QList<MemberEntry> sortedByKey(QList<MemberEntry> entries)
{
    std::sort(entries.begin(), entries.end(), [](const MemberEntry &a, const MemberEntry &b) {
        return std::pair(a.record.channel, a.record.owner) <
               std::pair(b.record.channel, b.record.owner);
    });
    return entries;
}

// delivery.md §5.1, one attempt per call.
struct CommitLoop
{
    nats::KeyValue kv;
    QString key;
    wire::MembershipRecord next;

    QFuture<MemberWrite> attempt(int number) const
    {
        QObject *context = kv.jetStream().connection();
        const CommitLoop loop = *this;
        return kv.get(key)
            .then(context,
                  [loop, number, context](const nats::KvResult &read) {
                      const MemberLookup current = lookupOf(read);
                      if (!current.ok())
                          return failedWith<MemberWrite>(SpaceError::fromNats(current.error));
                      const QByteArray body = wire::encodeMembershipRecord(loop.next);
                      // An undecodable value is still a value: it is replaced by CAS, not created.
                      const bool present = current.entry || current.undecodable;
                      if (current.entry &&
                          loop.next.generation < current.entry->record.generation) {
                          return failedWith<MemberWrite>(SpaceError::make(
                              SpaceErrorKind::StaleMembershipWrite,
                              QStringLiteral("stale membership write for %1: generation %2 < "
                                             "current %3")
                                  .arg(loop.key)
                                  .arg(loop.next.generation)
                                  .arg(current.entry->record.generation)));
                      }
                      QFuture<nats::KvResult> write =
                          present ? loop.kv.update(loop.key, body, current.storedRevision)
                                  : loop.kv.create(loop.key, body);
                      return write
                          .then(context,
                                [loop, number](const nats::KvResult &written) {
                                    if (written.ok()) {
                                        MemberWrite result;
                                        result.written = {loop.next, written.entry.revision};
                                        return QtFuture::makeReadyFuture(result);
                                    }
                                    if (!isLostRace(written))
                                        return failedWith<MemberWrite>(
                                            SpaceError::fromNats(written.error));
                                    if (number + 1 >= MemberRegistry::kCasAttempts) {
                                        return failedWith<MemberWrite>(SpaceError::make(
                                            SpaceErrorKind::RetriesExhausted,
                                            QStringLiteral("members CAS exhausted retries for %1")
                                                .arg(loop.key)));
                                    }
                                    return loop.attempt(number + 1);
                                })
                          .unwrap();
                  })
            .unwrap();
    }
};

// delivery.md §5.3, one attempt per call.
struct ActivationLoop
{
    nats::KeyValue kv;
    QString key;
    qint64 generation = 0;
    qint64 joinCursor = 0;
    std::function<qint64()> clock;

    QFuture<ActivationResult> attempt(int number) const
    {
        QObject *context = kv.jetStream().connection();
        const ActivationLoop loop = *this;
        return kv.get(key)
            .then(context,
                  [loop, number, context](const nats::KvResult &read) {
                      const MemberLookup current = lookupOf(read);
                      ActivationResult result;
                      if (!current.ok()) {
                          result.error = SpaceError::fromNats(current.error);
                          return QtFuture::makeReadyFuture(result);
                      }
                      // A blind write would resurrect a tombstone or a superseded generation.
                      if (!current.entry || current.entry->record.generation != loop.generation ||
                          current.entry->record.joinCursor != loop.joinCursor ||
                          current.entry->record.leaveCursor) {
                          return QtFuture::makeReadyFuture(result);
                      }
                      if (current.entry->record.activated == true) {
                          result.outcome = ActivationResult::Outcome::Activated;
                          result.entry = *current.entry;
                          return QtFuture::makeReadyFuture(result);
                      }
                      wire::MembershipRecord next = current.entry->record;
                      next.activated = true;
                      next.updatedAt = double(loop.clock());
                      return loop.kv
                          .update(loop.key, wire::encodeMembershipRecord(next),
                                  current.entry->revision)
                          .then(context,
                                [loop, number, next](const nats::KvResult &written) {
                                    ActivationResult done;
                                    if (written.ok()) {
                                        done.outcome = ActivationResult::Outcome::Activated;
                                        done.entry = {next, written.entry.revision};
                                        return QtFuture::makeReadyFuture(done);
                                    }
                                    if (!isLostRace(written)) {
                                        done.error = SpaceError::fromNats(written.error);
                                        return QtFuture::makeReadyFuture(done);
                                    }
                                    if (number + 1 >= MemberRegistry::kCasAttempts)
                                        return QtFuture::makeReadyFuture(done); // superseded
                                    return loop.attempt(number + 1);
                                })
                          .unwrap();
                  })
            .unwrap();
    }
};

} // namespace

bool MemberFilter::matches(const wire::MembershipRecord &record) const
{
    return (!channel || record.channel == *channel) && (!owner || record.owner == *owner) &&
           (!openOnly || !record.leaveCursor);
}

MemberRegistry::MemberRegistry(nats::KeyValue bucket, Clock clock, QObject *parent)
    : QObject(parent)
    , m_bucket(std::move(bucket))
    , m_clock(clock ? std::move(clock) : Clock([] { return QDateTime::currentMSecsSinceEpoch(); }))
{}

MemberRegistry::~MemberRegistry() = default;

QFuture<MemberLookup> MemberRegistry::read(const QString &channel, const QString &owner) const
{
    const wire::Result<QString> key = wire::memberKey(channel, owner);
    if (!key) {
        MemberLookup lookup;
        lookup.error.kind = nats::NatsErrorKind::InvalidArgument;
        lookup.error.message = key.error().detail;
        return QtFuture::makeReadyFuture(lookup);
    }
    return m_bucket.get(key.value()).then(m_bucket.jetStream().connection(), &lookupOf);
}

QFuture<MemberListing> MemberRegistry::list(const MemberFilter &filter) const
{
    QObject *context = m_bucket.jetStream().connection();
    const nats::KeyValue kv = m_bucket;
    return kv.keys()
        .then(context,
              [kv, filter, context](const nats::KvKeysResult &keys) {
                  if (!keys.ok())
                      return QtFuture::makeReadyFuture(MemberListing{{}, keys.error});
                  QList<QFuture<nats::KvResult>> reads;
                  for (const QString &key : keys.keys) {
                      const std::optional<wire::MemberKey> parsed = wire::parseMemberKey(key);
                      // Unparseable keys are skipped; the key filter saves the gets.
                      if (!parsed || (filter.channel && parsed->channel != *filter.channel) ||
                          (filter.owner && parsed->owner != *filter.owner)) {
                          continue;
                      }
                      reads.append(kv.get(key));
                  }
                  return QtFuture::whenAll(reads.begin(), reads.end())
                      .then(context, [filter](const QList<QFuture<nats::KvResult>> &done) {
                          MemberListing listing;
                          for (const QFuture<nats::KvResult> &read : done) {
                              const MemberLookup lookup = lookupOf(read.result());
                              if (!lookup.ok() && !listing.error.isError())
                                  listing.error = lookup.error;
                              if (lookup.entry &&
                                  belongsToKey(lookup.entry->record, read.result().entry.key) &&
                                  filter.matches(lookup.entry->record)) {
                                  listing.members.append(*lookup.entry);
                              }
                          }
                          listing.members = sortedByKey(listing.members);
                          return listing;
                      });
              })
        .unwrap();
}

QFuture<MemberWrite> MemberRegistry::commitMember(const wire::MembershipRecord &next) const
{
    const wire::Result<QString> key = wire::memberKey(next.channel, next.owner);
    if (!key)
        return failedWith<MemberWrite>(SpaceError::fromWire(key.error()));
    return CommitLoop{m_bucket, key.value(), next}.attempt(0);
}

QFuture<TombstoneResult>
MemberRegistry::tombstoneMember(const QString &channel, const QString &owner, qint64 leaveCursor,
                                const QString &writer,
                                std::optional<qint64> expectedGeneration) const
{
    const wire::Result<QString> key = wire::memberKey(channel, owner);
    if (!key)
        return failedWith<TombstoneResult>(SpaceError::fromWire(key.error()));
    QObject *context = m_bucket.jetStream().connection();
    const nats::KeyValue kv = m_bucket;
    const Clock clock = m_clock;
    return kv.get(key.value())
        .then(context,
              [kv, key = key.value(), leaveCursor, writer, expectedGeneration, clock,
               context](const nats::KvResult &read) {
                  const MemberLookup current = lookupOf(read);
                  TombstoneResult result;
                  if (!current.ok())
                      return failedWith<TombstoneResult>(SpaceError::fromNats(current.error));
                  if (!current.entry)
                      return QtFuture::makeReadyFuture(result);
                  const wire::MembershipRecord &record = current.entry->record;
                  // A stale leave must never close a newer rejoin.
                  if (expectedGeneration && record.generation != *expectedGeneration) {
                      return failedWith<TombstoneResult>(SpaceError::make(
                          SpaceErrorKind::StaleMembershipWrite,
                          QStringLiteral("stale membership write for %1: generation %2 != "
                                         "current %3")
                              .arg(key)
                              .arg(*expectedGeneration)
                              .arg(record.generation)));
                  }
                  if (record.leaveCursor && *record.leaveCursor <= leaveCursor) {
                      result.outcome = TombstoneResult::Outcome::AlreadyLeft;
                      result.entry = *current.entry;
                      return QtFuture::makeReadyFuture(result);
                  }
                  wire::MembershipRecord next = record;
                  next.state = wire::MemberState::LiveConfirmed;
                  next.leaveCursor = leaveCursor;
                  next.writerIdentity = writer;
                  next.updatedAt = double(clock());
                  return CommitLoop{kv, key, next}.attempt(0).then(
                      context, [](const MemberWrite &written) {
                          TombstoneResult done;
                          done.error = written.error;
                          if (written.ok()) {
                              done.outcome = TombstoneResult::Outcome::Written;
                              done.entry = written.written;
                          }
                          return done;
                      });
              })
        .unwrap();
}

QFuture<ActivationResult> MemberRegistry::activateMember(const QString &channel,
                                                         const QString &owner,
                                                         qint64 expectedGeneration,
                                                         qint64 expectedJoinCursor) const
{
    const wire::Result<QString> key = wire::memberKey(channel, owner);
    if (!key)
        return failedWith<ActivationResult>(SpaceError::fromWire(key.error()));
    return ActivationLoop{m_bucket, key.value(), expectedGeneration, expectedJoinCursor, m_clock}
        .attempt(0);
}

void MemberRegistry::start()
{
    stop();
    m_cache.clear();
    m_watchedRevision = 0;
    m_loaded = false;
    m_watcher = std::make_unique<nats::KvWatcher>(m_bucket);
    connect(m_watcher.get(), &nats::KvWatcher::entries, this, &MemberRegistry::handleEntries);
    connect(m_watcher.get(), &nats::KvWatcher::initialValuesDone, this, [this] {
        if (m_loaded)
            return;
        m_loaded = true;
        emit loaded();
    });
    connect(m_watcher.get(), &nats::KvWatcher::failed, this, &MemberRegistry::watchFailed);
    m_watcher->start();
}

void MemberRegistry::stop()
{
    m_watcher.reset();
}

QList<MemberEntry> MemberRegistry::cached(const MemberFilter &filter) const
{
    QList<MemberEntry> found;
    for (const MemberEntry &entry : m_cache) {
        if (filter.matches(entry.record))
            found.append(entry);
    }
    return sortedByKey(found);
}

std::optional<MemberEntry> MemberRegistry::cachedEntry(const QString &channel,
                                                       const QString &owner) const
{
    const auto it = m_cache.constFind(keyText(channel, owner));
    return it == m_cache.cend() ? std::nullopt : std::optional(*it);
}

void MemberRegistry::handleEntries(const QList<nats::KvEntry> &batch)
{
    QStringList keys;
    for (const nats::KvEntry &entry : batch) {
        m_watchedRevision = std::max(m_watchedRevision, entry.revision);
        if (!wire::parseMemberKey(entry.key))
            continue;
        const MemberLookup lookup = lookupOf(nats::KvResult{entry, {}});
        if (lookup.entry && belongsToKey(lookup.entry->record, entry.key)) {
            m_cache.insert(entry.key, *lookup.entry);
        } else if (m_cache.remove(entry.key) == 0) {
            continue;
        }
        if (!keys.contains(entry.key))
            keys.append(entry.key);
    }
    if (!keys.isEmpty())
        emit changed(keys);
}

} // namespace cotal::space
