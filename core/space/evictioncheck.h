#pragma once

#include "core/nats/jetstream.h"

#include <QFuture>
#include <QString>

namespace cotal::space {

// The outcome of delivery.md §7 step 6 for one channel and join cursor.
struct EvictionCheck
{
    bool evicted = false;
    qint64 maxSubjectCount = 0; // the fullest (sender, channel) subject
    quint64 oldestSeq = 0;      // oldest retained seq on the channel; 0 when not read
    nats::NatsError error;
    bool ok() const { return !error.isError(); }
};

// Has retention evicted anything on `channel` after `joinCursor`? Per subject, never stream-wide
// (other channels' traffic must not cause false positives):
//   a. STREAM.INFO on CHAT with subjects_filter `cotal.<S>.chat.*.<channel>`; max per-subject
//   count; b. below the 1000 cap nothing was ever evicted; c. else read the oldest retained seq on
//   the channel with a one-message history read through
//      the consumer `historyConsumer` (e.g. chathist_<id>, the name the caller's credential may
//      create), and declare evicted iff oldest > joinCursor + 1. The consumer is deleted after.
QFuture<EvictionCheck> checkEviction(const nats::JetStream &jetStream, const QString &space,
                                     const QString &channel, quint64 joinCursor,
                                     const QString &historyConsumer);

// CHAT's `max_msgs_per_subject` (storage.md §2).
inline constexpr qint64 kChatSubjectCap = 1000;

} // namespace cotal::space
