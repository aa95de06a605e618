#include "core/nats/jetstream.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QPromise>
#include <QTimer>
#include <deque>

namespace cotal::nats {

namespace {

constexpr qint64 kNanosPerMs = 1'000'000;
// How long after a pull's `expires` the server's 408 may still be on its way.
constexpr int kPullGraceMs = 500;
constexpr int kResumeSpacingMs = 20;
// Back-off before re-pulling after the server refused a pull or the connection was down.
constexpr int kPullRetryMs = 1000;

NatsError makeError(NatsErrorKind kind, QString message, QString subject = {})
{
    NatsError error;
    error.kind = kind;
    error.message = std::move(message);
    error.subject = std::move(subject);
    return error;
}

QByteArray jsonString(const QString &text)
{
    const QByteArray array = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// Maps a JetStream {"error":{code,err_code,description}} object to the kind callers act on.
NatsError apiError(const QJsonObject &error, const QString &subject)
{
    const int code = error.value(QLatin1String("code")).toInt();
    const int errCode = error.value(QLatin1String("err_code")).toInt();
    NatsErrorKind kind = NatsErrorKind::JetStreamApi;
    switch (errCode) {
    case 10071: // wrong last sequence
        kind = NatsErrorKind::RevisionConflict;
        break;
    case 10059: // stream not found
    case 10014: // consumer not found
    case 10037: // no message found
        kind = NatsErrorKind::NotFound;
        break;
    case 10058: // stream name already in use
    case 10148: // consumer already exists
        kind = NatsErrorKind::AlreadyExists;
        break;
    default:
        break;
    }
    NatsError result =
        makeError(kind, error.value(QLatin1String("description")).toString(), subject);
    result.apiCode = code;
    result.apiErrorCode = errCode;
    return result;
}

// The JSON object of a reply, or why there is none.
std::pair<QJsonObject, NatsError> decode(const RequestResult &result, const QString &subject)
{
    if (!result.ok())
        return {{}, result.error};
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(result.reply.data, &parseError);
    if (!document.isObject()) {
        return {{},
                makeError(NatsErrorKind::Protocol,
                          QStringLiteral("JetStream reply is not a JSON object: %1")
                              .arg(parseError.errorString()),
                          subject)};
    }
    QJsonObject object = document.object();
    const QJsonValue error = object.value(QLatin1String("error"));
    if (error.isObject())
        return {std::move(object), apiError(error.toObject(), subject)};
    return {std::move(object), {}};
}

ApiResult toApiResult(const RequestResult &result, const QString &subject)
{
    auto [body, error] = decode(result, subject);
    if (error.kind == NatsErrorKind::NoResponders)
        error.message =
            QStringLiteral("JetStream is not enabled or not reachable (%1)").arg(error.message);
    return ApiResult{std::move(body), std::move(error)};
}

PubAck toPubAck(const RequestResult &result, const QString &subject)
{
    auto [body, error] = decode(result, subject);
    if (error.kind == NatsErrorKind::NoResponders)
        error.message = QStringLiteral("no stream captures %1").arg(subject);
    PubAck ack;
    ack.error = std::move(error);
    ack.stream = body.value(QLatin1String("stream")).toString();
    ack.sequence = quint64(body.value(QLatin1String("seq")).toInteger());
    ack.duplicate = body.value(QLatin1String("duplicate")).toBool();
    if (!ack.error.isError() && ack.stream.isEmpty())
        ack.error = makeError(NatsErrorKind::Protocol, QStringLiteral("the reply is not a PubAck"),
                              subject);
    return ack;
}

QString nextSubject(const QString &stream, const QString &consumer)
{
    return QStringLiteral("$JS.API.CONSUMER.MSG.NEXT.%1.%2").arg(stream, consumer);
}

QByteArray pullBody(int batch, int expiresMs)
{
    return "{\"batch\":" + QByteArray::number(batch) +
           ",\"expires\":" + QByteArray::number(qint64(expiresMs) * kNanosPerMs) + '}';
}

// A status answer to a pull: 404 (no messages) and 408 (expired) end it quietly; 409 and 503
// end it with an error.
NatsError pullStatusError(const NatsMessage &message, const QString &consumer)
{
    const QString description = QString::fromUtf8(message.statusDescription);
    if (message.status == 409) {
        const bool deleted =
            description.contains(QLatin1String("Consumer Deleted"), Qt::CaseInsensitive);
        NatsError error =
            makeError(deleted ? NatsErrorKind::NotFound : NatsErrorKind::JetStreamApi,
                      QStringLiteral("pull on %1 ended: %2").arg(consumer, description));
        error.apiCode = 409;
        return error;
    }
    if (message.status == 503)
        return makeError(NatsErrorKind::NoResponders,
                         QStringLiteral("no consumer %1 answers pulls").arg(consumer));
    return {};
}

} // namespace

// ---- JetStream -------------------------------------------------------------------------------

JetStream::JetStream(NatsConnection *connection, int timeoutMs)
    : m_connection(connection)
    , m_timeoutMs(timeoutMs)
{}

QFuture<ApiResult> JetStream::api(const QString &api, const QByteArray &body) const
{
    const QString subject = QStringLiteral("$JS.API.") + api;
    auto promise = std::make_shared<QPromise<ApiResult>>();
    promise->start();
    m_connection->request(subject, body, {}, m_timeoutMs,
                          [promise, subject](const RequestResult &result) {
                              promise->addResult(toApiResult(result, subject));
                              promise->finish();
                          });
    return promise->future();
}

QFuture<PubAck> JetStream::publish(const QString &subject, const QByteArray &data,
                                   const NatsConnection::Headers &headers) const
{
    auto promise = std::make_shared<QPromise<PubAck>>();
    promise->start();
    m_connection->request(subject, data, headers, m_timeoutMs,
                          [promise, subject](const RequestResult &result) {
                              promise->addResult(toPubAck(result, subject));
                              promise->finish();
                          });
    return promise->future();
}

QFuture<ApiResult> JetStream::streamInfo(const QString &stream) const
{
    return api(QStringLiteral("STREAM.INFO.") + stream);
}

QFuture<ApiResult> JetStream::createStream(const QString &stream,
                                           const QByteArray &configJson) const
{
    return api(QStringLiteral("STREAM.CREATE.") + stream, configJson);
}

QFuture<ApiResult> JetStream::createConsumer(const QString &stream, const QString &name,
                                             const QString &filterSubject,
                                             const QByteArray &configJson) const
{
    // Key order as the reference client sends it (fixtures/js-api-requests.json).
    const QByteArray body = "{\"config\":" + configJson + ",\"stream_name\":" + jsonString(stream) +
                            ",\"action\":\"create\",\"pedantic\":false}";
    return api(QStringLiteral("CONSUMER.CREATE.%1.%2.%3").arg(stream, name, filterSubject), body);
}

QFuture<ApiResult> JetStream::consumerInfo(const QString &stream, const QString &consumer) const
{
    return api(QStringLiteral("CONSUMER.INFO.%1.%2").arg(stream, consumer));
}

QFuture<ApiResult> JetStream::deleteConsumer(const QString &stream, const QString &consumer) const
{
    return api(QStringLiteral("CONSUMER.DELETE.%1.%2").arg(stream, consumer));
}

QFuture<ApiResult> JetStream::getLastMessage(const QString &stream, const QString &subject) const
{
    return api(QStringLiteral("STREAM.MSG.GET.") + stream,
               compact({{QStringLiteral("last_by_subj"), subject}}));
}

QFuture<ApiResult> JetStream::getMessage(const QString &stream, quint64 sequence) const
{
    return api(QStringLiteral("STREAM.MSG.GET.") + stream,
               "{\"seq\":" + QByteArray::number(sequence) + '}');
}

QFuture<ApiResult> JetStream::streamNames(const QString &subjectFilter) const
{
    return api(QStringLiteral("STREAM.NAMES"),
               subjectFilter.isEmpty() ? QByteArray()
                                       : compact({{QStringLiteral("subject"), subjectFilter}}));
}

// ---- JsMessage -------------------------------------------------------------------------------

JsMessage::JsMessage(NatsConnection *connection, NatsMessage message)
    : m_connection(connection)
    , m_message(std::move(message))
    , m_metadata(JsMetadata::fromReplySubject(m_message.reply).value_or(JsMetadata{}))
{}

namespace {

NatsError acknowledge(NatsConnection *connection, const NatsMessage &message,
                      const QByteArray &payload)
{
    if (!connection || !message.reply.startsWith(QLatin1String("$JS.ACK.")))
        return makeError(NatsErrorKind::InvalidArgument,
                         QStringLiteral("not an acknowledgeable JetStream message"),
                         message.subject);
    return connection->publish(message.reply, payload);
}

} // namespace

NatsError JsMessage::ack() const
{
    return acknowledge(m_connection, m_message, "+ACK");
}

NatsError JsMessage::nak(int delayMs) const
{
    if (delayMs <= 0)
        return acknowledge(m_connection, m_message, "-NAK");
    return acknowledge(m_connection, m_message,
                       "-NAK {\"delay\":" + QByteArray::number(qint64(delayMs) * kNanosPerMs) +
                           '}');
}

NatsError JsMessage::term() const
{
    return acknowledge(m_connection, m_message, "+TERM");
}

NatsError JsMessage::inProgress() const
{
    return acknowledge(m_connection, m_message, "+WPI");
}

// ---- PullConsumer ----------------------------------------------------------------------------

class PullConsumer::Private
{
public:
    Private(PullConsumer *owner, JetStream jetStream, QString stream, QString consumer,
            Handler handler, int batch, int expiresMs)
        : q(owner)
        , m_jetStream(std::move(jetStream))
        , m_stream(std::move(stream))
        , m_consumer(std::move(consumer))
        , m_handler(std::move(handler))
        , m_batch(std::max(batch, 1))
        , m_expiresMs(std::max(expiresMs, 1))
    {
        m_watchdog.setSingleShot(true);
        m_retry.setSingleShot(true);
        m_resume.setSingleShot(true);
        QObject::connect(&m_watchdog, &QTimer::timeout, q, [this] { pull(); });
        QObject::connect(&m_resume, &QTimer::timeout, q, [this] { pull(); });
        QObject::connect(&m_retry, &QTimer::timeout, q, [this] { pull(); });
        // Core subscriptions survive a reconnect; a pull waiting on the old server does not.
        QObject::connect(m_jetStream.connection(), &NatsConnection::reconnected, q, [this] {
            if (m_running)
                pull();
        });
    }

    void start()
    {
        if (m_running)
            return;
        m_running = true;
        NatsConnection *connection = m_jetStream.connection();
        m_prefix = connection->newInbox() + u'.';
        m_subscription = connection->subscribe(
            m_prefix + u'*', q, [this](const QList<NatsMessage> &batch) { handle(batch); });
        if (!m_subscription) {
            m_running = false;
            emit q->failed(
                makeError(NatsErrorKind::NotConnected,
                          QStringLiteral("cannot subscribe the pull inbox of %1").arg(m_consumer)));
            return;
        }
        pull();
    }

    void stop()
    {
        m_running = false;
        ++m_pull; // late answers to the last pull are no longer ours
        m_watchdog.stop();
        m_retry.stop();
        m_resume.stop();
        m_subscription.reset();
    }

    void resume()
    {
        if (!m_running || m_resume.isActive() || m_retry.isActive())
            return;
        const qint64 since = m_sinceLastPull.elapsed();
        if (since >= kResumeSpacingMs)
            pull();
        else
            m_resume.start(int(kResumeSpacingMs - since));
    }

    // Keeps exactly one pull current; its reply subject carries its number.
    void pull()
    {
        m_watchdog.stop();
        m_retry.stop();
        m_resume.stop();
        if (!m_running)
            return;
        m_sinceLastPull.start();
        ++m_pull;
        m_received = 0;
        NatsConnection *connection = m_jetStream.connection();
        const NatsError error =
            connection->publish(nextSubject(m_stream, m_consumer), pullBody(m_batch, m_expiresMs),
                                {}, m_prefix + QString::number(m_pull));
        if (error.isError()) {
            emit q->failed(error);
            if (connection->state() != NatsConnection::State::Closed)
                m_retry.start(kPullRetryMs);
            return;
        }
        // Pull again shortly after the expiry: a partly filled pull may end without a 408 (the
        // consumer then idles until here), and an unanswered one was lost (e.g. a server
        // restart). An early re-pull costs one request; stragglers of the old one still count.
        m_watchdog.start(m_expiresMs + kPullGraceMs);
    }

    void handle(const QList<NatsMessage> &batch)
    {
        QList<JsMessage> delivered;
        bool pullEnded = false;
        NatsError error;
        for (const NatsMessage &message : batch) {
            const bool current = message.subject.mid(m_prefix.size()).toULongLong() == m_pull;
            if (message.status != 0) {
                if (!current || message.status == 100)
                    continue;
                pullEnded = true;
                error = pullStatusError(message, m_consumer);
                continue;
            }
            delivered.append(JsMessage(m_jetStream.connection(), message));
            // Pull ahead at half the batch: the next request is already waiting at the server
            // when this one fills, so a busy consumer never idles for a round trip.
            if (current && ++m_received >= (m_batch + 1) / 2)
                pullEnded = true;
        }
        const QPointer<PullConsumer> alive(q);
        if (!delivered.isEmpty())
            m_handler(delivered);
        if (!alive || !m_running || !pullEnded)
            return;
        if (error.isError()) {
            emit q->failed(error);
            if (alive && m_running) {
                m_watchdog.stop();
                m_retry.start(kPullRetryMs);
            }
            return;
        }
        pull();
    }

    PullConsumer *q;
    JetStream m_jetStream;
    QString m_stream;
    QString m_consumer;
    Handler m_handler;
    int m_batch;
    int m_expiresMs;
    bool m_running = false;
    QString m_prefix;
    quint64 m_pull = 0;
    int m_received = 0;
    std::unique_ptr<Subscription> m_subscription;
    QTimer m_watchdog;
    QTimer m_retry;
    QTimer m_resume;
    QElapsedTimer m_sinceLastPull;
};

PullConsumer::PullConsumer(JetStream jetStream, QString stream, QString consumer, Handler handler,
                           int batch, int expiresMs, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this, std::move(jetStream), std::move(stream),
                                  std::move(consumer), std::move(handler), batch, expiresMs))
{}

PullConsumer::~PullConsumer()
{
    d->stop();
}

void PullConsumer::start()
{
    d->start();
}

void PullConsumer::stop()
{
    d->stop();
}

void PullConsumer::resume()
{
    d->resume();
}

QFuture<QList<JsMessage>> PullConsumer::fetch(const JetStream &jetStream, const QString &stream,
                                              const QString &consumer, int batch, int expiresMs)
{
    struct Fetch
    {
        QPromise<QList<JsMessage>> promise;
        QList<JsMessage> messages;
        std::unique_ptr<Subscription> subscription;
        int batch = 0;
        bool done = false;

        void end(const NatsError &error = {})
        {
            if (done)
                return;
            done = true;
            if (error.isError())
                promise.setException(NatsException(error));
            else
                promise.addResult(messages);
            promise.finish();
            subscription.reset(); // also breaks the cycle through the handler
        }
    };

    auto fetch = std::make_shared<Fetch>();
    fetch->batch = std::max(batch, 1);
    fetch->promise.start();
    QFuture<QList<JsMessage>> future = fetch->promise.future();

    NatsConnection *connection = jetStream.connection();
    const QString inbox = connection->newInbox();
    fetch->subscription = connection->subscribe(
        inbox, connection, [fetch, connection, consumer](const QList<NatsMessage> &batchIn) {
            for (const NatsMessage &message : batchIn) {
                if (fetch->done)
                    return;
                if (message.status == 100)
                    continue;
                if (message.status != 0) {
                    fetch->end(pullStatusError(message, consumer));
                    return;
                }
                fetch->messages.append(JsMessage(connection, message));
                if (fetch->messages.size() >= fetch->batch)
                    fetch->end();
            }
        });
    if (!fetch->subscription) {
        fetch->end(
            makeError(NatsErrorKind::NotConnected,
                      QStringLiteral("cannot subscribe a fetch inbox for %1").arg(consumer)));
        return future;
    }
    const int expires = std::max(expiresMs, 1);
    const NatsError error = connection->publish(nextSubject(stream, consumer),
                                                pullBody(fetch->batch, expires), {}, inbox);
    if (error.isError()) {
        fetch->end(error);
        return future;
    }
    // The server answers an expired pull with 408; this only covers a lost pull.
    QTimer::singleShot(expires + kPullGraceMs, connection, [fetch] { fetch->end(); });
    return future;
}

// ---- JsPublisher -----------------------------------------------------------------------------

class JsPublisher::Private
{
public:
    struct Item
    {
        QString subject;
        QByteArray data;
        NatsConnection::Headers headers;
        std::shared_ptr<QPromise<PubAck>> promise;
    };

    // What the reply callbacks reach; it dies with the publisher, the callbacks may not.
    struct State
    {
        JsPublisher *q = nullptr;
        JetStream jetStream;
        int maxInFlight = 1;
        int inFlight = 0;
        std::deque<Item> queue;

        void pump()
        {
            while (inFlight < maxInFlight && !queue.empty()) {
                Item item = std::move(queue.front());
                queue.pop_front();
                send(std::move(item));
            }
        }

        // The callback form: no future per message, the reply is handled where it arrives.
        void send(Item item)
        {
            ++inFlight;
            std::weak_ptr<State> self = m_self;
            jetStream.connection()->request(item.subject, item.data, item.headers,
                                            jetStream.timeoutMs(),
                                            [self, promise = item.promise,
                                             subject = item.subject](const RequestResult &result) {
                                                promise->addResult(toPubAck(result, subject));
                                                promise->finish();
                                                if (const auto state = self.lock())
                                                    state->acknowledged();
                                            });
        }

        void acknowledged()
        {
            --inFlight;
            pump();
            if (inFlight == 0 && queue.empty())
                emit q->idle();
        }

        std::weak_ptr<State> m_self;
    };

    Private(JsPublisher *owner, JetStream jetStream, int maxInFlight)
        : m_state(std::make_shared<State>(
              State{owner, std::move(jetStream), std::max(maxInFlight, 1), 0, {}, {}}))
    {
        m_state->m_self = m_state;
    }

    std::shared_ptr<State> m_state;
};

JsPublisher::JsPublisher(JetStream jetStream, int maxInFlight, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this, std::move(jetStream), maxInFlight))
{}

JsPublisher::~JsPublisher()
{
    for (const Private::Item &item : d->m_state->queue) {
        PubAck ack;
        ack.error = makeError(NatsErrorKind::NotConnected,
                              QStringLiteral("publisher destroyed before sending"), item.subject);
        item.promise->addResult(ack);
        item.promise->finish();
    }
}

QFuture<PubAck> JsPublisher::publish(const QString &subject, const QByteArray &data,
                                     const NatsConnection::Headers &headers)
{
    auto promise = std::make_shared<QPromise<PubAck>>();
    promise->start();
    QFuture<PubAck> future = promise->future();
    Private::State &state = *d->m_state;
    state.queue.push_back(Private::Item{subject, data, headers, std::move(promise)});
    state.pump();
    return future;
}

int JsPublisher::inFlight() const
{
    return d->m_state->inFlight;
}

int JsPublisher::queued() const
{
    return int(d->m_state->queue.size());
}

} // namespace cotal::nats
