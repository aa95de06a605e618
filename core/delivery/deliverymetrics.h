#pragma once

#include <QMetaType>
#include <QtGlobal>

namespace cotal::delivery {

// What the daemon has done since it started, as one small value the UI copies. Counters only
// grow; `lag` and `copiesPerSecond` are gauges refreshed on the metrics tick.
struct DeliveryMetrics
{
    // Fan-out writer (CHAT -> INBOX).
    quint64 chatProcessed = 0;   // CHAT messages acked by the fan-out
    quint64 copiesFannedOut = 0; // dinbox entries stored (PubAck), catch-up copies included
    quint64 chatDropped = 0;     // CHAT messages acked without copies: malformed or forged
    quint64 copiesHeld = 0;      // gauge: copies waiting until their owner's mixed inbox has room

    // Trusted reader (INBOX -> DLV).
    quint64 delivered = 0;     // DLV copies stored (PubAck): the entry was acked after it
    quint64 deferred = 0;      // entries of an owner without an ACL record, nak'd for 2 s
    quint64 dropped = 0;       // entries acked without a transfer: outside the ACL or interval
    quint64 terminated = 0;    // entries given up after the 10th delivery
    quint64 transfersHeld = 0; // gauge: entries waiting until their reading owner's DLV has room
    quint64 aclRoundsFromCache = 0;   // decision rounds whose ACLs came from the watched cache
    quint64 aclRoundsReadFresh = 0;   // ... read fresh (the cache not proven current)
    quint64 classRoundsFromCache = 0; // fan-out rounds whose channel classes came from the cache
    quint64 classRoundsReadFresh = 0; // ... read fresh

    // Loss the reference never notices (delivery.md §12.1, storage.md §2): sequences the
    // consumer jumped over because retention removed them before they were read. Never counted
    // as delivered.
    quint64 chatEvictedUnread = 0;  // CHAT messages gone before the fan-out read them
    quint64 inboxEvictedUnread = 0; // dinbox entries gone before the reader read them
    quint64 dlvEvictedUnread = 0;   // DLV copies gone before their owner's consumer read them
    bool dlvEvictionTracked = true; // false when the credential cannot read dlv_<id> progress

    quint64 lag = 0;              // CHAT messages the fan-out has not finished (pending + unacked)
    quint64 chatFrontier = 0;     // CHAT last_seq at the last tick
    double copiesPerSecond = 0.0; // delivered copies per second over the last tick
};

} // namespace cotal::delivery

Q_DECLARE_METATYPE(cotal::delivery::DeliveryMetrics)
