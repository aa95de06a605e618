#include "core/wire/creds.h"

#include "core/wire/nkeycodec.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <optional>

namespace cotal::wire {

namespace {

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

bool isUserSeed(QByteArrayView seed)
{
    const std::optional<DecodedNKey> key = decodeNKeySeed(seed);
    return key && key->type == NKeyType::User;
}

} // namespace

bool isUserPublicKey(const QString &key)
{
    if (key.size() != 56)
        return false;
    const std::optional<DecodedNKey> decoded = decodePublicNKey(key.toLatin1());
    return decoded && decoded->type == NKeyType::User;
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
    // A user signed by an account signing key names its account in nats.issuer_account; one
    // signed by the account itself has the account as issuer.
    const QString issuerAccount = claims.object()
                                      .value(QStringLiteral("nats"))
                                      .toObject()
                                      .value(QStringLiteral("issuer_account"))
                                      .toString();
    creds.account = issuerAccount.isEmpty()
                        ? claims.object().value(QStringLiteral("iss")).toString()
                        : issuerAccount;
    return creds;
}

} // namespace cotal::wire
