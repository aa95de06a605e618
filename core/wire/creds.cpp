#include "core/wire/creds.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <optional>

namespace cotal::wire {

namespace {

// nkey prefix bytes (nkeys PrefixByte* constants): seed 18 << 3, user 20 << 3.
constexpr quint8 kSeedPrefix = 18 << 3;
constexpr quint8 kUserPrefix = 20 << 3;
constexpr qsizetype kRawKeySize = 32;

WireError credsError(const QString &why)
{
    return wireError(WireErrorCode::InvalidField, QStringLiteral("creds: ") + why);
}

// The text between two markers, trimmed; no value if either marker is missing.
std::optional<QByteArray> block(const QByteArray &text, QByteArrayView begin, QByteArrayView end)
{
    const qsizetype start = text.indexOf(begin);
    if (start < 0)
        return std::nullopt;
    const qsizetype contentStart = start + begin.size();
    const qsizetype stop = text.indexOf(end, contentStart);
    if (stop < 0)
        return std::nullopt;
    return text.mid(contentStart, stop - contentStart).trimmed();
}

// RFC 4648 base32 without padding, as nkeys encode.
std::optional<QByteArray> base32Decode(QByteArrayView text)
{
    QByteArray out;
    out.reserve(text.size() * 5 / 8);
    quint32 buffer = 0;
    int bits = 0;
    for (const char c : text) {
        int value;
        if (c >= 'A' && c <= 'Z')
            value = c - 'A';
        else if (c >= '2' && c <= '7')
            value = c - '2' + 26;
        else
            return std::nullopt;
        buffer = (buffer << 5) | static_cast<quint32>(value);
        bits += 5;
        if (bits >= 8) {
            bits -= 8;
            out.append(static_cast<char>((buffer >> bits) & 0xff));
        }
    }
    return out;
}

// CRC-16/XMODEM (poly 0x1021, init 0), the nkeys checksum.
quint16 crc16(QByteArrayView data)
{
    quint16 crc = 0;
    for (const char c : data) {
        crc ^= static_cast<quint16>(static_cast<quint8>(c) << 8);
        for (int i = 0; i < 8; ++i)
            crc = (crc & 0x8000) ? static_cast<quint16>((crc << 1) ^ 0x1021)
                                 : static_cast<quint16>(crc << 1);
    }
    return crc;
}

// Decodes and checks the trailing little-endian CRC; returns the payload without it.
std::optional<QByteArray> decodeChecked(QByteArrayView encoded)
{
    std::optional<QByteArray> raw = base32Decode(encoded);
    if (!raw || raw->size() < 3)
        return std::nullopt;
    const qsizetype payloadSize = raw->size() - 2;
    const quint16 stored =
        static_cast<quint16>(static_cast<quint8>(raw->at(payloadSize)) |
                             (static_cast<quint8>(raw->at(payloadSize + 1)) << 8));
    raw->truncate(payloadSize);
    if (crc16(*raw) != stored)
        return std::nullopt;
    return raw;
}

bool isUserSeed(QByteArrayView seed)
{
    const std::optional<QByteArray> raw = decodeChecked(seed);
    if (!raw || raw->size() != 2 + kRawKeySize)
        return false;
    const auto b1 = static_cast<quint8>(raw->at(0));
    const auto b2 = static_cast<quint8>(raw->at(1));
    const int type = ((b1 & 0x07) << 5) | ((b2 & 0xf8) >> 3);
    return (b1 & 0xf8) == kSeedPrefix && type == kUserPrefix;
}

} // namespace

bool isUserPublicKey(const QString &key)
{
    if (key.size() != 56 || !key.startsWith(u'U'))
        return false;
    const std::optional<QByteArray> raw = decodeChecked(key.toLatin1());
    return raw && raw->size() == 1 + kRawKeySize && static_cast<quint8>(raw->at(0)) == kUserPrefix;
}

Result<UserCreds> parseCreds(const QByteArray &text)
{
    const std::optional<QByteArray> jwt =
        block(text, "-----BEGIN NATS USER JWT-----", "------END NATS USER JWT");
    if (!jwt || jwt->isEmpty())
        return credsError(QStringLiteral("no NATS USER JWT block"));
    const std::optional<QByteArray> seed =
        block(text, "-----BEGIN USER NKEY SEED-----", "------END USER NKEY SEED");
    if (!seed || seed->isEmpty())
        return credsError(QStringLiteral("no USER NKEY SEED block"));
    // Only say what is wrong; the seed itself must never reach a message or a log.
    if (!isUserSeed(*seed))
        return credsError(QStringLiteral("the seed block is not a valid user nkey seed"));

    const QList<QByteArray> segments = jwt->split('.');
    if (segments.size() != 3 || segments.at(1).isEmpty())
        return credsError(QStringLiteral("the JWT does not have three dot-separated parts"));
    const QByteArray::FromBase64Result payload = QByteArray::fromBase64Encoding(
        segments.at(1), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!payload)
        return credsError(QStringLiteral("the JWT payload is not base64url"));
    QJsonParseError parseError;
    const QJsonDocument claims = QJsonDocument::fromJson(payload.decoded, &parseError);
    if (parseError.error != QJsonParseError::NoError || !claims.isObject())
        return credsError(QStringLiteral("the JWT payload is not a JSON object"));
    const QJsonValue sub = claims.object().value(QStringLiteral("sub"));
    if (!sub.isString() || sub.toString().isEmpty())
        return credsError(QStringLiteral("the JWT has no sub claim"));
    if (!isUserPublicKey(sub.toString()))
        return credsError(
            QStringLiteral("the JWT sub \"%1\" is not a user public key").arg(sub.toString()));

    UserCreds creds;
    creds.jwt = *jwt;
    creds.seed = *seed;
    creds.subject = sub.toString();
    creds.name = claims.object().value(QStringLiteral("name")).toString();
    creds.grants = Grants::fromClaims(claims.object());
    return creds;
}

} // namespace cotal::wire
