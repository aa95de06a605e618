#include "core/endpoint/endpointhost.h"

#include <sys/resource.h>
#include <unistd.h>

namespace cotal::endpoint {

namespace {

constexpr int kWorkerNiceness = 5;

} // namespace

EndpointHost::EndpointHost(EndpointOptions options, QObject *parent)
    : QObject(parent)
    , m_thread(std::make_unique<QThread>())
    , m_endpoint(new Endpoint(std::move(options)))
{
    m_thread->setObjectName(QStringLiteral("cotal-endpoint"));
    m_endpoint->moveToThread(m_thread.get());
    // The endpoint dies on its own thread, after its event loop stopped taking new work.
    connect(m_thread.get(), &QThread::finished, m_endpoint, &QObject::deleteLater);
    // Under a flood the decoding worker must lose the CPU to the GUI, not the other way round:
    // a niceness above the GUI thread's (Linux schedules threads as tasks). Runs on the thread.
    connect(
        m_thread.get(), &QThread::started, m_thread.get(),
        [] { ::setpriority(PRIO_PROCESS, static_cast<id_t>(::gettid()), kWorkerNiceness); },
        Qt::DirectConnection);
    m_thread->start();
}

EndpointHost::~EndpointHost()
{
    // Graceful stop first (final offline presence, drain), then end the thread. The wait is
    // bounded by stop()'s own timeouts.
    QFuture<void> stopped = stop();
    stopped.waitForFinished();
    m_thread->quit();
    m_thread->wait();
}

QFuture<nats::NatsError> EndpointHost::start()
{
    return invoke<nats::NatsError>([](Endpoint *endpoint) { return endpoint->start(); });
}

QFuture<void> EndpointHost::stop()
{
    return invoke<void>([](Endpoint *endpoint) { return endpoint->stop(); });
}

void EndpointHost::post(std::function<void(Endpoint *)> op)
{
    QMetaObject::invokeMethod(
        m_endpoint, [endpoint = m_endpoint, op = std::move(op)] { op(endpoint); },
        Qt::QueuedConnection);
}

} // namespace cotal::endpoint
