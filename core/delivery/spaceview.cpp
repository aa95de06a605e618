#include "core/delivery/daemoncontext_p.h"
#include "core/delivery/kvmirror_p.h"
#include "core/delivery/provenwatch_p.h"
#include "core/delivery/spaceview_p.h"
#include "core/space/aclregistry.h"
#include "core/space/channelregistry.h"
#include "core/space/presenceroster.h"
#include "core/wire/channelconfig.h"
#include "core/wire/channels.h"
#include "core/wire/message.h"
#include "core/wire/names.h"

#include <QPromise>
#include <QTimer>
#include <algorithm>

namespace cotal::delivery {

namespace {

constexpr int kMembersCurrentTimeoutMs = 5000;

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

QFuture<QHash<QString, ClassLookup>> freshClasses(const SpaceView &view,
                                                  const QSet<QString> &channels)
{
    return readAll<ClassLookup>(
        channels, [&view](const QString &channel) { return view.deliveryClass(channel); });
}

template<typename Record>
std::optional<Record> decodedValue(const std::optional<QByteArray> &value,
                                   wire::Result<Record> (*decode)(QByteArrayView))
{
    if (!value)
        return std::nullopt;
    wire::Result<Record> decoded = decode(*value);
    if (!decoded)
        return std::nullopt; // as a fresh read takes it: no record
    return std::move(decoded).value();
}

// A channel's class from the registry's watched copy, resolved as from a fresh read of its key
// and `=defaults`.
ClassLookup classFrom(const KvMirror &registry, const QString &channel)
{
    const std::optional<wire::ChannelConfig> config =
        wire::isConcreteChannel(channel)
            ? decodedValue(registry.value(channel), &wire::decodeChannelConfig)
            : std::nullopt;
    const std::optional<wire::ChannelDefaults> defaults = decodedValue(
        registry.value(wire::kChannelDefaultsKey.toString()), &wire::decodeChannelDefaults);
    ClassLookup lookup;
    lookup.durable = wire::resolveChannelPolicy(channel, config, defaults).deliveryClass ==
                     wire::DeliveryClass::Durable;
    return lookup;
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
        , watchedChannels(nats::KeyValue(ctx->jetStream, wire::channelsBucket(ctx->space)))
        , aclProof(ctx, QStringLiteral("KV_") + wire::aclBucket(ctx->space), QStringLiteral("ACL"),
                   QStringLiteral("ACLs are read fresh"),
                   {[this] { acls.start(); }, [this] { acls.stop(); },
                    [this] { return acls.isLoaded(); }, [this] { return acls.watchedRevision(); },
                    [this] { return acls.watchedKeyCount(); }},
                   [this] { return readJetStream(); })
        , classProof(ctx, QStringLiteral("KV_") + wire::channelsBucket(ctx->space),
                     QStringLiteral("channel registry"),
                     QStringLiteral("channel classes are read fresh"),
                     {[this] { watchedChannels.start(); }, [this] { watchedChannels.stop(); },
                      [this] { return watchedChannels.isLoaded(); },
                      [this] { return watchedChannels.watchedRevision(); },
                      [this] { return watchedChannels.watchedKeyCount(); }},
                     [this] { return readJetStream(); })
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

    const nats::JetStream &readJetStream() const
    {
        return readsConnectionUp() ? context->readJetStream : context->jetStream;
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
    space::AclRegistry acls;       // fresh reads, and the watched cache the reader decides by
    space::MemberRegistry members; // the watched cache the fan-out routes by
    space::PresenceRoster roster;
    // The same fresh reads on the reads connection (DaemonContext::readJetStream); never watched.
    space::ChannelRegistry channelsViaReads;
    space::AclRegistry aclsViaReads;
    space::MemberRegistry membersViaReads;
    KvMirror watchedChannels; // the watched copy the fan-out's classes come from
    ProvenWatch aclProof;     // when `acls` answers like fresh reads
    ProvenWatch classProof;   // when `watchedChannels` does
    quint64 lastWrite = 0;    // the revision of this daemon's newest membership write
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
    // The ACL and class caches only spare reads: without them the rounds read fresh, so their
    // failure is logged, not fatal.
    connect(&d->acls, &space::AclRegistry::watchFailed, &d->aclProof, &ProvenWatch::watchFailed);
    connect(&d->watchedChannels, &KvMirror::watchFailed, &d->classProof, &ProvenWatch::watchFailed);
    d->members.start();
    d->roster.start();
    d->aclProof.start();
    d->classProof.start();
    return future;
}

void SpaceView::close()
{
    d->members.stop();
    d->roster.stop();
    d->aclProof.close();
    d->classProof.close();
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

// As fresh as a read of each, from the watched cache whenever ProvenWatch shows it current.
QFuture<QHash<QString, OwnerAcl>> SpaceView::currentAcls(const QSet<QString> &owners)
{
    return d->aclProof.current()
        .then(this,
              [this, owners](bool current) {
                  if (!current) {
                      ++d->context->metrics.aclRoundsReadFresh;
                      return freshAcls(*this, owners);
                  }
                  ++d->context->metrics.aclRoundsFromCache;
                  QHash<QString, OwnerAcl> acls;
                  for (const QString &owner : owners) {
                      const auto cached = d->acls.cached(owner);
                      acls.insert(owner, cached ? ownerAclOf(*cached) : OwnerAcl{});
                  }
                  return QtFuture::makeReadyFuture(acls);
              })
        .unwrap();
}

QFuture<QHash<QString, ClassLookup>> SpaceView::currentClasses(const QSet<QString> &channels)
{
    return d->classProof.current()
        .then(this,
              [this, channels](bool current) {
                  if (!current) {
                      ++d->context->metrics.classRoundsReadFresh;
                      return freshClasses(*this, channels);
                  }
                  ++d->context->metrics.classRoundsFromCache;
                  QHash<QString, ClassLookup> classes;
                  for (const QString &channel : channels)
                      classes.insert(channel, classFrom(d->watchedChannels, channel));
                  return QtFuture::makeReadyFuture(classes);
              })
        .unwrap();
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
