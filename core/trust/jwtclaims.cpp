#include "core/trust/jwtclaims.h"

#include "core/wire/jsonwriter.h"

#include <QCryptographicHash>

namespace cotal::trust {

namespace {

constexpr auto kUrl = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

wire::JsonWriter &begin(wire::JsonWriter &writer, const QString &name, const QByteArray &subject)
{
    return writer.beginObject()
        .key(u"aud")
        .string(u"NATS")
        .key(u"name")
        .string(name)
        .key(u"sub")
        .string(QString::fromLatin1(subject))
        .key(u"nats")
        .beginObject();
}

QByteArray end(wire::JsonWriter &writer, const QByteArray &issuer, qint64 iat)
{
    return writer.key(u"iss")
        .string(QString::fromLatin1(issuer))
        .key(u"iat")
        .integer(iat)
        .endObject()
        .take();
}

void permission(wire::JsonWriter &writer, QStringView direction, const QStringList &allow,
                const QStringList &deny)
{
    writer.key(direction).beginObject().key(u"allow").stringList(allow);
    if (!deny.isEmpty())
        writer.key(u"deny").stringList(deny);
    writer.endObject();
}

} // namespace

QByteArray operatorClaims(const QString &name, const QByteArray &operatorKey,
                          const QByteArray &systemAccount, qint64 iat)
{
    wire::JsonWriter writer;
    begin(writer, name, operatorKey)
        .key(u"system_account")
        .string(QString::fromLatin1(systemAccount))
        .key(u"type")
        .string(u"operator")
        .key(u"version")
        .integer(2)
        .endObject();
    return end(writer, operatorKey, iat);
}

QByteArray accountClaims(const QString &name, const QByteArray &accountKey,
                         const QByteArray &operatorKey, const QList<QByteArray> &signingKeys,
                         bool systemAccount, qint64 iat)
{
    wire::JsonWriter writer;
    begin(writer, name, accountKey);
    if (!signingKeys.isEmpty()) {
        writer.key(u"signing_keys").beginArray();
        for (const QByteArray &key : signingKeys)
            writer.string(QString::fromLatin1(key));
        writer.endArray();
    }
    // The system account holds no JetStream storage.
    const qint64 storage = systemAccount ? 0 : -1;
    writer.key(u"limits").beginObject();
    for (const QStringView limit :
         {u"subs", u"conn", u"leaf", u"imports", u"exports", u"data", u"payload"})
        writer.key(limit).integer(-1);
    writer.key(u"wildcards")
        .boolean(true)
        .key(u"mem_storage")
        .integer(storage)
        .key(u"disk_storage")
        .integer(storage)
        .endObject()
        .key(u"type")
        .string(u"account")
        .key(u"version")
        .integer(2)
        .endObject();
    return end(writer, operatorKey, iat);
}

QByteArray userClaims(const QString &name, const QByteArray &userKey, const QByteArray &issuerKey,
                      const QByteArray &issuerAccount, const UserPermissions &permissions,
                      qint64 iat)
{
    wire::JsonWriter writer;
    begin(writer, name, userKey)
        .key(u"data")
        .integer(-1)
        .key(u"payload")
        .integer(-1)
        .key(u"subs")
        .integer(-1);
    if (permissions.subFirst) {
        permission(writer, u"sub", permissions.subAllow, {});
        permission(writer, u"pub", permissions.pubAllow, permissions.pubDeny);
    } else {
        permission(writer, u"pub", permissions.pubAllow, permissions.pubDeny);
        permission(writer, u"sub", permissions.subAllow, {});
    }
    if (!issuerAccount.isEmpty())
        writer.key(u"issuer_account").string(QString::fromLatin1(issuerAccount));
    writer.key(u"type").string(u"user").key(u"version").integer(2).endObject();
    return end(writer, issuerKey, iat);
}

QByteArray withJti(const QByteArray &claimsWithoutJti)
{
    const QByteArray jti =
        QCryptographicHash::hash(claimsWithoutJti, QCryptographicHash::Sha512).toBase64();
    QByteArray claims = claimsWithoutJti;
    claims.chop(1); // the closing brace
    return claims + ",\"jti\":\"" + jti + "\"}";
}

QByteArray signJwt(const QByteArray &claimsWithoutJti, const NKeyPair &issuer)
{
    const QByteArray claims = withJti(claimsWithoutJti);
    const QByteArray signingInput =
        QByteArrayLiteral(R"({"typ":"JWT","alg":"ed25519-nkey"})").toBase64(kUrl) + '.' +
        claims.toBase64(kUrl);
    return signingInput + '.' + issuer.sign(signingInput).toBase64(kUrl);
}

QByteArray verifiedJwtPayload(const QByteArray &jwt, const QByteArray &issuerKey)
{
    const QList<QByteArray> parts = jwt.split('.');
    if (parts.size() != 3)
        return {};
    const auto signature = QByteArray::fromBase64Encoding(parts.at(2), kUrl);
    const auto payload = QByteArray::fromBase64Encoding(parts.at(1), kUrl);
    if (!signature || !payload ||
        !verifyNKeySignature(issuerKey, jwt.left(parts.at(0).size() + 1 + parts.at(1).size()),
                             signature.decoded))
        return {};
    return payload.decoded;
}

QByteArray credsFileText(const QByteArray &jwt, const QByteArray &seed)
{
    return "-----BEGIN NATS USER JWT-----\n" + jwt +
           "\n------END NATS USER JWT------\n\n"
           "************************* IMPORTANT *************************\n"
           "NKEY Seed printed below can be used sign and prove identity.\n"
           "NKEYs are sensitive and should be treated as secrets.\n\n"
           "-----BEGIN USER NKEY SEED-----\n" +
           seed + "\n------END USER NKEY SEED------\n";
}

} // namespace cotal::trust
