#include "core/delivery/daemoncontext_p.h"
#include "core/delivery/spaceview_p.h"
#include "core/space/aclregistry.h"
#include "core/space/channelregistry.h"
#include "core/space/presenceroster.h"
#include "core/wire/channels.h"
#include "core/wire/message.h"
#include "core/wire/names.h"

#include <QDeadlineTimer>
#include <QJsonObject>
#include <QPromise>
#include <QTimer>
#include <algorithm>

namespace cotal::delivery {

namespace {

constexpr int kMembersCurrentTimeoutMs = 5000;
constexpr int kAclWatchRetryMs = 30000;

OwnerAcl ownerAclOf(const space::AclLookup &read)
{
    OwnerAcl acl;
    acl.error = read.error;
    if (const wire::AclRecord *record = read.acl.record()) {
        acl.known = true;
        acl.allowSubscribe = record->allowSubscribe;
    }
    return acl;
}

MemberInterval intervalOf(const wire::MembershipRecord &record, const QString &owner)
{
    MemberInterval interval;
    interval.owner = owner;
    interval.generation = record.generation;
    interval.joinCursor = quint64(std::max<qint64>(record.joinCursor, 0));
    if (record.leaveCursor)
        interval.leaveCursor = quint64(std::max<qint64>(*record.leaveCursor, 0));
    return interval;
}

// Fresh reads of every key at once, collected by key. A read abandoned without a result (its
// connection gone) is an error, so the round that waits for it still finishes.
template<typename Result, typename Read>
QFuture<QHash<QString, Result>> readAll(const QSet<QString> &keys, Read read)
{
    QStringList names;
    QList<QFuture<Result>> reads;
    for (const QString &key : keys) {
        names.append(key);
        reads.append(read(key));
    }
    return QtFuture::whenAll(reads.begin(), reads.end())
        .then([names](const QList<QFuture<Result>> &done) {
            QHash<QString, Result> results;
            for (qsizetype i = 0; i < done.size(); ++i) {
                Result result;
                if (done.at(i).resultCount() > 0) {
                    result = done.at(i).result();
                } else {
                    result.error.kind = nats::NatsErrorKind::NotConnected;
                    result.error.message =
                        QStringLiteral("the read of %1 was abandoned").arg(names.at(i));
                }
                results.insert(names.at(i), result);
            }
            return results;
        });
}

QFuture<QHash<QString, OwnerAcl>> freshAcls(const SpaceView &view, const QSet<QString> &owners)
{
    return readAll<OwnerAcl>(owners, [&view](const QString &owner) { return view.acl(owner); });
}

QFuture<QHash<QString, MemberLookup>> freshMembers(const SpaceView &view, const QSet<QString> &keys)
{
    return readAll<MemberLookup>(keys, [&view](const QString &key) {
        const qsizetype slash = key.lastIndexOf(u'/');
        return view.member(key.left(slash), key.mid(slash + 1));
    });
}

} // namespace

class SpaceView::Private
{
public:
    explicit Private(DaemonContext *ctx)
        : context(ctx)
        , channels(nats::KeyValue(ctx->jetStream, wire::channelsBucket(ctx->space)))
        , acls(nats::KeyValue(ctx->jetStream, wire::aclBucket(ctx->space)))
        , members(nats::KeyValue(ctx->jetStream, wire::membersBucket(ctx->space)))
        , roster(nats::KeyValue(ctx->jetStream, wire::presenceBucket(ctx->space)))
        , channelsViaReads(nats::KeyValue(ctx->readJetStream, wire::channelsBucket(ctx->space)))
        , aclsViaReads(nats::KeyValue(ctx->readJetStream, wire::aclBucket(ctx->space)))
        , membersViaReads(nats::KeyValue(ctx->readJetStream, wire::membersBucket(ctx->space)))
    {}

    // The reads connection serves the fresh reads while it is up; while it reconnects, or if it
    // closed for good, they go on the main connection as they did before it existed, so a round
    // never fails for want of it.
    bool readsConnectionUp() const
    {
        return context->readJetStream.connection()->state() ==
               nats::NatsConnection::State::Connected;
    }
    const space::ChannelRegistry &channelReads() const
    {
        return readsConnectionUp() ? channelsViaReads : channels;
    }
    const space::AclRegistry &aclReads() const { return readsConnectionUp() ? aclsViaReads : acls; }
    const space::MemberRegistry &memberReads() const
    {
        return readsConnectionUp() ? membersViaReads : members;
    }

    QString aclStream() const { return QStringLiteral("KV_") + wire::aclBucket(context->space); }
    const nats::JetStream &readJetStream() const
    {
        return readsConnectionUp() ? context->readJetStream : context->jetStream;
    }

    void denyAclStreamInfo(const nats::NatsError &error)
    {
        if (!aclStreamInfoGranted)
            return;
        aclStreamInfoGranted = false;
        context->log(LogLevel::Warning, QStringLiteral("this credential cannot read the ACL "
                                                       "stream's info, so the reader reads every "
                                                       "ACL fresh: %1")
                                            .arg(error.describe()));
    }

    enum class AclCacheStanding
    {
        Current,  // answers like a fresh read
        Unproven, // a write not delivered yet, or the watch already past this answer
        Changed,  // the stream changed behind the watch's back: rebuild
    };

    // The ACL cache answers like a fresh read once the watch has delivered the stream's last
    // write, provided nothing left the stream behind the watch's back: still the stream it
    // started on, one message per key, and as many keys as it has seen. A stream re-created,
    // purged or with messages deleted makes it rebuild the cache.
    //
    // The watch started after the stream stood at `aclStreamLastAtStart`, so it holds every
    // write up to there even when the newest of them are gone (a purge, a deleted message):
    // it has seen that far.
    AclCacheStanding aclCacheStanding(const QJsonObject &info) const
    {
        const QJsonObject state = info.value(QLatin1String("state")).toObject();
        const auto last = quint64(state.value(QLatin1String("last_seq")).toInteger());
        const quint64 seen = std::max(acls.watchedRevision(), aclStreamLastAtStart);
        if (info.value(QLatin1String("created")).toString() != aclStreamCreated)
            return AclCacheStanding::Changed;
        // Past the answer, the watch's key count cannot be compared with it.
        if (seen != last)
            return AclCacheStanding::Unproven;
        if (state.value(QLatin1String("num_subjects")).toInteger() != acls.watchedKeyCount())
            return AclCacheStanding::Changed;
        const bool onePerKey = info.value(QLatin1String("config"))
                                   .toObject()
                                   .value(QLatin1String("max_msgs_per_subject"))
                                   .toInteger() == 1;
        return onePerKey ? AclCacheStanding::Current : AclCacheStanding::Unproven;
    }

    // A write of ours the cache has to show before it routes or decides again.
    void await(quint64 revision)
    {
        lastWrite = std::max(lastWrite, revision);
        settle();
    }

    // The watch delivers the bucket in order, so once it has passed our last write's revision
    // the cache holds every write we made (and whatever came after them).
    bool membersShowOurWrites() const
    {
        return members.isLoaded() && members.watchedRevision() >= lastWrite;
    }

    void settle()
    {
        if (!membersShowOurWrites())
            return;
        const auto waiting = std::exchange(waiters, {});
        for (const auto &waiter : waiting) {
            waiter->addResult(nats::NatsError{});
            waiter->finish();
        }
    }

    DaemonContext *context;
    // Fresh reads only: this registry's watch is never started.
    space::ChannelRegistry channels;
    space::AclRegistry acls; // fresh reads, and the watched cache the reader decides by
    bool aclStreamInfoGranted = true;
    bool aclWatchUp = false; // started on a known stream and not failed since
    bool aclWatchStarting = false;
    quint64 aclWatchEpoch = 0;        // bumps at each (re)start: older answers are not judged
    QString aclStreamCreated;         // the ACL stream the watch reads, by its creation time
    quint64 aclStreamLastAtStart = 0; // its last sequence before the watch started
    QDeadlineTimer aclWatchRetry{0};  // when a failed start or watch may be tried again
    space::MemberRegistry members;    // the watched cache the fan-out routes by
    space::PresenceRoster roster;
    // The same fresh reads on the reads connection (DaemonContext::readJetStream); never watched.
    space::ChannelRegistry channelsViaReads;
    space::AclRegistry aclsViaReads;
    space::MemberRegistry membersViaReads;
    quint64 lastWrite = 0; // the revision of this daemon's newest membership write
    QList<std::shared_ptr<QPromise<nats::NatsError>>> waiters;
    std::shared_ptr<QPromise<nats::NatsError>> opening;
    bool rosterLoaded = false;
};

SpaceView::SpaceView(DaemonContext *context, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(context))
{
    connect(&d->members, &space::MemberRegistry::changed, this, [this] { d->settle(); });
}

SpaceView::~SpaceView()
{
    close();
}

QFuture<nats::NatsError> SpaceView::open()
{
    d->opening = std::make_shared<QPromise<nats::NatsError>>();
    d->opening->start();
    QFuture<nats::NatsError> future = d->opening->future();
    const auto check = [this] {
        if (!d->opening || !d->members.isLoaded() || !d->rosterLoaded)
            return;
        // Finishing may run a continuation that destroys this view: touch nothing after it.
        const auto opened = std::exchange(d->opening, {});
        d->settle();
        opened->addResult(nats::NatsError{});
        opened->finish();
    };
    const auto failed = [this](const nats::NatsError &error) {
        if (!d->opening)
            return;
        const auto opened = std::exchange(d->opening, {});
        opened->addResult(error);
        opened->finish();
    };
    connect(&d->members, &space::MemberRegistry::loaded, this, check);
    connect(&d->roster, &space::PresenceRoster::initialRosterLoaded, this, [this, check] {
        d->rosterLoaded = true;
        check();
    });
    connect(&d->members, &space::MemberRegistry::watchFailed, this, failed);
    connect(&d->roster, &space::PresenceRoster::watchFailed, this, failed);
    // The ACL cache only spares reads: without it the reader reads each ACL fresh, so its
    // failure is logged, not fatal.
    connect(&d->acls, &space::AclRegistry::watchFailed, this, [this](const nats::NatsError &error) {
        d->aclWatchUp = false;
        d->aclWatchRetry.setRemainingTime(kAclWatchRetryMs);
        d->context->log(LogLevel::Warning,
                        QStringLiteral("the ACL watch failed: the reader reads ACLs fresh and "
                                       "tries the watch again in %1 s: %2")
                            .arg(kAclWatchRetryMs / 1000)
                            .arg(error.describe()));
    });
    d->members.start();
    d->roster.start();
    startAclWatch();
    return future;
}

void SpaceView::close()
{
    d->members.stop();
    d->roster.stop();
    d->acls.stop();
    ++d->aclWatchEpoch;
    d->aclWatchUp = false;
    d->aclWatchStarting = false;
    d->opening.reset();
    const auto waiting = std::exchange(d->waiters, {});
    nats::NatsError stopped;
    stopped.kind = nats::NatsErrorKind::NotConnected;
    stopped.message = QStringLiteral("the delivery daemon stopped");
    for (const auto &waiter : waiting) {
        waiter->addResult(stopped);
        waiter->finish();
    }
}

QFuture<OwnerAcl> SpaceView::acl(const QString &owner) const
{
    return d->aclReads().read(owner).then(ownerAclOf);
}

// A fresh read returns the newest write the server stored before answering. The stream's last
// sequence, read now, bounds those writes; a watch that delivered it (in order, deletes
// included) holds each owner's newest of them, so its answer is at least as fresh.
QFuture<QHash<QString, OwnerAcl>> SpaceView::currentAcls(const QSet<QString> &owners)
{
    if (d->aclStreamInfoGranted && !d->aclWatchUp && !d->aclWatchStarting &&
        d->aclWatchRetry.hasExpired())
        startAclWatch();
    if (!d->aclStreamInfoGranted || !d->aclWatchUp || !d->acls.isLoaded()) {
        ++d->context->metrics.aclRoundsReadFresh;
        return freshAcls(*this, owners);
    }
    return d->readJetStream()
        .streamInfo(d->aclStream())
        .then(this,
              [this, owners, epoch = d->aclWatchEpoch](const nats::ApiResult &info) {
                  // An answer from before a restart says nothing about the cache now.
                  const bool sameWatch =
                      epoch == d->aclWatchEpoch && d->aclWatchUp && d->acls.isLoaded();
                  const auto standing = info.ok() && sameWatch
                                            ? d->aclCacheStanding(info.body)
                                            : Private::AclCacheStanding::Unproven;
                  if (standing == Private::AclCacheStanding::Current) {
                      ++d->context->metrics.aclRoundsFromCache;
                      QHash<QString, OwnerAcl> acls;
                      for (const QString &owner : owners) {
                          const auto cached = d->acls.cached(owner);
                          acls.insert(owner, cached ? ownerAclOf(*cached) : OwnerAcl{});
                      }
                      return QtFuture::makeReadyFuture(acls);
                  }
                  if (standing == Private::AclCacheStanding::Changed) {
                      d->context->log(LogLevel::Warning,
                                      QStringLiteral("the ACL stream changed outside key-value "
                                                     "writes (purged, messages deleted or "
                                                     "re-created): rebuilding the ACL cache, "
                                                     "reading ACLs fresh meanwhile"));
                      startAclWatch();
                  }
                  if (info.error.kind == nats::NatsErrorKind::PermissionDenied)
                      d->denyAclStreamInfo(info.error);
                  ++d->context->metrics.aclRoundsReadFresh;
                  return freshAcls(*this, owners);
              })
        .unwrap();
}

// The stream's creation time is read before the watch starts, so a stream re-created at any
// point after it shows as changed.
void SpaceView::startAclWatch()
{
    if (d->aclWatchStarting)
        return;
    d->aclWatchStarting = true;
    d->aclWatchUp = false;
    ++d->aclWatchEpoch;
    d->acls.stop();
    d->readJetStream()
        .streamInfo(d->aclStream())
        .then(this, [this, epoch = d->aclWatchEpoch](const nats::ApiResult &info) {
            if (epoch != d->aclWatchEpoch)
                return; // closed meanwhile
            d->aclWatchStarting = false;
            if (!info.ok()) {
                if (info.error.kind == nats::NatsErrorKind::PermissionDenied)
                    d->denyAclStreamInfo(info.error);
                d->aclWatchRetry.setRemainingTime(kAclWatchRetryMs);
                return;
            }
            d->aclStreamCreated = info.body.value(QLatin1String("created")).toString();
            d->aclStreamLastAtStart = quint64(info.body.value(QLatin1String("state"))
                                                  .toObject()
                                                  .value(QLatin1String("last_seq"))
                                                  .toInteger());
            d->aclWatchUp = true;
            d->acls.start();
        });
}

QFuture<MemberLookup> SpaceView::member(const QString &channel, const QString &owner) const
{
    return d->memberReads().read(channel, owner).then([owner](const space::MemberLookup &read) {
        MemberLookup lookup;
        lookup.error = read.error;
        if (read.entry)
            lookup.interval = intervalOf(read.entry->record, owner);
        return lookup;
    });
}

QFuture<QHash<QString, MemberLookup>> SpaceView::currentMembers(const QSet<QString> &keys)
{
    return membersCurrent()
        .then(this,
              [this, keys](const nats::NatsError &error) {
                  if (error.isError()) {
                      d->context->log(
                          LogLevel::Warning,
                          QStringLiteral("reading memberships fresh: %1").arg(error.describe()));
                      return freshMembers(*this, keys);
                  }
                  QHash<QString, MemberLookup> members;
                  for (const QString &key : keys) {
                      const qsizetype slash = key.lastIndexOf(u'/');
                      const QString owner = key.mid(slash + 1);
                      MemberLookup lookup;
                      if (const auto entry = d->members.cachedEntry(key.left(slash), owner))
                          lookup.interval = intervalOf(entry->record, owner);
                      members.insert(key, lookup);
                  }
                  return QtFuture::makeReadyFuture(members);
              })
        .unwrap();
}

QFuture<ClassLookup> SpaceView::deliveryClass(const QString &channel) const
{
    return d->channelReads().resolveFresh(channel).then([](const space::FreshChannelPolicy &fresh) {
        ClassLookup lookup;
        lookup.error = fresh.error;
        lookup.durable = fresh.policy.deliveryClass == wire::DeliveryClass::Durable;
        return lookup;
    });
}

QFuture<MemberRecordRead> SpaceView::memberRecord(const QString &channel,
                                                  const QString &owner) const
{
    return d->members.read(channel, owner).then([](const space::MemberLookup &read) {
        MemberRecordRead result;
        result.error = read.error;
        if (read.entry)
            result.record = read.entry->record;
        return result;
    });
}

QFuture<space::SpaceError> SpaceView::commitMember(const wire::MembershipRecord &next)
{
    return d->members.commitMember(next).then(this, [this](const space::MemberWrite &write) {
        if (write.ok())
            d->await(write.written.revision);
        return write.error;
    });
}

QFuture<space::SpaceError> SpaceView::tombstoneMember(const QString &channel, const QString &owner,
                                                      quint64 leaveCursor,
                                                      std::optional<qint64> expectedGeneration)
{
    return d->members
        .tombstoneMember(channel, owner, qint64(leaveCursor), d->context->id, expectedGeneration)
        .then(this, [this](const space::TombstoneResult &result) {
            if (result.ok() && result.outcome == space::TombstoneResult::Outcome::Written)
                d->await(result.entry.revision);
            return result.error;
        });
}

QFuture<space::ActivationResult> SpaceView::activateMember(const QString &channel,
                                                           const QString &owner, qint64 generation,
                                                           quint64 joinCursor)
{
    return d->members.activateMember(channel, owner, generation, qint64(joinCursor))
        .then(this, [this](const space::ActivationResult &result) {
            if (result.ok() && result.outcome == space::ActivationResult::Outcome::Activated)
                d->await(result.entry.revision);
            return result;
        });
}

QList<wire::MembershipRecord> SpaceView::recordsOf(const QString &owner) const
{
    space::MemberFilter filter;
    filter.owner = owner;
    QList<space::MemberEntry> entries = d->members.cached(filter);
    // The reference lists keys in the order of their last write.
    std::sort(entries.begin(), entries.end(),
              [](const space::MemberEntry &a, const space::MemberEntry &b) {
                  return a.revision < b.revision;
              });
    QList<wire::MembershipRecord> records;
    records.reserve(entries.size());
    for (const space::MemberEntry &entry : std::as_const(entries))
        records.append(entry.record);
    return records;
}

QFuture<nats::NatsError> SpaceView::membersCurrent()
{
    if (d->membersShowOurWrites())
        return QtFuture::makeReadyFuture(nats::NatsError{});
    auto waiter = std::make_shared<QPromise<nats::NatsError>>();
    waiter->start();
    d->waiters.append(waiter);
    // A watch that stopped delivering must not stall routing for good: the round fails, its
    // messages are nak'd and come back.
    QTimer::singleShot(kMembersCurrentTimeoutMs, this, [this, waiter] {
        if (!d->waiters.removeOne(waiter))
            return;
        nats::NatsError error;
        error.kind = nats::NatsErrorKind::Timeout;
        error.message = QStringLiteral("the membership cache did not show this daemon's last "
                                       "write within %1 ms")
                            .arg(kMembersCurrentTimeoutMs);
        waiter->addResult(error);
        waiter->finish();
    });
    return waiter->future();
}

QList<MemberInterval> SpaceView::membersOf(const QString &channel) const
{
    space::MemberFilter filter;
    filter.channel = channel;
    const QList<space::MemberEntry> entries = d->members.cached(filter);
    QList<MemberInterval> intervals;
    intervals.reserve(entries.size());
    for (const space::MemberEntry &entry : entries)
        intervals.append(intervalOf(entry.record, entry.record.owner));
    return intervals;
}

std::optional<QString> SpaceView::resolveMention(const QString &mention) const
{
    const QString wanted = wire::jsToLower(mention);
    std::optional<QString> owner;
    // The whole roster, offline entries included: a same-named ghost makes a name ambiguous,
    // and an ambiguous name gets no copy (never guess).
    const QList<wire::Presence> roster = d->roster.snapshot();
    for (const wire::Presence &presence : roster) {
        if (wire::jsToLower(presence.card.name) != wanted)
            continue;
        if (owner)
            return std::nullopt;
        owner = presence.card.id;
    }
    return owner;
}

} // namespace cotal::delivery
