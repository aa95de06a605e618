#pragma once

#include "core/nats/connectionoptions.h"
#include "core/nats/natserror.h"

#include <QElapsedTimer>
#include <QObject>
#include <functional>
#include <memory>

namespace cotal::nats {
class NatsConnection;
}

namespace cotal::delivery {

// Startup step 2 of delivery.md §2.1: the broker must accept these credentials before the
// daemon starts. An unreachable broker is asked again every half second until `windowMs` has
// passed (a supervisor restarts a daemon that exits; one that waits forever is a hang); a
// refusal is final at once. Runs on the calling thread's event loop.
class BrokerProbe final
{
public:
    BrokerProbe(nats::ConnectionOptions options, int windowMs);
    ~BrokerProbe();

    // `waiting` once, when the first attempt found no broker; `done` with the outcome.
    void run(std::function<void(const QString &)> waiting,
             std::function<void(const nats::NatsError &)> done);

private:
    void attempt();

    nats::ConnectionOptions m_options;
    int m_windowMs;
    QElapsedTimer m_clock;
    QObject m_context;
    std::unique_ptr<nats::NatsConnection> m_connection;
    std::function<void(const QString &)> m_waiting;
    std::function<void(const nats::NatsError &)> m_done;
};

} // namespace cotal::delivery
