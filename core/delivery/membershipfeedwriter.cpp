#include "core/delivery/membershipfeedwriter.h"

#include "core/delivery/connzsweep.h"
#include "core/delivery/daemoncredentials.h"
#include "core/nats/jetstream.h"
#include "core/nats/keyvalue.h"
#include "core/nats/natsconnection.h"
#include "core/wire/names.h"

#include <QDateTime>
#include <QPromise>
#include <QTimer>
#include <algorithm>

namespace cotal::delivery {

namespace {

nats::NatsError feedError(nats::NatsErrorKind kind, const QString &message)
{
    nats::NatsError error;
    error.kind = kind;
    error.message = message;
    return error;
}

QStringList sorted(const QSet<QString> &set)
{
    QStringList list(set.cbegin(), set.cend());
    std::sort(list.begin(), list.end());
    return list;
}

} // namespace

QMap<QString, wire::ChannelMembership>
mergeMembershipFeed(const QHash<QString, QSet<QString>> &live,
                    const QList<space::MemberEntry> &members, double observedAt)
{
    QHash<QString, QSet<QString>> durable;
    for (const space::MemberEntry &member : members) {
        const wire::MembershipRecord &record = member.record;
        if (!record.isTombstone() && record.activated.value_or(false))
            durable[record.owner].insert(record.channel);
    }
    QSet<QString> agents(live.keyBegin(), live.keyEnd());
    for (auto it = durable.cbegin(); it != durable.cend(); ++it)
        agents.insert(it.key());
    QMap<QString, wire::ChannelMembership> merged;
    for (const QString &agent : agents) {
        wire::ChannelMembership membership;
        membership.live = sorted(live.value(agent));
        membership.durable = sorted(durable.value(agent));
        membership.observedAt = observedAt;
        if (!membership.live.isEmpty() || !membership.durable.isEmpty())
            merged.insert(agent, membership);
    }
    return merged;
}

class MembershipFeedWriter::Private
{
public:
    Private(MembershipFeedWriter *owner, QString s, MembershipFeedOptions o)
        : q(owner)
        , space(std::move(s))
        , options(std::move(o))
        , interval(new QTimer(owner))
        , debounce(new QTimer(owner))
    {
        // Children of the writer, so they follow it onto another thread.
        interval->setInterval(std::max(options.intervalMs, 100));
        debounce->setSingleShot(true);
        debounce->setInterval(std::max(options.debounceMs, 0));
        QObject::connect(interval, &QTimer::timeout, q, [this] { poll(); });
        QObject::connect(debounce, &QTimer::timeout, q, [this] { poll(); });
    }

    void log(LogLevel level, const QString &text) { emit q->logged(level, text); }

    QFuture<nats::NatsError> start()
    {
        const auto creds = readUserCreds(options.writer);
        if (!creds)
            return failed(
                QStringLiteral("unusable membership-rw credentials: %1").arg(creds.error().detail));
        self = creds->subject;
        dataAccount = options.dataAccount.isEmpty() ? creds->account : options.dataAccount;
        if (dataAccount.isEmpty())
            return failed(QStringLiteral("the data account of the membership feed is unknown"));

        nats::ConnectionOptions observerOptions = options.observer;
        if (observerOptions.name.isEmpty())
            observerOptions.name = QStringLiteral("cotal-membership-observer");
        nats::ConnectionOptions writerOptions = options.writer;
        writerOptions.inboxId = self;
        if (writerOptions.name.isEmpty())
            writerOptions.name = QStringLiteral("cotal-membership-rw");
        observer = std::make_unique<nats::NatsConnection>();
        writer = std::make_unique<nats::NatsConnection>();
        const quint64 current = ++epoch;
        QFuture<nats::NatsError> writerOpen = writer->open(writerOptions);
        return observer->open(observerOptions)
            .then(q,
                  [this, current, writerOpen](const nats::NatsError &observed) mutable {
                      return writerOpen.then(q, [this, current,
                                                 observed](const nats::NatsError &written) {
                          if (current != epoch)
                              return QtFuture::makeReadyFuture(feedError(
                                  nats::NatsErrorKind::NotConnected, QStringLiteral("stopped")));
                          if (observed.isError() || written.isError()) {
                              const nats::NatsError error = observed.isError() ? observed : written;
                              close();
                              return QtFuture::makeReadyFuture(error);
                          }
                          return arm();
                      });
                  })
            .unwrap();
    }

    static QFuture<nats::NatsError> failed(const QString &why)
    {
        return QtFuture::makeReadyFuture(feedError(nats::NatsErrorKind::InvalidArgument, why));
    }

    // Resolves once both watches hold their initial values (the first poll runs then), or
    // with the reason the feed cannot run.
    QFuture<nats::NatsError> arm()
    {
        armed = std::make_shared<QPromise<nats::NatsError>>();
        armed->start();
        QFuture<nats::NatsError> future = armed->future();
        const nats::JetStream js(writer.get());
        members =
            std::make_unique<space::MemberRegistry>(nats::KeyValue(js, wire::membersBucket(space)));
        feed = std::make_unique<nats::KeyValue>(js, wire::membershipBucket(space));
        feedWatch = std::make_unique<nats::KvWatcher>(*feed);
        QObject::connect(members.get(), &space::MemberRegistry::loaded, q, [this] {
            membersLoaded = true;
            watchesLoaded();
        });
        QObject::connect(members.get(), &space::MemberRegistry::watchFailed, q,
                         [this](const nats::NatsError &error) {
                             watchFailed(wire::membersBucket(space), error);
                         });
        QObject::connect(feedWatch.get(), &nats::KvWatcher::failed, q,
                         [this](const nats::NatsError &error) {
                             watchFailed(wire::membershipBucket(space), error);
                         });
        QObject::connect(feedWatch.get(), &nats::KvWatcher::entries, q,
                         [this](const QList<nats::KvEntry> &batch) {
                             for (const nats::KvEntry &entry : batch) {
                                 if (entry.isLive())
                                     stored.insert(entry.key, entry.value);
                                 else
                                     stored.remove(entry.key);
                             }
                         });
        QObject::connect(feedWatch.get(), &nats::KvWatcher::initialValuesDone, q, [this] {
            feedLoaded = true;
            watchesLoaded();
        });
        for (const QString &event : {QStringLiteral("CONNECT"), QStringLiteral("DISCONNECT")}) {
            accountEvents.push_back(observer->subscribe(
                QStringLiteral("$SYS.ACCOUNT.%1.%2").arg(dataAccount, event), q,
                [this](const QList<nats::NatsMessage> &) { debounce->start(); }));
        }
        sweep = std::make_unique<ConnzSweep>(observer.get(), dataAccount, space, self);
        members->start();
        feedWatch->start();
        interval->start();
        return future;
    }

    void watchesLoaded()
    {
        if (!membersLoaded || !feedLoaded)
            return;
        finishArming({});
        poll();
    }

    // A watch that cannot run (a missing bucket, a refused read) ends the feed: polling on
    // would prove nothing, quietly, forever.
    void watchFailed(const QString &bucket, const nats::NatsError &error)
    {
        const QString why = QStringLiteral("cannot watch %1: %2").arg(bucket, error.describe());
        if (!finishArming(feedError(error.kind, why)))
            log(LogLevel::Warning, QStringLiteral("membership feed stopped: %1").arg(why));
        close();
    }

    // Whether a start() was still waiting for this outcome. It is handed over from the event
    // loop: a continuation on the caller's thread would otherwise run inside this call and may
    // destroy the writer under it.
    bool finishArming(const nats::NatsError &outcome)
    {
        std::shared_ptr<QPromise<nats::NatsError>> promise = std::move(armed);
        if (!promise)
            return false;
        QMetaObject::invokeMethod(
            q,
            [promise, outcome] {
                promise->addResult(outcome);
                promise->finish();
            },
            Qt::QueuedConnection);
        return true;
    }

    void poll()
    {
        if (!sweep || !membersLoaded || !feedLoaded)
            return;
        if (polling) {
            rerun = true;
            return;
        }
        polling = true;
        ++stats.polls;
        const quint64 current = epoch;
        sweep->run().then(q, [this, current](const ConnzSweepResult &result) {
            if (current != epoch)
                return;
            if (result.serversOnFirstPage > 1 && !clusterLogged) {
                clusterLogged = true;
                log(LogLevel::Warning,
                    QStringLiteral("membership feed: %1 servers answered; completeness limited "
                                   "(only this connection's server is proven complete)")
                        .arg(result.serversOnFirstPage));
            }
            if (!result.complete()) {
                ++stats.incomplete;
                if (result.problem != lastProblem)
                    log(LogLevel::Warning,
                        QStringLiteral("membership feed: incomplete poll, nothing changed: %1")
                            .arg(result.problem));
                lastProblem = result.problem;
                return finishPoll(false);
            }
            lastProblem.clear();
            write(result);
        });
    }

    // Steps 3–7: merge, put what changed, delete what is stale, then `=feed`.
    void write(const ConnzSweepResult &result)
    {
        const double now = double(QDateTime::currentMSecsSinceEpoch());
        space::MemberFilter open;
        open.openOnly = true;
        const QMap<QString, wire::ChannelMembership> merged =
            mergeMembershipFeed(result.live, members->cached(open), now);
        QList<QFuture<nats::KvResult>> writes;
        for (auto it = merged.cbegin(); it != merged.cend(); ++it) {
            const auto current = wire::decodeChannelMembership(stored.value(it.key()));
            if (stored.contains(it.key()) && current && current->live == it->live &&
                current->durable == it->durable)
                continue;
            ++stats.puts;
            writes.append(feed->put(it.key(), wire::encodeChannelMembership(*it)));
        }
        const QString heartbeatKey = wire::kMembershipFeedKey.toString();
        for (auto it = stored.cbegin(); it != stored.cend(); ++it) {
            if (it.key() != heartbeatKey && !merged.contains(it.key())) {
                ++stats.deletes;
                writes.append(feed->remove(it.key()));
            }
        }
        stats.agents = int(merged.size());
        const quint64 current = epoch;
        const wire::MembershipFeedHeartbeat heartbeat{now, merged.size()};
        QtFuture::whenAll(writes.begin(), writes.end())
            .then(q, [this, current, heartbeat](const QList<QFuture<nats::KvResult>> &done) {
                if (current != epoch)
                    return;
                for (const QFuture<nats::KvResult> &write : done)
                    countFailure(write.result());
                feed->put(wire::kMembershipFeedKey.toString(),
                          wire::encodeMembershipFeedHeartbeat(heartbeat))
                    .then(q, [this, current](const nats::KvResult &written) {
                        if (current != epoch)
                            return;
                        countFailure(written);
                        finishPoll(true);
                    });
            });
    }

    void countFailure(const nats::KvResult &result)
    {
        if (result.ok())
            return;
        ++stats.failedWrites;
        log(LogLevel::Warning,
            QStringLiteral("membership feed: a write failed: %1").arg(result.error.describe()));
    }

    void finishPoll(bool complete)
    {
        polling = false;
        emit q->polled(complete, stats);
        if (rerun) {
            rerun = false;
            poll();
        }
    }

    void close()
    {
        finishArming(feedError(nats::NatsErrorKind::NotConnected, QStringLiteral("stopped")));
        ++epoch;
        interval->stop();
        debounce->stop();
        polling = false;
        rerun = false;
        membersLoaded = false;
        feedLoaded = false;
        accountEvents.clear();
        sweep.reset();
        feedWatch.reset();
        members.reset();
        feed.reset();
        stored.clear();
        for (std::unique_ptr<nats::NatsConnection> *connection : {&observer, &writer}) {
            const std::unique_ptr<nats::NatsConnection> closing = std::move(*connection);
            if (closing)
                closing->close();
        }
    }

    MembershipFeedWriter *q;
    QString space;
    MembershipFeedOptions options;
    QString self;
    QString dataAccount;
    quint64 epoch = 0;
    std::unique_ptr<nats::NatsConnection> observer;
    std::unique_ptr<nats::NatsConnection> writer;
    std::unique_ptr<space::MemberRegistry> members;
    std::unique_ptr<nats::KeyValue> feed;
    std::unique_ptr<nats::KvWatcher> feedWatch;
    std::unique_ptr<ConnzSweep> sweep;
    std::vector<std::unique_ptr<nats::Subscription>> accountEvents;
    QHash<QString, QByteArray> stored;
    std::shared_ptr<QPromise<nats::NatsError>> armed;
    QTimer *interval;
    QTimer *debounce;
    bool membersLoaded = false;
    bool feedLoaded = false;
    bool polling = false;
    bool rerun = false;
    bool clusterLogged = false;
    QString lastProblem;
    MembershipFeedStats stats;
};

MembershipFeedWriter::MembershipFeedWriter(QString space, MembershipFeedOptions options,
                                           QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this, std::move(space), std::move(options)))
{}

MembershipFeedWriter::~MembershipFeedWriter()
{
    d->close();
}

QFuture<nats::NatsError> MembershipFeedWriter::start()
{
    d->close();
    return d->start();
}

void MembershipFeedWriter::stop()
{
    d->close();
}

void MembershipFeedWriter::trigger()
{
    d->poll();
}

MembershipFeedStats MembershipFeedWriter::stats() const
{
    return d->stats;
}

} // namespace cotal::delivery
