#pragma once

#include "core/nats/natsconnection.h"

#include <QFuture>
#include <QJsonObject>
#include <QObject>

namespace cotal::nats {

// The answer to a $JS.API request: the decoded JSON body, or the error object mapped to a
// NatsError (kind JetStreamApi unless a more precise kind applies, e.g. NotFound for 10059/10014,
// RevisionConflict for 10071, AlreadyExists for 10058/10148).
struct ApiResult
{
    QJsonObject body;
    NatsError error;
    bool ok() const { return !error.isError(); }
};

struct PubAck
{
    QString stream;
    quint64 sequence = 0;
    bool duplicate = false;
    NatsError error;
    bool ok() const { return !error.isError(); }
};

// JetStream over plain request/reply, so every API subject and JSON body is exactly the one the
// reference sends (storage.md §4) and works under reference credentials.
class JetStream final
{
public:
    explicit JetStream(NatsConnection *connection, int timeoutMs = 5000);

    NatsConnection *connection() const { return m_connection; }
    int timeoutMs() const { return m_timeoutMs; }

    // Sends `body` (compact JSON text) to "$JS.API.<api>".
    QFuture<ApiResult> api(const QString &api, const QByteArray &body = {}) const;

    // Publish and wait for the PubAck; `headers` carries Nats-Msg-Id,
    // Nats-Expected-Last-Subject-Sequence, KV-Operation, ….
    QFuture<PubAck> publish(const QString &subject, const QByteArray &data,
                            const NatsConnection::Headers &headers = {}) const;

    QFuture<ApiResult> streamInfo(const QString &stream) const;
    // Creates a stream from a config given as compact JSON text (kept byte for byte).
    QFuture<ApiResult> createStream(const QString &stream, const QByteArray &configJson) const;
    // Named single-filter create: $JS.API.CONSUMER.CREATE.<stream>.<name>.<filter>, body
    // {"stream_name":…,"config":…,"action":"create"}.
    QFuture<ApiResult> createConsumer(const QString &stream, const QString &name,
                                      const QString &filterSubject,
                                      const QByteArray &configJson) const;
    QFuture<ApiResult> consumerInfo(const QString &stream, const QString &consumer) const;
    QFuture<ApiResult> deleteConsumer(const QString &stream, const QString &consumer) const;
    // $JS.API.STREAM.MSG.GET.<stream> with {"last_by_subj":…} or {"seq":…}.
    QFuture<ApiResult> getLastMessage(const QString &stream, const QString &subject) const;
    QFuture<ApiResult> getMessage(const QString &stream, quint64 sequence) const;
    QFuture<ApiResult> streamNames(const QString &subjectFilter = {}) const;

private:
    NatsConnection *m_connection;
    int m_timeoutMs;
};

// A JetStream message pulled from a consumer; acks go to its $JS.ACK reply subject.
class JsMessage
{
public:
    JsMessage() = default;
    JsMessage(NatsConnection *connection, NatsMessage message);

    const NatsMessage &message() const { return m_message; }
    const JsMetadata &metadata() const { return m_metadata; }

    NatsError ack() const;
    NatsError nak(int delayMs = 0) const;
    NatsError term() const;
    NatsError inProgress() const;

private:
    NatsConnection *m_connection = nullptr;
    NatsMessage m_message;
    JsMetadata m_metadata;
};

// Keeps pulls outstanding on one consumer and hands batches to a handler on the owner's thread.
// Re-arms after reconnects; stops on destruction.
class PullConsumer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PullConsumer)

public:
    using Handler = std::function<void(const QList<JsMessage> &)>;

    PullConsumer(JetStream jetStream, QString stream, QString consumer, Handler handler,
                 int batch = 256, int expiresMs = 5000, QObject *parent = nullptr);
    ~PullConsumer() override;

    void start();
    void stop();
    // Call after acking: nats-server 2.9 serves a pull that stalled at the consumer's
    // max_ack_pending only when another pull arrives, not when acks free room. Coalesced to at
    // most one extra pull per few milliseconds.
    void resume();

    // One fetch: up to `batch` messages or whatever arrived before `expiresMs`. A failure (no
    // such consumer, a 409 from the server, not connected) fails the future with a
    // NatsException, so continuations see it in .onFailed().
    static QFuture<QList<JsMessage>> fetch(const JetStream &jetStream, const QString &stream,
                                           const QString &consumer, int batch, int expiresMs);

signals:
    void failed(const cotal::nats::NatsError &error);

private:
    class Private;
    std::unique_ptr<Private> d;
};

// Publishes to JetStream without waiting per message: up to `maxInFlight` PubAcks are
// outstanding, further messages wait in order in a local queue. Never blocks the caller.
// Lives on the connection's thread, where the PubAcks are handled.
class JsPublisher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JsPublisher)

public:
    explicit JsPublisher(JetStream jetStream, int maxInFlight = 1024, QObject *parent = nullptr);
    ~JsPublisher() override;

    QFuture<PubAck> publish(const QString &subject, const QByteArray &data,
                            const NatsConnection::Headers &headers = {});

    int inFlight() const;
    int queued() const;

signals:
    // Every publish so far has its PubAck (or error).
    void idle();

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace cotal::nats
