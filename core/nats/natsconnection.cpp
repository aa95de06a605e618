#include "core/nats/natsconnection.h"

#include "core/nats/mailbox_p.h"
#include "core/nats/nkeys_p.h"
#include "core/nats/subscriptiontable_p.h"
#include "core/trust/nkeypair.h"

#include <QElapsedTimer>
#include <QFile>
#include <QPointer>
#include <QPromise>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QThread>
#include <QThreadPool>
#include <QTimer>
#include <QtConcurrent>
#include <cstdlib>
#include <cstring>
#include <map>
#include <mutex>
#include <nats/nats.h>
#include <unordered_map>

namespace cotal::nats {

namespace {

// Before the one retry of a connect the server refused as unauthenticated.
constexpr unsigned long kAuthRetryDelayMs = 250;

// Per-subscription backlog between cnats and the handler, as cnats' own default pending limit.
constexpr qsizetype kMaxQueuedMessages = 65536;

using Handle = std::shared_ptr<natsConnection>;
using MessageMailbox = detail::Mailbox<NatsMessage>;

// The deleter of a Handle. Closing blocks (final flush, joining cnats threads), so the last
// owner never does it on its own thread, which may be the GUI thread.
struct ConnectionCloser
{
    std::shared_ptr<detail::SubscriptionTable> subscriptions;

    void operator()(natsConnection *connection) const
    {
        QThreadPool::globalInstance()->start([connection, subscriptions = subscriptions] {
            natsConnection_Close(connection);
            subscriptions->connectionClosed();
            natsConnection_Destroy(connection);
        });
    }
};

// Owns a natsConnection, with the table of its subscriptions.
Handle adopt(natsConnection *nc, std::shared_ptr<detail::SubscriptionTable> subscriptions)
{
    return Handle(nc, ConnectionCloser{std::move(subscriptions)});
}

// Every Handle comes from adopt().
std::shared_ptr<detail::SubscriptionTable> subscriptionsOf(const Handle &handle)
{
    return std::get_deleter<ConnectionCloser>(handle)->subscriptions;
}

QString nuid()
{
    static constexpr char kAlphabet[] =
        "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    QString id(22, Qt::Uninitialized);
    auto *random = QRandomGenerator::global();
    for (QChar &c : id)
        c = QLatin1Char(kAlphabet[random->bounded(62)]);
    return id;
}

// cnats prefixes its thread-local error text with the source location: "(conn.c:2088): …".
QString lastErrorText()
{
    static const QRegularExpression location(QStringLiteral("^\\([^)]*\\):\\s*"));
    const char *text = nats_GetLastError(nullptr);
    return text ? QString::fromUtf8(text).remove(location) : QString();
}

NatsError makeError(NatsErrorKind kind, QString message)
{
    NatsError error;
    error.kind = kind;
    error.message = std::move(message);
    return error;
}

NatsError statusError(natsStatus status, const QString &text = {})
{
    const QString detail = text.isEmpty() ? QString::fromUtf8(natsStatus_GetText(status)) : text;
    switch (status) {
    case NATS_OK:
        return {};
    case NATS_CONNECTION_CLOSED:
    case NATS_CONNECTION_DISCONNECTED:
    case NATS_NO_SERVER:
    case NATS_NOT_YET_CONNECTED:
        return makeError(NatsErrorKind::NotConnected, detail);
    case NATS_TIMEOUT:
        return makeError(NatsErrorKind::Timeout, detail);
    case NATS_NO_RESPONDERS:
        return makeError(NatsErrorKind::NoResponders, detail);
    case NATS_NOT_PERMITTED:
    case NATS_CONNECTION_AUTH_FAILED:
        return makeError(NatsErrorKind::PermissionDenied, detail);
    case NATS_INVALID_ARG:
    case NATS_INVALID_SUBJECT:
    case NATS_INVALID_QUEUE_NAME:
    case NATS_MAX_PAYLOAD:
        return makeError(NatsErrorKind::InvalidArgument, detail);
    case NATS_PROTOCOL_ERROR:
        return makeError(NatsErrorKind::Protocol, detail);
    default:
        return makeError(NatsErrorKind::Io, detail);
    }
}

// A failed (re)connect, in words an operator can act on.
NatsError connectError(natsStatus status, const QString &text, const QStringList &servers)
{
    if (status == NATS_CONNECTION_AUTH_FAILED || status == NATS_NOT_PERMITTED ||
        text.contains(QLatin1String("Authorization Violation"), Qt::CaseInsensitive) ||
        text.contains(QLatin1String("Authentication"), Qt::CaseInsensitive)) {
        return makeError(
            NatsErrorKind::PermissionDenied,
            QStringLiteral("authentication failed: the server refused these "
                           "credentials (%1)")
                .arg(text.isEmpty() ? QStringLiteral("Authorization Violation") : text));
    }
    if (status == NATS_NO_SERVER)
        return makeError(NatsErrorKind::NotConnected,
                         QStringLiteral("no NATS server reachable at %1")
                             .arg(servers.join(QStringLiteral(", "))));
    if (status == NATS_TIMEOUT)
        return makeError(NatsErrorKind::Timeout, QStringLiteral("connect timed out"));
    if (status == NATS_SSL_ERROR)
        return makeError(NatsErrorKind::Io, QStringLiteral("TLS failed: %1").arg(text));
    return statusError(status, text);
}

// "Permissions Violation for Publish to "x"" / "… for Subscription to "x" using queue "q"".
NatsError permissionError(const QString &text)
{
    static const QRegularExpression pattern(
        QStringLiteral("Permissions Violation for (Publish|Subscription) to \"?([^\"\\s]+)\"?"),
        QRegularExpression::CaseInsensitiveOption);
    NatsError error = makeError(NatsErrorKind::PermissionDenied, text);
    const auto match = pattern.match(text);
    if (match.hasMatch()) {
        const bool publish =
            match.captured(1).compare(QLatin1String("Publish"), Qt::CaseInsensitive) == 0;
        error.operation = publish ? QStringLiteral("publish") : QStringLiteral("subscribe");
        error.subject = match.captured(2);
        error.message =
            QStringLiteral("permission denied: cannot %1 %2").arg(error.operation, error.subject);
    }
    return error;
}

NatsMessage copyMessage(natsMsg *msg)
{
    NatsMessage message;
    message.subject = QString::fromUtf8(natsMsg_GetSubject(msg));
    if (const char *reply = natsMsg_GetReply(msg))
        message.reply = QString::fromUtf8(reply);
    message.data = QByteArray(natsMsg_GetData(msg), natsMsg_GetDataLength(msg));

    const char **keys = nullptr;
    int keyCount = 0;
    if (natsMsgHeader_Keys(msg, &keys, &keyCount) != NATS_OK)
        return message;
    QByteArray status;
    for (int i = 0; i < keyCount; ++i) {
        const char **values = nullptr;
        int valueCount = 0;
        if (natsMsgHeader_Values(msg, keys[i], &values, &valueCount) != NATS_OK)
            continue;
        const QByteArray name(keys[i]);
        for (int j = 0; j < valueCount; ++j)
            message.headers.append({name, QByteArray(values[j])});
        if (name == "Status" && valueCount > 0)
            status = values[0];
        std::free(values);
    }
    std::free(keys);

    // cnats turns the status line "NATS/1.0 408 Request Timeout" into two pseudo headers.
    bool numeric = false;
    const int code = status.toInt(&numeric);
    if (numeric && status.size() == 3) {
        message.status = code;
        message.statusDescription = message.header("Description").value_or(QByteArray());
        message.headers.removeIf([](const auto &header) {
            return header.first == "Status" || header.first == "Description";
        });
    }
    return message;
}

natsStatus publishRaw(natsConnection *nc, const QString &subject, const QString &reply,
                      const QByteArray &data, const NatsConnection::Headers &headers)
{
    const QByteArray subjectUtf8 = subject.toUtf8();
    const QByteArray replyUtf8 = reply.toUtf8();
    if (headers.isEmpty() && reply.isEmpty())
        return natsConnection_Publish(nc, subjectUtf8.constData(), data.constData(),
                                      int(data.size()));
    if (headers.isEmpty())
        return natsConnection_PublishRequest(nc, subjectUtf8.constData(), replyUtf8.constData(),
                                             data.constData(), int(data.size()));
    natsMsg *msg = nullptr;
    natsStatus status = natsMsg_Create(&msg, subjectUtf8.constData(),
                                       reply.isEmpty() ? nullptr : replyUtf8.constData(),
                                       data.constData(), int(data.size()));
    for (const auto &[name, value] : headers) {
        if (status == NATS_OK)
            status = natsMsgHeader_Add(msg, name.constData(), value.constData());
    }
    if (status == NATS_OK)
        status = natsConnection_PublishMsg(nc, msg);
    natsMsg_Destroy(msg);
    return status;
}

// What the cnats connection callbacks report, carried to the connection's thread.
struct ConnectionEvent
{
    enum class Kind
    {
        Connected,      // the open worker connected; `handle` is set
        ConnectPending, // retry-on-failed-connect: cnats keeps trying; `handle` is set
        ConnectFailed,  // `error`
        RetryConnected, // the first connect after ConnectPending succeeded
        Disconnected,
        Reconnected,
        Closed,     // `error` says why when cnats gave up
        AsyncError, // `error`
    };

    Kind kind;
    Handle handle;
    NatsError error;
};

using EventMailbox = detail::Mailbox<ConnectionEvent>;

// The closure of every cnats connection callback. It is freed by the closed callback, which
// cnats posts after it has joined the connection's threads, so no callback runs afterwards;
// or by the open worker when the connect failed before cnats took it over.
struct Bridge
{
    std::shared_ptr<EventMailbox> events;
    QStringList servers;
    detail::Credentials credentials; // for in-memory creds only
    qint64 reconnectWaitMs = 1000;
    qint64 maxReconnectWaitMs = 30000;
    std::shared_ptr<detail::SubscriptionTable> subscriptions =
        std::make_shared<detail::SubscriptionTable>();

    ~Bridge() { credentials.seed.fill('\0'); }

    void post(ConnectionEvent::Kind kind, NatsError error = {})
    {
        events->post(ConnectionEvent{kind, {}, std::move(error)});
    }
};

Bridge *bridgeOf(void *closure)
{
    return static_cast<Bridge *>(closure);
}

void onDisconnected(natsConnection *, void *closure)
{
    bridgeOf(closure)->post(ConnectionEvent::Kind::Disconnected);
}

void onReconnected(natsConnection *, void *closure)
{
    bridgeOf(closure)->post(ConnectionEvent::Kind::Reconnected);
}

void onRetryConnected(natsConnection *, void *closure)
{
    bridgeOf(closure)->post(ConnectionEvent::Kind::RetryConnected);
}

void onClosed(natsConnection *nc, void *closure)
{
    Bridge *bridge = bridgeOf(closure);
    const char *text = nullptr;
    const natsStatus status = natsConnection_GetLastError(nc, &text);
    bridge->post(ConnectionEvent::Kind::Closed,
                 status == NATS_OK
                     ? NatsError{}
                     : connectError(status, QString::fromUtf8(text ? text : ""), bridge->servers));
    delete bridge;
}

void onAsyncError(natsConnection *nc, natsSubscription *sub, natsStatus status, void *closure)
{
    // cnats 3.4 keeps one error text per connection; two violations in quick succession can
    // both be reported with the later text.
    const char *text = nullptr;
    natsConnection_GetLastError(nc, &text);
    const QString message = QString::fromUtf8(text ? text : natsStatus_GetText(status));
    NatsError error;
    if (status == NATS_NOT_PERMITTED && message.contains(QLatin1String("Permissions Violation"))) {
        error = permissionError(message);
    } else if (status == NATS_SLOW_CONSUMER) {
        error = makeError(NatsErrorKind::Io, QStringLiteral("slow consumer: messages dropped"));
        if (sub)
            error.subject = bridgeOf(closure)->subscriptions->subjectOf(sub);
        error.operation = QStringLiteral("subscribe");
    } else if (status == NATS_CONNECTION_AUTH_FAILED || status == NATS_NOT_PERMITTED) {
        error = connectError(status, message, bridgeOf(closure)->servers);
    } else {
        error = makeError(NatsErrorKind::Protocol, message);
    }
    bridgeOf(closure)->post(ConnectionEvent::Kind::AsyncError, std::move(error));
}

// Back-off between rounds over the server list: the first wait, doubled per round up to the
// cap, plus up to a quarter of it as jitter so many consoles do not return in lock step.
int64_t reconnectDelay(natsConnection *, int attempts, void *closure)
{
    const Bridge *bridge = bridgeOf(closure);
    qint64 delay = bridge->reconnectWaitMs;
    for (int i = 1; i < attempts && delay < bridge->maxReconnectWaitMs; ++i)
        delay *= 2;
    delay = std::min(delay, bridge->maxReconnectWaitMs);
    return delay + QRandomGenerator::global()->bounded(delay / 4 + 1);
}

natsStatus credentialsJwt(char **userJwt, char **, void *closure)
{
    *userJwt = strdup(bridgeOf(closure)->credentials.jwt.constData());
    return *userJwt ? NATS_OK : NATS_NO_MEMORY;
}

natsStatus credentialsSign(char **, unsigned char **signature, int *signatureLength,
                           const char *nonce, void *closure)
{
    return nats_Sign(bridgeOf(closure)->credentials.seed.constData(), nonce, signature,
                     signatureLength);
}

void onMessage(natsConnection *, natsSubscription *, natsMsg *msg, void *closure)
{
    (*static_cast<std::shared_ptr<MessageMailbox> *>(closure))->post(copyMessage(msg));
    natsMsg_Destroy(msg);
}

void onSubscriptionComplete(void *closure)
{
    delete static_cast<std::shared_ptr<MessageMailbox> *>(closure);
}

std::optional<QByteArray> readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    return file.readAll();
}

// Fills natsOptions from ConnectionOptions; an error names the offending option.
NatsError configure(natsOptions *opts, const ConnectionOptions &options, Bridge *bridge,
                    const QString &inboxPrefix)
{
    const auto check = [](natsStatus status, const QString &what) {
        if (status == NATS_OK)
            return NatsError{};
        return makeError(NatsErrorKind::InvalidArgument,
                         QStringLiteral("%1: %2").arg(what, lastErrorText()));
    };

    if (options.servers.isEmpty())
        return makeError(NatsErrorKind::InvalidArgument, QStringLiteral("no server URL given"));
    QList<QByteArray> servers;
    std::vector<const char *> serverPointers;
    bool secure = options.tlsRequired || !options.tlsCaFile.isEmpty();
    for (const QString &server : options.servers) {
        servers.append(server.toUtf8());
        secure = secure || server.startsWith(QLatin1String("tls://"));
    }
    for (const QByteArray &server : servers)
        serverPointers.push_back(server.constData());

    NatsError error =
        check(natsOptions_SetServers(opts, serverPointers.data(), int(serverPointers.size())),
              QStringLiteral("server URLs"));
    if (!error.isError() && !options.name.isEmpty())
        error = check(natsOptions_SetName(opts, options.name.toUtf8().constData()),
                      QStringLiteral("connection name"));
    if (!error.isError())
        error = check(natsOptions_SetCustomInboxPrefix(opts, inboxPrefix.toUtf8().constData()),
                      QStringLiteral("inbox prefix"));
    if (error.isError())
        return error;

    natsOptions_SetTimeout(opts, options.connectTimeoutMs);
    natsOptions_SetPingInterval(opts, options.pingIntervalMs);
    natsOptions_SetMaxPingsOut(opts, options.maxPingsOut);
    natsOptions_SetAllowReconnect(opts, true);
    natsOptions_SetMaxReconnect(opts, -1);
    natsOptions_SetCustomReconnectDelay(opts, reconnectDelay, bridge);
    // One delivery pool instead of a thread per subscription; our callbacks only copy.
    natsOptions_UseGlobalMessageDelivery(opts, true);
    natsOptions_SetSendAsap(opts, options.sendAsap);
    natsOptions_SetDisconnectedCB(opts, onDisconnected, bridge);
    natsOptions_SetReconnectedCB(opts, onReconnected, bridge);
    natsOptions_SetClosedCB(opts, onClosed, bridge);
    natsOptions_SetErrorHandler(opts, onAsyncError, bridge);
    if (options.retryOnFailedConnect)
        natsOptions_SetRetryOnFailedConnect(opts, true, onRetryConnected, bridge);

    if (!options.token.isEmpty())
        error = check(natsOptions_SetToken(opts, options.token.toUtf8().constData()),
                      QStringLiteral("token"));
    if (!error.isError() && !options.user.isEmpty())
        error = check(natsOptions_SetUserInfo(opts, options.user.toUtf8().constData(),
                                              options.password.toUtf8().constData()),
                      QStringLiteral("user and password"));
    if (error.isError())
        return error;

    if (!options.credsText.isEmpty()) {
        const auto credentials = detail::parseCredentials(options.credsText);
        if (!credentials)
            return makeError(NatsErrorKind::InvalidArgument,
                             QStringLiteral("the credentials hold no user JWT and NKey seed"));
        bridge->credentials = *credentials;
        error = check(natsOptions_SetUserCredentialsCallbacks(opts, credentialsJwt, bridge,
                                                              credentialsSign, bridge),
                      QStringLiteral("credentials"));
    } else if (!options.credsFile.isEmpty()) {
        const auto text = readFile(options.credsFile);
        if (!text || !detail::parseCredentials(*text))
            return makeError(NatsErrorKind::InvalidArgument,
                             QStringLiteral("%1 is not a readable creds file (user JWT and "
                                            "NKey seed)")
                                 .arg(options.credsFile));
        error = check(natsOptions_SetUserCredentialsFromFiles(
                          opts, options.credsFile.toUtf8().constData(), nullptr),
                      QStringLiteral("creds file"));
    } else if (!options.nkeySeedFile.isEmpty()) {
        static const QRegularExpression seedPattern(QStringLiteral("\\bS[A-Z2-7]{57}\\b"));
        const auto text = readFile(options.nkeySeedFile);
        const auto match = seedPattern.match(QString::fromUtf8(text.value_or(QByteArray())));
        const auto key =
            match.hasMatch() ? trust::NKeyPair::fromSeed(match.captured().toUtf8()) : std::nullopt;
        const auto publicKey = key ? std::optional<QByteArray>(key->publicKey()) : std::nullopt;
        if (!publicKey)
            return makeError(
                NatsErrorKind::InvalidArgument,
                QStringLiteral("%1 holds no valid NKey seed").arg(options.nkeySeedFile));
        error = check(natsOptions_SetNKeyFromSeed(opts, publicKey->constData(),
                                                  options.nkeySeedFile.toUtf8().constData()),
                      QStringLiteral("NKey seed"));
    }
    if (error.isError())
        return error;

    if (secure)
        error = check(natsOptions_SetSecure(opts, true), QStringLiteral("TLS"));
    if (!error.isError() && !options.tlsCaFile.isEmpty())
        error = check(
            natsOptions_LoadCATrustedCertificates(opts, options.tlsCaFile.toUtf8().constData()),
            QStringLiteral("TLS CA file %1").arg(options.tlsCaFile));
    if (!error.isError() && (!options.tlsCertFile.isEmpty() || !options.tlsKeyFile.isEmpty()))
        error =
            check(natsOptions_LoadCertificatesChain(opts, options.tlsCertFile.toUtf8().constData(),
                                                    options.tlsKeyFile.toUtf8().constData()),
                  QStringLiteral("TLS certificate/key"));
    return error;
}

// How a request reports its outcome: fulfils a promise or calls a ReplyHandler.
using Completion = std::function<void(RequestResult &&)>;

Completion fulfil(std::shared_ptr<QPromise<RequestResult>> promise)
{
    return [promise = std::move(promise)](RequestResult &&result) {
        promise->addResult(std::move(result));
        promise->finish();
    };
}

RequestResult requestError(NatsErrorKind kind, const QString &message, const QString &subject)
{
    NatsError error = makeError(kind, message);
    error.subject = subject;
    error.operation = QStringLiteral("request");
    return RequestResult{{}, std::move(error)};
}

} // namespace

class Subscription::Private
{
public:
    Private(natsSubscription *subscription, std::shared_ptr<MessageMailbox> mailbox,
            QString subject, const Handle &connection)
        : m_subscription(subscription)
        , m_mailbox(std::move(mailbox))
        , m_subject(std::move(subject))
        , m_connection(connection)
        , m_table(subscriptionsOf(connection))
    {
        m_table->add(m_subscription, m_subject);
    }

    natsSubscription *m_subscription;
    std::shared_ptr<MessageMailbox> m_mailbox;
    QString m_subject;
    std::weak_ptr<natsConnection> m_connection; // a subscription never keeps it open
    std::shared_ptr<detail::SubscriptionTable> m_table;
};

Subscription::Subscription(std::unique_ptr<Private> p)
    : d(std::move(p))
{}

Subscription::~Subscription()
{
    // Stop deliveries first so no handler runs once we return; the cnats closure is freed by
    // the completion callback after cnats' last message callback for this subscription.
    d->m_mailbox->close();
    natsSubscription_Unsubscribe(d->m_subscription);
    d->m_table->retire(d->m_subscription, d->m_connection);
}

QString Subscription::subject() const
{
    return d->m_subject;
}

quint64 Subscription::dropped() const
{
    int64_t droppedByCnats = 0;
    natsSubscription_GetDropped(d->m_subscription, &droppedByCnats);
    return quint64(std::max<int64_t>(droppedByCnats, 0)) + d->m_mailbox->dropped();
}

class NatsConnection::Private
{
public:
    struct Pending
    {
        Completion done;
        QString subject;
        QString replySubject; // requestOn only: its own reply subscription's subject
        std::unique_ptr<Subscription> subscription;
        std::multimap<qint64, quint64>::iterator deadline;
        int timeoutMs = 0;
    };

    explicit Private(NatsConnection *owner)
        : q(owner)
        , m_expiry(new QTimer(owner))
    {
        m_clock.start();
        m_expiry->setSingleShot(true);
        QObject::connect(m_expiry, &QTimer::timeout, q, [this] { expire(); });
    }

    Handle handle() const
    {
        std::lock_guard lock(m_handleMutex);
        return m_handle;
    }

    void setHandle(Handle handle)
    {
        Handle previous;
        std::lock_guard lock(m_handleMutex);
        previous.swap(m_handle);
        m_handle = std::move(handle);
    }

    void setState(State state, const QString &reason = {})
    {
        if (m_state == state)
            return;
        m_state = state;
        emit q->stateChanged(state, reason);
    }

    // Continuations of the open future run inside finish() and may free this connection, so
    // the promise leaves the object first.
    void finishOpen(const NatsError &error)
    {
        if (!m_openPromise)
            return;
        const std::shared_ptr<QPromise<NatsError>> promise = std::move(m_openPromise);
        promise->addResult(error);
        promise->finish();
    }

    void handleEvents(QList<ConnectionEvent> &&events)
    {
        // A signal or a continuation may free this connection: nothing of it is touched after.
        const QPointer<NatsConnection> alive(q);
        // After a close the rest is dropped; a handle among it closes its connection.
        for (ConnectionEvent &event : events) {
            if (!alive || m_state == State::Closed)
                break;
            handleEvent(event, alive);
        }
    }

    void handleEvent(ConnectionEvent &event, const QPointer<NatsConnection> &alive)
    {
        using Kind = ConnectionEvent::Kind;
        switch (event.kind) {
        case Kind::Connected:
            setHandle(std::move(event.handle));
            setState(State::Connected);
            if (alive)
                finishOpen({});
            break;
        case Kind::ConnectPending:
            // cnats buffers publishes until the first connect succeeds.
            setHandle(std::move(event.handle));
            break;
        case Kind::ConnectFailed:
            setState(State::Disconnected, event.error.message);
            if (alive)
                finishOpen(event.error);
            break;
        case Kind::RetryConnected:
            setState(State::Connected);
            if (alive)
                finishOpen({});
            break;
        case Kind::Disconnected:
            if (m_state == State::Connected)
                setState(State::Reconnecting, QStringLiteral("connection lost"));
            break;
        case Kind::Reconnected:
            setState(State::Connected, QStringLiteral("reconnected"));
            if (alive)
                emit q->reconnected();
            break;
        case Kind::Closed:
            shutdown(event.error.isError() ? event.error
                                           : makeError(NatsErrorKind::NotConnected,
                                                       QStringLiteral("connection closed")));
            break;
        case Kind::AsyncError:
            if (event.error.kind == NatsErrorKind::PermissionDenied)
                failDenied(event.error);
            if (alive)
                emit q->asyncError(event.error);
            break;
        }
    }

    // Ends the connection without signals: no more events; waiting requests and open() fail.
    void teardown(const NatsError &reason)
    {
        if (m_events) {
            // A connect that finishes meanwhile is refused; its handle then closes it.
            m_events->close();
            m_events.reset();
        }
        setHandle({});
        resetMux();
        // Continuations of the failed requests and of open() may free this connection.
        const QPointer<NatsConnection> alive(q);
        failAll(makeError(NatsErrorKind::NotConnected,
                          QStringLiteral("connection closed: %1").arg(reason.message)));
        if (alive)
            finishOpen(reason);
    }

    void shutdown(const NatsError &reason)
    {
        const QPointer<NatsConnection> alive(q);
        teardown(reason);
        if (alive)
            setState(State::Closed, reason.message);
    }

    void resetMux()
    {
        std::unique_ptr<Subscription> mux;
        std::lock_guard lock(m_muxMutex);
        mux.swap(m_mux);
        m_muxPrefix.clear();
    }

    // Lazily subscribes the one wildcard inbox every request() reply arrives on, then
    // registers the request. Requests may come from any thread. Returns the reply subject.
    std::optional<QString> addMuxRequest(Completion done, const QString &subject, int timeoutMs)
    {
        std::lock_guard lock(m_muxMutex);
        if (!m_mux) {
            const QString prefix = q->newInbox() + u'.';
            m_mux = q->subscribe(prefix + u'*', q, [this, prefix](const QList<NatsMessage> &batch) {
                // A reply's continuation may free this connection.
                const QPointer<NatsConnection> alive(q);
                for (const NatsMessage &message : batch) {
                    if (!alive)
                        return;
                    complete(message.subject.mid(prefix.size()).toULongLong(), message);
                }
            });
            if (!m_mux)
                return std::nullopt;
            m_muxPrefix = prefix;
        }
        return m_muxPrefix + QString::number(addPending(std::move(done), subject, timeoutMs));
    }

    QString muxSubject() const
    {
        std::lock_guard lock(m_muxMutex);
        return m_mux ? m_muxPrefix + u'*' : QString();
    }

    // Registers a request; returns its token (0 = none).
    quint64 addPending(Completion done, const QString &subject, int timeoutMs,
                       QString replySubject = {}, std::unique_ptr<Subscription> subscription = {})
    {
        std::lock_guard lock(m_requestMutex);
        const quint64 token = ++m_nextToken;
        const qint64 deadline = m_clock.elapsed() + std::max(timeoutMs, 0);
        Pending pending{std::move(done),
                        subject,
                        std::move(replySubject),
                        std::move(subscription),
                        m_deadlines.emplace(deadline, token),
                        timeoutMs};
        m_pending.emplace(token, std::move(pending));
        return token;
    }

    std::optional<Pending> takePending(quint64 token)
    {
        std::lock_guard lock(m_requestMutex);
        const auto it = m_pending.find(token);
        if (it == m_pending.end())
            return std::nullopt;
        Pending pending = std::move(it->second);
        m_deadlines.erase(pending.deadline);
        m_pending.erase(it);
        return pending;
    }

    void complete(quint64 token, const NatsMessage &reply)
    {
        auto pending = takePending(token);
        if (!pending)
            return;
        RequestResult result;
        if (reply.status == 503) {
            result.error = makeError(NatsErrorKind::NoResponders,
                                     QStringLiteral("no responders for %1").arg(pending->subject));
            result.error.subject = pending->subject;
            result.error.operation = QStringLiteral("request");
        } else {
            result.reply = reply;
        }
        pending->done(std::move(result));
    }

    void fail(std::optional<Pending> pending, NatsError error)
    {
        if (!pending)
            return;
        if (error.subject.isEmpty())
            error.subject = pending->subject;
        if (error.operation.isEmpty())
            error.operation = QStringLiteral("request");
        pending->done(RequestResult{{}, std::move(error)});
    }

    template<typename Predicate> void failWhere(Predicate predicate, const NatsError &error)
    {
        std::vector<Pending> failed;
        {
            std::lock_guard lock(m_requestMutex);
            for (auto it = m_pending.begin(); it != m_pending.end();) {
                if (predicate(it->second)) {
                    m_deadlines.erase(it->second.deadline);
                    failed.push_back(std::move(it->second));
                    it = m_pending.erase(it);
                } else {
                    ++it;
                }
            }
        }
        // A failed request's continuation may free this connection; fail() touches none of it.
        for (Pending &pending : failed)
            fail(std::move(pending), error);
    }

    void failAll(const NatsError &error)
    {
        failWhere([](const Pending &) { return true; }, error);
    }

    // A denied publish fails the requests sent to that subject; a denied subscription fails
    // the requests waiting for replies on it, so neither waits for its timeout.
    void failDenied(const NatsError &error)
    {
        if (error.operation == QLatin1String("publish")) {
            failWhere([&](const Pending &p) { return p.subject == error.subject; }, error);
        } else if (error.operation == QLatin1String("subscribe")) {
            const QPointer<NatsConnection> alive(q);
            if (error.subject == muxSubject()) {
                resetMux(); // the server refused it; the next request subscribes anew
                failWhere([](const Pending &p) { return !p.subscription; }, error);
            }
            if (alive)
                failWhere([&](const Pending &p) { return p.replySubject == error.subject; }, error);
        }
    }

    // Arms the one expiry timer for the earliest deadline (on the connection's thread).
    void armExpiry()
    {
        if (QThread::currentThread() != q->thread()) {
            QMetaObject::invokeMethod(
                q, [this] { armExpiry(); }, Qt::QueuedConnection);
            return;
        }
        qint64 earliest = -1;
        {
            std::lock_guard lock(m_requestMutex);
            if (!m_deadlines.empty())
                earliest = m_deadlines.begin()->first;
        }
        if (earliest < 0) {
            m_expiry->stop();
            m_armedDeadline = -1;
            return;
        }
        // Deadlines mostly grow, so most requests leave the armed timer alone.
        if (m_armedDeadline >= 0 && m_armedDeadline <= earliest && m_expiry->isActive())
            return;
        m_armedDeadline = earliest;
        m_expiry->start(int(std::max<qint64>(earliest - m_clock.elapsed(), 0)));
    }

    void expire()
    {
        m_armedDeadline = -1;
        const qint64 now = m_clock.elapsed();
        std::vector<Pending> expired;
        {
            std::lock_guard lock(m_requestMutex);
            while (!m_deadlines.empty() && m_deadlines.begin()->first <= now) {
                const quint64 token = m_deadlines.begin()->second;
                m_deadlines.erase(m_deadlines.begin());
                const auto it = m_pending.find(token);
                if (it == m_pending.end())
                    continue;
                expired.push_back(std::move(it->second));
                m_pending.erase(it);
            }
        }
        // A timed-out request's continuation may close and free this connection.
        const QPointer<NatsConnection> alive(q);
        for (Pending &pending : expired) {
            const int timeoutMs = pending.timeoutMs;
            fail(std::move(pending),
                 makeError(NatsErrorKind::Timeout,
                           QStringLiteral("no reply within %1 ms").arg(timeoutMs)));
            if (!alive)
                return;
        }
        armExpiry();
    }

    NatsConnection *q;
    State m_state = State::Disconnected;
    QString m_inboxPrefix = QStringLiteral("_INBOX");
    QStringList m_servers;
    std::shared_ptr<EventMailbox> m_events;
    std::shared_ptr<QPromise<NatsError>> m_openPromise;
    // Messages every subscription's mailbox dropped because its handler fell behind.
    std::shared_ptr<std::atomic<quint64>> m_dropped = std::make_shared<std::atomic<quint64>>(0);

    mutable std::mutex m_handleMutex;
    Handle m_handle;

    std::mutex m_requestMutex;
    std::unordered_map<quint64, Pending> m_pending;
    std::multimap<qint64, quint64> m_deadlines;
    quint64 m_nextToken = 0;
    QElapsedTimer m_clock;
    QTimer *m_expiry;
    qint64 m_armedDeadline = -1;
    mutable std::mutex m_muxMutex;
    std::unique_ptr<Subscription> m_mux;
    QString m_muxPrefix;
};

NatsConnection::NatsConnection(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this))
{}

NatsConnection::~NatsConnection()
{
    d->teardown(makeError(NatsErrorKind::NotConnected, QStringLiteral("connection destroyed")));
}

QFuture<NatsError> NatsConnection::open(const ConnectionOptions &options)
{
    if (d->m_state == State::Connecting || d->m_state == State::Connected ||
        d->m_state == State::Reconnecting) {
        return QtFuture::makeReadyFuture(
            makeError(NatsErrorKind::InvalidArgument, QStringLiteral("the connection is open")));
    }
    d->m_inboxPrefix = options.inboxId.isEmpty() ? QStringLiteral("_INBOX")
                                                 : QStringLiteral("_INBOX_") + options.inboxId;
    d->m_servers = options.servers;
    d->m_events = std::make_shared<EventMailbox>(
        this, [this](QList<ConnectionEvent> &&events) { d->handleEvents(std::move(events)); });
    d->m_openPromise = std::make_shared<QPromise<NatsError>>();
    d->m_openPromise->start();
    QFuture<NatsError> future = d->m_openPromise->future();
    d->setState(State::Connecting);

    auto *bridge = new Bridge;
    bridge->events = d->m_events;
    bridge->servers = options.servers;
    bridge->reconnectWaitMs = std::max(options.reconnectWaitMs, 1);
    bridge->maxReconnectWaitMs = std::max(options.maxReconnectWaitMs, options.reconnectWaitMs);

    // natsConnection_Connect blocks for the whole handshake (and reads creds/TLS files).
    QThreadPool::globalInstance()->start([bridge, options, prefix = d->m_inboxPrefix] {
        using Kind = ConnectionEvent::Kind;
        // Copied now: once connected, cnats may close and free the bridge at any time.
        const std::shared_ptr<EventMailbox> events = bridge->events;
        const std::shared_ptr<detail::SubscriptionTable> subscriptions = bridge->subscriptions;
        natsOptions *opts = nullptr;
        natsStatus status = natsOptions_Create(&opts);
        NatsError error =
            status == NATS_OK ? configure(opts, options, bridge, prefix) : statusError(status);
        natsConnection *nc = nullptr;
        if (!error.isError()) {
            status = natsConnection_Connect(&nc, opts);
            // Like cnats when it reconnects, an authentication refusal counts only once it
            // repeats: servers under load were seen refusing valid credentials now and then.
            if (status == NATS_CONNECTION_AUTH_FAILED || status == NATS_NOT_PERMITTED) {
                QThread::msleep(kAuthRetryDelayMs);
                status = natsConnection_Connect(&nc, opts);
            }
            if (status != NATS_OK && status != NATS_NOT_YET_CONNECTED)
                error = connectError(status, lastErrorText(), options.servers);
        }
        natsOptions_Destroy(opts);
        if (error.isError()) {
            delete bridge; // cnats never took it over
            events->post(ConnectionEvent{Kind::ConnectFailed, {}, error});
            return;
        }
        // If the owner is gone the event is refused and the handle closes the connection.
        events->post(ConnectionEvent{status == NATS_OK ? Kind::Connected : Kind::ConnectPending,
                                     adopt(nc, subscriptions),
                                     {}});
    });
    return future;
}

void NatsConnection::close()
{
    if (d->m_state == State::Closed)
        return;
    d->shutdown(makeError(NatsErrorKind::NotConnected, QStringLiteral("closed by the client")));
}

NatsConnection::State NatsConnection::state() const
{
    return d->m_state;
}

QString NatsConnection::connectedUrl() const
{
    const Handle handle = d->handle();
    if (!handle)
        return {};
    char buffer[1024] = {};
    if (natsConnection_GetConnectedUrl(handle.get(), buffer, sizeof buffer) != NATS_OK)
        return {};
    return QString::fromUtf8(buffer);
}

QString NatsConnection::connectedServerId() const
{
    const Handle handle = d->handle();
    if (!handle)
        return {};
    char buffer[256] = {};
    if (natsConnection_GetConnectedServerId(handle.get(), buffer, sizeof buffer) != NATS_OK)
        return {};
    return QString::fromUtf8(buffer);
}

QStringList NatsConnection::knownServers() const
{
    const Handle handle = d->handle();
    if (!handle)
        return {};
    char **servers = nullptr;
    int count = 0;
    if (natsConnection_GetServers(handle.get(), &servers, &count) != NATS_OK)
        return {};
    QStringList urls;
    for (int i = 0; i < count; ++i) {
        urls.append(QString::fromUtf8(servers[i]));
        std::free(servers[i]);
    }
    std::free(servers);
    return urls;
}

QString NatsConnection::inboxPrefix() const
{
    return d->m_inboxPrefix;
}

QString NatsConnection::newInbox() const
{
    return d->m_inboxPrefix + u'.' + nuid();
}

quint64 NatsConnection::droppedMessages() const
{
    return d->m_dropped->load(std::memory_order_relaxed);
}

qint64 NatsConnection::maxPayload() const
{
    const Handle handle = d->handle();
    return handle ? natsConnection_GetMaxPayload(handle.get()) : 0;
}

NatsError NatsConnection::publish(const QString &subject, const QByteArray &data,
                                  const Headers &headers, const QString &reply)
{
    const Handle handle = d->handle();
    if (!handle)
        return makeError(NatsErrorKind::NotConnected, QStringLiteral("not connected"));
    const natsStatus status = publishRaw(handle.get(), subject, reply, data, headers);
    if (status == NATS_OK)
        return {};
    NatsError error = statusError(status, lastErrorText());
    error.subject = subject;
    error.operation = QStringLiteral("publish");
    return error;
}

QFuture<RequestResult> NatsConnection::request(const QString &subject, const QByteArray &data,
                                               const Headers &headers, int timeoutMs)
{
    auto promise = std::make_shared<QPromise<RequestResult>>();
    promise->start();
    QFuture<RequestResult> future = promise->future();
    if (auto failure = startRequest(subject, data, headers, timeoutMs, fulfil(promise)))
        fulfil(promise)(std::move(*failure));
    return future;
}

void NatsConnection::request(const QString &subject, const QByteArray &data, const Headers &headers,
                             int timeoutMs, ReplyHandler done)
{
    Completion completion = [done](RequestResult &&result) { done(result); };
    if (auto failure = startRequest(subject, data, headers, timeoutMs, completion)) {
        // Never re-enter the caller: a failure at once is reported on the next turn.
        QMetaObject::invokeMethod(
            this,
            [completion, result = std::move(*failure)]() mutable { completion(std::move(result)); },
            Qt::QueuedConnection);
    }
}

std::optional<RequestResult>
NatsConnection::startRequest(const QString &subject, const QByteArray &data, const Headers &headers,
                             int timeoutMs, std::function<void(RequestResult &&)> done)
{
    const Handle handle = d->handle();
    if (!handle)
        return requestError(NatsErrorKind::NotConnected, QStringLiteral("not connected"), subject);
    const std::optional<QString> reply = d->addMuxRequest(std::move(done), subject, timeoutMs);
    if (!reply)
        return requestError(NatsErrorKind::Io, QStringLiteral("cannot subscribe the reply inbox"),
                            subject);
    d->armExpiry();

    const natsStatus status = publishRaw(handle.get(), subject, *reply, data, headers);
    if (status != NATS_OK) {
        const quint64 token = reply->mid(reply->lastIndexOf(u'.') + 1).toULongLong();
        d->fail(d->takePending(token), statusError(status, lastErrorText()));
    }
    return std::nullopt;
}

QFuture<RequestResult> NatsConnection::requestOn(const QString &replySubject,
                                                 const QString &subject, const QByteArray &data,
                                                 int timeoutMs)
{
    auto promise = std::make_shared<QPromise<RequestResult>>();
    promise->start();
    QFuture<RequestResult> future = promise->future();
    const Handle handle = d->handle();
    if (!handle) {
        fulfil(promise)(
            requestError(NatsErrorKind::NotConnected, QStringLiteral("not connected"), subject));
        return future;
    }

    // The token is only known after registering, so the handler looks it up through a cell.
    auto token = std::make_shared<quint64>(0);
    std::unique_ptr<Subscription> subscription =
        subscribe(replySubject, this, [this, token](const QList<NatsMessage> &batch) {
            d->complete(*token, batch.first());
        });
    if (!subscription) {
        fulfil(promise)(requestError(
            NatsErrorKind::Io, QStringLiteral("cannot subscribe %1").arg(replySubject), subject));
        return future;
    }
    *token =
        d->addPending(fulfil(promise), subject, timeoutMs, replySubject, std::move(subscription));
    d->armExpiry();

    const natsStatus status = publishRaw(handle.get(), subject, replySubject, data, {});
    if (status != NATS_OK)
        d->fail(d->takePending(*token), statusError(status, lastErrorText()));
    return future;
}

std::unique_ptr<Subscription> NatsConnection::subscribe(const QString &subject, QObject *context,
                                                        BatchHandler handler,
                                                        const QString &queueGroup)
{
    const Handle handle = d->handle();
    if (!handle || !handler)
        return nullptr;
    auto mailbox = std::make_shared<MessageMailbox>(
        context ? context : this,
        [handler = std::move(handler)](QList<NatsMessage> &&batch) { handler(batch); },
        kMaxQueuedMessages, d->m_dropped);
    auto *closure = new std::shared_ptr<MessageMailbox>(mailbox);
    natsSubscription *sub = nullptr;
    const QByteArray subjectUtf8 = subject.toUtf8();
    const natsStatus status =
        queueGroup.isEmpty()
            ? natsConnection_Subscribe(&sub, handle.get(), subjectUtf8.constData(), onMessage,
                                       closure)
            : natsConnection_QueueSubscribe(&sub, handle.get(), subjectUtf8.constData(),
                                            queueGroup.toUtf8().constData(), onMessage, closure);
    if (status != NATS_OK) {
        delete closure;
        return nullptr;
    }
    // If this fails the subscription is already closed and a message callback may still be
    // using the closure, so it is left to leak rather than freed under that callback.
    natsSubscription_SetOnCompleteCB(sub, onSubscriptionComplete, closure);
    return std::unique_ptr<Subscription>(
        new Subscription(std::make_unique<Subscription::Private>(sub, mailbox, subject, handle)));
}

QFuture<NatsError> NatsConnection::flush(int timeoutMs)
{
    const Handle handle = d->handle();
    if (!handle)
        return QtFuture::makeReadyFuture(
            makeError(NatsErrorKind::NotConnected, QStringLiteral("not connected")));
    return QtConcurrent::run([handle, timeoutMs] {
        const natsStatus status = natsConnection_FlushTimeout(handle.get(), timeoutMs);
        return status == NATS_OK ? NatsError{} : statusError(status, lastErrorText());
    });
}

} // namespace cotal::nats
