#pragma once

#include "core/endpoint/endpoint.h"

#include <QFuture>
#include <QObject>
#include <QPromise>
#include <QThread>
#include <functional>
#include <memory>

namespace cotal::endpoint {

// Owns a worker thread with its own event loop and one Endpoint living on it (the Robomongo
// MongoWorker pattern): decode, dedup and network waits never touch the caller's thread.
// Destroying the host stops the endpoint (final offline presence), then quits and joins the
// thread.
class EndpointHost final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EndpointHost)

public:
    explicit EndpointHost(EndpointOptions options, QObject *parent = nullptr);
    ~EndpointHost() override;

    // The endpoint, for connecting its signals (queued across threads). Never call its methods
    // from another thread: use invoke().
    Endpoint *endpoint() const { return m_endpoint; }

    QFuture<nats::NatsError> start();
    QFuture<void> stop();

    // Runs `op` on the endpoint's thread and hands back the future it returns, usable from any
    // thread (e.g. `host.invoke([](Endpoint *e) { return e->joinChannel("x"); })`).
    template<typename T> QFuture<T> invoke(std::function<QFuture<T>(Endpoint *)> op)
    {
        auto promise = std::make_shared<QPromise<T>>();
        QFuture<T> result = promise->future();
        promise->start();
        QMetaObject::invokeMethod(
            m_endpoint,
            [endpoint = m_endpoint, op = std::move(op), promise] {
                op(endpoint).then(endpoint,
                                  [promise](QFuture<T> done) { forward(*promise, done); });
            },
            Qt::QueuedConnection);
        return result;
    }

    // Fire-and-forget on the endpoint's thread (setters).
    void post(std::function<void(Endpoint *)> op);

private:
    template<typename T> static void forward(QPromise<T> &promise, QFuture<T> &done)
    {
        if constexpr (std::is_void_v<T>) {
            Q_UNUSED(done);
        } else {
            promise.addResult(done.result());
        }
        promise.finish();
    }

    std::unique_ptr<QThread> m_thread;
    Endpoint *m_endpoint;
};

} // namespace cotal::endpoint
