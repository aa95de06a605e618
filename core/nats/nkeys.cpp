#include "core/nats/nkeys_p.h"

#include <QRegularExpression>
#include <array>
#include <memory>
#include <openssl/evp.h>

namespace cotal::nats::detail {

namespace {

constexpr char kBase32Alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
constexpr quint8 kSeedPrefix = 18 << 3; // 'S'
constexpr qsizetype kRawKeySize = 32;

// CRC-16/XMODEM, the checksum NKeys append to every encoded key.
quint16 crc16(const QByteArray &data)
{
    quint16 crc = 0;
    for (const char byte : data) {
        crc ^= quint16(quint8(byte) << 8);
        for (int bit = 0; bit < 8; ++bit)
            crc = (crc & 0x8000) ? quint16((crc << 1) ^ 0x1021) : quint16(crc << 1);
    }
    return crc;
}

std::optional<QByteArray> base32Decode(const QByteArray &text)
{
    QByteArray out;
    quint32 buffer = 0;
    int bits = 0;
    for (const char c : text) {
        const char *pos = std::char_traits<char>::find(kBase32Alphabet, 32, c);
        if (!pos)
            return std::nullopt;
        buffer = (buffer << 5) | quint32(pos - kBase32Alphabet);
        bits += 5;
        if (bits >= 8) {
            bits -= 8;
            out.append(char((buffer >> bits) & 0xff));
        }
    }
    return out;
}

QByteArray base32Encode(const QByteArray &data)
{
    QByteArray out;
    quint32 buffer = 0;
    int bits = 0;
    for (const char byte : data) {
        buffer = (buffer << 8) | quint8(byte);
        bits += 8;
        while (bits >= 5) {
            bits -= 5;
            out.append(kBase32Alphabet[(buffer >> bits) & 0x1f]);
        }
    }
    if (bits > 0)
        out.append(kBase32Alphabet[(buffer << (5 - bits)) & 0x1f]);
    return out;
}

QByteArray block(const QByteArray &text, const char *label)
{
    // The creds format: a "-----BEGIN <label>-----" line, the value, a "------END" line.
    const QRegularExpression pattern(
        QStringLiteral("-{3,}BEGIN %1-{3,}\\s*\\n\\s*(\\S+)\\s*\\n\\s*-{3,}END")
            .arg(QString::fromLatin1(label)));
    const auto match = pattern.match(QString::fromUtf8(text));
    return match.hasMatch() ? match.captured(1).toUtf8() : QByteArray();
}

} // namespace

std::optional<Credentials> parseCredentials(const QByteArray &text)
{
    Credentials credentials{block(text, "NATS USER JWT"), block(text, "USER NKEY SEED")};
    if (credentials.jwt.isEmpty() || credentials.seed.isEmpty())
        return std::nullopt;
    return credentials;
}

std::optional<QByteArray> publicKeyFromSeed(const QByteArray &seed)
{
    const auto raw = base32Decode(seed.trimmed());
    if (!raw || raw->size() != 2 + kRawKeySize + 2)
        return std::nullopt;
    const QByteArray payload = raw->left(2 + kRawKeySize);
    const quint16 expected =
        quint16(quint8(raw->at(raw->size() - 2))) | quint16(quint8(raw->at(raw->size() - 1)) << 8);
    if (crc16(payload) != expected || (quint8(raw->at(0)) & 0xf8) != kSeedPrefix)
        return std::nullopt;
    // The seed's first two bytes pack the seed prefix and the key type (user, account, …).
    const quint8 typePrefix =
        quint8(((quint8(raw->at(0)) & 0x07) << 5) | ((quint8(raw->at(1)) & 0xf8) >> 3));

    std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(
        EVP_PKEY_new_raw_private_key(
            EVP_PKEY_ED25519, nullptr,
            reinterpret_cast<const unsigned char *>(payload.constData()) + 2, kRawKeySize),
        &EVP_PKEY_free);
    if (!key)
        return std::nullopt;
    std::array<unsigned char, kRawKeySize> publicKey{};
    size_t length = publicKey.size();
    if (EVP_PKEY_get_raw_public_key(key.get(), publicKey.data(), &length) != 1 ||
        length != publicKey.size())
        return std::nullopt;

    QByteArray encoded(1, char(typePrefix));
    encoded.append(reinterpret_cast<const char *>(publicKey.data()), qsizetype(length));
    const quint16 crc = crc16(encoded);
    encoded.append(char(crc & 0xff));
    encoded.append(char(crc >> 8));
    return base32Encode(encoded);
}

} // namespace cotal::nats::detail
