#include "core/nats/subscriptionreaper_p.h"

#include <QThreadPool>

namespace cotal::nats::detail {

namespace {

// Bounds the round trip; the reader's gap is the copy of one payload, far shorter.
constexpr int kRoundTripMs = 2000;

} // namespace

void SubscriptionReaper::retire(natsSubscription *subscription,
                                const std::weak_ptr<natsConnection> &connection)
{
    std::shared_ptr<natsConnection> open;
    {
        std::lock_guard lock(m_mutex);
        if (!m_closed) {
            m_retired.push_back(subscription);
            if (m_reaping)
                return; // the running round takes it
            open = connection.lock();
            if (!open)
                return; // closing: connectionClosed() frees it
            m_reaping = true;
        }
    }
    if (!open) {
        natsSubscription_Destroy(subscription);
        return;
    }
    QThreadPool::globalInstance()->start(
        [self = shared_from_this(), open = std::move(open)] { self->reap(open); });
}

void SubscriptionReaper::connectionClosed()
{
    std::vector<natsSubscription *> retired;
    {
        std::lock_guard lock(m_mutex);
        m_closed = true;
        retired.swap(m_retired);
    }
    destroy(retired);
}

void SubscriptionReaper::reap(const std::shared_ptr<natsConnection> &connection)
{
    for (;;) {
        std::vector<natsSubscription *> round;
        {
            std::lock_guard lock(m_mutex);
            round.swap(m_retired);
            if (round.empty()) {
                m_reaping = false;
                return;
            }
        }
        // A failed or timed-out PING frees them too: the wait is bounded either way.
        natsConnection_FlushTimeout(connection.get(), kRoundTripMs);
        destroy(round);
    }
}

void SubscriptionReaper::destroy(const std::vector<natsSubscription *> &subscriptions)
{
    for (natsSubscription *subscription : subscriptions)
        natsSubscription_Destroy(subscription);
}

} // namespace cotal::nats::detail
