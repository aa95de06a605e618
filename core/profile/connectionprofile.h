#pragma once

#include <QString>
#include <QStringList>

namespace cotal::profile {

// A saved connection. Holds no secret: secrets are in the keychain under the profile id.
struct ConnectionProfile
{
    enum class AuthKind
    {
        None,
        Token,
        UserPassword,
        CredsFile,   // a creds file on disk; its path is stored, not its content
        CredsSecret, // creds text kept in the keychain
        NKeySeed,    // seed kept in the keychain
    };

    QString id; // stable key for settings and keychain entries
    QString name;
    QStringList servers;
    QString space;
    AuthKind authKind = AuthKind::None;
    QString user;
    QString credsFile;
    // Role credentials: creds files on disk (their paths are stored, not their content), each
    // used only for what its profile may do (endpoint.md §11). Empty: none.
    QString provisionerCredsFile;
    QString deliveryCredsFile;
    // The membership feed's credentials (delivery.md §1.2), for the in-process daemon: a
    // system-account observer and a data-account writer; both or neither.
    QString membershipObserverCredsFile;
    QString membershipRwCredsFile;
    bool tlsRequired = false;
    QString tlsCaFile;
    QString tlsCertFile;
    QString tlsKeyFile;
    // The generated identity of open mode, token and user/password, kept so the console is the
    // same agent each time. Empty with a credential: its public key is the id.
    QString instanceId;
    QString displayName;
    // Publish presence with the console's card, as an agent does, so the space sees who
    // operates in it. Off by default: an observer stays invisible (endpoint.md §3).
    bool appearInSpace = false;

    // The keychain entry kind that holds this profile's secret, or empty when it needs none.
    QString secretKind() const;
    // Creds and NKey seeds prove an identity of their own (wire.md §1).
    bool identityFromCredential() const;
    bool operator==(const ConnectionProfile &) const = default;
};

} // namespace cotal::profile
