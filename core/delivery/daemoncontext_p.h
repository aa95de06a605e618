#pragma once

#include "core/delivery/deliverydaemon.h"
#include "core/delivery/deliverymetrics.h"
#include "core/delivery/inboxledger.h"
#include "core/delivery/stagetimes.h"
#include "core/nats/jetstream.h"

#include <QString>
#include <QTimer>
#include <functional>

namespace cotal::delivery {

class SpaceView;

// CHAT, INBOX and DLV keep a subject's newest 1000 messages (storage.md §2).
inline constexpr qsizetype kSubjectCap = 1000;
// The writer stops short of the cap: an entry stored although its PubAck was lost is not in the
// ledger.
inline constexpr qsizetype kInboxOwnerLimit = kSubjectCap - 40;
// Held copies leave again in runs of at least this many.
inline constexpr qsizetype kInboxResumeAt = kInboxOwnerLimit - 64;

// What the daemon's parts share. Everything lives on the daemon's thread.
struct DaemonContext
{
    DaemonContext(QString spaceName, QString daemonId, nats::NatsConnection *nc,
                  nats::NatsConnection *reads)
        : space(std::move(spaceName))
        , id(std::move(daemonId))
        , connection(nc)
        , jetStream(nc)
        , readJetStream(reads)
    {}

    QString space;
    QString id;
    nats::NatsConnection *connection;
    nats::JetStream jetStream;
    // The fresh reads of the decision rounds (class, ACL, membership) on a connection of their
    // own that writes at once: they wait neither for the client's 1 ms flush nor behind the
    // thousands of publishes in flight on the main connection.
    nats::JetStream readJetStream;
    SpaceView *view = nullptr;
    int fetchBatch = 1000;
    int publishWindow = 2048;

    // Room per owner in the mixed inbox: the writer claims it, the reader gives it back.
    InboxLedger inbox{kInboxOwnerLimit, kInboxResumeAt};

    DeliveryMetrics metrics;
    bool metricsDirty = false;
    DeliveryStages stages;
    const qint64 startedNs = stageNow();
    std::function<void(LogLevel, const QString &)> log;

    void touch() { metricsDirty = true; }

    // A held-work gauge moved to `held`; the keep-alive timer runs while anything is held.
    void showHeld(quint64 &gauge, qsizetype held, QTimer &keepAlive)
    {
        if (gauge != quint64(held)) {
            gauge = quint64(held);
            touch();
        }
        if (held > 0 && !keepAlive.isActive())
            keepAlive.start();
        else if (held == 0)
            keepAlive.stop();
    }

    // The credential cannot read the agents' dlv_<id> consumers: said once.
    void markDlvUntracked()
    {
        if (!metrics.dlvEvictionTracked)
            return;
        metrics.dlvEvictionTracked = false;
        log(LogLevel::Warning, QStringLiteral("this credential cannot read the agents' dlv_ "
                                              "consumers: copies to them are not paced, and "
                                              "evicted unread DLV copies are not counted"));
        touch();
    }
};

// Protocol constants (delivery.md §2, §4; storage.md §4, §6).
inline constexpr int kReaderMaxDeliveries = 10;
inline constexpr int kReaderNakDelayMs = 2000;
inline constexpr qint64 kAckWaitNs = 60'000'000'000;
inline constexpr int kReaderMaxAckPending = 1000;
// Short pulls: a pull the server stops serving (see PullConsumer) stalls a loop at most this long.
inline constexpr int kFetchExpiresMs = 1000;

} // namespace cotal::delivery
