#include "core/nats/subscriptiontable_p.h"

#include <QThreadPool>

namespace cotal::nats::detail {

namespace {

// Bounds the round trip; the reader's gap is the copy of one payload, far shorter.
constexpr int kRoundTripMs = 2000;

} // namespace

void SubscriptionTable::add(natsSubscription *subscription, const QString &subject)
{
    std::lock_guard lock(m_mutex);
    m_live.insert_or_assign(subscription, subject);
}

QString SubscriptionTable::subjectOf(natsSubscription *subscription) const
{
    std::lock_guard lock(m_mutex);
    const auto live = m_live.find(subscription);
    return live == m_live.end() ? QString() : live->second;
}

void SubscriptionTable::retire(natsSubscription *subscription,
                               const std::weak_ptr<natsConnection> &connection)
{
    std::shared_ptr<natsConnection> open;
    {
        std::lock_guard lock(m_mutex);
        m_live.erase(subscription);
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

void SubscriptionTable::connectionClosed()
{
    std::vector<natsSubscription *> retired;
    {
        std::lock_guard lock(m_mutex);
        m_closed = true;
        retired.swap(m_retired);
    }
    destroy(retired);
}

void SubscriptionTable::reap(const std::shared_ptr<natsConnection> &connection)
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

void SubscriptionTable::destroy(const std::vector<natsSubscription *> &subscriptions)
{
    for (natsSubscription *subscription : subscriptions)
        natsSubscription_Destroy(subscription);
}

} // namespace cotal::nats::detail
