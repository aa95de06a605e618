#pragma once

#include "core/wire/result.h"

#include <QByteArray>
#include <QString>
#include <optional>

namespace cotal::wire {

// Keys of this bucket (`<channel>/<owner>`) are built and parsed by memberKey / parseMemberKey
// in core/wire/channels.h.
enum class MemberState
{
    DurableActive, // "durable-active": backstop established
    LiveConfirmed, // "live-confirmed": what a tombstone is rewritten to
};

// storage.md §5.3. Key order: channel, owner, state, joinCursor, generation, activated,
// writerIdentity, updatedAt, then leaveCursor LAST (a tombstone appends it).
struct MembershipRecord
{
    QString channel;
    QString owner;
    MemberState state = MemberState::DurableActive;
    qint64 joinCursor = 0;
    qint64 generation = 0;
    // Optional in the type; every record the reference writes carries it. Reporting only.
    std::optional<bool> activated;
    QString writerIdentity;
    double updatedAt = 0;
    std::optional<qint64> leaveCursor; // present ⇒ tombstone

    bool isTombstone() const { return leaveCursor.has_value(); }
    // CHAT sequence `seq` is covered iff joinCursor < seq <= leaveCursor (no upper bound while
    // open). Sequences, never wall clock.
    bool isEligible(qint64 seq) const;

    bool operator==(const MembershipRecord &other) const = default;
};

QString memberStateToken(MemberState state);

QByteArray encodeMembershipRecord(const MembershipRecord &record);
// malformed-json, missing-field, invalid-field (wrong types, non-integer cursors, unknown state).
Result<MembershipRecord> decodeMembershipRecord(QByteArrayView payload);

} // namespace cotal::wire
