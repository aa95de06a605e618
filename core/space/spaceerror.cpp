#include "core/space/spaceerror.h"

namespace cotal::space {

QString SpaceError::describe() const
{
    if (cause.isError() && cause.message != message)
        return QStringLiteral("%1: %2").arg(message, cause.describe());
    return message;
}

namespace {

constexpr int kStreamNotFound = 10059;

} // namespace

bool isAbsentKey(const nats::NatsError &error)
{
    return error.kind == nats::NatsErrorKind::NotFound && error.apiErrorCode != kStreamNotFound;
}

SpaceError SpaceError::fromNats(const nats::NatsError &error)
{
    SpaceError result;
    switch (error.kind) {
    case nats::NatsErrorKind::None:
        return result;
    case nats::NatsErrorKind::RevisionConflict:
        result.kind = SpaceErrorKind::RevisionConflict;
        break;
    case nats::NatsErrorKind::PermissionDenied:
        result.kind = SpaceErrorKind::PermissionDenied;
        break;
    default:
        result.kind = SpaceErrorKind::Nats;
        break;
    }
    result.message = error.message;
    result.cause = error;
    return result;
}

SpaceError SpaceError::fromWire(const wire::WireError &error)
{
    return make(SpaceErrorKind::InvalidArgument,
                QStringLiteral("%1: %2").arg(error.reasonToken(), error.detail));
}

SpaceError SpaceError::make(SpaceErrorKind kind, QString message)
{
    SpaceError result;
    result.kind = kind;
    result.message = std::move(message);
    return result;
}

} // namespace cotal::space
