#include "core/delivery/trustedreader.h"

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

constexpr int kDlvCheckIntervalMs = 1000;
// Held entries are marked in progress well inside their 60 s ack_wait.
constexpr int kKeepAliveIntervalMs = 20000;

} // namespace

TrustedReader::TrustedReader(DaemonContext *context, QObject *parent)
    : QObject(parent)
    , DurableLoop(context)
    , m_pacer(context)
{
    m_pacer.onRoom = [this](const QString &owner) { roomFor(owner); };
    m_keepAlive.setInterval(kKeepAliveIntervalMs);
    connect(&m_keepAlive, &QTimer::timeout, this, [this] { keepHeldAlive(); });
    m_dlvCheckTimer.setSingleShot(true);
    m_dlvCheckTimer.setInterval(kDlvCheckIntervalMs);
    connect(&m_dlvCheckTimer, &QTimer::timeout, this, [this] { checkDlvEvictions(); });
}

TrustedReader::~TrustedReader() = default;

QByteArray TrustedReader::consumerConfig(const QString &space)
{
    wire::JsonWriter writer;
    writer.beginObject()
        .key(u"durable_name")
        .string(wire::readerConsumerName())
        .key(u"filter_subject")
        .string(wire::readerFilter(space))
        .key(u"ack_policy")
        .string(u"explicit")
        .key(u"ack_wait")
        .integer(kAckWaitNs)
        .key(u"deliver_policy")
        .string(u"all")
        .key(u"max_ack_pending")
        .integer(kReaderMaxAckPending)
        .endObject();
    return writer.take();
}

QFuture<nats::NatsError> TrustedReader::bind()
{
    return bindDurable(this, wire::inboxStreamName(m_context->space), wire::readerConsumerName(),
                       wire::readerFilter(m_context->space), consumerConfig(m_context->space),
                       true);
}

void TrustedReader::bound(const ConsumerPosition &position)
{
    // Once per daemon run: after a reconnect the ledger already knows what is unfinished.
    if (!m_context->inbox.isOpen())
        m_context->inbox.open(position.unfinished, position.streamLastSequence);
}

void TrustedReader::ack(const Entry &entry)
{
    entry.message.ack();
    m_context->inbox.finished(entry.owner, entry.message.metadata().streamSequence);
}

void TrustedReader::term(const Entry &entry)
{
    entry.message.term();
    ++m_context->metrics.terminated;
    m_context->inbox.finished(entry.owner, entry.message.metadata().streamSequence);
}

void TrustedReader::stop()
{
    ++m_generation;
    m_running = false;
    m_rounds.clear();
    m_waiting.clear(); // unacked: redelivered after ack_wait
    m_consumer.reset();
    m_idleSpan.set(false, m_context->stages.readerIdle);
    m_windowFullSpan.set(false, m_context->stages.readerWindowFull);
    // Unsent transfers are left unacked; the server redelivers them after ack_wait.
    m_transfers.takeAll();
    m_context->metrics.transfersHeld = 0;
    m_keepAlive.stop();
    m_pacer.reset();
}

void TrustedReader::handle(const QList<nats::JsMessage> &batch)
{
    DeliveryStages &stages = m_context->stages;
    m_idleSpan.set(false, stages.readerIdle);
    const StageScope decoding(stages.readerDecode, quint64(batch.size()));
    QList<Entry> entries;
    entries.reserve(batch.size());
    quint64 skipped = 0;
    for (const nats::JsMessage &message : batch) {
        skipped += m_gaps.observe(message.metadata().streamSequence);
        const std::optional<QString> owner = wire::parseDinboxOwner(message.message().subject);
        const auto decoded = wire::decodePlane3EntryWithId(message.message().data);
        if (!owner || !decoded) {
            // Not a real entry: nothing to deliver, ever.
            message.ack();
            if (owner)
                m_context->inbox.finished(*owner, message.metadata().streamSequence);
            ++m_context->metrics.dropped;
            m_context->touch();
            continue;
        }
        const wire::Plane3Entry &entry = decoded->entry;
        Entry item;
        item.message = message;
        item.owner = *owner;
        item.channel = entry.channel;
        item.seq = quint64(entry.seq);
        item.durableChannel = entry.reason == wire::Plane3Reason::DurableChannel;
        item.generation = entry.generation;
        item.msgId = decoded->messageId;
        item.msgJson = entry.msg;
        entries.append(std::move(item));
    }
    if (skipped > 0) {
        m_context->metrics.inboxEvictedUnread += skipped;
        m_context->touch();
        m_context->log(LogLevel::Error, QStringLiteral("%1 mixed-inbox entries were evicted before "
                                                       "the reader read them (per-owner cap of "
                                                       "1000)")
                                            .arg(skipped));
    }
    m_waiting.append(entries);
    startRound();
}

// Two decision rounds at most read at once: a message's entries that arrive in two batches
// do not wait for each other's reads, and under load entries arriving meanwhile join the next
// round, so the fresh reads are shared by every entry of an owner that arrived in the meantime.
void TrustedReader::startRound()
{
    constexpr std::size_t kRoundsReading = 2;
    if (m_rounds.size() >= kRoundsReading || m_waiting.isEmpty() || !m_running)
        return;
    auto round = std::make_shared<Round>();
    round->entries = std::exchange(m_waiting, {});
    m_rounds.push_back(round);

    // The owners' ACLs and the (channel, owner) memberships, each as fresh as a read of it
    // (mostly from the watched caches: SpaceView says when they are current).
    QSet<QString> owners;
    QSet<QString> memberKeys;
    for (const Entry &entry : std::as_const(round->entries)) {
        owners.insert(entry.owner);
        if (entry.durableChannel)
            memberKeys.insert(entry.channel + u'/' + entry.owner);
    }
    auto finished =
        joinReads(memberKeys.isEmpty() ? 1 : 2, m_context->stages.readerAuthorise, [this, round] {
            round->read = true;
            decideReadRounds();
        });
    m_context->view->currentAcls(owners).then(
        this, [round, finished](const QHash<QString, OwnerAcl> &acls) {
            round->acls = acls;
            finished();
        });
    if (!memberKeys.isEmpty()) {
        m_context->view->currentMembers(memberKeys)
            .then(this, [round, finished](const QHash<QString, MemberLookup> &members) {
                round->members = members;
                finished();
            });
    }
}

void TrustedReader::decideReadRounds()
{
    while (!m_rounds.empty() && m_rounds.front()->read) {
        const std::shared_ptr<Round> round = std::move(m_rounds.front());
        m_rounds.pop_front();
        decide(*round);
    }
    if (m_consumer)
        m_consumer->resume(); // entries acked, nak'd or terminated freed room
    pump();
    startRound();
}

void TrustedReader::decide(const Round &round)
{
    const StageScope deciding(m_context->stages.readerDecide);
    DeliveryMetrics &metrics = m_context->metrics;
    for (const Entry &entry : round.entries) {
        const OwnerAcl acl = round.acls.value(entry.owner);
        if (acl.error.isError()) {
            retryLater(
                entry,
                QStringLiteral("reading the ACL of %1: %2").arg(entry.owner, acl.error.describe()));
            continue;
        }
        if (!acl.known) {
            // Not provisioned yet, not revoked: defer, and give up at the 10th delivery.
            if (entry.message.metadata().delivered >= quint64(kReaderMaxDeliveries)) {
                term(entry);
                m_context->log(LogLevel::Warning,
                               QStringLiteral("gave up on entry for unknown owner %1 (seq %2)")
                                   .arg(entry.owner)
                                   .arg(entry.seq));
            } else {
                entry.message.nak(kReaderNakDelayMs);
                ++metrics.deferred;
            }
            m_context->touch();
            continue;
        }
        if (!wire::channelInAllow(acl.allowSubscribe, entry.channel)) {
            ack(entry);
            ++metrics.dropped;
            m_context->touch();
            continue;
        }
        if (entry.durableChannel) {
            const MemberLookup member = round.members.value(entry.channel + u'/' + entry.owner);
            if (member.error.isError()) {
                retryLater(entry, QStringLiteral("reading the membership %1/%2: %3")
                                      .arg(entry.channel, entry.owner, member.error.describe()));
                continue;
            }
            // The CURRENT record's interval decides; the entry's generation only names the copy.
            if (!member.interval || !member.interval->covers(entry.seq)) {
                ack(entry);
                ++metrics.dropped;
                m_context->touch();
                continue;
            }
        }
        m_transfers.push(entry);
    }
}

void TrustedReader::retryLater(const Entry &entry, const QString &why)
{
    m_context->log(LogLevel::Error, why);
    if (entry.message.metadata().delivered >= quint64(kReaderMaxDeliveries)) {
        term(entry);
    } else {
        entry.message.nak(kReaderNakDelayMs);
    }
    m_context->touch();
}

void TrustedReader::pump()
{
    if (!m_publisher)
        return;
    DeliveryStages &stages = m_context->stages;
    const auto claim = [this](const QString &owner) { return m_pacer.claim(owner); };
    while (m_running && m_inFlight < m_context->publishWindow &&
           m_publisher->mayPublish(m_transfers.sendable())) {
        std::optional<Entry> entry = m_transfers.next(claim);
        if (!entry)
            break;
        transfer(std::move(*entry));
    }
    m_windowFullSpan.set(m_inFlight >= m_context->publishWindow && m_transfers.hasReady(),
                         stages.readerWindowFull);
    m_idleSpan.set(m_running && m_inFlight == 0 && m_rounds.empty() && m_waiting.isEmpty() &&
                       !m_transfers.hasReady() && m_transfers.heldCount() == 0,
                   stages.readerIdle);
    m_context->showHeld(m_context->metrics.transfersHeld, m_transfers.heldCount(), m_keepAlive);
}

void TrustedReader::transfer(Entry entry)
{
    ++m_inFlight;
    const QString id = wire::plane3MsgId(entry.msgId, entry.owner, entry.generation);
    m_publisher
        ->publish(wire::dlvSubject(m_context->space, entry.owner), entry.msgJson,
                  {{QByteArrayLiteral("Nats-Msg-Id"), id.toUtf8()}})
        .then(this, [this, generation = m_generation, entry,
                     sentAt = stageNow()](const nats::PubAck &ack) {
            m_context->stages.readerStore.add(stageNow() - sentAt);
            --m_inFlight;
            if (generation == m_generation) {
                if (ack.ok())
                    m_pacer.stored(entry.owner, ack.sequence, ack.duplicate);
                else
                    m_pacer.unclaim(entry.owner);
            }
            if (ack.ok()) {
                // Durability has moved to DLV: only now may the entry go. A duplicate was
                // stored by an earlier transfer and is not delivered twice.
                const StageScope acking(m_context->stages.acks);
                this->ack(entry);
                if (!ack.duplicate) {
                    ++m_context->metrics.delivered;
                    trackDlv(entry.owner, ack.sequence);
                }
                m_context->touch();
            } else {
                if (entry.message.metadata().delivered >= quint64(kReaderMaxDeliveries)) {
                    term(entry);
                    m_context->log(LogLevel::Error, QStringLiteral("gave up transferring to %1: %2")
                                                        .arg(entry.owner, ack.error.describe()));
                } else {
                    entry.message.nak(kReaderNakDelayMs);
                }
                m_context->touch();
            }
            if (generation != m_generation)
                return;
            if (m_consumer)
                m_consumer->resume();
            pump();
        });
}

void TrustedReader::roomFor(const QString &owner)
{
    if (m_transfers.roomFor(owner))
        pump();
}

// An entry waiting for its owner's DLV stays unacked; without a progress ack the server would
// hand it out again after ack_wait.
void TrustedReader::keepHeldAlive()
{
    m_transfers.forEachHeld([](const Entry &entry) { entry.message.inProgress(); });
}

void TrustedReader::trackDlv(const QString &owner, quint64 sequence)
{
    if (!m_context->metrics.dlvEvictionTracked)
        return;
    std::deque<quint64> &sequences = m_dlvSequences[owner];
    sequences.push_back(sequence);
    // Everything older than the newest 1000 on the owner's subject is gone from DLV now.
    if (qsizetype(sequences.size()) <= kSubjectCap)
        return;
    QList<quint64> &evicted = m_dlvEvicted[owner];
    while (qsizetype(sequences.size()) > kSubjectCap) {
        evicted.append(sequences.front());
        sequences.pop_front();
    }
    if (!m_dlvCheckTimer.isActive() && !m_dlvCheckRunning)
        m_dlvCheckTimer.start();
}

// One round of CONSUMER.INFO, one per owner with fresh evictions, at most once per check period:
// an owner far behind evicts on every transfer, and asking each time would double the daemon's
// requests.
void TrustedReader::checkDlvEvictions()
{
    if (m_dlvCheckRunning || m_dlvEvicted.isEmpty())
        return;
    m_dlvCheckRunning = true;
    const QHash<QString, QList<quint64>> round = std::exchange(m_dlvEvicted, {});
    auto remaining = std::make_shared<int>(int(round.size()));
    for (auto it = round.cbegin(); it != round.cend(); ++it) {
        const QString owner = it.key();
        const QList<quint64> evicted = it.value();
        // The owner's consumer position says whether an evicted copy had been read: a copy
        // above it was never delivered to the agent. (A consumer that skips past an evicted
        // copy before this read makes us count it as read: the error is on the quiet side.)
        m_context->jetStream
            .consumerInfo(wire::dlvStreamName(m_context->space), wire::dlvConsumerName(owner))
            .then(this, [this, owner, evicted, remaining](const nats::ApiResult &info) {
                if (info.error.kind == nats::NatsErrorKind::PermissionDenied) {
                    // The reference's delivery credential cannot read dlv_<id>.
                    m_context->markDlvUntracked();
                } else {
                    // No consumer at all: nobody can have read them.
                    const quint64 position =
                        info.ok() ? quint64(info.body.value(QLatin1String("delivered"))
                                                .toObject()
                                                .value(QLatin1String("stream_seq"))
                                                .toInteger())
                                  : 0;
                    const auto unread = quint64(std::count_if(
                        evicted.cbegin(), evicted.cend(),
                        [position](quint64 sequence) { return sequence > position; }));
                    if (unread > 0) {
                        m_context->metrics.dlvEvictedUnread += unread;
                        m_context->log(LogLevel::Error,
                                       QStringLiteral("%1 DLV copies for %2 were evicted unread "
                                                      "(per-owner cap of 1000)")
                                           .arg(unread)
                                           .arg(owner));
                        m_context->touch();
                    }
                }
                if (--*remaining > 0)
                    return;
                m_dlvCheckRunning = false;
                if (!m_context->metrics.dlvEvictionTracked) {
                    m_dlvSequences.clear();
                    m_dlvEvicted.clear();
                } else if (!m_dlvEvicted.isEmpty()) {
                    m_dlvCheckTimer.start();
                }
            });
    }
}

} // namespace cotal::delivery
