#include "core/wire/result.h"

namespace cotal::wire {

QString WireError::reasonToken() const
{
    switch (code) {
    case WireErrorCode::MalformedJson:
        return QStringLiteral("malformed-json");
    case WireErrorCode::SenderMismatch:
        return QStringLiteral("sender-mismatch");
    case WireErrorCode::MalformedSubject:
        return QStringLiteral("malformed-subject");
    case WireErrorCode::MissingField:
        return QStringLiteral("missing-field");
    case WireErrorCode::InvalidField:
        return QStringLiteral("invalid-field");
    case WireErrorCode::InvalidChannel:
        return QStringLiteral("invalid-channel");
    case WireErrorCode::InvalidOwnerToken:
        return QStringLiteral("invalid-owner-token");
    case WireErrorCode::InvalidName:
        return QStringLiteral("invalid-name");
    case WireErrorCode::InvalidJoinLink:
        return QStringLiteral("invalid-join-link");
    }
    return QStringLiteral("unknown");
}

} // namespace cotal::wire
