#include "core/endpoint/endpoint_p.h"
#include "core/wire/channels.h"
#include "core/wire/jsonwriter.h"
#include "core/wire/names.h"
#include "core/wire/subjects.h"

#include <QDateTime>
#include <QJsonArray>
#include <QPromise>
#include <algorithm>
#include <map>

namespace cotal::endpoint {

namespace {

constexpr int kDurableJoinTimeoutMs = 30000;
constexpr int kDeliveryTimeoutMs = 5000;
constexpr int kBackoffStartMs = 1000;

nats::NatsError makeError(nats::NatsErrorKind kind, QString message)
{
    return endpointError(kind, std::move(message));
}

template<typename T> QFuture<T> ready(T value)
{
    return QtFuture::makeReadyFuture(std::move(value));
}

QByteArray channelArgs(const QString &channel)
{
    wire::JsonWriter writer;
    writer.beginObject().key(u"channel").string(channel).endObject();
    return writer.take();
}

QByteArray leaveArgs(const QString &channel, qint64 generation)
{
    wire::JsonWriter writer;
    writer.beginObject()
        .key(u"channel")
        .string(channel)
        .key(u"generation")
        .integer(generation)
        .endObject();
    return writer.take();
}

int backoffMs(int attempt, int capMs)
{
    qint64 delay = kBackoffStartMs;
    for (int i = 0; i < attempt && delay < capMs; ++i)
        delay *= 2;
    return int(std::min<qint64>(delay, capMs));
}

const wire::JsonValue *dataField(const ControlResult &result, QStringView key)
{
    return result.data.isObject() ? result.data.toObject().find(key) : nullptr;
}

} // namespace

void Endpoint::Private::emitJoined()
{
    emit q->joinedChannelsChanged(m_joined);
    emit q->channelsChanged();
}

bool Endpoint::Private::subscribeChannel(const QString &channel)
{
    if (!m_connection)
        return false;
    const wire::Result<QString> subject = wire::channelSubscription(m_options.space, channel);
    if (!subject)
        return false;
    std::unique_ptr<nats::Subscription> subscription =
        m_connection->subscribe(*subject, q, [this](const QList<nats::NatsMessage> &batch) {
            m_ingest->acceptCore(batch, ReceivedMessage::Path::Live);
        });
    if (!subscription)
        return false;
    m_refused.remove(channel);
    m_subjectChannel.insert(*subject, channel);
    m_chatSubs[channel] = std::move(subscription);
    return true;
}

void Endpoint::Private::unsubscribeChannel(const QString &channel)
{
    m_chatSubs.erase(channel);
    for (auto it = m_subjectChannel.begin(); it != m_subjectChannel.end();) {
        if (it.value() == channel)
            it = m_subjectChannel.erase(it);
        else
            ++it;
    }
}

QFuture<quint64> Endpoint::Private::chatFrontier()
{
    if (!m_js)
        return ready<quint64>(0);
    return m_js->streamInfo(wire::chatStreamName(m_options.space))
        .then(q, [this](const nats::ApiResult &info) {
            if (!info.ok()) {
                report(
                    QStringLiteral("cannot read the CHAT frontier: %1").arg(info.error.describe()));
                return quint64(0);
            }
            const QJsonObject state = info.body.value(QLatin1String("state")).toObject();
            return quint64(state.value(QLatin1String("last_seq")).toDouble());
        });
}

QFuture<nats::NatsError> Endpoint::Private::bootChannels()
{
    if (m_joined.isEmpty())
        return QtFuture::makeReadyFuture(nats::NatsError{});
    const bool first = !m_firstConnectDone;
    const quint64 epoch = m_epoch;
    QFuture<quint64> frontier = first ? chatFrontier() : ready<quint64>(0);
    return frontier
        .then(q,
              [this, first, epoch](quint64 watermark) {
                  if (epoch != m_epoch)
                      return QtFuture::makeReadyFuture(notReady());
                  const QStringList channels = m_joined;
                  for (const QString &channel : channels) {
                      if (first)
                          m_watermarks.insert(channel, watermark);
                      if (!subscribeChannel(channel))
                          report(QStringLiteral("cannot subscribe channel \"%1\"").arg(channel));
                      m_confirming.insert(channel);
                  }
                  return confirmSubscriptions()
                      .then(q,
                            [this, first, epoch](const nats::NatsError &error) {
                                m_confirming.clear();
                                if (epoch != m_epoch)
                                    return QtFuture::makeReadyFuture(notReady());
                                if (error.isError())
                                    return QtFuture::makeReadyFuture(error);
                                const QStringList joined = m_joined;
                                for (const QString &channel : joined) {
                                    if (m_refused.contains(channel) || !m_chatSubs.count(channel))
                                        handleLateRefusal(channel);
                                }
                                if (!first || m_joined.isEmpty())
                                    return QtFuture::makeReadyFuture(nats::NatsError{});
                                // First connect: backfill every boot channel up to its
                                // watermark, one read at a time (the reader serialises).
                                QList<QFuture<int>> reads;
                                for (const QString &channel : std::as_const(m_joined))
                                    reads.append(backfill(channel, m_watermarks.value(channel)));
                                return QtFuture::whenAll(reads.begin(), reads.end())
                                    .then(q, [](const QList<QFuture<int>> &) {
                                        return nats::NatsError{};
                                    });
                            })
                      .unwrap();
              })
        .unwrap();
}

QFuture<int> Endpoint::Private::backfill(const QString &channel, quint64 watermark)
{
    if (watermark == 0 || !m_js)
        return ready(0); // nothing was retained when the join captured its watermark
    const quint64 epoch = m_epoch;
    return freshPolicy(channel)
        .then(q,
              [this, channel, watermark, epoch](const ChannelPolicy &policy) {
                  if (!policy.replay || epoch != m_epoch)
                      return ready(0);
                  HistoryReader::Start start;
                  if (const wire::Result<qint64> window =
                          wire::parseReplayWindow(policy.replayWindow))
                      start.time = QDateTime::currentDateTimeUtc().addMSecs(-*window);
                  const QString filter = *wire::channelSubscription(m_options.space, channel);
                  return m_history->read(filter, start, watermark)
                      .then(q, [this, channel](const HistoryRead &read) {
                          if (!read.ok()) {
                              report(QStringLiteral("backfill of \"%1\" failed: %2")
                                         .arg(channel, read.error.describe()));
                              return 0;
                          }
                          const qint64 now = QDateTime::currentMSecsSinceEpoch();
                          QList<ReceivedMessage> messages;
                          messages.reserve(read.entries.size());
                          for (const HistoryEntry &entry : read.entries) {
                              const std::optional<wire::ParsedSubject> parsed =
                                  wire::parseSubject(entry.message.subject);
                              if (!parsed || parsed->kind != wire::SubjectKind::Chat)
                                  continue;
                              wire::Result<wire::CotalMessage> decoded =
                                  wire::decodeCotalMessage(entry.message.data);
                              if (!decoded || decoded->from.id != parsed->sender ||
                                  decoded->from.id == m_id)
                                  continue;
                              messages.append(ReceivedMessage{
                                  std::move(decoded).value(), wire::DeliveryKind::Channel,
                                  ReceivedMessage::Path::Backfill, true, false,
                                  entry.message.subject, entry.sequence, now});
                          }
                          const int count = int(messages.size());
                          m_ingest->acceptHistorical(std::move(messages));
                          return count;
                      });
              })
        .unwrap();
}

void Endpoint::Private::handleLateRefusal(const QString &channel)
{
    unsubscribeChannel(channel);
    m_joined.removeAll(channel);
    m_watermarks.remove(channel);
    m_refused.remove(channel);
    if (m_durableMirror.contains(channel))
        startCloseLoop(channel, m_durableMirror.value(channel));
    const QString reason =
        QStringLiteral("left channel \"%1\": its live subscription was refused by the broker")
            .arg(channel);
    report(reason);
    emit q->channelDropped(channel, reason);
    emitJoined();
}

QFuture<JoinResult> Endpoint::Private::doJoin(const QString &channel)
{
    JoinResult result;
    if (wire::Result<QString> valid = wire::validateChannel(channel); !valid) {
        result.error = makeError(nats::NatsErrorKind::InvalidArgument, valid.error().detail);
        return ready(result);
    }
    if (!m_options.consume) {
        result.error = makeError(nats::NatsErrorKind::InvalidArgument,
                                 QStringLiteral("this endpoint does not consume channels"));
        return ready(result);
    }
    if (!connected() || m_state != State::Connected) {
        result.error = notReady();
        return ready(result);
    }
    if (m_joined.contains(channel)) {
        result.durable = m_durableMirror.contains(channel);
        return ready(result);
    }
    const quint64 epoch = m_epoch;
    // Watermark first: the backfill reads seq <= wm, the live sub sees what comes after.
    return chatFrontier()
        .then(q,
              [this, channel, epoch](quint64 watermark) {
                  JoinResult refused;
                  if (epoch != m_epoch) {
                      refused.error = notReady();
                      return ready(refused);
                  }
                  m_watermarks.insert(channel, watermark);
                  if (!subscribeChannel(channel)) {
                      m_watermarks.remove(channel);
                      refused.error = makeError(
                          nats::NatsErrorKind::Io,
                          QStringLiteral("cannot join \"%1\": cannot subscribe").arg(channel));
                      return ready(refused);
                  }
                  m_confirming.insert(channel);
                  return confirmSubscriptions()
                      .then(q,
                            [this, channel, watermark, epoch](const nats::NatsError &error) {
                                JoinResult outcome;
                                m_confirming.remove(channel);
                                if (epoch != m_epoch) {
                                    outcome.error = notReady();
                                    return ready(outcome);
                                }
                                if (error.isError()) {
                                    unsubscribeChannel(channel);
                                    m_watermarks.remove(channel);
                                    outcome.error = error;
                                    outcome.error.message =
                                        QStringLiteral("cannot join \"%1\": live subscription "
                                                       "could not be confirmed (%2)")
                                            .arg(channel, error.message);
                                    return ready(outcome);
                                }
                                if (m_refused.contains(channel)) {
                                    unsubscribeChannel(channel);
                                    m_watermarks.remove(channel);
                                    m_refused.remove(channel);
                                    outcome.error = makeError(
                                        nats::NatsErrorKind::PermissionDenied,
                                        QStringLiteral("cannot join \"%1\": not within this "
                                                       "agent's read ACL (allowSubscribe)")
                                            .arg(channel));
                                    outcome.error.subject =
                                        *wire::channelSubscription(m_options.space, channel);
                                    outcome.error.operation = QStringLiteral("subscribe");
                                    return ready(outcome);
                                }
                                m_joined.append(channel);
                                emitJoined();
                                outcome.joined = true;
                                QFuture<JoinResult> durable =
                                    cachedPolicy(channel).deliveryClass == DeliveryClass::Durable &&
                                            mayJoinDurably()
                                        ? requestDurableJoin(channel, outcome)
                                        : ready(outcome);
                                return durable
                                    .then(q,
                                          [this, channel, watermark](JoinResult joined) {
                                              return backfill(channel, watermark)
                                                  .then(q, [joined](int count) mutable {
                                                      joined.backfilled = count;
                                                      return joined;
                                                  });
                                          })
                                    .unwrap();
                            })
                      .unwrap();
              })
        .unwrap();
}

QFuture<JoinResult> Endpoint::Private::requestDurableJoin(const QString &channel, JoinResult result)
{
    return control(QStringLiteral("delivery"), QStringLiteral("durableJoin"), channelArgs(channel),
                   kDurableJoinTimeoutMs)
        .then(q, [this, channel, result](const ControlResult &reply) mutable {
            if (!reply.ok()) {
                result.durable = false;
                result.reason =
                    QStringLiteral("durable backstop unavailable (%1)").arg(reply.error);
                return result;
            }
            const wire::JsonValue *durable = dataField(reply, u"durable");
            if (durable && durable->toBool()) {
                const wire::JsonValue *generation = dataField(reply, u"generation");
                m_durableMirror.insert(channel, generation ? qint64(generation->toDouble()) : 0);
                result.durable = true;
                emit q->channelsChanged();
                return result;
            }
            const wire::JsonValue *reason = dataField(reply, u"reason");
            result.durable = false;
            result.reason = reason && reason->isString()
                                ? reason->toString()
                                : QStringLiteral("durable backstop unavailable");
            return result;
        });
}

QFuture<LeaveResult> Endpoint::Private::doLeave(const QString &channel)
{
    LeaveResult result;
    if (!m_joined.contains(channel))
        return ready(result);
    if (!connected()) {
        result.error = notReady();
        return ready(result);
    }
    const auto finishLeave = [this, channel] {
        unsubscribeChannel(channel);
        m_joined.removeAll(channel);
        m_watermarks.remove(channel);
        emitJoined();
        return LeaveResult{true, {}};
    };
    if (!m_auth || !mayJoinDurably() ||
        cachedPolicy(channel).deliveryClass != DeliveryClass::Durable)
        return ready(finishLeave());

    // Durable class in auth mode: tombstone first; any failure aborts with nothing changed.
    QFuture<std::optional<qint64>> generation;
    if (m_durableMirror.contains(channel)) {
        generation = ready<std::optional<qint64>>(m_durableMirror.value(channel));
    } else {
        generation = control(QStringLiteral("delivery"), QStringLiteral("listMemberships"),
                             QByteArrayLiteral("{}"), kDeliveryTimeoutMs)
                         .then(q, [channel](const ControlResult &reply) -> std::optional<qint64> {
                             if (reply.status == ControlResult::Status::NoResponders)
                                 return std::optional<qint64>(-1); // no daemon, no membership
                             if (!reply.ok())
                                 throw std::runtime_error(reply.error.toStdString());
                             const wire::JsonValue *list = dataField(reply, u"memberships");
                             if (list && list->isArray()) {
                                 for (const wire::JsonValue &entry : list->toArray()) {
                                     const wire::JsonObject &record = entry.toObject();
                                     const wire::JsonValue *name = record.find(u"channel");
                                     const wire::JsonValue *gen = record.find(u"generation");
                                     if (name && name->toString() == channel && gen)
                                         return qint64(gen->toDouble());
                                 }
                             }
                             return std::optional<qint64>(-1);
                         });
    }
    return generation
        .then(q,
              [this, channel, finishLeave](std::optional<qint64> found) {
                  if (!found || *found < 0)
                      return ready(finishLeave());
                  return control(QStringLiteral("delivery"), QStringLiteral("durableLeave"),
                                 leaveArgs(channel, *found), kDeliveryTimeoutMs)
                      .then(q, [this, channel, finishLeave](const ControlResult &reply) {
                          if (!reply.ok()) {
                              LeaveResult failed;
                              failed.error = makeError(
                                  nats::NatsErrorKind::JetStreamApi,
                                  QStringLiteral("cannot leave \"%1\": durable leave failed (%2)")
                                      .arg(channel, reply.error));
                              return failed;
                          }
                          m_durableMirror.remove(channel);
                          return finishLeave();
                      });
              })
        .unwrap()
        .onFailed(q, [channel](const std::exception &error) {
            LeaveResult failed;
            failed.error = makeError(nats::NatsErrorKind::JetStreamApi,
                                     QStringLiteral("cannot leave \"%1\": %2")
                                         .arg(channel, QString::fromStdString(error.what())));
            return failed;
        });
}

bool Endpoint::Private::mayJoinDurably() const
{
    const QString request = wire::controlSubject(m_options.space, QStringLiteral("delivery"), m_id);
    return m_options.consume && m_grants.mayPublish(request) &&
           m_grants.maySubscribe(request + QStringLiteral(".reply.>"));
}

void Endpoint::Private::bootSelfJoin()
{
    if (!mayJoinDurably())
        return;
    const QStringList channels = m_joined;
    for (const QString &channel : channels) {
        if (!wire::isConcreteChannel(channel) || m_durableMirror.contains(channel))
            continue;
        freshPolicy(channel).then(q, [this, channel](const ChannelPolicy &policy) {
            if (policy.deliveryClass != DeliveryClass::Durable || m_stopped)
                return;
            control(QStringLiteral("delivery"), QStringLiteral("durableJoin"), channelArgs(channel),
                    kDurableJoinTimeoutMs)
                .then(q, [this, channel](const ControlResult &reply) {
                    const wire::JsonValue *durable = dataField(reply, u"durable");
                    if (reply.ok() && durable && durable->toBool()) {
                        const wire::JsonValue *generation = dataField(reply, u"generation");
                        m_durableMirror.insert(channel,
                                               generation ? qint64(generation->toDouble()) : 0);
                        emit q->channelsChanged();
                        return;
                    }
                    if (!reply.ok() && reply.status != ControlResult::Status::NoResponders)
                        report(QStringLiteral("durable self-join of \"%1\": %2")
                                   .arg(channel, reply.error));
                    startReconcile(channel);
                });
        });
    }
}

void Endpoint::Private::startReconcile(const QString &channel)
{
    if (m_reconciling.contains(channel))
        return;
    m_reconciling.insert(channel);
    reconcileAttempt(channel, 0);
}

void Endpoint::Private::reconcileAttempt(const QString &channel, int attempt)
{
    QTimer::singleShot(
        backoffMs(attempt, m_options.reconcileMaxBackoffMs), q, [this, channel, attempt] {
            if (m_stopped || !m_joined.contains(channel) || m_durableMirror.contains(channel)) {
                m_reconciling.remove(channel);
                return;
            }
            if (!connected()) {
                reconcileAttempt(channel, attempt + 1);
                return;
            }
            control(QStringLiteral("delivery"), QStringLiteral("durableJoin"), channelArgs(channel),
                    kDurableJoinTimeoutMs)
                .then(q, [this, channel, attempt](const ControlResult &reply) {
                    const wire::JsonValue *durable = dataField(reply, u"durable");
                    if (reply.ok() && durable && durable->toBool()) {
                        const wire::JsonValue *generation = dataField(reply, u"generation");
                        m_durableMirror.insert(channel,
                                               generation ? qint64(generation->toDouble()) : 0);
                        m_reconciling.remove(channel);
                        emit q->channelsChanged();
                        return;
                    }
                    if (attempt == 0 && !reply.ok() &&
                        reply.status != ControlResult::Status::NoResponders)
                        report(QStringLiteral("durable reconcile of \"%1\": %2")
                                   .arg(channel, reply.error));
                    // A refused permission does not heal by asking again.
                    if (reply.natsError.kind == nats::NatsErrorKind::PermissionDenied) {
                        m_reconciling.remove(channel);
                        return;
                    }
                    reconcileAttempt(channel, attempt + 1);
                });
        });
}

void Endpoint::Private::startCloseLoop(const QString &channel, qint64 generation)
{
    if (m_cleanupPending.contains(channel))
        return;
    m_cleanupPending.insert(channel, generation);
    emit q->channelsChanged();
    closeLoopAttempt(channel, generation, 0);
}

void Endpoint::Private::closeLoopAttempt(const QString &channel, qint64 generation, int attempt)
{
    if (m_stopped)
        return;
    const auto retry = [this, channel, generation, attempt] {
        QTimer::singleShot(backoffMs(attempt, m_options.reconcileMaxBackoffMs), q,
                           [this, channel, generation, attempt] {
                               closeLoopAttempt(channel, generation, attempt + 1);
                           });
    };
    if (!connected()) {
        retry();
        return;
    }
    control(QStringLiteral("delivery"), QStringLiteral("durableLeave"),
            leaveArgs(channel, generation), kDeliveryTimeoutMs)
        .then(q, [this, channel, attempt, retry](const ControlResult &reply) {
            if (reply.ok()) {
                m_durableMirror.remove(channel);
                m_cleanupPending.remove(channel);
                emit q->channelsChanged();
                return;
            }
            if (attempt == 0)
                report(QStringLiteral("durable leave of refused channel \"%1\": %2")
                           .arg(channel, reply.error));
            retry();
        });
}

QFuture<ChannelListResult> Endpoint::Private::listChannels()
{
    if (!connected())
        return ready(ChannelListResult{{}, notReady()});
    wire::JsonWriter filter;
    filter.beginObject().key(u"subjects_filter").string(u">").endObject();
    const QString space = m_options.space;
    QFuture<nats::ApiResult> info =
        m_js->api(QStringLiteral("STREAM.INFO.") + wire::chatStreamName(space), filter.take());
    // The lease read: an error (no bucket, no grant) leaves health undefined (delivery.md §10).
    const QString leaseBucket = wire::deliveryBucket(space);
    QFuture<nats::KvResult> lease =
        m_grants.mayPublish(QStringLiteral("$JS.API.STREAM.MSG.GET.KV_") + leaseBucket)
            ? nats::KeyValue(*m_js, leaseBucket).get(QStringLiteral("lease.0"))
            : QtFuture::makeReadyFuture(nats::KvResult{
                  {},
                  makeError(nats::NatsErrorKind::PermissionDenied,
                            QStringLiteral("the credential may not read %1").arg(leaseBucket))});
    return info
        .then(q,
              [this, lease, space](const nats::ApiResult &streamInfo) mutable {
                  return lease.then(q, [this, streamInfo, space](const nats::KvResult &leaseRead) {
                      ChannelListResult result;
                      if (!streamInfo.ok()) {
                          result.error = streamInfo.error;
                          return result;
                      }
                      const bool leaseKnown =
                          leaseRead.ok() || leaseRead.error.kind == nats::NatsErrorKind::NotFound;
                      const bool leaseLive = leaseRead.ok() && leaseRead.entry.isLive() &&
                                             leaseReady(leaseRead.entry.value);
                      std::map<QString, ChannelRow> rows;
                      const QJsonObject subjects = streamInfo.body.value(QLatin1String("state"))
                                                       .toObject()
                                                       .value(QLatin1String("subjects"))
                                                       .toObject();
                      for (auto it = subjects.begin(); it != subjects.end(); ++it) {
                          const std::optional<wire::ParsedSubject> parsed =
                              wire::parseSubject(it.key());
                          if (!parsed || parsed->kind != wire::SubjectKind::Chat)
                              continue;
                          ChannelRow &row = rows[parsed->rest];
                          row.channel = parsed->rest;
                          row.messageCount += quint64(it.value().toDouble());
                      }
                      for (auto it = m_registry.channels.constBegin();
                           it != m_registry.channels.constEnd(); ++it) {
                          ChannelRow &row = rows[it.key()];
                          row.channel = it.key();
                          row.configured = true;
                          row.description = it->description;
                          row.instructions = it->instructions;
                      }
                      for (auto it = m_cleanupPending.constBegin();
                           it != m_cleanupPending.constEnd(); ++it) {
                          rows[it.key()].channel = it.key();
                      }
                      for (auto &[name, row] : rows) {
                          row.joined = std::any_of(m_joined.cbegin(), m_joined.cend(),
                                                   [&name](const QString &pattern) {
                                                       return wire::subjectMatches(pattern, name);
                                                   });
                          const ChannelPolicy policy = m_registry.resolve(name);
                          row.replay = policy.replay;
                          row.replayWindow = policy.replayWindow;
                          row.deliveryClass = policy.deliveryClass;
                          row.durableMember = m_durableMirror.contains(name);
                          row.durableUnclosed = m_cleanupPending.contains(name);
                          if (row.durableUnclosed)
                              row.joined = false;
                          if (leaseKnown && row.joined &&
                              policy.deliveryClass == DeliveryClass::Durable) {
                              row.health = leaseLive && row.durableMember
                                               ? DeliveryHealth::Active
                                               : DeliveryHealth::Degraded;
                          }
                          result.rows.append(row);
                      }
                      return result;
                  });
              })
        .unwrap();
}

QFuture<HistoryResult> Endpoint::Private::readHistory(const QString &channel, int limit)
{
    HistoryResult result;
    if (wire::Result<QString> valid = wire::validateChannel(channel); !valid) {
        result.error = makeError(nats::NatsErrorKind::InvalidArgument, valid.error().detail);
        return ready(result);
    }
    if (!connected()) {
        result.error = notReady();
        return ready(result);
    }
    const QString filter = *wire::channelSubscription(m_options.space, channel);
    return m_history->read(filter, HistoryReader::Start{}, 0, std::max(limit, 0))
        .then(q, [](const HistoryRead &read) {
            HistoryResult history;
            history.error = read.error;
            for (const HistoryEntry &entry : read.entries) {
                const std::optional<wire::ParsedSubject> parsed =
                    wire::parseSubject(entry.message.subject);
                wire::Result<wire::CotalMessage> decoded =
                    wire::decodeCotalMessage(entry.message.data);
                if (!parsed || !decoded || decoded->from.id != parsed->sender) {
                    ++history.skipped;
                    continue;
                }
                history.messages.append(std::move(decoded).value());
                history.sequences.append(entry.sequence);
            }
            return history;
        });
}

} // namespace cotal::endpoint
