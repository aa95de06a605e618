#include "core/delivery/fanoutwriter.h"

#include "core/delivery/daemoncontext_p.h"
#include "core/delivery/loopconsumer_p.h"
#include "core/delivery/spaceview_p.h"
#include "core/wire/channels.h"
#include "core/wire/jsonwriter.h"
#include "core/wire/names.h"
#include "core/wire/plane3entry.h"
#include "core/wire/subjects.h"

#include <QSet>

namespace cotal::delivery {

namespace {

// Held CHAT messages are marked in progress well inside their 60 s ack_wait.
constexpr int kKeepAliveIntervalMs = 20000;

} // namespace

FanoutWriter::FanoutWriter(DaemonContext *context, QObject *parent)
    : QObject(parent)
    , DurableLoop(context)
{
    m_context->inbox.onRoom = [this](const QString &owner) { roomFor(owner); };
    m_keepAlive.setInterval(kKeepAliveIntervalMs);
    connect(&m_keepAlive, &QTimer::timeout, this, [this] { keepHeldAlive(); });
}

FanoutWriter::~FanoutWriter()
{
    stop();
    m_context->inbox.onRoom = nullptr;
}

QByteArray FanoutWriter::consumerConfig(const QString &space)
{
    wire::JsonWriter writer;
    writer.beginObject()
        .key(u"durable_name")
        .string(wire::fanoutConsumerName())
        .key(u"filter_subject")
        .string(wire::fanoutFilter(space))
        .key(u"ack_policy")
        .string(u"explicit")
        .key(u"ack_wait")
        .integer(kAckWaitNs)
        .key(u"deliver_policy")
        .string(u"new")
        .endObject();
    return writer.take();
}

QFuture<nats::NatsError> FanoutWriter::bind()
{
    return bindDurable(this, wire::chatStreamName(m_context->space), wire::fanoutConsumerName(),
                       wire::fanoutFilter(m_context->space), consumerConfig(m_context->space));
}

void FanoutWriter::stop()
{
    ++m_generation;
    m_running = false;
    m_routing = false;
    m_waiting.clear(); // unacked: redelivered after ack_wait
    m_consumer.reset();
    m_idleSpan.set(false, m_context->stages.fanoutIdle);
    m_windowFullSpan.set(false, m_context->stages.fanoutWindowFull);
    // CHAT messages whose copies were not sent stay unacked and come back after ack_wait; a
    // catch-up waiting on its copies learns that they were not stored.
    const std::deque<Copy> copies = m_copies.takeAll();
    m_context->metrics.copiesHeld = 0;
    m_keepAlive.stop();
    for (const Copy &copy : copies)
        settle(copy.job, false);
}

void FanoutWriter::handle(const QList<nats::JsMessage> &batch)
{
    DeliveryStages &stages = m_context->stages;
    m_idleSpan.set(false, stages.fanoutIdle);
    const StageScope decoding(stages.fanoutDecode, quint64(batch.size()));
    QList<Item> items;
    items.reserve(batch.size());
    quint64 skipped = 0;
    for (const nats::JsMessage &message : batch) {
        skipped += m_gaps.observe(message.metadata().streamSequence);
        auto checked = wire::checkDelivery(message.message().subject, message.message().data);
        if (!checked || checked->kind != wire::DeliveryKind::Channel ||
            !wire::validateConcreteChannel(checked->subject.rest)) {
            // Not a chat message, not JSON, a forged sender, or a channel no client names (nor
            // any registry key or membership holds): nothing to copy, ever.
            message.ack();
            ++m_context->metrics.chatDropped;
            m_context->touch();
            continue;
        }
        Item item;
        item.message = message;
        item.channel = checked->subject.rest;
        item.seq = message.metadata().streamSequence;
        item.cotal = std::move(checked.value().message);
        items.append(std::move(item));
    }
    if (skipped > 0) {
        m_context->metrics.chatEvictedUnread += skipped;
        m_context->touch();
        m_context->log(LogLevel::Error,
                       QStringLiteral("%1 chat messages were evicted before the fan-out read them "
                                      "(per-subject cap of 1000): their durable copies never "
                                      "existed")
                           .arg(skipped));
    }
    m_waiting.append(items);
    startRound();
}

// One routing round at a time: whatever arrives while a round's reads are in flight waits and
// joins the next round, so under load the per-round reads are shared by many messages.
void FanoutWriter::startRound()
{
    if (m_routing || m_waiting.isEmpty() || !m_running)
        return;
    m_routing = true;
    const QList<Item> items = std::exchange(m_waiting, {});

    // The class of each channel, as fresh as a read once per round, and the member cache
    // holding every membership write made before this round is routed.
    QSet<QString> channels;
    for (const Item &item : std::as_const(items))
        channels.insert(item.channel);
    auto classes = std::make_shared<QHash<QString, ClassLookup>>();
    auto membersError = std::make_shared<nats::NatsError>();
    auto finished =
        joinReads(2, m_context->stages.fanoutClassRead,
                  [this, items, classes, membersError] { route(items, *classes, *membersError); });
    m_context->view->membersCurrent().then(this,
                                           [membersError, finished](const nats::NatsError &error) {
                                               *membersError = error;
                                               finished();
                                           });
    m_context->view->currentClasses(channels).then(
        this, [classes, finished](const QHash<QString, ClassLookup> &read) {
            *classes = read;
            finished();
        });
}

void FanoutWriter::route(const QList<Item> &items, const QHash<QString, ClassLookup> &classes,
                         const nats::NatsError &membersError)
{
    std::optional<StageScope> routing(std::in_place, m_context->stages.fanoutRoute);
    QList<MentionItem> live;
    QSet<QString> mentioned;
    QHash<QString, QList<MemberInterval>> membersByChannel; // one cache lookup per channel
    for (const Item &item : items) {
        const ClassLookup lookup = classes.value(item.channel);
        const nats::NatsError &error = lookup.error.isError() ? lookup.error : membersError;
        if (lookup.error.isError() || (lookup.durable && membersError.isError())) {
            m_context->log(LogLevel::Error, QStringLiteral("routing seq %1 on \"%2\": %3")
                                                .arg(item.seq)
                                                .arg(item.channel, error.describe()));
            item.message.nak();
            continue;
        }
        if (!lookup.durable) {
            if (item.cotal.mentions.isEmpty()) {
                item.message.ack();
                ++m_context->metrics.chatProcessed;
                m_context->touch();
                continue;
            }
            MentionItem targets{item, {}};
            for (const QString &mention : item.cotal.mentions) {
                const std::optional<QString> owner = m_context->view->resolveMention(mention);
                if (owner && *owner != item.cotal.from.id && !targets.owners.contains(*owner)) {
                    targets.owners.append(*owner);
                    mentioned.insert(*owner);
                }
            }
            live.append(std::move(targets));
            continue;
        }
        // Durable class: every record of the channel whose interval holds this sequence, the
        // sender's own excepted. State and activation are not gates (delivery.md §3 step 7c).
        QList<Copy> copies;
        auto members = membersByChannel.constFind(item.channel);
        if (members == membersByChannel.cend())
            members =
                membersByChannel.insert(item.channel, m_context->view->membersOf(item.channel));
        for (const MemberInterval &member : *members) {
            if (member.owner == item.cotal.from.id || !member.covers(item.seq))
                continue;
            copies.append(Copy{nullptr, member.owner, member.generation, false});
        }
        enqueue(item, std::move(copies));
    }
    routing.reset();
    if (live.isEmpty()) {
        endRound();
        return;
    }
    if (mentioned.isEmpty()) {
        routeMentions(live, {});
        return;
    }
    // Each mentioned owner's ACL, read fresh.
    auto acls = std::make_shared<QHash<QString, OwnerAcl>>();
    auto remaining = std::make_shared<int>(int(mentioned.size()));
    const quint64 generation = m_generation;
    for (const QString &owner : std::as_const(mentioned)) {
        m_context->view->acl(owner).then(
            this, [this, generation, live, acls, remaining, owner](const OwnerAcl &acl) {
                acls->insert(owner, acl);
                if (--*remaining == 0 && generation == m_generation)
                    routeMentions(live, *acls);
            });
    }
}

void FanoutWriter::routeMentions(const QList<MentionItem> &items,
                                 const QHash<QString, OwnerAcl> &acls)
{
    for (const auto &[item, owners] : items) {
        QList<Copy> copies;
        bool failed = false;
        for (const QString &owner : owners) {
            const OwnerAcl acl = acls.value(owner);
            if (acl.error.isError()) {
                m_context->log(
                    LogLevel::Error,
                    QStringLiteral("reading the ACL of %1: %2").arg(owner, acl.error.describe()));
                failed = true;
                break;
            }
            // A mention never leaks outside the target's read ACL; an unknown owner gets none.
            if (acl.known && wire::channelInAllow(acl.allowSubscribe, item.channel))
                copies.append(Copy{nullptr, owner, 0, true});
        }
        if (failed) {
            item.message.nak();
            continue;
        }
        enqueue(item, std::move(copies));
    }
    endRound();
}

void FanoutWriter::endRound()
{
    m_routing = false;
    if (m_consumer)
        m_consumer->resume(); // messages acked without copies freed room
    pump();
    startRound();
}

void FanoutWriter::enqueue(const Item &item, QList<Copy> copies)
{
    if (copies.isEmpty()) {
        item.message.ack();
        ++m_context->metrics.chatProcessed;
        m_context->touch();
        return;
    }
    auto job = std::make_shared<Job>();
    job->chat = item.message;
    job->channel = item.channel;
    job->seq = item.seq;
    job->msgId = item.cotal.id;
    // The entry carries the CHAT payload verbatim, so the DLV copy is byte-identical to it.
    job->msgJson = item.message.message().data;
    job->outstanding = int(copies.size());
    for (Copy &copy : copies) {
        copy.job = job;
        m_copies.push(std::move(copy));
    }
}

void FanoutWriter::publishEntry(const QString &owner, qint64 generation, const QString &channel,
                                quint64 seq, const QString &msgId, const QByteArray &msgJson,
                                std::function<void(bool)> done)
{
    auto job = std::make_shared<Job>();
    job->done = std::move(done);
    job->channel = channel;
    job->seq = seq;
    job->msgId = msgId;
    job->msgJson = msgJson;
    job->outstanding = 1;
    if (!m_running) {
        settle(job, false);
        return;
    }
    m_copies.push(Copy{job, owner, generation, false});
    pump();
}

void FanoutWriter::pump()
{
    DeliveryStages &stages = m_context->stages;
    const auto claim = [this](const QString &owner) { return m_context->inbox.claim(owner); };
    while (m_running && m_publisher && m_inFlight < m_context->publishWindow &&
           m_publisher->mayPublish(m_copies.sendable())) {
        std::optional<Copy> copy = m_copies.next(claim);
        if (!copy)
            break;
        send(std::move(*copy));
    }
    m_windowFullSpan.set(m_inFlight >= m_context->publishWindow && m_copies.hasReady(),
                         stages.fanoutWindowFull);
    m_idleSpan.set(m_running && m_inFlight == 0 && !m_routing && m_waiting.isEmpty() &&
                       !m_copies.hasReady() && m_copies.heldCount() == 0,
                   stages.fanoutIdle);
    m_context->showHeld(m_context->metrics.copiesHeld, m_copies.heldCount(), m_keepAlive);
}

void FanoutWriter::send(Copy copy)
{
    const Job &job = *copy.job;
    wire::Plane3Entry entry;
    entry.msg = job.msgJson;
    entry.channel = job.channel;
    entry.seq = qint64(job.seq);
    entry.reason =
        copy.mention ? wire::Plane3Reason::LiveMention : wire::Plane3Reason::DurableChannel;
    entry.generation = copy.generation;
    const QString id = wire::plane3MsgId(job.msgId, copy.owner, copy.generation);
    ++m_inFlight;
    m_publisher
        ->publish(wire::dinboxSubject(m_context->space, copy.owner), wire::encodePlane3Entry(entry),
                  {{QByteArrayLiteral("Nats-Msg-Id"), id.toUtf8()}})
        .then(this, [this, generation = m_generation, job = copy.job, owner = copy.owner,
                     sentAt = stageNow()](const nats::PubAck &ack) {
            m_context->stages.fanoutStore.add(stageNow() - sentAt);
            --m_inFlight;
            if (ack.ok()) {
                m_context->inbox.stored(owner, ack.sequence, ack.duplicate);
                if (!ack.duplicate) {
                    ++m_context->metrics.copiesFannedOut;
                    m_context->touch();
                }
            } else {
                m_context->inbox.unclaim(owner);
                m_context->log(
                    LogLevel::Error,
                    QStringLiteral("copy of seq %1: %2").arg(job->seq).arg(ack.error.describe()));
            }
            settle(job, ack.ok());
            if (generation == m_generation)
                pump();
        });
}

void FanoutWriter::roomFor(const QString &owner)
{
    if (m_copies.roomFor(owner))
        pump();
}

// A CHAT message whose copies wait for room stays unacked; without a progress ack the server
// would hand it out again after ack_wait.
void FanoutWriter::keepHeldAlive()
{
    QSet<const Job *> marked;
    m_copies.forEachHeld([&marked](const Copy &copy) {
        if (copy.job->chat && !marked.contains(copy.job.get())) {
            marked.insert(copy.job.get());
            copy.job->chat->inProgress();
        }
    });
}

void FanoutWriter::settle(const std::shared_ptr<Job> &job, bool stored)
{
    if (!stored)
        job->failed = true;
    if (--job->outstanding > 0)
        return;
    if (job->chat) {
        if (job->failed) {
            // Redelivered at once; the dinbox Nats-Msg-Id collapses the copies that did land.
            job->chat->nak();
        } else {
            const StageScope acking(m_context->stages.acks);
            job->chat->ack();
            ++m_context->metrics.chatProcessed;
            m_context->touch();
        }
        if (m_consumer)
            m_consumer->resume();
    }
    if (job->done)
        job->done(!job->failed);
}

} // namespace cotal::delivery
