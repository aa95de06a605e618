#pragma once

#include "core/wire/nkeycodec.h"

#include <QByteArray>
#include <QByteArrayView>
#include <optional>

namespace cotal::trust {

// An Ed25519 nkey with its private half: generates keys, reads seeds and signs (OpenSSL).
// The seed is a secret: never log it, print it or put it into an error.
class NKeyPair final
{
public:
    static NKeyPair generate(wire::NKeyType type);
    // nullopt for anything that is not a well-formed seed.
    static std::optional<NKeyPair> fromSeed(QByteArrayView seed);

    wire::NKeyType type() const { return m_type; }
    QByteArray publicKey() const; // "O…", "A…" or "U…"
    QByteArray seed() const;      // "SO…", "SA…" or "SU…"
    QByteArray sign(QByteArrayView data) const;

private:
    NKeyPair(wire::NKeyType type, QByteArray rawSeed, QByteArray rawPublic);

    wire::NKeyType m_type;
    QByteArray m_rawSeed;
    QByteArray m_rawPublic;
};

// Whether `signature` is `publicKey`'s Ed25519 signature of `data`.
bool verifyNKeySignature(QByteArrayView publicKey, QByteArrayView data, QByteArrayView signature);

} // namespace cotal::trust
