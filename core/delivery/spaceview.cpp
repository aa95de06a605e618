#include "core/delivery/daemoncontext_p.h"
#include "core/delivery/spaceview_p.h"
#include "core/space/aclregistry.h"
#include "core/space/channelregistry.h"
#include "core/space/presenceroster.h"
#include "core/wire/channels.h"
#include "core/wire/message.h"
#include "core/wire/names.h"

#include <QPromise>
#include <QTimer>

namespace cotal::delivery {

namespace {

constexpr int kMembersCurrentTimeoutMs = 5000;

QString memberKeyOf(const QString &channel, const QString &owner)
{
    return channel + u'/' + owner;
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

    // A write of ours the cache has not shown yet.
    void await(const QString &key, quint64 revision)
    {
        if (revision == 0)
            return;
        quint64 &awaited = pendingWrites[key];
        awaited = std::max(awaited, revision);
        settle({key});
    }

    void settle(const QStringList &keys)
    {
        for (const QString &key : keys) {
            const auto pending = pendingWrites.constFind(key);
            if (pending == pendingWrites.cend())
                continue;
            const auto parsed = wire::parseMemberKey(key);
            const auto cached =
                parsed ? members.cachedEntry(parsed->channel, parsed->owner) : std::nullopt;
            // Gone from the cache counts too: something later than our write removed it.
            if (!cached || cached->revision >= *pending)
                pendingWrites.erase(pending);
        }
        if (!pendingWrites.isEmpty() || !members.isLoaded())
            return;
        const auto waiting = std::exchange(waiters, {});
        for (const auto &waiter : waiting) {
            waiter->addResult(nats::NatsError{});
            waiter->finish();
        }
    }

    DaemonContext *context;
    // Fresh reads only: these two registries' watches are never started.
    space::ChannelRegistry channels;
    space::AclRegistry acls;
    space::MemberRegistry members; // the watched cache the fan-out routes by
    space::PresenceRoster roster;
    // The same fresh reads on the reads connection (DaemonContext::readJetStream); never watched.
    space::ChannelRegistry channelsViaReads;
    space::AclRegistry aclsViaReads;
    space::MemberRegistry membersViaReads;
    QHash<QString, quint64> pendingWrites;
    QList<std::shared_ptr<QPromise<nats::NatsError>>> waiters;
    std::shared_ptr<QPromise<nats::NatsError>> opening;
    bool rosterLoaded = false;
};

SpaceView::SpaceView(DaemonContext *context, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(context))
{
    connect(&d->members, &space::MemberRegistry::changed, this,
            [this](const QStringList &keys) { d->settle(keys); });
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
        d->settle({});
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
    d->members.start();
    d->roster.start();
    return future;
}

void SpaceView::close()
{
    d->members.stop();
    d->roster.stop();
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
    return d->aclReads().read(owner).then([](const space::AclLookup &read) {
        OwnerAcl acl;
        acl.error = read.error;
        if (const wire::AclRecord *record = read.acl.record()) {
            acl.known = true;
            acl.allowSubscribe = record->allowSubscribe;
        }
        return acl;
    });
}

QFuture<MemberLookup> SpaceView::member(const QString &channel, const QString &owner) const
{
    return d->memberReads().read(channel, owner).then([owner](const space::MemberLookup &read) {
        MemberLookup lookup;
        lookup.error = read.error;
        if (read.entry) {
            const wire::MembershipRecord &record = read.entry->record;
            MemberInterval interval;
            interval.owner = owner;
            interval.generation = record.generation;
            interval.joinCursor = quint64(std::max<qint64>(record.joinCursor, 0));
            if (record.leaveCursor)
                interval.leaveCursor = quint64(std::max<qint64>(*record.leaveCursor, 0));
            lookup.interval = interval;
        }
        return lookup;
    });
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
    const QString key = memberKeyOf(next.channel, next.owner);
    return d->members.commitMember(next).then(this, [this, key](const space::MemberWrite &write) {
        if (write.ok())
            d->await(key, write.written.revision);
        return write.error;
    });
}

QFuture<space::SpaceError> SpaceView::tombstoneMember(const QString &channel, const QString &owner,
                                                      quint64 leaveCursor,
                                                      std::optional<qint64> expectedGeneration)
{
    const QString key = memberKeyOf(channel, owner);
    return d->members
        .tombstoneMember(channel, owner, qint64(leaveCursor), d->context->id, expectedGeneration)
        .then(this, [this, key](const space::TombstoneResult &result) {
            if (result.ok() && result.outcome == space::TombstoneResult::Outcome::Written)
                d->await(key, result.entry.revision);
            return result.error;
        });
}

QFuture<space::ActivationResult> SpaceView::activateMember(const QString &channel,
                                                           const QString &owner, qint64 generation,
                                                           quint64 joinCursor)
{
    const QString key = memberKeyOf(channel, owner);
    return d->members.activateMember(channel, owner, generation, qint64(joinCursor))
        .then(this, [this, key](const space::ActivationResult &result) {
            if (result.ok() && result.outcome == space::ActivationResult::Outcome::Activated)
                d->await(key, result.entry.revision);
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
    if (d->pendingWrites.isEmpty() && d->members.isLoaded())
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
    for (const space::MemberEntry &entry : entries) {
        const wire::MembershipRecord &record = entry.record;
        MemberInterval interval;
        interval.owner = record.owner;
        interval.generation = record.generation;
        interval.joinCursor = quint64(std::max<qint64>(record.joinCursor, 0));
        if (record.leaveCursor)
            interval.leaveCursor = quint64(std::max<qint64>(*record.leaveCursor, 0));
        intervals.append(interval);
    }
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
