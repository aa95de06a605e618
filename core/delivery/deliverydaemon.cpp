#include "core/delivery/deliverydaemon.h"

#include "core/delivery/controlservice.h"
#include "core/delivery/daemoncontext_p.h"
#include "core/delivery/daemoncredentials.h"
#include "core/delivery/fanoutwriter.h"
#include "core/delivery/membershipfeedwriter.h"
#include "core/delivery/spaceview_p.h"
#include "core/delivery/trustedreader.h"
#include "core/nats/keyvalue.h"
#include "core/space/deliverylease.h"
#include "core/wire/creds.h"
#include "core/wire/names.h"
#include "core/wire/token.h"

#include <QElapsedTimer>
#include <QFile>
#include <QPromise>
#include <QTimer>
#include <QUuid>

namespace cotal::delivery {

namespace {

// After a failed renew that was not a lost compare-and-set, try again this soon.
constexpr int kRenewRetryMs = 2000;

DeliveryError makeError(DeliveryErrorKind kind, QString message, QString holder = {})
{
    return DeliveryError{kind, std::move(message), std::move(holder)};
}

} // namespace

class DeliveryDaemon::Private
{
public:
    explicit Private(DeliveryDaemon *owner, DeliveryOptions opts)
        : q(owner)
        , options(std::move(opts))
    {
        // Children of the daemon, so they follow it onto its worker thread.
        renewTimer = new QTimer(q);
        metricsTimer = new QTimer(q);
        renewTimer->setSingleShot(true);
        metricsTimer->setInterval(std::max(options.metricsIntervalMs, 100));
        QObject::connect(renewTimer, &QTimer::timeout, q, [this] { renew(); });
        QObject::connect(metricsTimer, &QTimer::timeout, q, [this] { sampleMetrics(); });
    }

    void log(LogLevel level, const QString &text) { emit q->logged(level, text); }

    void setState(State next, const QString &reason = {})
    {
        if (state == next)
            return;
        state = next;
        emit q->stateChanged(next, reason);
    }

    // Resolves the daemon id: the creds' user key in auth mode, a fresh UUID on an open mesh.
    std::optional<DeliveryError> resolveId()
    {
        if (!options.isAuthMode()) {
            id = QUuid::createUuid().toString(QUuid::WithoutBraces);
            return std::nullopt;
        }
        const auto creds = readUserCreds(options.connection);
        if (!creds)
            return makeError(DeliveryErrorKind::InvalidOptions,
                             QStringLiteral("unusable credentials: %1").arg(creds.error().detail));
        id = creds->subject;
        return std::nullopt;
    }

    void finishStart(const DeliveryError &error)
    {
        if (!startPromise)
            return;
        startPromise->addResult(error);
        startPromise->finish();
        startPromise.reset();
    }

    // A start that failed after connecting: nothing is bound, the lease (if ours) released.
    void abortStart(const DeliveryError &error, bool releaseLease)
    {
        log(LogLevel::Error, error.message);
        teardown(releaseLease).then(q, [this, error] {
            setState(State::Failed, error.message);
            finishStart(error);
        });
    }

    void start()
    {
        ++epoch;
        setState(State::Starting);
        if (wire::token(options.space).isEmpty() || options.space.trimmed().isEmpty())
            return abortStart(
                makeError(DeliveryErrorKind::InvalidOptions, QStringLiteral("no space given")),
                false);
        if (const auto error = resolveId())
            return abortStart(*error, false);
        if (!options.isAuthMode())
            log(LogLevel::Warning,
                QStringLiteral("running on an open mesh (%1): the reference refuses this; any "
                               "client can read or write every subject")
                    .arg(openModeLabel()));

        nats::ConnectionOptions connectionOptions = options.connection;
        connectionOptions.inboxId = id;
        if (connectionOptions.name.isEmpty())
            connectionOptions.name = QStringLiteral("cotal-delivery");
        connection = std::make_unique<nats::NatsConnection>();
        readConnection = std::make_unique<nats::NatsConnection>();
        context = std::make_unique<DaemonContext>(options.space, id, connection.get(),
                                                  readConnection.get());
        context->fetchBatch = std::max(options.fetchBatch, 1);
        context->publishWindow = std::max(options.publishWindow, 1);
        context->log = [this](LogLevel level, const QString &text) { log(level, text); };
        view = std::make_unique<SpaceView>(context.get());
        lease = std::make_unique<space::DeliveryLease>(
            nats::KeyValue(context->jetStream, wire::deliveryBucket(options.space)));
        context->view = view.get();
        fanout = std::make_unique<FanoutWriter>(context.get());
        reader = std::make_unique<TrustedReader>(context.get());
        control = std::make_unique<ControlService>(context.get(), fanout.get());
        QObject::connect(connection.get(), &nats::NatsConnection::reconnected, q,
                         [this] { rearm(); });
        for (nats::NatsConnection *each : {connection.get(), readConnection.get()}) {
            const QString which = each == connection.get() ? QString() : QStringLiteral(" (reads)");
            QObject::connect(each, &nats::NatsConnection::asyncError, q,
                             [this, which](const nats::NatsError &error) {
                                 log(LogLevel::Error,
                                     QStringLiteral("broker%1: %2").arg(which, error.describe()));
                             });
            QObject::connect(
                each, &nats::NatsConnection::stateChanged, q,
                [this, which](nats::NatsConnection::State connectionState, const QString &why) {
                    if (connectionState == nats::NatsConnection::State::Reconnecting)
                        log(LogLevel::Warning,
                            QStringLiteral("connection%1 lost (%2); reconnecting").arg(which, why));
                });
        }

        const quint64 current = epoch;
        connection->open(connectionOptions)
            .then(q, [this, current, connectionOptions](const nats::NatsError &error) {
                if (current != epoch)
                    return;
                if (error.isError())
                    return abortStart(makeError(DeliveryErrorKind::Connect, error.describe()),
                                      false);
                log(LogLevel::Info,
                    QStringLiteral("connected to %1 as %2").arg(connection->connectedUrl(), id));
                openReads(connectionOptions);
            });
    }

    void openReads(nats::ConnectionOptions readOptions)
    {
        readOptions.name += QStringLiteral("-reads");
        readOptions.sendAsap = true;
        const quint64 current = epoch;
        readConnection->open(readOptions).then(q, [this, current](const nats::NatsError &error) {
            if (current != epoch)
                return;
            if (error.isError())
                return abortStart(makeError(DeliveryErrorKind::Connect, error.describe()), false);
            openView();
        });
    }

    void openView()
    {
        const quint64 current = epoch;
        view->open().then(q, [this, current](const nats::NatsError &error) {
            if (current != epoch)
                return;
            if (error.kind == nats::NatsErrorKind::NotFound)
                return abortStart(
                    makeError(DeliveryErrorKind::Bind,
                              QStringLiteral("the space \"%1\" is not provisioned (%2): create "
                                             "its streams and buckets first, e.g. with "
                                             "cotal-console's \"Provision this space\" and a "
                                             "provisioner credential")
                                  .arg(options.space, error.describe())),
                    false);
            if (error.isError())
                return abortStart(makeError(DeliveryErrorKind::Bind,
                                            QStringLiteral("cannot read the space's registries: %1")
                                                .arg(error.describe())),
                                  false);
            acquireLease();
        });
    }

    // delivery.md §2.1 step 4: the single-flight gate, BEFORE anything is bound. No retry.
    void acquireLease()
    {
        const quint64 current = epoch;
        lease->acquire(id).then(q, [this, current](const space::LeaseWrite &acquired) {
            if (current != epoch)
                return;
            if (acquired.ok()) {
                leaseRevision = acquired.revision;
                holdsLease = true;
                sinceRenew.start();
                log(LogLevel::Info, QStringLiteral("lease acquired (not ready yet)"));
                bind();
                return;
            }
            if (acquired.error.kind != space::SpaceErrorKind::LeaseHeld)
                return abortStart(makeError(DeliveryErrorKind::Connect,
                                            QStringLiteral("cannot acquire the delivery lease: %1")
                                                .arg(acquired.error.describe())),
                                  false);
            // Name the holder so the operator knows which daemon to look at.
            const QString holder = acquired.current && acquired.current->lease
                                       ? acquired.current->lease->holder
                                       : QString();
            abortStart(makeError(DeliveryErrorKind::LeaseHeld, acquired.error.message, holder),
                       false);
        });
    }

    // Step 5: responder, fan-out and reader, then step 6: ready.
    void bind()
    {
        const quint64 current = epoch;
        QList<QFuture<nats::NatsError>> steps{control->bind(), fanout->bind(), reader->bind()};
        QtFuture::whenAll(steps.begin(), steps.end())
            .then(q, [this, current](const QList<QFuture<nats::NatsError>> &done) {
                if (current != epoch)
                    return;
                for (const QFuture<nats::NatsError> &step : done) {
                    const nats::NatsError error =
                        step.resultCount() > 0 ? step.result() : nats::NatsError{};
                    if (error.isError())
                        return abortStart(makeError(DeliveryErrorKind::Bind, error.describe()),
                                          true);
                }
                markReady();
            });
    }

    void markReady()
    {
        const quint64 current = epoch;
        lease->markReady(id, leaseRevision)
            .then(q, [this, current](const space::LeaseWrite &marked) {
                if (current != epoch)
                    return;
                // A failure here is left to the renew loop, like the reference.
                if (marked.ok()) {
                    leaseRevision = marked.revision;
                    sinceRenew.restart();
                } else {
                    log(LogLevel::Warning, QStringLiteral("marking the lease ready failed: %1")
                                               .arg(marked.error.describe()));
                }
                renewTimer->start(std::max(options.renewIntervalMs, 100));
                metricsTimer->start();
                rateClock.start();
                lastDelivered = 0;
                setState(State::Running);
                log(LogLevel::Info,
                    QStringLiteral("delivering for space \"%1\"%2")
                        .arg(options.space, options.isAuthMode()
                                                ? QString()
                                                : QStringLiteral(" (%1)").arg(openModeLabel())));
                finishStart({});
                startMembershipFeed();
            });
    }

    // delivery.md §9: the feed runs beside delivery while this daemon holds the lease, on its
    // own two credentials; its failures only log.
    void startMembershipFeed()
    {
        if (!options.membership) {
            log(LogLevel::Info, QStringLiteral("membership feed off: no membership credentials"));
            return;
        }
        feedWriter = std::make_unique<MembershipFeedWriter>(options.space, *options.membership);
        QObject::connect(feedWriter.get(), &MembershipFeedWriter::logged, q,
                         [this](LogLevel level, const QString &text) { log(level, text); });
        const quint64 current = epoch;
        feedWriter->start().then(q, [this, current](const nats::NatsError &error) {
            if (current != epoch)
                return;
            if (error.isError()) {
                log(LogLevel::Warning,
                    QStringLiteral("membership feed off: %1").arg(error.describe()));
                feedWriter.reset();
                return;
            }
            log(LogLevel::Info, QStringLiteral("membership feed on"));
        });
    }

    // Every 15 s a CAS update; a lost compare-and-set means another holder took over.
    void renew()
    {
        if (state != State::Running)
            return;
        const quint64 current = epoch;
        lease->renew(id, leaseRevision).then(q, [this, current](const space::LeaseWrite &renewed) {
            if (current != epoch || state != State::Running)
                return;
            if (renewed.ok()) {
                leaseRevision = renewed.revision;
                sinceRenew.restart();
                renewTimer->start(std::max(options.renewIntervalMs, 100));
                return;
            }
            const bool lost = renewed.error.kind == space::SpaceErrorKind::RevisionConflict ||
                              renewed.error.cause.kind == nats::NatsErrorKind::NotFound;
            if (lost)
                return loseLease(QStringLiteral("the delivery lease was lost (%1): another daemon "
                                                "may be delivering now")
                                     .arg(renewed.error.describe()));
            if (sinceRenew.elapsed() >= space::DeliveryLease::kTtlMs)
                return loseLease(QStringLiteral("the delivery lease could not be renewed for %1 s "
                                                "and may have expired (%2)")
                                     .arg(space::DeliveryLease::kTtlMs / 1000)
                                     .arg(renewed.error.describe()));
            log(LogLevel::Warning,
                QStringLiteral("lease renew failed, retrying: %1").arg(renewed.error.describe()));
            renewTimer->start(kRenewRetryMs);
        });
    }

    // Never keep delivering as a second holder; never delete a lease that may be someone
    // else's.
    void loseLease(const QString &reason)
    {
        holdsLease = false;
        log(LogLevel::Error, reason);
        const DeliveryError error = makeError(DeliveryErrorKind::LeaseLost, reason);
        teardown(false).then(q, [this, error] {
            setState(State::Failed, error.message);
            emit q->failed(error);
        });
    }

    void rearm()
    {
        if (state != State::Running)
            return;
        log(LogLevel::Info, QStringLiteral("reconnected: re-arming the responder and consumers"));
        const quint64 current = epoch;
        QList<QFuture<nats::NatsError>> steps{control->bind(), fanout->bind(), reader->bind()};
        QtFuture::whenAll(steps.begin(), steps.end())
            .then(q, [this, current](const QList<QFuture<nats::NatsError>> &done) {
                if (current != epoch)
                    return;
                for (const QFuture<nats::NatsError> &step : done) {
                    if (step.resultCount() > 0 && step.result().isError())
                        log(LogLevel::Error, QStringLiteral("re-arming after a reconnect: %1")
                                                 .arg(step.result().describe()));
                }
            });
    }

    // Lag = CHAT messages the fan-out has not finished; the frontier for the UI.
    void sampleMetrics()
    {
        if (!context)
            return;
        DeliveryMetrics &metrics = context->metrics;
        const qint64 elapsed = rateClock.restart();
        const double rate =
            elapsed > 0 ? double(metrics.delivered - lastDelivered) * 1000.0 / double(elapsed)
                        : 0.0;
        lastDelivered = metrics.delivered;
        if (rate != metrics.copiesPerSecond) {
            metrics.copiesPerSecond = rate;
            context->touch();
        }
        if (!sampling) {
            sampling = true;
            const quint64 current = epoch;
            const QString stream = wire::chatStreamName(options.space);
            auto frontier = context->jetStream.streamInfo(stream);
            context->jetStream.consumerInfo(stream, wire::fanoutConsumerName())
                .then(q, [this, current, frontier](const nats::ApiResult &fanoutInfo) mutable {
                    frontier.then(q, [this, current, fanoutInfo](const nats::ApiResult &chat) {
                        if (current != epoch || !context)
                            return;
                        sampling = false;
                        DeliveryMetrics &m = context->metrics;
                        if (chat.ok()) {
                            const quint64 last = quint64(chat.body.value(QLatin1String("state"))
                                                             .toObject()
                                                             .value(QLatin1String("last_seq"))
                                                             .toInteger());
                            if (last != m.chatFrontier) {
                                m.chatFrontier = last;
                                context->touch();
                            }
                        }
                        if (fanoutInfo.ok()) {
                            const quint64 lag =
                                quint64(fanoutInfo.body.value(QLatin1String("num_pending"))
                                            .toInteger()) +
                                quint64(fanoutInfo.body.value(QLatin1String("num_ack_pending"))
                                            .toInteger());
                            if (lag != m.lag) {
                                m.lag = lag;
                                context->touch();
                            }
                        }
                    });
                });
        }
        if (context->metricsDirty) {
            context->metricsDirty = false;
            emit q->metricsChanged(metrics);
        }
    }

    // Stops everything this daemon runs; with `releaseLease` deletes lease.0 first (plain
    // delete, like the reference, so a successor can start at once).
    QFuture<void> teardown(bool releaseLease)
    {
        // Only a run that reached Running has stages worth a line; the timer runs from then on.
        const bool ran = metricsTimer->isActive();
        ++epoch;
        renewTimer->stop();
        metricsTimer->stop();
        sampling = false;
        feedWriter.reset();
        if (control)
            control->stop();
        if (fanout)
            fanout->stop();
        if (reader)
            reader->stop();
        if (ran && context) {
            log(LogLevel::Info, context->stages.summary(stageNow() - context->startedNs));
            log(LogLevel::Info, QStringLiteral("reader ACLs: %1 rounds from the cache, %2 read "
                                               "fresh; fan-out classes: %3 rounds from the "
                                               "cache, %4 read fresh")
                                    .arg(context->metrics.aclRoundsFromCache)
                                    .arg(context->metrics.aclRoundsReadFresh)
                                    .arg(context->metrics.classRoundsFromCache)
                                    .arg(context->metrics.classRoundsReadFresh));
        }
        if (view)
            view->close();
        QFuture<void> released = QtFuture::makeReadyFuture();
        if (releaseLease && holdsLease && connection &&
            connection->state() == nats::NatsConnection::State::Connected) {
            released = lease->release().then(q, [this](const space::SpaceError &error) {
                if (error.isError())
                    log(LogLevel::Warning,
                        QStringLiteral("releasing the lease: %1").arg(error.describe()));
                else
                    log(LogLevel::Info, QStringLiteral("lease released"));
            });
        }
        holdsLease = false;
        return released.then(q, [this] {
            if (context)
                lastMetrics = context->metrics;
            lease.reset();
            control.reset();
            reader.reset();
            fanout.reset();
            view.reset();
            // Closing fails the requests still in flight, whose continuations may run a
            // teardown of their own right here: none of them may find this connection.
            const std::unique_ptr<nats::NatsConnection> closing = std::move(connection);
            const std::unique_ptr<nats::NatsConnection> closingReads = std::move(readConnection);
            if (closing)
                closing->close();
            if (closingReads)
                closingReads->close();
            context.reset();
        });
    }

    DeliveryDaemon *q;
    DeliveryOptions options;
    QString id;
    State state = State::Stopped;
    QFuture<void> stopping; // while Stopping: finishes once stopped
    quint64 epoch = 0;

    std::unique_ptr<nats::NatsConnection> connection;
    std::unique_ptr<nats::NatsConnection> readConnection; // DaemonContext::readJetStream
    std::unique_ptr<DaemonContext> context;
    std::unique_ptr<SpaceView> view;
    std::unique_ptr<FanoutWriter> fanout;
    std::unique_ptr<TrustedReader> reader;
    std::unique_ptr<ControlService> control;
    std::unique_ptr<space::DeliveryLease> lease;
    std::unique_ptr<MembershipFeedWriter> feedWriter;

    bool holdsLease = false;
    quint64 leaseRevision = 0;
    QElapsedTimer sinceRenew;
    QTimer *renewTimer;
    QTimer *metricsTimer;
    QElapsedTimer rateClock;
    quint64 lastDelivered = 0;
    bool sampling = false;
    std::shared_ptr<QPromise<DeliveryError>> startPromise;
    DeliveryMetrics lastMetrics;
};

DeliveryDaemon::DeliveryDaemon(DeliveryOptions options, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this, std::move(options)))
{
    qRegisterMetaType<cotal::delivery::DeliveryMetrics>();
    qRegisterMetaType<cotal::delivery::DeliveryError>();
}

DeliveryDaemon::~DeliveryDaemon()
{
    // Without a running event loop nothing can be released any more; stop() is the clean path.
    d->teardown(false);
}

const DeliveryOptions &DeliveryDaemon::options() const
{
    return d->options;
}

QString DeliveryDaemon::id() const
{
    return d->id;
}

DeliveryDaemon::State DeliveryDaemon::state() const
{
    return d->state;
}

bool DeliveryDaemon::isOpenMode() const
{
    return !d->options.isAuthMode();
}

QString DeliveryDaemon::modeLabel() const
{
    return isOpenMode() ? openModeLabel() : QString();
}

QString DeliveryDaemon::openModeLabel()
{
    return QStringLiteral("demo: no broker-enforced ACLs");
}

QFuture<DeliveryError> DeliveryDaemon::start()
{
    if (d->state == State::Starting || d->state == State::Running || d->state == State::Stopping)
        return QtFuture::makeReadyFuture(makeError(
            DeliveryErrorKind::InvalidOptions, QStringLiteral("the daemon is already running")));
    d->startPromise = std::make_shared<QPromise<DeliveryError>>();
    d->startPromise->start();
    QFuture<DeliveryError> future = d->startPromise->future();
    d->start();
    return future;
}

QFuture<void> DeliveryDaemon::stop()
{
    if (d->state == State::Stopped || d->state == State::Failed)
        return QtFuture::makeReadyFuture();
    // A second stop while the first releases the lease waits for that one, not a teardown of
    // its own under it.
    if (d->state == State::Stopping)
        return d->stopping;
    const bool wasRunning = d->state == State::Running || d->state == State::Starting;
    d->setState(State::Stopping);
    d->finishStart(makeError(DeliveryErrorKind::Stopped, QStringLiteral("stopped while starting")));
    d->stopping = d->teardown(wasRunning).then(this, [this] {
        d->setState(State::Stopped);
        d->log(LogLevel::Info, QStringLiteral("stopped"));
    });
    return d->stopping;
}

DeliveryMetrics DeliveryDaemon::metrics() const
{
    return d->context ? d->context->metrics : d->lastMetrics;
}

} // namespace cotal::delivery
