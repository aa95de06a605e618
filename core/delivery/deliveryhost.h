#pragma once

#include "core/delivery/deliverydaemon.h"

#include <QFuture>
#include <QObject>
#include <QThread>
#include <memory>

namespace cotal::delivery {

// Owns a worker thread with its own event loop and the DeliveryDaemon living on it, so routing,
// JSON and PubAck bookkeeping never touch the caller's (GUI) thread. Destroying the host stops
// the daemon (releasing its lease), then quits and joins the thread.
class DeliveryHost final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeliveryHost)

public:
    explicit DeliveryHost(DeliveryOptions options, QObject *parent = nullptr);
    ~DeliveryHost() override;

    // For connecting signals (they arrive queued). Never call its methods from another thread.
    DeliveryDaemon *daemon() const { return m_daemon; }

    // Futures usable from any thread; their continuations need a context object there.
    QFuture<DeliveryError> start();
    QFuture<void> stop();

private:
    std::unique_ptr<QThread> m_thread;
    DeliveryDaemon *m_daemon;
};

} // namespace cotal::delivery
