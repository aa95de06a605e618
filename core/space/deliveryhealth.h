#pragma once

#include "core/wire/channelconfig.h"

#include <QString>

namespace cotal::space {

// What one read of `lease.0` gave (delivery.md §10 step 1).
enum class LeaseReadOutcome
{
    Failed,   // the read threw: no bucket, no grant, open dev mode
    Absent,   // no lease (never acquired, released, or expired)
    NotReady, // a daemon holds the lease but has not bound its loops yet
    Ready,    // `ready: true`
};

// The delivery-health surface of one listed channel, as a pure function of its inputs
// (delivery.md §10 step 3), with the reason in words for a tooltip or a log line.
struct DeliveryHealth
{
    enum class State
    {
        None,     // not applicable: lease unreadable, not joined, or a live-class channel
        Active,   // the daemon is ready and this session holds an established membership
        Degraded, // a durable channel without a working backstop
    };

    State state = State::None;
    QString reason;

    // `inDurableMirror`: this session holds an established membership on the channel.
    static DeliveryHealth evaluate(LeaseReadOutcome lease, bool joined,
                                   wire::DeliveryClass effectiveClass, bool inDurableMirror);

    // The reference's wording of a state ("durable backstop active", …); empty for None.
    static QString label(State state);

    bool operator==(const DeliveryHealth &other) const = default;
};

} // namespace cotal::space
