#include "core/endpoint/endpoint_p.h"
#include "core/space/spaceprovisioner.h"
#include "core/wire/channels.h"
#include "core/wire/creds.h"
#include "core/wire/jsonwriter.h"
#include "core/wire/names.h"
#include "core/wire/subjects.h"
#include "core/wire/token.h"

#include <QFile>
#include <QPromise>
#include <QUuid>

namespace cotal::endpoint {

namespace {

constexpr qint64 kNanosPerMs = 1000000;
constexpr int kConfirmSettleMs = 50;

nats::NatsError makeError(nats::NatsErrorKind kind, QString message)
{
    nats::NatsError error;
    error.kind = kind;
    error.message = std::move(message);
    return error;
}

QFuture<nats::NatsError> ready(nats::NatsError error = {})
{
    return QtFuture::makeReadyFuture(std::move(error));
}

// Resolves after `ms` on `context`'s thread (the 50 ms broker-confirmation settle).
QFuture<void> delay(QObject *context, int ms)
{
    auto promise = std::make_shared<QPromise<void>>();
    promise->start();
    QTimer::singleShot(ms, context, [promise] { promise->finish(); });
    return promise->future();
}

// Resolves when a watcher delivered its initial values, or failed before that.
QFuture<nats::NatsError> initialValues(nats::KvWatcher *watcher)
{
    auto promise = std::make_shared<QPromise<nats::NatsError>>();
    promise->start();
    auto done = std::make_shared<bool>(false);
    QObject::connect(watcher, &nats::KvWatcher::initialValuesDone, watcher, [promise, done] {
        if (std::exchange(*done, true))
            return;
        promise->addResult(nats::NatsError{});
        promise->finish();
    });
    QObject::connect(watcher, &nats::KvWatcher::failed, watcher,
                     [promise, done](const nats::NatsError &error) {
                         if (std::exchange(*done, true))
                             return;
                         promise->addResult(error);
                         promise->finish();
                     });
    return promise->future();
}

} // namespace

// ---------------------------------------------------------------------------------------------

Endpoint::Private::Private(Endpoint *owner, EndpointOptions options)
    : q(owner)
    , m_options(std::move(options))
    , m_heartbeat(new QTimer(owner))
    , m_sweep(new QTimer(owner))
    , m_rebuildTimer(new QTimer(owner))
    , m_ingest(new MessageIngest(owner))
    , m_history(new HistoryReader(owner))
{
    m_channelModes = m_options.channelModes;
    m_rebuildTimer->setSingleShot(true);
    QObject::connect(m_heartbeat, &QTimer::timeout, q, [this] { publishPresence(); });
    QObject::connect(m_sweep, &QTimer::timeout, q, [this] { sweepRoster(); });
    QObject::connect(m_rebuildTimer, &QTimer::timeout, q, [this] { rebuildAttempt(); });
    QObject::connect(
        m_ingest, &MessageIngest::messagesReceived, q, [this](const QList<ReceivedMessage> &batch) {
            if (const QList<ReceivedMessage> passed = m_ownSends.pass(batch); !passed.isEmpty())
                emit q->messagesReceived(passed);
        });
    QObject::connect(m_ingest, &MessageIngest::anomaly, q, &Endpoint::anomaly);
    QObject::connect(m_ingest, &MessageIngest::countersChanged, q,
                     &Endpoint::anomalyCountersChanged);
}

nats::NatsError Endpoint::Private::resolveIdentity()
{
    using nats::NatsErrorKind;
    wire::AgentCard &card = m_options.card;
    if (wire::Result<QString> name = wire::validateName(card.name); !name)
        return makeError(NatsErrorKind::InvalidArgument, name.error().detail);

    m_auth = m_options.isAuthMode();
    if (m_auth) {
        QByteArray creds = m_options.connection.credsText;
        if (creds.isEmpty()) {
            QFile file(m_options.connection.credsFile);
            if (!file.open(QIODevice::ReadOnly))
                return makeError(NatsErrorKind::InvalidArgument,
                                 QStringLiteral("cannot read creds file %1: %2")
                                     .arg(file.fileName(), file.errorString()));
            creds = file.readAll();
        }
        wire::Result<wire::UserCreds> parsed = wire::parseCreds(creds);
        creds.fill('\0');
        if (!parsed)
            return makeError(NatsErrorKind::InvalidArgument,
                             QStringLiteral("unusable creds: %1").arg(parsed.error().detail));
        const QString subject = parsed->subject;
        m_grants = parsed->grants;
        parsed.value().seed.fill('\0');
        // An explicit id that differs from the creds' identity is refused before any publish.
        if (!card.id.isEmpty() && card.id != subject)
            return makeError(NatsErrorKind::InvalidArgument,
                             QStringLiteral("configured id %1 differs from the creds identity %2")
                                 .arg(card.id, subject));
        card.id = subject;
    } else if (card.id.isEmpty()) {
        card.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    }
    // Receivers compare the raw from.id with the subject token: an id that token() changes
    // would make every message look spoofed (wire.md §1 rule 3).
    if (!wire::isTokenStable(card.id))
        return makeError(NatsErrorKind::InvalidArgument,
                         QStringLiteral("instance id \"%1\" is not token-stable").arg(card.id));
    // The console's own card says `cotal-console`; a harness built on this endpoint (the demo
    // agents) keeps the connector it names.
    if (!card.meta)
        card.meta = wire::JsonObject();
    if (!card.meta->contains(u"connector"))
        card.meta->insert(QStringLiteral("connector"),
                          wire::JsonValue(QStringLiteral("cotal-console")));
    m_id = card.id;
    m_ingest->setOwnId(m_id);
    return {};
}

void Endpoint::Private::setState(State state, const QString &reason)
{
    if (m_state == state)
        return;
    m_state = state;
    emit q->stateChanged(state, reason);
}

void Endpoint::Private::report(const QString &message)
{
    emit q->errorReported(message);
}

nats::NatsError Endpoint::Private::notReady() const
{
    if (m_stopped)
        return makeError(nats::NatsErrorKind::NotConnected, QStringLiteral("endpoint not started"));
    return makeError(nats::NatsErrorKind::NotConnected,
                     QStringLiteral("reconnecting — try again shortly"));
}

void Endpoint::Private::resetConnection()
{
    ++m_epoch;
    m_heartbeat->stop();
    m_sweep->stop();
    m_dm.reset();
    m_dlv.reset();
    m_task.reset();
    m_presenceWatcher.reset();
    m_registryWatcher.reset();
    m_tap.reset();
    m_tapSubject.clear();
    m_tapDirect.clear();
    m_chatSubs.clear();
    m_subjectChannel.clear();
    m_confirming.clear();
    m_refused.clear();
    m_watermarks.clear();
    m_roster.clear();
    m_registry = RegistryCache{};
    m_registryLoaded = false;
    m_history->bind(nullptr, {}, {});
    m_presenceKv.reset();
    m_channelsKv.reset();
    m_js.reset();
    if (m_connection) {
        // Possibly called from inside one of its own signals: end it on the next turn.
        nats::NatsConnection *connection = m_connection.release();
        QObject::disconnect(connection, nullptr, q, nullptr);
        connection->close();
        connection->deleteLater();
    }
    if (m_tapVisibility != TapVisibility::Off) {
        m_tapVisibility = TapVisibility::Off;
        emit q->tapVisibilityChanged(m_tapVisibility);
    }
}

QFuture<nats::NatsError> Endpoint::Private::runSteps(std::shared_ptr<std::vector<Step>> steps,
                                                     size_t index, quint64 epoch)
{
    if (epoch != m_epoch)
        return ready(
            makeError(nats::NatsErrorKind::NotConnected, QStringLiteral("connection replaced")));
    if (index >= steps->size())
        return ready();
    return (*steps)[index]()
        .then(q,
              [this, steps, index, epoch](const nats::NatsError &error) {
                  if (error.isError())
                      return ready(error);
                  return runSteps(steps, index + 1, epoch);
              })
        .unwrap();
}

QFuture<nats::NatsError> Endpoint::Private::connectAndBind()
{
    resetConnection();
    const quint64 epoch = m_epoch;
    if (m_connection)
        m_droppedBefore += m_connection->droppedMessages();
    m_connection = std::make_unique<nats::NatsConnection>();
    nats::NatsConnection *connection = m_connection.get();
    QObject::connect(connection, &nats::NatsConnection::stateChanged, q,
                     [this](nats::NatsConnection::State state, const QString &reason) {
                         handleConnectionState(state, reason);
                     });
    QObject::connect(connection, &nats::NatsConnection::asyncError, q,
                     [this](const nats::NatsError &error) { handleAsyncError(error); });
    QObject::connect(connection, &nats::NatsConnection::reconnected, q,
                     [this] { handleReconnected(); });

    nats::ConnectionOptions options = m_options.connection;
    options.name = QStringLiteral("cotal:") + m_options.card.name;
    options.inboxId = m_id; // "_INBOX_<id>" before any request (wire.md §10)

    const QString space = m_options.space;
    const bool watchPresence = m_options.watchPresence;
    const bool watchRegistry = m_options.watchPresence && m_options.watchChannels;
    auto steps = std::make_shared<std::vector<Step>>();
    steps->push_back([connection, options] { return connection->open(options); });
    steps->push_back([this, connection, space] {
        m_js.emplace(connection);
        m_history->bind(connection, wire::chatStreamName(space),
                        wire::chatHistoryConsumerName(m_id));
        return ready();
    });
    if (m_options.watchPresence || m_options.registerPresence) {
        steps->push_back([this, space] {
            return openBucket(m_presenceKv, wire::presenceBucket(space), m_options.ttlMs);
        });
    }
    if (watchPresence) {
        steps->push_back([this] {
            m_presenceWatcher = std::make_unique<nats::KvWatcher>(
                *m_presenceKv, QStringLiteral(">"), nats::KvWatcher::Mode::InitialValuesThenUpdates,
                q);
            QObject::connect(
                m_presenceWatcher.get(), &nats::KvWatcher::entries, q,
                [this](const QList<nats::KvEntry> &entries) { handlePresenceEntries(entries); });
            QObject::connect(m_presenceWatcher.get(), &nats::KvWatcher::failed, q,
                             [this](const nats::NatsError &error) {
                                 report(QStringLiteral("presence watch: %1").arg(error.describe()));
                             });
            QFuture<nats::NatsError> done = initialValues(m_presenceWatcher.get());
            m_presenceWatcher->start();
            m_sweep->start(std::max(500, m_options.ttlMs / 3));
            return done;
        });
    }
    if (watchRegistry || m_options.consume) {
        steps->push_back(
            [this, space] { return openBucket(m_channelsKv, wire::channelsBucket(space), 0); });
    }
    if (watchRegistry) {
        steps->push_back([this] {
            m_registryWatcher = std::make_unique<nats::KvWatcher>(
                *m_channelsKv, QStringLiteral(">"), nats::KvWatcher::Mode::InitialValuesThenUpdates,
                q);
            QObject::connect(
                m_registryWatcher.get(), &nats::KvWatcher::entries, q,
                [this](const QList<nats::KvEntry> &entries) { handleRegistryEntries(entries); });
            QObject::connect(
                m_registryWatcher.get(), &nats::KvWatcher::failed, q,
                [this](const nats::NatsError &error) {
                    report(QStringLiteral("channel registry watch: %1").arg(error.describe()));
                });
            QObject::connect(m_registryWatcher.get(), &nats::KvWatcher::initialValuesDone, q,
                             [this] { m_registryLoaded = true; });
            QFuture<nats::NatsError> done = initialValues(m_registryWatcher.get());
            m_registryWatcher->start();
            return done;
        });
    }
    if (m_options.registerPresence) {
        steps->push_back([this] {
            publishPresence();
            m_heartbeat->start(m_options.heartbeatMs);
            return ready();
        });
    }
    if (m_options.consume) {
        if (!m_auth) {
            // Open mode: every consuming endpoint creates the space lazily (idempotent).
            steps->push_back([this, space] {
                space::SpaceProvisioner provisioner(*m_js, space);
                return provisioner.provision(space::SpaceProvisioner::DefaultDeliveryClass::Live)
                    .then(q, [](const space::ProvisionResult &result) { return result.error; });
            });
        }
        steps->push_back([this] { return bindConsumers(); });
    }
    if (m_options.observeAll)
        steps->push_back([this] { return startTap(); });
    return runSteps(steps, 0, epoch);
}

QFuture<nats::NatsError> Endpoint::Private::openBucket(std::optional<nats::KeyValue> &slot,
                                                       const QString &bucket, qint64 ttlMs)
{
    nats::KeyValue kv(*m_js, bucket);
    if (m_auth) {
        // Auth mode opens (binds) only: the bucket must already exist.
        return m_js->streamInfo(kv.streamName())
            .then(q, [this, epoch = m_epoch, &slot, kv, bucket](const nats::ApiResult &info) {
                if (epoch != m_epoch)
                    return notReady();
                if (!info.ok()) {
                    nats::NatsError error = info.error;
                    error.message =
                        QStringLiteral("cannot open bucket %1: %2").arg(bucket, error.message);
                    return error;
                }
                slot.emplace(kv);
                return nats::NatsError{};
            });
    }
    return kv.createBucket(ttlMs).then(
        q, [this, epoch = m_epoch, &slot, kv, bucket](const nats::ApiResult &created) {
            if (epoch != m_epoch)
                return notReady();
            if (!created.ok()) {
                nats::NatsError error = created.error;
                error.message =
                    QStringLiteral("cannot create bucket %1: %2").arg(bucket, error.message);
                return error;
            }
            slot.emplace(kv);
            return nats::NatsError{};
        });
}

QFuture<nats::NatsError> Endpoint::Private::createOwnConsumer(const QString &stream,
                                                              const QString &name,
                                                              const QString &filter, bool dm)
{
    // Open mode only (endpoint.md §5): exactly the reference's fields and order.
    wire::JsonWriter writer;
    writer.beginObject()
        .key(u"durable_name")
        .string(name)
        .key(u"filter_subject")
        .string(filter)
        .key(u"ack_policy")
        .string(u"explicit")
        .key(u"ack_wait")
        .integer(qint64(m_options.ackWaitMs) * kNanosPerMs);
    if (dm) {
        writer.key(u"deliver_policy")
            .string(u"all")
            .key(u"inactive_threshold")
            .integer(qint64(m_options.inactiveThresholdMs) * kNanosPerMs);
    }
    writer.endObject();
    return m_js->createConsumer(stream, name, filter, writer.take())
        .then(q, [name](const nats::ApiResult &created) {
            // A durable that exists with another config is still bindable.
            if (created.ok() || created.error.kind == nats::NatsErrorKind::AlreadyExists)
                return nats::NatsError{};
            nats::NatsError error = created.error;
            error.message = QStringLiteral("cannot create %1: %2").arg(name, error.message);
            return error;
        });
}

QFuture<nats::NatsError> Endpoint::Private::bindPull(std::unique_ptr<nats::PullConsumer> &slot,
                                                     const QString &stream, const QString &consumer,
                                                     ReceivedMessage::Path path, bool required)
{
    return m_js->consumerInfo(stream, consumer)
        .then(q, [this, epoch = m_epoch, &slot, stream, consumer, path,
                  required](const nats::ApiResult &info) {
            if (epoch != m_epoch)
                return notReady();
            if (!info.ok()) {
                if (!required)
                    return nats::NatsError{}; // dlv_<id> not provisioned: skip silently
                nats::NatsError error = info.error;
                error.message =
                    QStringLiteral("cannot bind %1 on %2: %3").arg(consumer, stream, error.message);
                return error;
            }
            slot = std::make_unique<nats::PullConsumer>(
                *m_js, stream, consumer,
                [this, path, &slot](const QList<nats::JsMessage> &batch) {
                    m_ingest->acceptDurable(batch, path);
                    // The ingest acks on its next turn; a pull that stalled at max_ack_pending
                    // is served only when another arrives (nats-server 2.9), so ask again then.
                    QMetaObject::invokeMethod(
                        q,
                        [&slot] {
                            if (slot)
                                slot->resume();
                        },
                        Qt::QueuedConnection);
                },
                HistoryReader::kFetchBatch, HistoryReader::kFetchExpiresMs, q);
            QObject::connect(slot.get(), &nats::PullConsumer::failed, q,
                             [this, consumer](const nats::NatsError &error) {
                                 report(QStringLiteral("%1: %2").arg(consumer, error.describe()));
                             });
            slot->start();
            return nats::NatsError{};
        });
}

QFuture<nats::NatsError> Endpoint::Private::bindConsumers()
{
    const QString space = m_options.space;
    auto steps = std::make_shared<std::vector<Step>>();
    const QString dmName = wire::dmConsumerName(m_id);
    if (!m_auth) {
        steps->push_back([this, space, dmName] {
            return createOwnConsumer(wire::dmStreamName(space), dmName,
                                     wire::dmInboxFilter(space, m_id), true);
        });
    }
    steps->push_back([this, space, dmName] {
        return bindPull(m_dm, wire::dmStreamName(space), dmName, ReceivedMessage::Path::Dm, true);
    });
    steps->push_back([this, space] {
        return bindPull(m_dlv, wire::dlvStreamName(space), wire::dlvConsumerName(m_id),
                        ReceivedMessage::Path::Dlv, false);
    });
    steps->push_back([this] { return bootChannels(); });
    steps->push_back([this] {
        if (!m_firstConnectDone && m_auth && !m_joined.isEmpty())
            bootSelfJoin();
        m_firstConnectDone = true;
        return ready();
    });
    if (m_options.card.role && !m_options.card.role->isEmpty()) {
        const QString role = *m_options.card.role;
        const QString svcName = wire::svcConsumerName(role);
        if (!m_auth) {
            steps->push_back([this, space, role, svcName] {
                return createOwnConsumer(wire::taskStreamName(space), svcName,
                                         wire::roleQueueFilter(space, role), false);
            });
        }
        steps->push_back([this, space, svcName] {
            return bindPull(m_task, wire::taskStreamName(space), svcName,
                            ReceivedMessage::Path::Task, true);
        });
    }
    return runSteps(steps, 0, m_epoch);
}

QFuture<nats::NatsError> Endpoint::Private::startTap()
{
    // The chat tap every reading profile holds, plus DMs and anycast where the credential allows
    // (admin). Never one `cotal.<S>.>` subscription: it would also match `ctl.*` requests, and a
    // silent extra "responder" turns every agent's no-responders answer into a 30 s timeout.
    const auto handler = [this](const QList<nats::NatsMessage> &batch) {
        m_ingest->acceptCore(batch, ReceivedMessage::Path::Tap);
    };
    const QString prefix = wire::spacePrefix(m_options.space);
    const QString chat = wire::observerTap(m_options.space);
    m_tapSubject = chat;
    if (!m_grants.maySubscribe(chat))
        return ready(makeError(nats::NatsErrorKind::PermissionDenied,
                               QStringLiteral("permission denied: cannot subscribe %1").arg(chat)));
    m_tap = m_connection->subscribe(chat, q, handler);
    m_tapDirect.clear();
    m_tapDirectSubjects = {prefix + QStringLiteral(".inst.>"), prefix + QStringLiteral(".svc.>")};
    for (const QString &subject : std::as_const(m_tapDirectSubjects)) {
        m_refused.remove(subject);
        // A grant the JWT does not hold is refused without asking the broker.
        if (!m_grants.maySubscribe(subject))
            m_refused.insert(subject);
        else
            m_tapDirect.push_back(m_connection->subscribe(subject, q, handler));
    }
    const quint64 epoch = m_epoch;
    return confirmSubscriptions().then(q, [this, epoch, chat](const nats::NatsError &error) {
        if (epoch != m_epoch || error.isError())
            return error;
        if (!m_tap || m_refused.contains(chat)) {
            m_tap.reset();
            m_tapDirect.clear();
            return makeError(nats::NatsErrorKind::PermissionDenied,
                             QStringLiteral("permission denied: cannot subscribe %1").arg(chat));
        }
        const bool directAllowed =
            std::none_of(m_tapDirectSubjects.cbegin(), m_tapDirectSubjects.cend(),
                         [this](const QString &subject) { return m_refused.contains(subject); });
        if (!directAllowed)
            m_tapDirect.clear();
        m_tapVisibility = directAllowed ? TapVisibility::Everything : TapVisibility::ChatOnly;
        emit q->tapVisibilityChanged(m_tapVisibility);
        return nats::NatsError{};
    });
}

QFuture<nats::NatsError> Endpoint::Private::confirmSubscriptions()
{
    if (!m_connection)
        return ready(notReady());
    // The server's -ERR for a refused SUB arrives before the PONG; the 50 ms settle lets the
    // async error reach this thread (endpoint.md §6).
    const quint64 epoch = m_epoch;
    return m_connection->flush()
        .then(q,
              [this, epoch](const nats::NatsError &error) {
                  if (error.isError() || epoch != m_epoch)
                      return ready(error);
                  return delay(q, kConfirmSettleMs).then(q, [] { return nats::NatsError{}; });
              })
        .unwrap();
}

void Endpoint::Private::handleConnectionState(nats::NatsConnection::State state,
                                              const QString &reason)
{
    if (m_stopped)
        return;
    switch (state) {
    case nats::NatsConnection::State::Reconnecting:
        if (m_state == State::Connected)
            setState(State::Reconnecting, reason);
        break;
    case nats::NatsConnection::State::Connected:
        if (m_state == State::Reconnecting)
            setState(State::Connected, reason);
        break;
    case nats::NatsConnection::State::Closed:
        // Terminal close of the current connection after a successful start: rebuild (§12).
        if (m_state == State::Connected || m_state == State::Reconnecting) {
            QMetaObject::invokeMethod(
                q, [this, reason] { startRebuild(reason); }, Qt::QueuedConnection);
        }
        break;
    case nats::NatsConnection::State::Disconnected:
    case nats::NatsConnection::State::Connecting:
        break;
    }
}

void Endpoint::Private::handleAsyncError(const nats::NatsError &error)
{
    if (error.kind == nats::NatsErrorKind::PermissionDenied &&
        error.operation == QLatin1String("subscribe")) {
        if (error.subject == m_tapSubject) {
            m_refused.insert(error.subject);
            return;
        }
        if (m_tapDirectSubjects.contains(error.subject)) {
            m_refused.insert(error.subject);
            if (m_tapVisibility == TapVisibility::Everything) {
                // Refused after the fact (credential narrowed): keep the chat tap only.
                m_tapDirect.clear();
                m_tapVisibility = TapVisibility::ChatOnly;
                emit q->tapVisibilityChanged(m_tapVisibility);
            }
            return;
        }
        const auto it = m_subjectChannel.constFind(error.subject);
        if (it != m_subjectChannel.constEnd()) {
            const QString channel = *it;
            if (m_confirming.contains(channel)) {
                m_refused.insert(channel); // expected while confirming: reported by the join
                return;
            }
            handleLateRefusal(channel);
            return;
        }
    }
    report(error.describe());
}

void Endpoint::Private::handleReconnected()
{
    // Core subscriptions were re-sent by cnats; pull consumers and watchers re-arm themselves.
    // Refresh presence at once so peers do not see a gap longer than the outage.
    if (m_options.registerPresence && m_presenceKv)
        publishPresence();
}

void Endpoint::Private::startRebuild(const QString &reason)
{
    if (m_stopped || m_rebuilding)
        return;
    m_rebuilding = true;
    setState(State::Rebuilding, reason);
    report(QStringLiteral("connection closed (%1): rebuilding").arg(reason));
    rebuildAttempt();
}

void Endpoint::Private::rebuildAttempt()
{
    if (m_stopped)
        return;
    connectAndBind().then(q, [this](const nats::NatsError &error) {
        if (m_stopped) {
            resetConnection();
            return;
        }
        if (error.isError()) {
            report(QStringLiteral("rebuild failed: %1").arg(error.describe()));
            m_rebuildTimer->start(m_options.rebuildRetryMs);
            return;
        }
        m_rebuilding = false;
        setState(State::Connected, QStringLiteral("rebuilt"));
    });
}

// ---------------------------------------------------------------------------------------------

Endpoint::Endpoint(EndpointOptions options, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this, std::move(options)))
{
    qRegisterMetaType<ReceivedMessage>();
    qRegisterMetaType<QList<ReceivedMessage>>();
    qRegisterMetaType<Anomaly>();
    qRegisterMetaType<AnomalyCounters>();
    qRegisterMetaType<PresenceEvent>();
    qRegisterMetaType<QList<PresenceEvent>>();
    qRegisterMetaType<QList<wire::Presence>>();
    qRegisterMetaType<TapVisibility>();
    qRegisterMetaType<State>();
}

Endpoint::~Endpoint()
{
    d->m_stopped = true;
    d->resetConnection();
}

const EndpointOptions &Endpoint::options() const
{
    return d->m_options;
}

wire::Grants Endpoint::grants() const
{
    return d->m_grants;
}

QString Endpoint::id() const
{
    return d->m_id;
}

bool Endpoint::isAuthMode() const
{
    return d->m_auth;
}

Endpoint::State Endpoint::state() const
{
    return d->m_state;
}

QFuture<nats::NatsError> Endpoint::start()
{
    if (!d->m_stopped)
        return ready(makeError(nats::NatsErrorKind::InvalidArgument,
                               QStringLiteral("endpoint already started")));
    if (const nats::NatsError error = d->resolveIdentity(); error.isError()) {
        d->setState(State::Failed, error.describe());
        return ready(error);
    }
    d->m_stopped = false;
    d->m_rebuilding = false;
    // The boot read set is the initial joined list; refused entries drop out of it (§5).
    d->m_joined.clear();
    for (const QString &channel : std::as_const(d->m_options.channels)) {
        if (!wire::validateChannel(channel)) {
            d->report(QStringLiteral("ignoring invalid boot channel \"%1\"").arg(channel));
            continue;
        }
        if (!d->m_joined.contains(channel))
            d->m_joined.append(channel);
    }
    d->setState(State::Connecting);
    return d->connectAndBind().then(this, [this](const nats::NatsError &error) {
        if (error.isError()) {
            d->m_stopped = true;
            d->resetConnection();
            d->setState(State::Failed, error.describe());
            return error;
        }
        d->setState(State::Connected);
        d->emitJoined();
        return error;
    });
}

QFuture<void> Endpoint::stop()
{
    if (d->m_stopped) {
        d->setState(State::Stopped);
        return QtFuture::makeReadyFuture();
    }
    d->m_stopped = true;
    d->m_rebuildTimer->stop();
    d->m_heartbeat->stop();
    d->m_sweep->stop();
    d->setState(State::Stopping);
    // Stop consuming first so nothing new is surfaced during the goodbye.
    d->m_dm.reset();
    d->m_dlv.reset();
    d->m_task.reset();
    d->m_tap.reset();
    d->m_tapDirect.clear();
    d->m_chatSubs.clear();
    d->m_subjectChannel.clear();
    QFuture<void> goodbye = d->m_options.registerPresence && d->m_presenceKv
                                ? d->publishOffline()
                                : QtFuture::makeReadyFuture();
    return goodbye.then(this, [this] {
        d->resetConnection();
        d->m_reconciling.clear();
        d->m_cleanupPending.clear();
        d->setState(State::Stopped);
    });
}

void Endpoint::setStatus(wire::PresenceStatus status)
{
    if (status == wire::PresenceStatus::Offline || d->m_status == status)
        return; // live clients never publish offline; stop() writes the final record
    d->m_status = status;
    d->publishPresence();
}

void Endpoint::setActivity(const QString &activity)
{
    if (d->m_activity == activity)
        return;
    d->m_activity = activity;
    d->publishPresence();
}

void Endpoint::setAttention(std::optional<wire::Attention> attention)
{
    if (d->m_attention == attention)
        return;
    d->m_attention = attention;
    d->publishPresence();
}

void Endpoint::setChannelModes(const QMap<QString, wire::ChannelMode> &modes)
{
    if (d->m_channelModes == modes)
        return;
    d->m_channelModes = modes;
    d->publishPresence();
}

void Endpoint::setModel(const QString &model)
{
    std::optional<wire::JsonObject> &meta = d->m_options.card.meta;
    if (!meta)
        meta = wire::JsonObject();
    const wire::JsonValue *current = meta->find(u"model");
    if (model.isEmpty() || (current && current->toString() == model))
        return;
    meta->insert(QStringLiteral("model"), wire::JsonValue(model));
    d->publishPresence();
}

QList<wire::Presence> Endpoint::roster() const
{
    return d->sortedRoster();
}

QStringList Endpoint::joinedChannels() const
{
    return d->m_joined;
}

QFuture<JoinResult> Endpoint::joinChannel(const QString &channel)
{
    return d->doJoin(channel);
}

QFuture<LeaveResult> Endpoint::leaveChannel(const QString &channel)
{
    return d->doLeave(channel);
}

QFuture<ChannelListResult> Endpoint::listChannels()
{
    return d->listChannels();
}

QFuture<HistoryResult> Endpoint::readHistory(const QString &channel, int limit)
{
    return d->readHistory(channel, limit);
}

QFuture<SendResult> Endpoint::sendToChannel(const QString &channel, const QList<wire::Part> &parts,
                                            const SendOptions &options)
{
    return d->send(wire::Route{wire::RouteKind::Channel, channel}, parts, options);
}

QFuture<SendResult> Endpoint::sendDirect(const QString &targetId, const QList<wire::Part> &parts,
                                         const SendOptions &options)
{
    return d->send(wire::Route{wire::RouteKind::Direct, targetId}, parts, options);
}

QFuture<SendResult> Endpoint::sendToRole(const QString &role, const QList<wire::Part> &parts,
                                         const SendOptions &options)
{
    return d->send(wire::Route{wire::RouteKind::Service, role}, parts, options);
}

QFuture<ControlResult> Endpoint::control(const QString &service, const QString &op,
                                         const QJsonObject &args, int timeoutMs)
{
    wire::JsonWriter writer;
    writer.value(QJsonValue(args));
    return d->control(service, op, writer.take(), timeoutMs);
}

AnomalyCounters Endpoint::anomalyCounters() const
{
    return d->m_ingest->counters();
}

quint64 Endpoint::droppedCopies() const
{
    return d->m_droppedBefore + (d->m_connection ? d->m_connection->droppedMessages() : 0);
}

TapVisibility Endpoint::tapVisibility() const
{
    return d->m_tapVisibility;
}

} // namespace cotal::endpoint
