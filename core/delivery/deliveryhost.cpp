#include "core/delivery/deliveryhost.h"

#include <QPromise>

namespace cotal::delivery {

namespace {

// Runs `op` on the daemon's thread and hands its future back to any thread.
template<typename T>
QFuture<T> invokeOn(DeliveryDaemon *daemon, std::function<QFuture<T>(DeliveryDaemon *)> op)
{
    auto promise = std::make_shared<QPromise<T>>();
    QFuture<T> result = promise->future();
    promise->start();
    QMetaObject::invokeMethod(
        daemon,
        [daemon, op = std::move(op), promise] {
            op(daemon).then(daemon, [promise](QFuture<T> done) {
                if constexpr (!std::is_void_v<T>)
                    promise->addResult(done.result());
                promise->finish();
            });
        },
        Qt::QueuedConnection);
    return result;
}

} // namespace

DeliveryHost::DeliveryHost(DeliveryOptions options, QObject *parent)
    : QObject(parent)
    , m_thread(std::make_unique<QThread>())
    , m_daemon(new DeliveryDaemon(std::move(options)))
{
    m_thread->setObjectName(QStringLiteral("cotal-delivery"));
    m_daemon->moveToThread(m_thread.get());
    // The daemon dies on its own thread, after its event loop stopped taking new work.
    connect(m_thread.get(), &QThread::finished, m_daemon, &QObject::deleteLater);
    m_thread->start();
}

DeliveryHost::~DeliveryHost()
{
    // Release the lease before the thread ends; stop() bounds its own waits.
    stop().waitForFinished();
    m_thread->quit();
    m_thread->wait();
}

QFuture<DeliveryError> DeliveryHost::start()
{
    return invokeOn<DeliveryError>(m_daemon,
                                   [](DeliveryDaemon *daemon) { return daemon->start(); });
}

QFuture<void> DeliveryHost::stop()
{
    return invokeOn<void>(m_daemon, [](DeliveryDaemon *daemon) { return daemon->stop(); });
}

} // namespace cotal::delivery
