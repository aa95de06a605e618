#pragma once

#include <memory>
#include <mutex>
#include <nats/nats.h>
#include <vector>

namespace cotal::nats::detail {

// Frees the ended subscriptions of one connection once cnats' reader can no longer touch them.
// cnats 3.4 looks an incoming message's subscription up, drops the table's lock and copies the
// payload before it locks the subscription; one freed in that gap crashed the reader thread.
// The reader handles what the server sends in order, so a PING sent after a subscription left
// the table, once answered, proves the reader is past it; so does the closed connection, whose
// reader has been joined. The PING round trip runs on a pool thread, one at a time.
class SubscriptionReaper final : public std::enable_shared_from_this<SubscriptionReaper>
{
public:
    // `subscription` has been unsubscribed (it left the table) by the caller.
    void retire(natsSubscription *subscription, const std::weak_ptr<natsConnection> &connection);

    // Call after natsConnection_Close returned: frees what is retired, now and from then on.
    void connectionClosed();

private:
    void reap(const std::shared_ptr<natsConnection> &connection);
    static void destroy(const std::vector<natsSubscription *> &subscriptions);

    std::mutex m_mutex;
    std::vector<natsSubscription *> m_retired;
    bool m_reaping = false;
    bool m_closed = false;
};

} // namespace cotal::nats::detail
