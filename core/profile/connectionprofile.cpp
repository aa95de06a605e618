#include "core/profile/connectionprofile.h"

namespace cotal::profile {

QString ConnectionProfile::secretKind() const
{
    switch (authKind) {
    case AuthKind::Token:
        return QStringLiteral("token");
    case AuthKind::UserPassword:
        return QStringLiteral("password");
    case AuthKind::CredsSecret:
        return QStringLiteral("creds");
    case AuthKind::NKeySeed:
        return QStringLiteral("seed");
    case AuthKind::None:
    case AuthKind::CredsFile:
        break;
    }
    return {};
}

bool ConnectionProfile::identityFromCredential() const
{
    return authKind == AuthKind::CredsFile || authKind == AuthKind::CredsSecret ||
           authKind == AuthKind::NKeySeed;
}

} // namespace cotal::profile
