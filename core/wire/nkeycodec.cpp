#include "core/wire/nkeycodec.h"

namespace cotal::wire {

namespace {

constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
constexpr quint8 kSeedPrefix = 18 << 3; // 'S'
constexpr qsizetype kRawSize = 32;

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

QByteArray base32Encode(QByteArrayView data)
{
    QByteArray out;
    out.reserve((data.size() * 8 + 4) / 5);
    quint32 buffer = 0;
    int bits = 0;
    for (const char byte : data) {
        buffer = (buffer << 8) | static_cast<quint8>(byte);
        bits += 8;
        while (bits >= 5) {
            bits -= 5;
            out.append(kAlphabet[(buffer >> bits) & 0x1f]);
        }
    }
    if (bits > 0)
        out.append(kAlphabet[(buffer << (5 - bits)) & 0x1f]);
    return out;
}

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

QByteArray withChecksum(QByteArray payload)
{
    const quint16 crc = crc16(payload);
    payload.append(static_cast<char>(crc & 0xff));
    payload.append(static_cast<char>(crc >> 8));
    return base32Encode(payload);
}

// The payload without its checksum, when the checksum holds.
std::optional<QByteArray> checkedPayload(QByteArrayView encoded)
{
    std::optional<QByteArray> raw = base32Decode(encoded);
    if (!raw || raw->size() < 3)
        return std::nullopt;
    const qsizetype size = raw->size() - 2;
    const auto stored = static_cast<quint16>(static_cast<quint8>(raw->at(size)) |
                                             (static_cast<quint8>(raw->at(size + 1)) << 8));
    raw->truncate(size);
    if (crc16(*raw) != stored)
        return std::nullopt;
    return raw;
}

std::optional<NKeyType> typeOf(quint8 prefix)
{
    switch (prefix) {
    case static_cast<quint8>(NKeyType::Operator):
        return NKeyType::Operator;
    case static_cast<quint8>(NKeyType::Account):
        return NKeyType::Account;
    case static_cast<quint8>(NKeyType::User):
        return NKeyType::User;
    default:
        return std::nullopt;
    }
}

} // namespace

QByteArray encodePublicNKey(NKeyType type, QByteArrayView raw)
{
    QByteArray payload(1, static_cast<char>(type));
    payload.append(raw);
    return withChecksum(std::move(payload));
}

QByteArray encodeNKeySeed(NKeyType type, QByteArrayView raw)
{
    // The seed prefix and the key type share the first two bytes, 5 bits each.
    const auto prefix = static_cast<quint8>(type);
    QByteArray payload;
    payload.append(static_cast<char>(kSeedPrefix | (prefix >> 5)));
    payload.append(static_cast<char>((prefix & 0x1f) << 3));
    payload.append(raw);
    return withChecksum(std::move(payload));
}

std::optional<DecodedNKey> decodePublicNKey(QByteArrayView encoded)
{
    const std::optional<QByteArray> payload = checkedPayload(encoded);
    if (!payload || payload->size() != 1 + kRawSize)
        return std::nullopt;
    const std::optional<NKeyType> type = typeOf(static_cast<quint8>(payload->at(0)));
    if (!type)
        return std::nullopt;
    return DecodedNKey{*type, payload->mid(1)};
}

std::optional<DecodedNKey> decodeNKeySeed(QByteArrayView encoded)
{
    const std::optional<QByteArray> payload = checkedPayload(encoded);
    if (!payload || payload->size() != 2 + kRawSize)
        return std::nullopt;
    const auto b1 = static_cast<quint8>(payload->at(0));
    const auto b2 = static_cast<quint8>(payload->at(1));
    if ((b1 & 0xf8) != kSeedPrefix)
        return std::nullopt;
    const std::optional<NKeyType> type =
        typeOf(static_cast<quint8>(((b1 & 0x07) << 5) | ((b2 & 0xf8) >> 3)));
    if (!type)
        return std::nullopt;
    return DecodedNKey{*type, payload->mid(2)};
}

} // namespace cotal::wire
