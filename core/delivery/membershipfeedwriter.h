#pragma once

#include "core/delivery/deliverydaemon.h"
#include "core/delivery/deliveryoptions.h"
#include "core/nats/natserror.h"
#include "core/space/memberregistry.h"
#include "core/wire/membershipfeed.h"

#include <QFuture>
#include <QHash>
#include <QMap>
#include <QObject>
#include <QSet>
#include <memory>

namespace cotal::delivery {

// delivery.md §9 steps 3–4: the live arm (CONNZ) and the durable arm (open, activated member
// records) merged per agent, both lists sorted; agents with neither are left out.
QMap<QString, wire::ChannelMembership>
mergeMembershipFeed(const QHash<QString, QSet<QString>> &live,
                    const QList<space::MemberEntry> &members, double observedAt);

// What the feed writer has done so far.
struct MembershipFeedStats
{
    quint64 polls = 0;
    quint64 incomplete = 0; // sweeps that changed nothing because they could not prove the truth
    quint64 puts = 0;
    quint64 deletes = 0;
    quint64 failedWrites = 0;
    int agents = 0; // the last complete poll's `=feed` count
};

// The membership feed writer (delivery.md §9): on a system-account connection it sweeps the
// data account's connections (CONNZ) and listens for CONNECT/DISCONNECT; on a data-account
// connection it watches the members and membership buckets and writes per-agent records, only
// where they changed, deletes stale ones and rewrites `=feed`. Polls on start, every interval
// and (debounced) on account events; a trigger during a poll runs exactly one more. Display-only:
// nothing in delivery or auth reads what it writes. Lives on one thread.
class MembershipFeedWriter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MembershipFeedWriter)

public:
    MembershipFeedWriter(QString space, MembershipFeedOptions options, QObject *parent = nullptr);
    ~MembershipFeedWriter() override;

    // Connects both credentials and starts the watches; the first poll follows once both
    // watches have their initial values.
    QFuture<nats::NatsError> start();
    void stop();
    // A poll now, or one more after the one running.
    void trigger();

    MembershipFeedStats stats() const;

signals:
    // After every poll; `complete` false: nothing was changed.
    void polled(bool complete, const cotal::delivery::MembershipFeedStats &stats);
    void logged(cotal::delivery::LogLevel level, const QString &text);

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace cotal::delivery
