#pragma once

#include <QByteArray>
#include <QFuture>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>
#include <memory>
#include <optional>

namespace cotal::nats {
class NatsConnection;
class Subscription;
} // namespace cotal::nats

namespace cotal::delivery {

// What the CONNZ sweep saw (delivery.md §9 step 1): per authorised user of the data account,
// the channel patterns its core chat subscriptions read.
struct ConnzSweepResult
{
    QHash<QString, QSet<QString>> live;
    int replies = 0;            // over all pages and servers
    int serversOnFirstPage = 0; // > 1: a cluster, whose completeness is only partly provable
    bool exhausted = false;     // no server had another page
    bool sawSelf = false;       // the feed writer's own user was among the connections
    QString problem;            // why the sweep is incomplete, for the log

    // Only a complete sweep may prune or rewrite the feed.
    bool complete() const { return replies > 0 && exhausted && sawSelf; }
};

// One server's answer to one page.
struct ConnzPage
{
    qint64 offset = 0;
    qint64 total = 0;
    int connections = 0;
    bool hasMore() const;
};

// Parses one `$SYS.REQ.ACCOUNT.<acct>.CONNZ` reply into `result`: every connection's
// `authorized_user` gains the channels of its chat subscriptions in `space`. No value when the
// reply is not a CONNZ answer (an error body, garbage): `error` says why.
std::optional<ConnzPage> applyConnzReply(const QByteArray &reply, const QString &space,
                                         const QString &self, ConnzSweepResult &result,
                                         QString *error = nullptr);

// Pages through CONNZ of the data account on the system-account connection, collecting every
// server's reply per page (until 250 ms pass without one, at most 1.5 s). Lives on the
// connection's thread; one sweep at a time.
class ConnzSweep final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnzSweep)

public:
    static constexpr int kPageSize = 1024;
    static constexpr int kMaxPages = 64;
    static constexpr int kQuietMs = 250;
    static constexpr int kPageMs = 1500;

    // `self`: the user key of the feed writer's data-account connection.
    ConnzSweep(nats::NatsConnection *observer, QString dataAccount, QString space, QString self,
               QObject *parent = nullptr);
    ~ConnzSweep() override;

    QFuture<ConnzSweepResult> run();

private:
    void requestPage();
    void finishPage();
    void finish();

    class Private;
    std::unique_ptr<Private> d;
};

} // namespace cotal::delivery
