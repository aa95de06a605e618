#pragma once

#include "core/nats/connectionoptions.h"
#include "core/nats/natserror.h"
#include "core/nats/natsmessage.h"

#include <QFuture>
#include <QObject>
#include <functional>
#include <memory>
#include <optional>

namespace cotal::nats {

class Subscription;

// Outcome of a request: the reply, or why there is none.
struct RequestResult
{
    NatsMessage reply;
    NatsError error;
    bool ok() const { return !error.isError(); }
};

// The one bridge between cnats and Qt. Lives on the thread that created it; every cnats
// callback (messages, connection events, async errors) is turned into a queued call on that
// thread or on a subscription's context object. Nothing here blocks the calling thread: the
// connect/flush/close round trips run on a worker and hand back futures.
class NatsConnection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NatsConnection)

public:
    enum class State
    {
        Disconnected,
        Connecting,
        Connected,
        Reconnecting,
        Closed,
    };
    Q_ENUM(State)

    using Headers = QList<QPair<QByteArray, QByteArray>>;
    using BatchHandler = std::function<void(const QList<NatsMessage> &)>;
    using ReplyHandler = std::function<void(const RequestResult &)>;

    explicit NatsConnection(QObject *parent = nullptr);
    ~NatsConnection() override;

    // Starts connecting; the future finishes when connected or failed.
    QFuture<NatsError> open(const ConnectionOptions &options);
    // Closes the connection; pending requests fail with NotConnected.
    void close();

    State state() const;
    QString connectedUrl() const;
    // The id the connected server announced (empty while not connected).
    QString connectedServerId() const;
    // Every server URL the client may fail over to: the configured ones and those a cluster
    // announced since (implicit routes).
    QStringList knownServers() const;
    QString inboxPrefix() const; // "_INBOX_<id>"
    QString newInbox() const;    // "_INBOX_<id>.<unique>"
    qint64 maxPayload() const;
    // Messages dropped over the connection's life from the bounded queues in front of its
    // subscriptions' handlers, when a handler fell behind (slow consumer). Any thread.
    quint64 droppedMessages() const;

    // Fire-and-forget publish (buffered by cnats; never blocks on the network). Any thread.
    NatsError publish(const QString &subject, const QByteArray &data, const Headers &headers = {},
                      const QString &reply = {});

    // Request/reply over one multiplexed inbox subscription. No responders (status 503) and
    // timeout are distinct errors.
    QFuture<RequestResult> request(const QString &subject, const QByteArray &data,
                                   const Headers &headers = {}, int timeoutMs = 5000);
    // The same with a callback instead of a future, for hot paths (e.g. bulk JetStream
    // publishing): `done` runs exactly once, on this connection's thread, never inside this call.
    void request(const QString &subject, const QByteArray &data, const Headers &headers,
                 int timeoutMs, ReplyHandler done);
    // Request with a caller-chosen reply subject (control requests use a bounded reply lane).
    QFuture<RequestResult> requestOn(const QString &replySubject, const QString &subject,
                                     const QByteArray &data, int timeoutMs = 5000);

    // Subscribes; the handler runs on context's thread with messages batched per event-loop
    // turn. The subscription ends when the returned object is destroyed.
    std::unique_ptr<Subscription> subscribe(const QString &subject, QObject *context,
                                            BatchHandler handler, const QString &queueGroup = {});

    // Round trip to the server (confirms preceding SUBs were accepted), off the calling thread.
    QFuture<NatsError> flush(int timeoutMs = 5000);

signals:
    void stateChanged(cotal::nats::NatsConnection::State state, const QString &reason);
    // Broker-reported async errors, e.g. a permission violation naming subject and operation.
    void asyncError(const cotal::nats::NatsError &error);
    // After a reconnect: core subscriptions are restored by cnats, JetStream consumers and
    // watchers must re-arm themselves.
    void reconnected();

private:
    // Registers and sends a request; returns the failure when it could not be sent at all.
    std::optional<RequestResult> startRequest(const QString &subject, const QByteArray &data,
                                              const Headers &headers, int timeoutMs,
                                              std::function<void(RequestResult &&)> done);

    class Private;
    std::unique_ptr<Private> d;
};

// A live subscription. Destroying it unsubscribes; no handler runs after the destructor returns.
class Subscription final
{
    Q_DISABLE_COPY_MOVE(Subscription)

public:
    ~Subscription();
    QString subject() const;
    // Messages dropped by cnats because the handler fell behind (slow consumer).
    quint64 dropped() const;

private:
    friend class NatsConnection;
    class Private;
    explicit Subscription(std::unique_ptr<Private> p);
    std::unique_ptr<Private> d;
};

} // namespace cotal::nats
