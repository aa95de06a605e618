#pragma once

#include "core/nats/natserror.h"
#include "core/wire/result.h"

#include <QString>

namespace cotal::space {

// Why a registry operation failed, in the terms an editor or the daemon acts on. A lost
// compare-and-set and a permission violation are distinct kinds: an editor without the write
// credential must say so, never report a conflict.
enum class SpaceErrorKind
{
    None,
    Nats,                 // transport or JetStream failure; `cause` says which
    PermissionDenied,     // the credential may not do this
    InvalidArgument,      // refused before anything was sent (bad channel, owner, record)
    RevisionConflict,     // the stored value moved on since the revision the caller read
    StaleMembershipWrite, // a newer membership generation already won (delivery.md §5.1)
    LeaseHeld,            // another daemon holds a live delivery lease
    RetriesExhausted,     // the reference's 5-attempt CAS budget ran out
};

struct SpaceError
{
    SpaceErrorKind kind = SpaceErrorKind::None;
    QString message;
    nats::NatsError cause;

    bool isError() const { return kind != SpaceErrorKind::None; }
    QString describe() const;

    // RevisionConflict and PermissionDenied keep their kind; everything else is Nats.
    static SpaceError fromNats(const nats::NatsError &error);
    static SpaceError fromWire(const wire::WireError &error);
    static SpaceError make(SpaceErrorKind kind, QString message);
};

// A read that found no value for the key, as opposed to a missing bucket (stream not found),
// which is a failed read: a registry must not report "absent" for a bucket it cannot see.
bool isAbsentKey(const nats::NatsError &error);

} // namespace cotal::space
