#pragma once

#include <QString>
#include <memory>
#include <mutex>
#include <nats/nats.h>
#include <unordered_map>
#include <vector>

namespace cotal::nats::detail {

// The subscriptions of one cnats connection, from subscribe until they are freed.
//
// cnats 3.4 holds no reference to a subscription in two places: its reader looks an incoming
// message's subscription up, drops the table's lock and copies the payload before it locks the
// subscription; and its error handler is handed the subscription of a "slow consumer" error
// later, on another thread. So an ended subscription is freed only once the reader is past it:
// the reader handles what the server sends in order, so a PING sent after the subscription left
// cnats' table, once answered, proves it; so does the closed connection, whose reader has been
// joined. And the error handler asks this table for the subject instead of the subscription.
class SubscriptionTable final : public std::enable_shared_from_this<SubscriptionTable>
{
public:
    void add(natsSubscription *subscription, const QString &subject);

    // The subject of a live subscription; empty for one that ended. (A later subscription may
    // reuse an ended one's address; an error for the old one then names the new one's subject.)
    QString subjectOf(natsSubscription *subscription) const;

    // `subscription` has been unsubscribed by the caller. It is freed on a pool thread once a
    // PING round trip (bounded, at most one at a time) has been answered or has failed.
    void retire(natsSubscription *subscription, const std::weak_ptr<natsConnection> &connection);

    // Call after natsConnection_Close returned: frees what is retired, now and from then on.
    void connectionClosed();

private:
    void reap(const std::shared_ptr<natsConnection> &connection);
    static void destroy(const std::vector<natsSubscription *> &subscriptions);

    mutable std::mutex m_mutex;
    std::unordered_map<natsSubscription *, QString> m_live;
    std::vector<natsSubscription *> m_retired;
    bool m_reaping = false;
    bool m_closed = false;
};

} // namespace cotal::nats::detail
