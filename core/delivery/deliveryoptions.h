#pragma once

#include "core/nats/connectionoptions.h"

#include <QString>
#include <optional>

namespace cotal::delivery {

// The derived membership feed (delivery.md §9) needs two credentials of its own (§1.2): a
// system-account user that may ask for the data account's connections, and a data-account user
// that writes `cotal_membership_<S>`. Without them the daemon delivers and the feed is off.
struct MembershipFeedOptions
{
    nats::ConnectionOptions observer; // membership-observer creds (system account)
    nats::ConnectionOptions writer;   // membership-rw creds (data account)
    // The data account's public key (the CONNZ subject); empty: the issuer account of the
    // writer's creds, which is the data account.
    QString dataAccount;
    int intervalMs = 15000;
    // CONNECT/DISCONNECT events in the account re-trigger a poll this much later.
    int debounceMs = 400;
};

// How one delivery daemon runs. The numbers that are protocol (lease TTL 30 s, renew 15 s,
// nak 2 s, 10 deliveries) are fixed in the daemon; these are the tuning knobs.
struct DeliveryOptions
{
    nats::ConnectionOptions connection;
    QString space = QStringLiteral("main");

    // Messages per pull on `fanout` and `reader`. Both consumers cap unacked messages at 1000
    // (server default / reference config), so larger pulls buy nothing.
    int fetchBatch = 1000;
    // Pulls kept outstanding per consumer, so the next batch is on its way while one is routed.
    int fetchesInFlight = 2;
    // Dinbox and DLV publishes awaiting their PubAck, per stage.
    int publishWindow = 2048;
    // How often metricsChanged() is emitted (and lag is sampled).
    int metricsIntervalMs = 1000;
    // Lease renew period; the protocol's is 15 s against the bucket's 30 s TTL.
    int renewIntervalMs = 15000;
    // The membership feed, written while the daemon holds the lease; none: the feed is off.
    std::optional<MembershipFeedOptions> membership;

    // Auth mode = the connection carries user creds (JWT + nkey). Anything else is the open
    // mesh, where the reference refuses to run and we run labelled as a demo.
    bool isAuthMode() const
    {
        return !connection.credsFile.isEmpty() || !connection.credsText.isEmpty();
    }
};

} // namespace cotal::delivery
