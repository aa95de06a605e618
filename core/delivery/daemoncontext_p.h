#pragma once

#include "core/delivery/deliverydaemon.h"
#include "core/delivery/deliverymetrics.h"
#include "core/nats/jetstream.h"

#include <QString>
#include <functional>

namespace cotal::delivery {

class SpaceView;

// What the daemon's parts share. Everything lives on the daemon's thread.
struct DaemonContext
{
    DaemonContext(QString spaceName, QString daemonId, nats::NatsConnection *nc)
        : space(std::move(spaceName))
        , id(std::move(daemonId))
        , connection(nc)
        , jetStream(nc)
    {}

    QString space;
    QString id;
    nats::NatsConnection *connection;
    nats::JetStream jetStream;
    SpaceView *view = nullptr;
    int fetchBatch = 1000;
    int publishWindow = 2048;

    DeliveryMetrics metrics;
    bool metricsDirty = false;
    std::function<void(LogLevel, const QString &)> log;

    void touch() { metricsDirty = true; }
};

// Protocol constants (delivery.md §2, §4; storage.md §4, §6).
inline constexpr int kReaderMaxDeliveries = 10;
inline constexpr int kReaderNakDelayMs = 2000;
inline constexpr qint64 kAckWaitNs = 60'000'000'000;
inline constexpr int kReaderMaxAckPending = 1000;
// Short pulls: a pull the server stops serving (see PullConsumer) stalls a loop at most this long.
inline constexpr int kFetchExpiresMs = 1000;

} // namespace cotal::delivery
