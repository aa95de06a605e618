#include "core/delivery/brokerprobe.h"

#include "core/nats/natsconnection.h"

#include <QTimer>

namespace cotal::delivery {

namespace {
constexpr int kRetryMs = 500;
} // namespace

BrokerProbe::BrokerProbe(nats::ConnectionOptions options, int windowMs)
    : m_options(std::move(options))
    , m_windowMs(windowMs)
{
    m_options.name = QStringLiteral("cotal-delivery-probe");
}

BrokerProbe::~BrokerProbe() = default;

void BrokerProbe::run(std::function<void(const QString &)> waiting,
                      std::function<void(const nats::NatsError &)> done)
{
    m_waiting = std::move(waiting);
    m_done = std::move(done);
    m_clock.start();
    attempt();
}

void BrokerProbe::attempt()
{
    m_connection = std::make_unique<nats::NatsConnection>();
    m_connection->open(m_options).then(&m_context, [this](const nats::NatsError &error) {
        if (error.kind == nats::NatsErrorKind::NotConnected &&
            m_clock.elapsed() + kRetryMs <= m_windowMs) {
            if (m_waiting) {
                m_waiting(QStringLiteral("%1; waiting up to %2 s for it")
                              .arg(error.describe())
                              .arg(m_windowMs / 1000));
                m_waiting = nullptr;
            }
            QTimer::singleShot(kRetryMs, &m_context, [this] { attempt(); });
            return;
        }
        m_connection->close();
        m_done(error);
    });
}

} // namespace cotal::delivery
