#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <optional>

namespace cotal::wire {

// The role an nkey plays in the NATS trust chain; the value is its prefix byte (nkeys
// PrefixByte*), which decides the key's first letter: O…, A…, U….
enum class NKeyType : quint8
{
    Operator = 14 << 3,
    Account = 0,
    User = 20 << 3,
};

// A decoded nkey: its type and the 32 raw Ed25519 bytes (public key or private seed).
struct DecodedNKey
{
    NKeyType type;
    QByteArray raw;
};

// The nkeys text encodings (base32 without padding, CRC-16/XMODEM little-endian trailer).
// Pure: no cryptography here, so the wire layer can check keys without OpenSSL.
QByteArray encodePublicNKey(NKeyType type, QByteArrayView raw);
QByteArray encodeNKeySeed(NKeyType type, QByteArrayView raw);
// nullopt for a wrong alphabet, length, checksum or prefix.
std::optional<DecodedNKey> decodePublicNKey(QByteArrayView encoded);
std::optional<DecodedNKey> decodeNKeySeed(QByteArrayView encoded);

} // namespace cotal::wire
