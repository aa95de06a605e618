#include "core/delivery/controlservice.h"

#include "core/delivery/daemoncontext_p.h"
#include "core/delivery/fanoutwriter.h"
#include "core/delivery/spaceview_p.h"
#include "core/space/evictioncheck.h"
#include "core/wire/channels.h"
#include "core/wire/jsonwriter.h"
#include "core/wire/names.h"
#include "core/wire/subjects.h"
#include "core/wire/token.h"

#include <QDateTime>
#include <QPromise>
#include <cmath>

namespace cotal::delivery {

namespace {

const QString kService = QStringLiteral("delivery");
constexpr int kCatchUpBatch = 256;
constexpr qint64 kCatchUpInactiveNs = 30'000'000'000;

QFuture<wire::ControlReply> ready(wire::ControlReply reply)
{
    return QtFuture::makeReadyFuture(std::move(reply));
}

quint64 jsonSeq(const QJsonObject &object, QLatin1String outer, QLatin1String inner)
{
    return quint64(object.value(outer).toObject().value(inner).toInteger());
}

// delivery.md §6.1: the channel argument shared by join and leave; no value means `error` holds
// the reply text.
std::optional<QString> channelArgument(QStringView op, const wire::JsonObject &args, QString *error)
{
    const wire::JsonValue *value = args.find(u"channel");
    const QString channel =
        value && value->isString() ? wire::jsTrim(value->toString()) : QString();
    if (channel.isEmpty()) {
        *error = QStringLiteral("%1: channel must be a non-blank string").arg(op);
        return std::nullopt;
    }
    const auto valid = wire::validateChannel(channel);
    if (!valid) {
        *error = valid.error().detail;
        return std::nullopt;
    }
    if (!wire::isConcreteChannel(channel)) {
        *error = QStringLiteral("%1: \"%2\" must be a concrete channel (durable membership is "
                                "per-concrete-channel, not wildcard)")
                     .arg(op, channel);
        return std::nullopt;
    }
    return channel;
}

// cu_<owner>_<generation>: single filter, no acks, in memory, gone 30 s after its last use.
QByteArray catchUpConfig(const QString &name, const QString &filter, quint64 startSeq)
{
    wire::JsonWriter writer;
    writer.beginObject()
        .key(u"name")
        .string(name)
        .key(u"filter_subject")
        .string(filter)
        .key(u"ack_policy")
        .string(u"none")
        .key(u"mem_storage")
        .boolean(true)
        .key(u"inactive_threshold")
        .integer(kCatchUpInactiveNs)
        .key(u"deliver_policy")
        .string(u"by_start_sequence")
        .key(u"opt_start_seq")
        .integer(qint64(startSeq))
        .endObject();
    return writer.take();
}

// One durableJoinFor run (delivery.md §7): a chain of steps that each hand the next a fresh
// read, ending in exactly one reply.
class JoinJob final : public std::enable_shared_from_this<JoinJob>
{
public:
    JoinJob(DaemonContext *context, FanoutWriter *fanout, QObject *guard, QString owner,
            QString channel)
        : m_context(context)
        , m_fanout(fanout)
        , m_guard(guard)
        , m_owner(std::move(owner))
        , m_channel(std::move(channel))
    {
        m_promise.start();
    }

    QFuture<wire::ControlReply> run()
    {
        QFuture<wire::ControlReply> future = m_promise.future();
        auto self = shared_from_this();
        m_context->view->memberRecord(m_channel, m_owner)
            .then(m_guard, [self](const MemberRecordRead &read) { self->chooseWindow(read); });
        return future;
    }

private:
    void finish(wire::ControlReply reply)
    {
        m_promise.addResult(std::move(reply));
        m_promise.finish();
    }

    void fail(const QString &message) { finish(wire::ControlReply::failure(message)); }

    void succeed(bool durable, std::optional<QString> reason = std::nullopt)
    {
        wire::DurableJoinResult result;
        result.durable = durable;
        result.reason = std::move(reason);
        result.generation = m_generation;
        finish(wire::ControlReply::success(result.toData()));
    }

    QFuture<std::pair<quint64, nats::NatsError>> frontier() const
    {
        return m_context->jetStream.streamInfo(wire::chatStreamName(m_context->space))
            .then([](const nats::ApiResult &info) {
                return std::make_pair(
                    jsonSeq(info.body, QLatin1String("state"), QLatin1String("last_seq")),
                    info.error);
            });
    }

    // Steps 1–4: reuse a crash-stuck pending window, or commit a new one at the frontier.
    void chooseWindow(const MemberRecordRead &read)
    {
        if (read.error.isError())
            return fail(read.error.describe());
        const std::optional<wire::MembershipRecord> &record = read.record;
        const bool open =
            record && record->state == wire::MemberState::DurableActive && !record->leaveCursor;
        if (open && record->activated.value_or(false)) {
            m_generation = record->generation;
            return succeed(true);
        }
        if (open) {
            m_joinCursor = quint64(record->joinCursor);
            m_generation = record->generation;
            return fence();
        }
        const qint64 previous = record ? record->generation : 0;
        auto self = shared_from_this();
        frontier().then(m_guard, [self, previous](const std::pair<quint64, nats::NatsError> &f) {
            if (f.second.isError())
                return self->fail(f.second.describe());
            self->commit(f.first, previous + 1);
        });
    }

    void commit(quint64 joinCursor, qint64 generation)
    {
        m_joinCursor = joinCursor;
        m_generation = generation;
        wire::MembershipRecord next;
        next.channel = m_channel;
        next.owner = m_owner;
        next.state = wire::MemberState::DurableActive;
        next.joinCursor = qint64(joinCursor);
        next.generation = generation;
        next.activated = false;
        next.writerIdentity = m_context->id;
        next.updatedAt = double(QDateTime::currentMSecsSinceEpoch());
        auto self = shared_from_this();
        m_context->view->commitMember(next).then(m_guard, [self](const space::SpaceError &error) {
            if (error.isError())
                return self->fail(error.message);
            self->fence();
        });
    }

    // Step 5: from the moment the fan-out's cache holds the record it routes every later
    // sequence; the catch-up owns (joinCursor, fence].
    void fence()
    {
        auto self = shared_from_this();
        m_context->view->membersCurrent().then(m_guard, [self](const nats::NatsError &current) {
            if (current.isError())
                return self->fail(current.describe());
            auto chatFrontier = self->frontier();
            self->m_context->jetStream
                .consumerInfo(wire::chatStreamName(self->m_context->space),
                              wire::fanoutConsumerName())
                .then(self->m_guard, [self, chatFrontier](const nats::ApiResult &fanout) mutable {
                    chatFrontier.then(
                        self->m_guard,
                        [self, fanout](const std::pair<quint64, nats::NatsError> &f) {
                            if (f.second.isError())
                                return self->fail(f.second.describe());
                            if (!fanout.ok())
                                return self->fail(fanout.error.describe());
                            self->m_fence =
                                std::max(f.first, jsonSeq(fanout.body, QLatin1String("delivered"),
                                                          QLatin1String("stream_seq")));
                            self->checkEviction();
                        });
                });
        });
    }

    QString consumerName() const { return wire::catchUpConsumerName(m_owner, m_generation); }

    // Step 6.
    void checkEviction()
    {
        if (m_fence <= m_joinCursor)
            return activate();
        auto self = shared_from_this();
        space::checkEviction(m_context->jetStream, m_context->space, m_channel, m_joinCursor,
                             consumerName())
            .then(m_guard, [self](const space::EvictionCheck &check) {
                if (!check.ok())
                    return self->fail(check.error.describe());
                self->m_evicted = check.evicted;
                self->startCatchUp();
            });
    }

    // Step 7: copy (joinCursor, fence] into the owner's mixed inbox.
    void startCatchUp()
    {
        const QString stream = wire::chatStreamName(m_context->space);
        const auto filter = wire::channelSubscription(m_context->space, m_channel);
        if (!filter)
            return fail(filter.error().detail);
        auto self = shared_from_this();
        nats::JetStream js = m_context->jetStream;
        const QString name = consumerName();
        js.deleteConsumer(stream, name)
            .then(m_guard,
                  [js, stream, name, filter = *filter,
                   start = m_joinCursor + 1](const nats::ApiResult &) {
                      return js.createConsumer(stream, name, filter,
                                               catchUpConfig(name, filter, start));
                  })
            .unwrap()
            .then(m_guard, [self](const nats::ApiResult &created) {
                if (!created.ok())
                    return self->endCatchUp(created.error.describe());
                self->m_remaining =
                    quint64(created.body.value(QLatin1String("num_pending")).toInteger());
                self->fetchMore();
            });
    }

    void fetchMore()
    {
        if (m_remaining == 0 || m_reachedFence)
            return awaitCopies();
        const int batch = int(std::min<quint64>(m_remaining, kCatchUpBatch));
        auto self = shared_from_this();
        nats::PullConsumer::fetch(m_context->jetStream, wire::chatStreamName(m_context->space),
                                  consumerName(), batch, kFetchExpiresMs)
            .then(m_guard,
                  [self, batch](const QList<nats::JsMessage> &messages) {
                      self->copy(messages);
                      self->m_remaining -= std::min<quint64>(self->m_remaining, messages.size());
                      if (messages.size() < batch)
                          self->m_remaining = 0; // a short batch: drained
                      self->fetchMore();
                  })
            .onFailed(m_guard, [self](const nats::NatsException &error) {
                self->endCatchUp(error.error().describe());
            });
    }

    void copy(const QList<nats::JsMessage> &messages)
    {
        for (const nats::JsMessage &message : messages) {
            const quint64 seq = message.metadata().streamSequence;
            if (seq > m_fence) {
                m_reachedFence = true;
                return;
            }
            auto checked = wire::checkDelivery(message.message().subject, message.message().data);
            if (!checked || checked->message.from.id == m_owner)
                continue;
            ++m_copiesPending;
            auto self = shared_from_this();
            m_fanout->publishEntry(m_owner, m_generation, m_channel, seq, checked->message.id,
                                   message.message().data, [self](bool stored) {
                                       if (!stored)
                                           self->m_copyFailed = true;
                                       if (--self->m_copiesPending == 0 && self->m_awaiting)
                                           self->endCatchUp({});
                                   });
        }
    }

    void awaitCopies()
    {
        m_awaiting = true;
        if (m_copiesPending == 0)
            endCatchUp({});
    }

    // Step 7d, then 8 or 9.
    void endCatchUp(const QString &error)
    {
        if (m_ended)
            return;
        m_ended = true;
        m_context->jetStream.deleteConsumer(wire::chatStreamName(m_context->space), consumerName());
        if (!error.isEmpty())
            return fail(QStringLiteral("activation catch-up failed: %1").arg(error));
        if (m_copyFailed)
            return fail(QStringLiteral("activation catch-up failed: a copy was not stored"));
        if (!m_evicted)
            return activate();
        auto self = shared_from_this();
        m_context->view->tombstoneMember(m_channel, m_owner, m_fence, m_generation)
            .then(m_guard, [self](const space::SpaceError &tombstone) {
                // A newer rejoin that already won is fine; anything else is a failure.
                if (tombstone.isError() &&
                    tombstone.kind != space::SpaceErrorKind::StaleMembershipWrite)
                    return self->fail(tombstone.message);
                self->succeed(false,
                              QStringLiteral("activation catch-up window partially evicted by "
                                             "retention"));
            });
    }

    void activate()
    {
        auto self = shared_from_this();
        m_context->view->activateMember(m_channel, m_owner, m_generation, m_joinCursor)
            .then(m_guard, [self](const space::ActivationResult &result) {
                if (result.error.isError())
                    return self->fail(result.error.message);
                if (result.outcome == space::ActivationResult::Outcome::Superseded)
                    return self->succeed(false, QStringLiteral("activation superseded by a "
                                                               "concurrent leave or rejoin"));
                self->succeed(true);
            });
    }

    DaemonContext *m_context;
    FanoutWriter *m_fanout;
    QObject *m_guard;
    QString m_owner;
    QString m_channel;
    QPromise<wire::ControlReply> m_promise;
    quint64 m_joinCursor = 0;
    qint64 m_generation = 0;
    quint64 m_fence = 0;
    bool m_evicted = false;
    quint64 m_remaining = 0;
    bool m_reachedFence = false;
    int m_copiesPending = 0;
    bool m_copyFailed = false;
    bool m_awaiting = false;
    bool m_ended = false;
};

} // namespace

ControlService::ControlService(DaemonContext *context, FanoutWriter *fanout, QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_fanout(fanout)
{}

ControlService::~ControlService() = default;

QFuture<nats::NatsError> ControlService::bind()
{
    m_subscription.reset();
    m_subscription = m_context->connection->subscribe(
        wire::controlServeSubscription(m_context->space, kService), this,
        [this](const QList<nats::NatsMessage> &batch) { handle(batch); }, kService);
    if (!m_subscription) {
        nats::NatsError error;
        error.kind = nats::NatsErrorKind::NotConnected;
        error.message = QStringLiteral("cannot subscribe the ctl.delivery responder");
        return QtFuture::makeReadyFuture(error);
    }
    return m_context->connection->flush();
}

void ControlService::stop()
{
    m_subscription.reset();
}

void ControlService::handle(const QList<nats::NatsMessage> &batch)
{
    for (const nats::NatsMessage &message : batch)
        serve(message);
}

void ControlService::serve(const nats::NatsMessage &message)
{
    // boundReply: only the requester's own `<subject>.reply.` lane, or no answer at all. The
    // broker does not police the reply subject a requester embeds.
    if (!wire::isBoundReplyFor(message.subject, message.reply)) {
        m_context->log(LogLevel::Error,
                       QStringLiteral("ctl.delivery: refused a request on %1 whose reply \"%2\" is "
                                      "not its own reply lane (no answer sent)")
                           .arg(message.subject, message.reply));
        return;
    }
    const QString reply = message.reply;
    const auto respond = [this, reply](const wire::ControlReply &answer) {
        m_context->connection->publish(reply, wire::encodeControlReply(answer));
    };
    const auto request = wire::decodeControlRequest(message.data);
    if (!request) {
        respond(wire::ControlReply::failure(request.error().detail));
        return;
    }
    const auto sender = wire::checkControlSender(message.subject, request.value());
    if (!sender) {
        m_context->log(LogLevel::Warning,
                       QStringLiteral("ctl.delivery: %1 on %2 claims to be %3: refused")
                           .arg(request->op, message.subject, request->from.id));
        respond(wire::senderMismatchReply());
        return;
    }
    dispatch(sender->sender, request.value())
        .then(this, [respond](const wire::ControlReply &answer) { respond(answer); });
}

QFuture<wire::ControlReply> ControlService::dispatch(const QString &caller,
                                                     const wire::ControlRequest &request)
{
    const wire::JsonObject args = request.argsOrEmpty();
    if (request.op == wire::kOpDurableJoin)
        return durableJoin(caller, args);
    if (request.op == wire::kOpDurableLeave)
        return durableLeave(caller, args);
    if (request.op == wire::kOpListMemberships)
        return listMemberships(caller);
    return ready(wire::ControlReply::failure(
        QStringLiteral("op \"%1\" not supported on the delivery control service").arg(request.op)));
}

QFuture<wire::ControlReply> ControlService::durableJoin(const QString &caller,
                                                        const wire::JsonObject &args)
{
    QString error;
    const std::optional<QString> channel = channelArgument(wire::kOpDurableJoin, args, &error);
    if (!channel)
        return ready(wire::ControlReply::failure(error));
    return m_context->view->acl(caller)
        .then(this,
              [this, caller, channel = *channel](const OwnerAcl &acl) {
                  if (acl.error.isError())
                      return ready(wire::ControlReply::failure(acl.error.describe()));
                  if (!acl.known)
                      return ready(wire::ControlReply::failure(
                          QStringLiteral("durableJoin: no read ACL on record for %1 (not "
                                         "provisioned for durable delivery)")
                              .arg(caller)));
                  if (!wire::channelInAllow(acl.allowSubscribe, channel))
                      return ready(wire::ControlReply::failure(
                          QStringLiteral("channel \"%1\" is not within your read ACL [%2]")
                              .arg(channel, acl.allowSubscribe.join(QStringLiteral(", ")))));
                  return serialized(channel + u'/' + caller, [this, caller, channel] {
                      return durableJoinFor(caller, channel);
                  });
              })
        .unwrap();
}

QFuture<wire::ControlReply> ControlService::durableJoinFor(const QString &owner,
                                                           const QString &channel)
{
    return std::make_shared<JoinJob>(m_context, m_fanout, this, owner, channel)->run();
}

QFuture<wire::ControlReply> ControlService::durableLeave(const QString &caller,
                                                         const wire::JsonObject &args)
{
    QString error;
    const std::optional<QString> channel = channelArgument(wire::kOpDurableLeave, args, &error);
    if (!channel)
        return ready(wire::ControlReply::failure(error));
    const wire::JsonValue *generationValue = args.find(u"generation");
    if (!generationValue || !generationValue->isNumber() ||
        !std::isfinite(generationValue->toDouble()))
        return ready(wire::ControlReply::failure(
            QStringLiteral("durableLeave: a finite generation is required (fail-closed "
                           "stale-leave guard)")));
    const double generation = generationValue->toDouble();
    // No ACL check: a leave is what follows a narrowed ACL (delivery.md §6.3).
    return serialized(*channel + u'/' + caller, [this, caller, channel = *channel, generation] {
        return m_context->view->memberRecord(channel, caller)
            .then(this,
                  [this, caller, channel, generation](const MemberRecordRead &read) {
                      if (read.error.isError())
                          return ready(wire::ControlReply::failure(read.error.describe()));
                      if (!read.record) {
                          wire::DurableLeaveResult left{channel, true};
                          return ready(wire::ControlReply::success(left.toData()));
                      }
                      // A generation that is no integer can never match: the guard refuses it
                      // as stale, like the reference's strict comparison.
                      const qint64 expected = generation == std::floor(generation)
                                                  ? qint64(generation)
                                                  : std::numeric_limits<qint64>::min();
                      return m_context->jetStream.streamInfo(wire::chatStreamName(m_context->space))
                          .then(this,
                                [this, caller, channel, expected](const nats::ApiResult &info) {
                                    if (!info.ok())
                                        return ready(
                                            wire::ControlReply::failure(info.error.describe()));
                                    const quint64 frontier =
                                        jsonSeq(info.body, QLatin1String("state"),
                                                QLatin1String("last_seq"));
                                    return m_context->view
                                        ->tombstoneMember(channel, caller, frontier, expected)
                                        .then(this, [channel](const space::SpaceError &written) {
                                            if (written.isError())
                                                return wire::ControlReply::failure(written.message);
                                            wire::DurableLeaveResult left{channel, false};
                                            return wire::ControlReply::success(left.toData());
                                        });
                                })
                          .unwrap();
                  })
            .unwrap();
    });
}

QFuture<wire::ControlReply> ControlService::listMemberships(const QString &caller)
{
    return m_context->view->membersCurrent().then(
        this, [this, caller](const nats::NatsError &error) {
            if (error.isError())
                return wire::ControlReply::failure(error.describe());
            wire::ListMembershipsResult result;
            const QList<wire::MembershipRecord> records = m_context->view->recordsOf(caller);
            for (const wire::MembershipRecord &record : records) {
                if (record.leaveCursor)
                    continue;
                result.memberships.append(
                    {record.channel, record.generation, record.activated.value_or(false)});
            }
            return wire::ControlReply::success(result.toData());
        });
}

QFuture<wire::ControlReply>
ControlService::serialized(const QString &key, std::function<QFuture<wire::ControlReply>()> work)
{
    auto promise = std::make_shared<QPromise<wire::ControlReply>>();
    promise->start();
    QFuture<wire::ControlReply> future = promise->future();
    auto &queue = m_queues[key];
    if (!queue)
        queue = std::make_shared<std::deque<std::function<void()>>>();
    auto jobs = queue;
    jobs->push_back([this, key, jobs, promise, work = std::move(work)] {
        work().then(this, [this, key, jobs, promise](const wire::ControlReply &reply) {
            promise->addResult(reply);
            promise->finish();
            jobs->pop_front();
            if (!jobs->empty())
                jobs->front()();
            else if (m_queues.value(key) == jobs)
                m_queues.remove(key);
        });
    });
    if (jobs->size() == 1)
        jobs->front()();
    return future;
}

} // namespace cotal::delivery
