#pragma once

#include <QByteArray>
#include <QString>
#include <optional>

namespace cotal::nats::detail {

// The two parts of a chained NATS creds text (user JWT + user NKey seed).
struct Credentials
{
    QByteArray jwt;
    QByteArray seed; // encoded, "SU…"
};

// Extracts JWT and seed from the text of a .creds file; nullopt when either block is missing.
std::optional<Credentials> parseCredentials(const QByteArray &text);

// The encoded public key ("U…") of an encoded NKey seed ("SU…"); nullopt for a malformed seed.
// cnats 3.4 needs the public key next to the seed and has no call that derives it.
std::optional<QByteArray> publicKeyFromSeed(const QByteArray &seed);

} // namespace cotal::nats::detail
