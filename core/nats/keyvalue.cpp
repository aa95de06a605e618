#include "core/nats/keyvalue.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QPromise>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTimer>
#include <algorithm>

namespace cotal::nats {
namespace {

constexpr qint64 kNanosPerMs = 1000000;
// The reference's ordered consumer (fixtures/js-api-requests.json): 30 s heartbeat, 300 s
// inactivity expiry; the client never deletes it.
constexpr int kHeartbeatMs = 30000;
constexpr qint64 kInactiveThresholdMs = 300000;
// Two missed heartbeats mean the consumer is gone or its deliveries are lost.
constexpr int kWatchdogMs = 2 * kHeartbeatMs;
constexpr int kFirstRetryMs = 250;
constexpr int kMaxRetryMs = 5000;
// A one-shot listing restarts at most this often before it gives up.
constexpr int kMaxCollectorResets = 3;

constexpr char kOperationHeader[] = "KV-Operation";
constexpr char kExpectedLastSubjectSequence[] = "Nats-Expected-Last-Subject-Sequence";

NatsError makeError(NatsErrorKind kind, const QString &message)
{
    NatsError error;
    error.kind = kind;
    error.message = message;
    return error;
}

NatsError abandoned()
{
    return makeError(NatsErrorKind::NotConnected, QStringLiteral("the request was abandoned"));
}

// Keys as the reference client accepts them: [-/=.\w]+, no leading or trailing dot.
bool isValidKey(const QString &key)
{
    static const QRegularExpression pattern(QStringLiteral("^[-/=.A-Za-z0-9_]+$"));
    return !key.startsWith(u'.') && !key.endsWith(u'.') && pattern.match(key).hasMatch();
}

bool isValidKeyFilter(const QString &filter)
{
    static const QRegularExpression pattern(QStringLiteral("^[-/=.>*A-Za-z0-9_]+$"));
    return !filter.startsWith(u'.') && !filter.endsWith(u'.') &&
           !filter.contains(QStringLiteral("..")) && pattern.match(filter).hasMatch();
}

bool isValidBucket(const QString &bucket)
{
    static const QRegularExpression pattern(QStringLiteral("^[-A-Za-z0-9_]+$"));
    return pattern.match(bucket).hasMatch();
}

NatsError invalidKey(const QString &key)
{
    return makeError(NatsErrorKind::InvalidArgument, QStringLiteral("invalid key: %1").arg(key));
}

QByteArray jsonString(const QString &text)
{
    const QByteArray array = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

std::optional<QByteArray> headerValue(const QList<QPair<QByteArray, QByteArray>> &headers,
                                      QByteArrayView name)
{
    for (const auto &[key, value] : headers) {
        if (QByteArrayView(key).compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return std::nullopt;
}

KvEntry::Operation operationOf(const QList<QPair<QByteArray, QByteArray>> &headers)
{
    // Servers with subject delete markers (2.11+) tag a max-age removal like a purge.
    if (headerValue(headers, "Nats-Marker-Reason") == QByteArray("MaxAge"))
        return KvEntry::Operation::Purge;
    const std::optional<QByteArray> operation = headerValue(headers, kOperationHeader);
    if (operation == QByteArray("DEL"))
        return KvEntry::Operation::Delete;
    if (operation == QByteArray("PURGE"))
        return KvEntry::Operation::Purge;
    return KvEntry::Operation::Put;
}

// The header block of a stored message: "NATS/1.0\r\nName: value\r\n...\r\n\r\n".
QList<QPair<QByteArray, QByteArray>> parseHeaderBlock(const QByteArray &block)
{
    QList<QPair<QByteArray, QByteArray>> headers;
    const QList<QByteArray> lines = block.split('\n');
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
    }
    return headers;
}

// RFC 3339 with nanoseconds ("2026-11-27T06:10:19.348123456Z"); QDateTime keeps milliseconds.
QDateTime parseTimestamp(const QString &text)
{
    QString normalized = text;
    const qsizetype dot = text.indexOf(u'.');
    if (dot > 0) {
        qsizetype end = dot + 1;
        while (end < text.size() && text.at(end).isDigit())
            ++end;
        const QString fraction = text.mid(dot + 1, end - dot - 1).left(3).leftJustified(3, u'0');
        normalized = text.left(dot + 1) + fraction + text.mid(end);
    }
    return QDateTime::fromString(normalized, Qt::ISODateWithMs).toUTC();
}

QDateTime fromNanos(qint64 nanos)
{
    return QDateTime::fromMSecsSinceEpoch(nanos / kNanosPerMs, Qt::UTC);
}

// "wrong last sequence: 7" names the key's current revision.
quint64 currentRevisionOf(const NatsError &error)
{
    static const QRegularExpression pattern(QStringLiteral("wrong last sequence: (\\d+)"));
    const QRegularExpressionMatch match = pattern.match(error.message);
    return match.hasMatch() ? match.captured(1).toULongLong() : 0;
}

// Hands the value of `future` to `handler` on `context`'s thread (so follow-up requests are
// issued where the connection lives); a cancelled future arrives as an abandoned request. Nothing
// runs once `context` is gone.
template<typename T, typename Handler>
void continueOn(QObject *context, QFuture<T> future, Handler handler)
{
    const QPointer<QObject> guard(context);
    auto deliver = [guard, handler](const T &value) {
        if (guard)
            QMetaObject::invokeMethod(
                guard.data(), [handler, value] { handler(value); }, Qt::QueuedConnection);
    };
    future.then(QtFuture::Launch::Sync, [deliver](const T &value) { deliver(value); })
        .onCanceled([deliver] {
            T value;
            value.error = abandoned();
            deliver(value);
        });
}

template<typename T> void fulfil(QPromise<T> &promise, const T &value)
{
    promise.addResult(value);
    promise.finish();
}

template<typename T> QFuture<T> readyError(const NatsError &error)
{
    T value;
    value.error = error;
    return QtFuture::makeReadyFuture(value);
}

KvResult writeResult(const QString &bucket, const QString &key, const QByteArray &value,
                     KvEntry::Operation operation, const PubAck &ack)
{
    KvResult result;
    result.entry.bucket = bucket;
    result.entry.key = key;
    result.entry.operation = operation;
    result.error = ack.error;
    if (ack.ok()) {
        result.entry.value = value;
        result.entry.revision = ack.sequence;
    } else if (ack.error.kind == NatsErrorKind::RevisionConflict) {
        result.entry.revision = currentRevisionOf(ack.error);
    }
    return result;
}

QFuture<KvResult> publishEntry(const JetStream &jetStream, const QString &bucket,
                               const QString &key, const QByteArray &value,
                               KvEntry::Operation operation, const NatsConnection::Headers &headers)
{
    const QString subject = QStringLiteral("$KV.%1.%2").arg(bucket, key);
    return jetStream.publish(subject, value, headers)
        .then(QtFuture::Launch::Sync,
              [bucket, key, value, operation](const PubAck &ack) {
                  return writeResult(bucket, key, value, operation, ack);
              })
        .onCanceled([bucket, key] {
            KvResult result;
            result.entry.bucket = bucket;
            result.entry.key = key;
            result.error = abandoned();
            return result;
        });
}

NatsConnection::Headers expectRevision(quint64 revision)
{
    return {{kExpectedLastSubjectSequence, QByteArray::number(revision)}};
}

KvResult entryFromStoredMessage(const QString &bucket, const QString &key,
                                const QString &expectedSubject, const ApiResult &api)
{
    KvResult result;
    result.entry.bucket = bucket;
    result.entry.key = key;
    if (!api.ok()) {
        result.error = api.error;
        return result;
    }
    const QJsonObject message = api.body.value(QStringLiteral("message")).toObject();
    // A last_by_subj lookup never answers for another subject; if it did, the key is absent.
    if (message.value(QStringLiteral("subject")).toString() != expectedSubject) {
        result.error = makeError(NatsErrorKind::NotFound, QStringLiteral("no message found"));
        return result;
    }
    const QByteArray headerBlock =
        QByteArray::fromBase64(message.value(QStringLiteral("hdrs")).toString().toLatin1());
    result.entry.operation = operationOf(parseHeaderBlock(headerBlock));
    result.entry.value =
        QByteArray::fromBase64(message.value(QStringLiteral("data")).toString().toLatin1());
    result.entry.revision = static_cast<quint64>(message.value(QStringLiteral("seq")).toInteger());
    result.entry.created = parseTimestamp(message.value(QStringLiteral("time")).toString());
    return result;
}

// A 22-character base62 token, as unique as a NATS nuid for naming consumers.
QString nuid()
{
    static constexpr char alphabet[] =
        "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    QString token;
    token.reserve(22);
    for (int i = 0; i < 22; ++i)
        token.append(QLatin1Char(alphabet[QRandomGenerator::system()->bounded(62)]));
    return token;
}

bool isTransient(const NatsError &error)
{
    switch (error.kind) {
    case NatsErrorKind::Timeout:
    case NatsErrorKind::NoResponders:
    case NatsErrorKind::NotConnected:
    case NatsErrorKind::Io:
        return true;
    case NatsErrorKind::JetStreamApi:
        return error.apiCode == 503; // JetStream not (yet) available after a restart
    default:
        return false;
    }
}

struct Delivery
{
    NatsMessage message;
    JsMetadata metadata;
    // Nothing that was pending when the consumer was created is left after this one.
    bool caughtUp = false;
};

// The reference client's ordered push consumer (storage.md §3.1): a named, unacknowledged,
// flow-controlled consumer on a fresh inbox. It answers flow control and stall notices, and
// re-creates itself from the last delivered stream sequence + 1 after a gap in the consumer
// sequence, two missed heartbeats or a reconnect. Callbacks run on `context`'s thread.
class OrderedPushConsumer final
{
    Q_DISABLE_COPY_MOVE(OrderedPushConsumer)

public:
    struct Options
    {
        QString stream;
        QString filterSubject;
        QString deliverPolicy; // last_per_subject, new or all
        bool headersOnly = false;
        // A watcher retries transient failures and re-creates without limit; a one-shot
        // listing reports them.
        bool persistent = false;
    };

    // `caughtUp`: everything pending at creation has been delivered already (or nothing was).
    std::function<void(bool caughtUp)> onCreated;
    std::function<void(const QList<Delivery> &deliveries)> onDelivered;
    std::function<void(const NatsError &error)> onFailed;

    OrderedPushConsumer(JetStream jetStream, Options options, QObject *context)
        : m_jetStream(std::move(jetStream))
        , m_options(std::move(options))
        , m_context(context)
        , m_namePrefix(QStringLiteral("oc_") + nuid())
    {
        m_watchdog.setSingleShot(true);
        m_watchdog.callOnTimeout(m_context, [this] { recreate(); });
        m_retry.setSingleShot(true);
        m_retry.callOnTimeout(m_context, [this] { create(); });
        m_reconnected = QObject::connect(m_jetStream.connection(), &NatsConnection::reconnected,
                                         m_context, [this] {
                                             if (m_running)
                                                 recreate();
                                         });
    }

    ~OrderedPushConsumer() { QObject::disconnect(m_reconnected); }

    void start()
    {
        m_running = true;
        create();
    }

    void stop()
    {
        m_running = false;
        ++m_generation;
        m_watchdog.stop();
        m_retry.stop();
        retireSubscription();
    }

private:
    QByteArray config(const QString &name, const QString &deliverSubject) const
    {
        QByteArray policy;
        if (m_streamSequence > 0) {
            policy = "\"deliver_policy\":\"by_start_sequence\",\"opt_start_seq\":" +
                     QByteArray::number(m_streamSequence + 1);
        } else {
            policy = "\"deliver_policy\":" + jsonString(m_options.deliverPolicy);
        }
        // Field order as in the reference's create body (fixtures/js-api-requests.json).
        return "{" + policy + ",\"ack_policy\":\"none\",\"filter_subject\":" +
               jsonString(m_options.filterSubject) + ",\"flow_control\":true,\"idle_heartbeat\":" +
               QByteArray::number(qint64(kHeartbeatMs) * kNanosPerMs) +
               ",\"headers_only\":" + (m_options.headersOnly ? "true" : "false") +
               ",\"name\":" + jsonString(name) +
               ",\"inactive_threshold\":" + QByteArray::number(kInactiveThresholdMs * kNanosPerMs) +
               ",\"num_replicas\":1,\"max_deliver\":1,\"deliver_subject\":" +
               jsonString(deliverSubject) + "}";
    }

    // A subscription is never destroyed inside its own handler: it goes on the next turn.
    void retireSubscription()
    {
        if (!m_subscription)
            return;
        std::shared_ptr<Subscription> retired(std::move(m_subscription));
        QMetaObject::invokeMethod(
            m_context, [retired] {}, Qt::QueuedConnection);
    }

    void create()
    {
        if (!m_running)
            return;
        const quint64 generation = ++m_generation;
        m_watchdog.stop();
        retireSubscription();
        m_consumerSequence = 0;
        m_initialTotal.reset();
        const QString name = m_namePrefix + u'_' + QString::number(++m_serial);
        NatsConnection *connection = m_jetStream.connection();
        const QString inbox = connection->newInbox();
        // Subscribe before the create request: the server pushes as soon as the consumer exists.
        m_subscription = connection->subscribe(inbox, m_context,
                                               [this, generation](const QList<NatsMessage> &batch) {
                                                   if (generation == m_generation)
                                                       handleBatch(batch);
                                               });
        if (!m_subscription) {
            handleCreateFailure(makeError(NatsErrorKind::NotConnected,
                                          QStringLiteral("cannot subscribe to %1").arg(inbox)));
            return;
        }
        continueOn(m_context,
                   m_jetStream.createConsumer(m_options.stream, name, m_options.filterSubject,
                                              config(name, inbox)),
                   [this, generation](const ApiResult &result) {
                       if (generation == m_generation)
                           handleCreated(result);
                   });
    }

    void handleCreated(const ApiResult &result)
    {
        if (!result.ok()) {
            handleCreateFailure(result.error);
            return;
        }
        m_retryMs = kFirstRetryMs;
        const QJsonObject delivered = result.body.value(QStringLiteral("delivered")).toObject();
        // A "new" consumer starts after the stream's last sequence; remembering it lets a
        // re-create resume there even if nothing was delivered yet.
        if (m_streamSequence == 0 && m_options.deliverPolicy == QLatin1String("new")) {
            m_streamSequence =
                static_cast<quint64>(delivered.value(QStringLiteral("stream_seq")).toInteger());
        }
        // The info may be taken after the first pushes: those count as initial values too.
        m_initialTotal =
            static_cast<quint64>(result.body.value(QStringLiteral("num_pending")).toInteger() +
                                 delivered.value(QStringLiteral("consumer_seq")).toInteger());
        m_watchdog.start(kWatchdogMs);
        if (onCreated)
            onCreated(m_consumerSequence >= *m_initialTotal);
    }

    void handleCreateFailure(const NatsError &error)
    {
        retireSubscription();
        if (m_options.persistent && isTransient(error)) {
            m_retry.start(m_retryMs);
            m_retryMs = std::min(m_retryMs * 2, kMaxRetryMs);
            return;
        }
        stop();
        if (onFailed)
            onFailed(error);
    }

    void recreate()
    {
        if (!m_running)
            return;
        if (!m_options.persistent && ++m_resets > kMaxCollectorResets) {
            stop();
            if (onFailed)
                onFailed(makeError(
                    NatsErrorKind::Timeout,
                    QStringLiteral("consumer on %1 kept losing deliveries").arg(m_options.stream)));
            return;
        }
        create();
    }

    void handleBatch(const QList<NatsMessage> &batch)
    {
        NatsConnection *connection = m_jetStream.connection();
        m_watchdog.start(kWatchdogMs);
        QList<Delivery> deliveries;
        bool gap = false;
        for (const NatsMessage &message : batch) {
            if (message.status != 0) {
                if (!message.reply.isEmpty()) {
                    connection->publish(message.reply, {}); // flow control request
                    continue;
                }
                if (const auto stalled = message.header("Nats-Consumer-Stalled"))
                    connection->publish(QString::fromLatin1(*stalled), {});
                // A heartbeat names the last consumer sequence sent; a mismatch is a lost tail.
                if (const auto last = message.header("Nats-Last-Consumer")) {
                    if (last->toULongLong() != m_consumerSequence) {
                        gap = true;
                        break;
                    }
                }
                continue;
            }
            const std::optional<JsMetadata> metadata = JsMetadata::fromReplySubject(message.reply);
            if (!metadata)
                continue;
            if (metadata->consumerSequence != m_consumerSequence + 1) {
                gap = true;
                break;
            }
            m_consumerSequence = metadata->consumerSequence;
            m_streamSequence = metadata->streamSequence;
            const bool caughtUp =
                metadata->pending == 0 || (m_initialTotal && m_consumerSequence >= *m_initialTotal);
            deliveries.append({message, *metadata, caughtUp});
        }
        const quint64 generation = m_generation;
        const QPointer<QObject> alive(m_context);
        if (!deliveries.isEmpty() && onDelivered)
            onDelivered(deliveries);
        // The handler may have destroyed, stopped or restarted this consumer.
        if (gap && alive && generation == m_generation)
            recreate();
    }

    JetStream m_jetStream;
    Options m_options;
    QObject *m_context;
    QString m_namePrefix;
    quint64 m_serial = 0;
    quint64 m_generation = 0;
    quint64 m_consumerSequence = 0;
    quint64 m_streamSequence = 0;
    std::optional<quint64> m_initialTotal;
    int m_resets = 0;
    int m_retryMs = kFirstRetryMs;
    bool m_running = false;
    std::unique_ptr<Subscription> m_subscription;
    QTimer m_watchdog;
    QTimer m_retry;
    QMetaObject::Connection m_reconnected;
};

KvEntry entryFromDelivery(const QString &bucket, qsizetype prefixLength, const Delivery &delivery)
{
    KvEntry entry;
    entry.bucket = bucket;
    entry.key = delivery.message.subject.mid(prefixLength);
    entry.value = delivery.message.data;
    entry.revision = delivery.metadata.streamSequence;
    entry.created = fromNanos(delivery.metadata.timestampNs);
    entry.operation = operationOf(delivery.message.headers);
    return entry;
}

// Reads a bucket once through an ordered consumer until nothing is pending, then deletes
// itself. Used by keys() and history().
class KvCollector final : public QObject
{
    Q_DISABLE_COPY_MOVE(KvCollector)

public:
    using Done = std::function<void(const QList<KvEntry> &entries, const NatsError &error)>;

    KvCollector(const JetStream &jetStream, const QString &bucket, const QString &filterSubject,
                const QString &deliverPolicy, bool headersOnly, Done done)
        : m_bucket(bucket)
        , m_prefixLength(QStringLiteral("$KV.%1.").arg(bucket).size())
        , m_done(std::move(done))
        , m_consumer(
              jetStream,
              {QStringLiteral("KV_") + bucket, filterSubject, deliverPolicy, headersOnly, false},
              this)
    {
        m_consumer.onCreated = [this](bool caughtUp) {
            if (caughtUp)
                finish({});
        };
        m_consumer.onDelivered = [this](const QList<Delivery> &deliveries) {
            for (const Delivery &delivery : deliveries) {
                m_entries.append(entryFromDelivery(m_bucket, m_prefixLength, delivery));
                if (delivery.caughtUp) {
                    finish({});
                    return;
                }
            }
        };
        m_consumer.onFailed = [this](const NatsError &error) {
            m_entries.clear();
            finish(error);
        };
    }

    void start() { m_consumer.start(); }

private:
    void finish(const NatsError &error)
    {
        if (m_finished)
            return;
        m_finished = true;
        m_consumer.stop();
        m_done(m_entries, error);
        deleteLater();
    }

    QString m_bucket;
    qsizetype m_prefixLength;
    Done m_done;
    QList<KvEntry> m_entries;
    bool m_finished = false;
    OrderedPushConsumer m_consumer;
};

} // namespace

KeyValue::KeyValue(JetStream jetStream, QString bucket)
    : m_jetStream(std::move(jetStream))
    , m_bucket(std::move(bucket))
{}

QString KeyValue::subjectFor(const QString &key) const
{
    return QStringLiteral("$KV.%1.%2").arg(m_bucket, key);
}

QFuture<KvResult> KeyValue::get(const QString &key) const
{
    if (!isValidKey(key))
        return readyError<KvResult>(invalidKey(key));
    const QString subject = subjectFor(key);
    return m_jetStream.getLastMessage(streamName(), subject)
        .then(QtFuture::Launch::Sync,
              [bucket = m_bucket, key, subject](const ApiResult &api) {
                  return entryFromStoredMessage(bucket, key, subject, api);
              })
        .onCanceled([bucket = m_bucket, key] {
            KvResult result;
            result.entry.bucket = bucket;
            result.entry.key = key;
            result.error = abandoned();
            return result;
        });
}

QFuture<KvResult> KeyValue::put(const QString &key, const QByteArray &value) const
{
    if (!isValidKey(key))
        return readyError<KvResult>(invalidKey(key));
    return publishEntry(m_jetStream, m_bucket, key, value, KvEntry::Operation::Put, {});
}

QFuture<KvResult> KeyValue::create(const QString &key, const QByteArray &value) const
{
    if (!isValidKey(key))
        return readyError<KvResult>(invalidKey(key));
    auto promise = std::make_shared<QPromise<KvResult>>();
    promise->start();
    QObject *context = m_jetStream.connection();
    const KeyValue self = *this;
    continueOn(
        context,
        publishEntry(m_jetStream, m_bucket, key, value, KvEntry::Operation::Put, expectRevision(0)),
        [promise, context, self, key, value](const KvResult &first) {
            if (first.error.kind != NatsErrorKind::RevisionConflict) {
                fulfil(*promise, first);
                return;
            }
            // The key has history: only a delete/purge marker may be written over, and only
            // while it is still the newest entry (storage.md §3.1).
            continueOn(context, self.get(key),
                       [promise, context, self, key, value, first](const KvResult &current) {
                           if (current.ok() && !current.entry.isLive()) {
                               continueOn(context,
                                          publishEntry(self.m_jetStream, self.m_bucket, key, value,
                                                       KvEntry::Operation::Put,
                                                       expectRevision(current.entry.revision)),
                                          [promise](const KvResult &retried) {
                                              fulfil(*promise, retried);
                                          });
                               return;
                           }
                           KvResult conflict = first;
                           if (current.ok())
                               conflict.entry = current.entry;
                           fulfil(*promise,
                                  current.ok() || current.error.kind == NatsErrorKind::NotFound
                                      ? conflict
                                      : current);
                       });
        });
    return promise->future();
}

QFuture<KvResult> KeyValue::update(const QString &key, const QByteArray &value,
                                   quint64 revision) const
{
    if (!isValidKey(key))
        return readyError<KvResult>(invalidKey(key));
    if (revision == 0) {
        return readyError<KvResult>(makeError(NatsErrorKind::InvalidArgument,
                                              QStringLiteral("update needs a revision > 0")));
    }
    return publishEntry(m_jetStream, m_bucket, key, value, KvEntry::Operation::Put,
                        expectRevision(revision));
}

QFuture<KvResult> KeyValue::remove(const QString &key, quint64 revision) const
{
    if (!isValidKey(key))
        return readyError<KvResult>(invalidKey(key));
    NatsConnection::Headers headers{{kOperationHeader, "DEL"}};
    if (revision > 0)
        headers += expectRevision(revision);
    return publishEntry(m_jetStream, m_bucket, key, {}, KvEntry::Operation::Delete, headers);
}

QFuture<KvResult> KeyValue::purge(const QString &key) const
{
    if (!isValidKey(key))
        return readyError<KvResult>(invalidKey(key));
    const NatsConnection::Headers headers{{kOperationHeader, "PURGE"}, {"Nats-Rollup", "sub"}};
    return publishEntry(m_jetStream, m_bucket, key, {}, KvEntry::Operation::Purge, headers);
}

QFuture<KvHistoryResult> KeyValue::history(const QString &key) const
{
    if (!isValidKey(key))
        return readyError<KvHistoryResult>(invalidKey(key));
    auto promise = std::make_shared<QPromise<KvHistoryResult>>();
    promise->start();
    auto *collector =
        new KvCollector(m_jetStream, m_bucket, subjectFor(key), QStringLiteral("all"), false,
                        [promise](const QList<KvEntry> &entries, const NatsError &error) {
                            fulfil(*promise, KvHistoryResult{entries, error});
                        });
    collector->start();
    return promise->future();
}

QFuture<KvKeysResult> KeyValue::keys() const
{
    auto promise = std::make_shared<QPromise<KvKeysResult>>();
    promise->start();
    auto *collector = new KvCollector(
        m_jetStream, m_bucket, subjectFor(QStringLiteral(">")), QStringLiteral("last_per_subject"),
        true, [promise](const QList<KvEntry> &entries, const NatsError &error) {
            KvKeysResult result;
            result.error = error;
            // After a resumed read a key can appear more than once; its newest entry decides.
            QHash<QString, qsizetype> newest;
            for (qsizetype i = 0; i < entries.size(); ++i)
                newest.insert(entries.at(i).key, i);
            for (qsizetype i = 0; i < entries.size(); ++i) {
                if (entries.at(i).isLive() && newest.value(entries.at(i).key) == i)
                    result.keys.append(entries.at(i).key);
            }
            fulfil(*promise, result);
        });
    collector->start();
    return promise->future();
}

QByteArray KeyValue::bucketConfig(const QString &bucket, qint64 ttlMs, int history, qint64 maxBytes,
                                  int replicas)
{
    // Field order as nats.js kv 3.4.0 builds it; duplicate_window is left to the server, which
    // clamps its 2 min default to max_age.
    QByteArray config =
        "{\"name\":" + jsonString(QStringLiteral("KV_") + bucket) +
        ",\"retention\":\"limits\",\"max_msgs_per_subject\":" + QByteArray::number(history) +
        ",\"max_bytes\":" + QByteArray::number(maxBytes) +
        ",\"max_msg_size\":-1,\"storage\":\"file\",\"subjects\":[" +
        jsonString(QStringLiteral("$KV.%1.>").arg(bucket)) +
        "],\"discard\":\"new\",\"allow_direct\":true,\"num_replicas\":" +
        QByteArray::number(replicas);
    if (ttlMs > 0)
        config += ",\"max_age\":" + QByteArray::number(ttlMs * kNanosPerMs);
    config += ",\"allow_rollup_hdrs\":true}";
    return config;
}

QFuture<ApiResult> KeyValue::createBucket(qint64 ttlMs, int history, qint64 maxBytes) const
{
    if (!isValidBucket(m_bucket)) {
        return readyError<ApiResult>(
            makeError(NatsErrorKind::InvalidArgument,
                      QStringLiteral("invalid bucket name: %1").arg(m_bucket)));
    }
    if (history < 1 || ttlMs < 0) {
        return readyError<ApiResult>(makeError(NatsErrorKind::InvalidArgument,
                                               QStringLiteral("history must be >= 1, ttl >= 0")));
    }
    auto promise = std::make_shared<QPromise<ApiResult>>();
    promise->start();
    QObject *context = m_jetStream.connection();
    const JetStream jetStream = m_jetStream;
    const QString stream = streamName();
    const QByteArray config = bucketConfig(m_bucket, ttlMs, history, maxBytes);
    // The reference looks the stream up first and creates it only when it is missing.
    continueOn(context, m_jetStream.streamInfo(stream),
               [promise, context, jetStream, stream, config](const ApiResult &info) {
                   if (info.error.kind != NatsErrorKind::NotFound) {
                       fulfil(*promise, info);
                       return;
                   }
                   continueOn(context, jetStream.createStream(stream, config),
                              [promise](const ApiResult &created) { fulfil(*promise, created); });
               });
    return promise->future();
}

class KvWatcher::Private
{
public:
    Private(KvWatcher *owner, KeyValue bucket, QString keyFilter, Mode mode)
        : m_owner(owner)
        , m_bucket(std::move(bucket))
        , m_keyFilter(std::move(keyFilter))
        , m_mode(mode)
    {}

    void start()
    {
        if (m_consumer)
            return;
        if (!isValidKeyFilter(m_keyFilter)) {
            const NatsError error = invalidKey(m_keyFilter);
            KvWatcher *owner = m_owner;
            QMetaObject::invokeMethod(
                owner, [owner, error] { emit owner->failed(error); }, Qt::QueuedConnection);
            return;
        }
        OrderedPushConsumer::Options options;
        options.stream = m_bucket.streamName();
        options.filterSubject = m_bucket.subjectFor(m_keyFilter);
        options.deliverPolicy = m_mode == Mode::UpdatesOnly ? QStringLiteral("new")
                                                            : QStringLiteral("last_per_subject");
        options.persistent = true;
        m_consumer = std::make_unique<OrderedPushConsumer>(m_bucket.jetStream(), options, m_owner);
        m_consumer->onCreated = [this](bool caughtUp) {
            if (m_mode == Mode::UpdatesOnly || caughtUp)
                markInitialDone();
        };
        m_consumer->onDelivered = [this](const QList<Delivery> &deliveries) {
            delivered(deliveries);
        };
        m_consumer->onFailed = [this](const NatsError &error) { emit m_owner->failed(error); };
        m_consumer->start();
    }

private:
    void markInitialDone()
    {
        if (m_initialDone)
            return;
        m_initialDone = true;
        emit m_owner->initialValuesDone();
    }

    void delivered(const QList<Delivery> &deliveries)
    {
        // Updates-only: a push can beat the create reply; the (empty) initial set ends first.
        if (m_mode == Mode::UpdatesOnly)
            markInitialDone();
        const qsizetype prefixLength = m_bucket.subjectFor({}).size();
        QList<KvEntry> batch;
        batch.reserve(deliveries.size());
        for (const Delivery &delivery : deliveries) {
            batch.append(entryFromDelivery(m_bucket.bucket(), prefixLength, delivery));
            if (!m_initialDone && delivery.caughtUp) {
                // The initial values end inside this batch: split it at that point.
                emit m_owner->entries(batch);
                batch.clear();
                markInitialDone();
            }
        }
        if (!batch.isEmpty())
            emit m_owner->entries(batch);
    }

    KvWatcher *m_owner;
    KeyValue m_bucket;
    QString m_keyFilter;
    Mode m_mode;
    std::unique_ptr<OrderedPushConsumer> m_consumer;
    bool m_initialDone = false;
};

KvWatcher::KvWatcher(KeyValue bucket, QString keyFilter, Mode mode, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this, std::move(bucket), std::move(keyFilter), mode))
{}

KvWatcher::~KvWatcher() = default;

void KvWatcher::start()
{
    d->start();
}

} // namespace cotal::nats
