#pragma once

#include "core/trust/nkeypair.h"
#include "core/trust/profilegrants.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace cotal::trust {

// The claims JSON of NATS v2 JWTs, field for field in the order @nats-io/jwt writes them, without
// `jti` (signJwt adds it). `iat` is in seconds.
QByteArray operatorClaims(const QString &name, const QByteArray &operatorKey,
                          const QByteArray &systemAccount, qint64 iat);
// A data account (unlimited JetStream) or the system account (no JetStream).
QByteArray accountClaims(const QString &name, const QByteArray &accountKey,
                         const QByteArray &operatorKey, const QList<QByteArray> &signingKeys,
                         bool systemAccount, qint64 iat);
// `issuerAccount` empty: signed by the account key itself (no `issuer_account` claim).
QByteArray userClaims(const QString &name, const QByteArray &userKey, const QByteArray &issuerKey,
                      const QByteArray &issuerAccount, const UserPermissions &permissions,
                      qint64 iat);

// The claims with `jti` = base64(SHA-512(claims)) appended as the last field.
QByteArray withJti(const QByteArray &claimsWithoutJti);
// A signed JWT of withJti(claims): header `ed25519-nkey`, base64url parts.
QByteArray signJwt(const QByteArray &claimsWithoutJti, const NKeyPair &issuer);
// The decoded payload of `jwt` when `issuerKey` signed it; empty otherwise.
QByteArray verifiedJwtPayload(const QByteArray &jwt, const QByteArray &issuerKey);

// A chained creds file, byte for byte as the reference writes one. Holds the seed: a secret.
QByteArray credsFileText(const QByteArray &jwt, const QByteArray &seed);

} // namespace cotal::trust
