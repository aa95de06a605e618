#pragma once

#include "core/wire/grants.h"
#include "core/wire/result.h"

#include <QByteArray>
#include <QString>

namespace cotal::wire {

// A chained NATS user creds file (JWT block + nkey seed block), as `cotal mint` writes it.
struct UserCreds
{
    // The user JWT, verbatim.
    QByteArray jwt;
    // The user nkey seed. A secret: never log it, print it or put it into an error.
    QByteArray seed;
    // JWT `sub`: the user public key, which is the instance id in auth mode (wire.md §1).
    QString subject;
    // JWT `name`; the reference stores the profile there. Empty when absent.
    QString name;
    // The account the user belongs to: `nats.issuer_account`, else the JWT issuer.
    QString account;
    // The JWT's `nats.pub` / `nats.sub` permissions.
    Grants grants;
};

// Extracts the JWT between `-----BEGIN NATS USER JWT-----` and `------END NATS USER JWT` and the
// seed between `-----BEGIN USER NKEY SEED-----` and `------END USER NKEY SEED` (wire.md §1 rule 2),
// checks the seed is a well-formed user seed (prefix and CRC) and reads `sub` and `name` from the
// base64url JWT payload. The seed's public key is not derived here (that needs Ed25519); the
// NATS layer proves the pair when it signs the server nonce.
Result<UserCreds> parseCreds(const QByteArray &text);

// A user nkey public key: 56 base32 characters starting with 'U' whose CRC-16 checks out.
bool isUserPublicKey(const QString &key);

} // namespace cotal::wire
