#pragma once

#include "core/profile/connectionprofile.h"
#include "core/wire/grants.h"

#include <QByteArray>
#include <QString>

namespace cotal::profile {

// The identity a credential proves. In auth mode the console's id is the credential's user
// public key (wire.md §1), never a configured one.
struct CredentialIdentity
{
    bool carriesIdentity = false; // creds file, creds text or NKey seed
    QString publicKey;            // "U…", when it could be read
    QString name;                 // the JWT's `name` (the reference's profile), when present
    wire::Grants grants;          // the JWT's permissions; unrestricted when unknown (a seed)
    QString error;                // why it could not be read (never contains the secret)

    bool ok() const { return error.isEmpty(); }
};

// Reads the identity of `kind` from the creds file at `credsFile` or from `secret` (creds text
// or seed). Kinds that carry none (open mesh, token, user/password) return carriesIdentity false.
CredentialIdentity credentialIdentity(ConnectionProfile::AuthKind kind, const QString &credsFile,
                                      const QByteArray &secret);

} // namespace cotal::profile
