#include "core/trust/nkeypair.h"

#include <memory>
#include <openssl/evp.h>
#include <openssl/rand.h>

namespace cotal::trust {

namespace {

constexpr qsizetype kRawSize = 32;
constexpr qsizetype kSignatureSize = 64;

using KeyPointer = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;
using ContextPointer = std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)>;

const unsigned char *bytes(QByteArrayView data)
{
    return reinterpret_cast<const unsigned char *>(data.data());
}

KeyPointer privateKey(QByteArrayView rawSeed)
{
    return {EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nullptr, bytes(rawSeed),
                                         static_cast<size_t>(rawSeed.size())),
            &EVP_PKEY_free};
}

std::optional<QByteArray> rawPublicOf(QByteArrayView rawSeed)
{
    const KeyPointer key = privateKey(rawSeed);
    if (!key)
        return std::nullopt;
    QByteArray raw(kRawSize, Qt::Uninitialized);
    size_t length = static_cast<size_t>(raw.size());
    if (EVP_PKEY_get_raw_public_key(key.get(), reinterpret_cast<unsigned char *>(raw.data()),
                                    &length) != 1 ||
        length != static_cast<size_t>(kRawSize))
        return std::nullopt;
    return raw;
}

} // namespace

NKeyPair::NKeyPair(wire::NKeyType type, QByteArray rawSeed, QByteArray rawPublic)
    : m_type(type)
    , m_rawSeed(std::move(rawSeed))
    , m_rawPublic(std::move(rawPublic))
{}

NKeyPair NKeyPair::generate(wire::NKeyType type)
{
    QByteArray rawSeed(kRawSize, Qt::Uninitialized);
    // RAND_bytes fails only when the OS has no entropy to give; nothing can go on without it.
    if (RAND_bytes(reinterpret_cast<unsigned char *>(rawSeed.data()), kRawSize) != 1)
        qFatal("no entropy for a new nkey");
    std::optional<QByteArray> rawPublic = rawPublicOf(rawSeed);
    if (!rawPublic)
        qFatal("OpenSSL has no Ed25519");
    return NKeyPair(type, std::move(rawSeed), std::move(*rawPublic));
}

std::optional<NKeyPair> NKeyPair::fromSeed(QByteArrayView seed)
{
    std::optional<wire::DecodedNKey> decoded = wire::decodeNKeySeed(seed.trimmed());
    if (!decoded)
        return std::nullopt;
    std::optional<QByteArray> rawPublic = rawPublicOf(decoded->raw);
    if (!rawPublic)
        return std::nullopt;
    return NKeyPair(decoded->type, std::move(decoded->raw), std::move(*rawPublic));
}

QByteArray NKeyPair::publicKey() const
{
    return wire::encodePublicNKey(m_type, m_rawPublic);
}

QByteArray NKeyPair::seed() const
{
    return wire::encodeNKeySeed(m_type, m_rawSeed);
}

QByteArray NKeyPair::sign(QByteArrayView data) const
{
    const KeyPointer key = privateKey(m_rawSeed);
    const ContextPointer context(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    QByteArray signature(kSignatureSize, Qt::Uninitialized);
    size_t length = static_cast<size_t>(signature.size());
    if (!key || !context ||
        EVP_DigestSignInit(context.get(), nullptr, nullptr, nullptr, key.get()) != 1 ||
        EVP_DigestSign(context.get(), reinterpret_cast<unsigned char *>(signature.data()), &length,
                       bytes(data), static_cast<size_t>(data.size())) != 1)
        qFatal("Ed25519 signing failed");
    signature.truncate(static_cast<qsizetype>(length));
    return signature;
}

bool verifyNKeySignature(QByteArrayView publicKey, QByteArrayView data, QByteArrayView signature)
{
    const std::optional<wire::DecodedNKey> decoded = wire::decodePublicNKey(publicKey);
    if (!decoded)
        return false;
    const KeyPointer key(EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr, bytes(decoded->raw),
                                                     static_cast<size_t>(decoded->raw.size())),
                         &EVP_PKEY_free);
    const ContextPointer context(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    return key && context &&
           EVP_DigestVerifyInit(context.get(), nullptr, nullptr, nullptr, key.get()) == 1 &&
           EVP_DigestVerify(context.get(), bytes(signature), static_cast<size_t>(signature.size()),
                            bytes(data), static_cast<size_t>(data.size())) == 1;
}

} // namespace cotal::trust
