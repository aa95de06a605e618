#pragma once

#include "core/wire/result.h"

#include <QByteArray>
#include <QStringList>

namespace cotal::wire {

// Reserved heartbeat key of cotal_membership_<S>.
inline constexpr QStringView kMembershipFeedKey = u"=feed";

// storage.md §5.7, per-agent key = agent id. Display-only: never an input to delivery, ACL or
// auth. Key order: live, durable, observedAt (both lists sorted by the writer).
struct ChannelMembership
{
    QStringList live;    // core-subscribed channel patterns, wildcards kept
    QStringList durable; // open AND activated durable memberships
    double observedAt = 0;

    bool operator==(const ChannelMembership &other) const = default;
};

// The `=feed` record: `{observedAt, count}`, rewritten on every complete poll (feed liveness).
struct MembershipFeedHeartbeat
{
    double observedAt = 0;
    qint64 count = 0; // agents holding a record after that poll

    bool operator==(const MembershipFeedHeartbeat &other) const = default;
};

QByteArray encodeChannelMembership(const ChannelMembership &membership);
Result<ChannelMembership> decodeChannelMembership(QByteArrayView payload);

QByteArray encodeMembershipFeedHeartbeat(const MembershipFeedHeartbeat &heartbeat);
Result<MembershipFeedHeartbeat> decodeMembershipFeedHeartbeat(QByteArrayView payload);

} // namespace cotal::wire
