// The demo's trust chain: nkeys, JWT claims and creds exactly as the reference mints them, checked
// against the reference-minted material in tests/data/protocol/authmesh.

#include "core/trust/jwtclaims.h"
#include "core/trust/trustchain.h"
#include "core/wire/creds.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QtTest>

using namespace cotal;
using trust::UserProfile;

namespace {

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QString authmesh(const QString &name)
{
    return QStringLiteral(COTAL_PROTOCOL_DIR "/authmesh/") + name;
}

QJsonObject identities()
{
    return QJsonDocument::fromJson(readFile(authmesh(QStringLiteral("identities.json")))).object();
}

QByteArray payloadOf(const QByteArray &jwt)
{
    return QByteArray::fromBase64(jwt.split('.').value(1), QByteArray::Base64UrlEncoding);
}

// The reference's account and operator JWTs, from its server config.
QByteArray templateJwt(const QString &key)
{
    const QRegularExpression line(QStringLiteral("(?:^|\\n)\\s*%1:? (eyJ[^\\s]+)").arg(key));
    return line.match(QString::fromUtf8(readFile(authmesh(QStringLiteral("server.conf.template")))))
        .captured(1)
        .toLatin1();
}

std::optional<UserProfile> profileNamed(const QString &name)
{
    for (UserProfile profile : {UserProfile::Admin, UserProfile::Observer, UserProfile::Agent,
                                UserProfile::Provisioner, UserProfile::Delivery})
        if (trust::profileName(profile) == name)
            return profile;
    return std::nullopt;
}

// alice's and bob's agent files (authmesh/README.md).
trust::AgentGrants agentGrants(const QString &file)
{
    if (file == QLatin1String("alice.creds"))
        return {QStringLiteral("planner"),
                {QStringLiteral("general"), QStringLiteral("team.>")},
                {QStringLiteral("general"), QStringLiteral("team.backend")}};
    return {QStringLiteral("reviewer"),
            {QStringLiteral("general"), QStringLiteral("team.>"), QStringLiteral("random")},
            {QStringLiteral("general")}};
}

} // namespace

class tst_TrustChain : public QObject
{
    Q_OBJECT

private slots:
    void generatedKeysEncodeDecodeAndSign_data();
    void generatedKeysEncodeDecodeAndSign();
    void referenceSeedsGiveTheirPublicKeys();
    void referenceJwtsVerify();
    void userClaimsEqualTheReferenceByteForByte();
    void trustChainClaimsEqualTheReferenceByteForByte();
    void mintedGrantsEqualTheReferenceOnceKeysAndSpaceAreSubstituted();
    void membershipProfilesFollowTheFactSheet();
    void credsFileIsTheReferenceLayout();
    void serverConfigTrustsItsChain();
};

void tst_TrustChain::generatedKeysEncodeDecodeAndSign_data()
{
    QTest::addColumn<wire::NKeyType>("type");
    QTest::addColumn<QString>("letter");
    QTest::newRow("operator") << wire::NKeyType::Operator << QStringLiteral("O");
    QTest::newRow("account") << wire::NKeyType::Account << QStringLiteral("A");
    QTest::newRow("user") << wire::NKeyType::User << QStringLiteral("U");
}

void tst_TrustChain::generatedKeysEncodeDecodeAndSign()
{
    QFETCH(wire::NKeyType, type);
    QFETCH(QString, letter);
    const trust::NKeyPair key = trust::NKeyPair::generate(type);
    QCOMPARE(key.publicKey().size(), 56);
    QCOMPARE(key.seed().size(), 58);
    QVERIFY(key.publicKey().startsWith(letter.toLatin1()));
    QVERIFY(key.seed().startsWith("S" + letter.toLatin1()));
    const std::optional<trust::NKeyPair> again = trust::NKeyPair::fromSeed(key.seed());
    QVERIFY(again);
    QCOMPARE(again->publicKey(), key.publicKey());
    QCOMPARE(again->type(), type);

    const QByteArray signature = key.sign("nonce");
    QVERIFY(trust::verifyNKeySignature(key.publicKey(), "nonce", signature));
    QVERIFY(!trust::verifyNKeySignature(key.publicKey(), "nonce!", signature));
    QVERIFY(!trust::verifyNKeySignature(trust::NKeyPair::generate(type).publicKey(), "nonce",
                                        signature));
    QByteArray flipped = key.publicKey();
    flipped[10] = flipped[10] == 'A' ? 'B' : 'A';
    QVERIFY(!wire::decodePublicNKey(flipped)); // the checksum catches it
    QVERIFY(!trust::NKeyPair::fromSeed("SUNOTASEED"));
}

void tst_TrustChain::referenceSeedsGiveTheirPublicKeys()
{
    const QJsonArray list = identities().value(QLatin1String("identities")).toArray();
    QCOMPARE(list.size(), 6);
    for (const QJsonValue &entry : list) {
        const QString file = entry[QLatin1String("file")].toString();
        const auto creds = wire::parseCreds(readFile(authmesh(file)));
        QVERIFY2(creds, qPrintable(file));
        const auto key = trust::NKeyPair::fromSeed(creds.value().seed);
        QVERIFY(key);
        QCOMPARE(QString::fromLatin1(key->publicKey()),
                 entry[QLatin1String("user_public_key")].toString());
    }
}

void tst_TrustChain::referenceJwtsVerify()
{
    const QJsonObject chain = identities().value(QLatin1String("trust_chain")).toObject();
    const QByteArray operatorKey =
        chain[QLatin1String("operator")][QLatin1String("public_key")].toString().toLatin1();
    const QByteArray signingKey =
        chain[QLatin1String("account")][QLatin1String("signing_keys")][0].toString().toLatin1();
    const QByteArray accountKey =
        chain[QLatin1String("account")][QLatin1String("public_key")].toString().toLatin1();

    const QByteArray accountJwt = templateJwt(QString::fromLatin1(accountKey));
    QVERIFY(!trust::verifiedJwtPayload(accountJwt, operatorKey).isEmpty());
    QVERIFY(
        !trust::verifiedJwtPayload(templateJwt(QStringLiteral("operator")), operatorKey).isEmpty());
    const QByteArray admin =
        wire::parseCreds(readFile(authmesh(QStringLiteral("admin.creds")))).value().jwt;
    QVERIFY(!trust::verifiedJwtPayload(admin, signingKey).isEmpty());
    QVERIFY(trust::verifiedJwtPayload(admin, operatorKey).isEmpty());
    QByteArray tampered = admin;
    tampered[tampered.indexOf('.') + 5] ^= 1;
    QVERIFY(trust::verifiedJwtPayload(tampered, signingKey).isEmpty());
}

void tst_TrustChain::userClaimsEqualTheReferenceByteForByte()
{
    for (const QJsonValue &entry : identities().value(QLatin1String("identities")).toArray()) {
        const QString file = entry[QLatin1String("file")].toString();
        const QJsonObject claims = entry[QLatin1String("jwt_claims")].toObject();
        const std::optional<UserProfile> profile =
            profileNamed(claims[QLatin1String("name")].toString());
        QVERIFY2(profile, qPrintable(file));
        const QString key = claims[QLatin1String("sub")].toString();
        const QByteArray ours = trust::withJti(trust::userClaims(
            claims[QLatin1String("name")].toString(), key.toLatin1(),
            claims[QLatin1String("iss")].toString().toLatin1(),
            claims[QLatin1String("nats")][QLatin1String("issuer_account")].toString().toLatin1(),
            trust::profilePermissions(*profile, QStringLiteral("demo"), key, agentGrants(file)),
            claims[QLatin1String("iat")].toInteger()));
        const QByteArray theirs = payloadOf(wire::parseCreds(readFile(authmesh(file))).value().jwt);
        QCOMPARE(ours, theirs);
    }
}

void tst_TrustChain::trustChainClaimsEqualTheReferenceByteForByte()
{
    const QJsonObject chain = identities().value(QLatin1String("trust_chain")).toObject();
    const auto key = [&](const char *part) {
        return chain[QLatin1String(part)][QLatin1String("public_key")].toString().toLatin1();
    };
    const auto iat = [&](const char *part) {
        return chain[QLatin1String(part)][QLatin1String("jwt_claims")][QLatin1String("iat")]
            .toInteger();
    };
    const QByteArray signing =
        chain[QLatin1String("account")][QLatin1String("signing_keys")][0].toString().toLatin1();

    QCOMPARE(trust::withJti(trust::operatorClaims(QStringLiteral("cotal-demo"), key("operator"),
                                                  key("system_account"), iat("operator"))),
             payloadOf(templateJwt(QStringLiteral("operator"))));
    QCOMPARE(
        trust::withJti(trust::accountClaims(QStringLiteral("demo"), key("account"), key("operator"),
                                            {signing}, false, iat("account"))),
        payloadOf(templateJwt(QString::fromLatin1(key("account")))));
    QCOMPARE(trust::withJti(trust::accountClaims(QStringLiteral("SYS"), key("system_account"),
                                                 key("operator"), {}, true, iat("system_account"))),
             payloadOf(templateJwt(QString::fromLatin1(key("system_account")))));
}

void tst_TrustChain::mintedGrantsEqualTheReferenceOnceKeysAndSpaceAreSubstituted()
{
    // Our own chain, for another space: everything but the keys and the space must match.
    const trust::TrustChain chain(QStringLiteral("cotal-lab"), QStringLiteral("lab"));
    for (const QJsonValue &entry : identities().value(QLatin1String("identities")).toArray()) {
        const QString file = entry[QLatin1String("file")].toString();
        const QJsonObject reference = entry[QLatin1String("jwt_claims")].toObject();
        const UserProfile profile = *profileNamed(reference[QLatin1String("name")].toString());
        const trust::MintedUser minted =
            chain.mint(profile, QStringLiteral("lab"), agentGrants(file));

        QByteArray payload = trust::verifiedJwtPayload(minted.jwt, chain.signingPublicKey());
        QVERIFY2(!payload.isEmpty(), qPrintable(file));
        payload.replace(minted.publicKey, reference[QLatin1String("sub")].toString().toLatin1())
            .replace("_lab", "_demo")
            .replace("cotal.lab.", "cotal.demo.");
        const QJsonObject ours = QJsonDocument::fromJson(payload).object();
        const QJsonObject nats = ours[QLatin1String("nats")].toObject();
        const QJsonObject theirs = reference[QLatin1String("nats")].toObject();
        QCOMPARE(nats[QLatin1String("pub")], theirs[QLatin1String("pub")]);
        QCOMPARE(nats[QLatin1String("sub")], theirs[QLatin1String("sub")]);
        QCOMPARE(ours[QLatin1String("name")], reference[QLatin1String("name")]);
        QCOMPARE(QString::fromLatin1(chain.accountPublicKey()),
                 nats[QLatin1String("issuer_account")].toString());
        QCOMPARE(wire::parseCreds(minted.credsText).value().subject,
                 QString::fromLatin1(minted.publicKey));
    }
}

void tst_TrustChain::membershipProfilesFollowTheFactSheet()
{
    const trust::TrustChain chain(QStringLiteral("cotal-lab"), QStringLiteral("lab"));
    const trust::MintedUser observer = chain.mint(UserProfile::MembershipObserver, u"lab"_qs);
    // A system-account user, signed by the system account, with an explicit permission block.
    const QJsonObject claims =
        QJsonDocument::fromJson(
            trust::verifiedJwtPayload(observer.jwt, chain.systemAccountPublicKey()))
            .object();
    QVERIFY(!claims.isEmpty());
    const QJsonObject nats = claims[QLatin1String("nats")].toObject();
    QVERIFY(!nats.contains(QLatin1String("issuer_account")));
    const QString account = QString::fromLatin1(chain.accountPublicKey());
    QCOMPARE(nats[QLatin1String("pub")][QLatin1String("allow")].toArray(),
             QJsonArray{QStringLiteral("$SYS.REQ.ACCOUNT.%1.CONNZ").arg(account)});
    QCOMPARE(nats[QLatin1String("sub")][QLatin1String("allow")].toArray().size(), 3);

    const trust::MintedUser rw = chain.mint(UserProfile::MembershipRw, u"lab"_qs);
    const QJsonObject rwNats =
        QJsonDocument::fromJson(trust::verifiedJwtPayload(rw.jwt, chain.signingPublicKey()))
            .object()[QLatin1String("nats")]
            .toObject();
    const QJsonArray pub = rwNats[QLatin1String("pub")][QLatin1String("allow")].toArray();
    QVERIFY(pub.contains(QStringLiteral("$KV.cotal_membership_lab.>")));
    QVERIFY(!pub.contains(QStringLiteral("$KV.cotal_members_lab.>"))); // reads members only
}

void tst_TrustChain::credsFileIsTheReferenceLayout()
{
    const QByteArray reference = readFile(authmesh(QStringLiteral("admin.creds")));
    const auto parsed = wire::parseCreds(reference);
    QVERIFY(parsed);
    QCOMPARE(trust::credsFileText(parsed.value().jwt, parsed.value().seed), reference);
}

void tst_TrustChain::serverConfigTrustsItsChain()
{
    const trust::TrustChain chain(QStringLiteral("cotal-lab"), QStringLiteral("lab"));
    const QString config = QString::fromUtf8(chain.serverConfig(u"/tmp/a \"b\""_qs));
    QVERIFY(config.contains(u"jetstream { store_dir: \"/tmp/a \\\"b\\\"\" }"_qs));
    QVERIFY(config.contains(u"max_control_line: 65536"_qs));
    QVERIFY(config.contains(QStringLiteral("system_account: ") +
                            QString::fromLatin1(chain.systemAccountPublicKey())));
    // The same directives, in the same order, as the reference's server.conf.
    const auto directives = [](const QString &text) {
        QStringList names;
        const QRegularExpression name(QStringLiteral("(?m)^([a-z_]+)[:{ ]"));
        for (auto it = name.globalMatch(text); it.hasNext();)
            names.append(it.next().captured(1));
        return names;
    };
    QCOMPARE(directives(config), directives(QString::fromUtf8(
                                     readFile(authmesh(QStringLiteral("server.conf.template"))))));
    QVERIFY(!trust::verifiedJwtPayload(chain.accountJwt(), chain.operatorPublicKey()).isEmpty());
    QVERIFY(!trust::verifiedJwtPayload(chain.operatorJwt(), chain.operatorPublicKey()).isEmpty());
}

QTEST_GUILESS_MAIN(tst_TrustChain)
#include "tst_trustchain.moc"
