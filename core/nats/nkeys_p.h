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

} // namespace cotal::nats::detail
