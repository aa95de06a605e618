#include "core/profile/credentialidentity.h"
#include "core/wire/creds.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace cotal::wire;

namespace {

const QString kAuthMesh = QStringLiteral(COTAL_PROTOCOL_DIR "/authmesh");

QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

QByteArray aliceCreds()
{
    return readFile(kAuthMesh + QStringLiteral("/alice.creds"));
}

QByteArray jwtBlock(const QByteArray &jwt)
{
    return "-----BEGIN NATS USER JWT-----\n" + jwt + "\n------END NATS USER JWT------\n";
}

// The real alice seed block, so synthetic files differ from a real one only where a test says.
QByteArray seedBlock()
{
    const QByteArray creds = aliceCreds();
    return creds.mid(creds.indexOf("-----BEGIN USER NKEY SEED-----"));
}

QByteArray seedOf(const QByteArray &creds)
{
    const QByteArray begin = "-----BEGIN USER NKEY SEED-----";
    const qsizetype start = creds.indexOf(begin) + begin.size();
    return creds.mid(start, creds.indexOf("------END USER NKEY SEED") - start).trimmed();
}

QByteArray fakeJwt(const QByteArray &claimsJson)
{
    const auto url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
    return QByteArray(R"({"typ":"JWT","alg":"ed25519-nkey"})").toBase64(url) + '.' +
           claimsJson.toBase64(url) + ".c2ln";
}

} // namespace

class TestCreds : public QObject
{
    Q_OBJECT

private slots:
    void realCredsMatchIdentities_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("publicKey");
        QTest::addColumn<QString>("name");
        const QJsonArray identities =
            QJsonDocument::fromJson(readFile(kAuthMesh + QStringLiteral("/identities.json")))
                .object()
                .value(QStringLiteral("identities"))
                .toArray();
        QVERIFY(identities.size() >= 6);
        for (const QJsonValue &value : identities) {
            const QJsonObject identity = value.toObject();
            const QString file = identity.value(QStringLiteral("file")).toString();
            QTest::newRow(qPrintable(file))
                << file << identity.value(QStringLiteral("user_public_key")).toString()
                << identity.value(QStringLiteral("jwt_name")).toString();
        }
    }

    void realCredsMatchIdentities()
    {
        QFETCH(QString, file);
        QFETCH(QString, publicKey);
        QFETCH(QString, name);
        const QByteArray text = readFile(kAuthMesh + u'/' + QFileInfo(file).fileName());
        QVERIFY2(!text.isEmpty(), qPrintable(file));
        const Result<UserCreds> creds = parseCreds(text);
        QVERIFY2(creds.ok(), creds.ok() ? "" : qPrintable(creds.error().detail));
        QCOMPARE(creds->subject, publicKey);
        QCOMPARE(creds->name, name);
        QVERIFY(isUserPublicKey(creds->subject));
        QVERIFY(creds->jwt.startsWith("eyJ"));
        QCOMPARE(creds->jwt.count('.'), 2);
        // Compared without printing: a seed must never appear in test output.
        QVERIFY(creds->seed == seedOf(text));
        QVERIFY(creds->seed.startsWith("SU"));

        // The console's id in auth mode, from each form the connection dialog takes.
        using Kind = cotal::profile::ConnectionProfile::AuthKind;
        const QString path = kAuthMesh + u'/' + QFileInfo(file).fileName();
        const auto fromFile = cotal::profile::credentialIdentity(Kind::CredsFile, path, {});
        QVERIFY2(fromFile.ok(), qPrintable(fromFile.error));
        QVERIFY(fromFile.carriesIdentity);
        QCOMPARE(fromFile.publicKey, publicKey);
        QCOMPARE(fromFile.name, name);
        QCOMPARE(cotal::profile::credentialIdentity(Kind::CredsSecret, {}, text).publicKey,
                 publicKey);
        const auto fromSeed =
            cotal::profile::credentialIdentity(Kind::NKeySeed, {}, creds->seed + '\n');
        QVERIFY2(fromSeed.ok(), qPrintable(fromSeed.error));
        QCOMPARE(fromSeed.publicKey, publicKey);
    }

    void subjectCoversFollowsNatsWildcards_data()
    {
        QTest::addColumn<QString>("outer");
        QTest::addColumn<QString>("inner");
        QTest::addColumn<bool>("covers");
        QTest::newRow("literal") << "a.b"
                                 << "a.b" << true;
        QTest::newRow("other literal") << "a.b"
                                       << "a.c" << false;
        QTest::newRow("star one token") << "a.*"
                                        << "a.b" << true;
        QTest::newRow("star not two") << "a.*"
                                      << "a.b.c" << false;
        QTest::newRow("star covers star") << "a.*"
                                          << "a.*" << true;
        QTest::newRow("literal not star") << "a.b"
                                          << "a.*" << false;
        QTest::newRow("tail") << "a.>"
                              << "a.b.c" << true;
        QTest::newRow("tail covers tail") << "a.>"
                                          << "a.b.>" << true;
        QTest::newRow("tail needs a token") << "a.>"
                                            << "a" << false;
        QTest::newRow("narrow tail not wide") << "a.b.>"
                                              << "a.>" << false;
        QTest::newRow("star not tail") << "a.*"
                                       << "a.>" << false;
        QTest::newRow("shorter") << "a.b.c"
                                 << "a.b" << false;
    }

    void subjectCoversFollowsNatsWildcards()
    {
        QFETCH(QString, outer);
        QFETCH(QString, inner);
        QFETCH(bool, covers);
        QCOMPARE(cotal::wire::subjectCovers(outer, inner), covers);
    }

    // What the reference-minted JWTs grant, as the console reads them before asking the broker.
    void grantsFollowTheReferenceProfiles()
    {
        const auto grantsOf = [](const char *name) {
            return parseCreds(readFile(kAuthMesh + u'/' + QLatin1String(name) + ".creds"))->grants;
        };
        const Grants admin = grantsOf("admin");
        const Grants observer = grantsOf("observer");
        const Grants delivery = grantsOf("delivery");
        const Grants alice = grantsOf("alice");
        QVERIFY(admin.isRestricted());
        QVERIFY(!Grants::unrestricted().isRestricted());
        QVERIFY(Grants::unrestricted().mayPublish(QStringLiteral("anything")));

        QVERIFY(admin.maySubscribe(QStringLiteral("cotal.demo.inst.>")));
        QVERIFY(observer.maySubscribe(QStringLiteral("cotal.demo.chat.>")));
        QVERIFY(!observer.maySubscribe(QStringLiteral("cotal.demo.inst.>")));
        QVERIFY(!admin.mayPublish(QStringLiteral("$JS.API.STREAM.MSG.GET.KV_cotal_delivery_demo")));
        QVERIFY(
            delivery.mayPublish(QStringLiteral("$JS.API.STREAM.MSG.GET.KV_cotal_delivery_demo")));
        QVERIFY(delivery.mayPublish(QStringLiteral("$KV.cotal_delivery_demo.lease.0")));
        QVERIFY(!admin.mayPublishUnder(QStringLiteral("cotal.demo.chat.")));

        const QString aliceId =
            QStringLiteral("UCDIHS2ADMJOBZZS2HSGEDFFWBPWFCJMLZHW4IVDK3XGJ5AFHNSE5NRY");
        QVERIFY(alice.mayPublish(QStringLiteral("cotal.demo.chat.%1.general").arg(aliceId)));
        QVERIFY(!alice.mayPublish(QStringLiteral("cotal.demo.chat.%1.random").arg(aliceId)));
        QVERIFY(alice.mayPublishUnder(QStringLiteral("cotal.demo.chat.")));
        // A deny wins over an allow that covers it.
        QVERIFY(!alice.mayPublish(QStringLiteral("$JS.API.CONSUMER.CREATE.DM_demo.x")));
        QVERIFY(alice.maySubscribe(QStringLiteral("cotal.demo.chat.*.team.backend")));
        QVERIFY(!alice.maySubscribe(QStringLiteral("cotal.demo.chat.>")));
    }

    void unreadableCredentialsSayWhyWithoutTheSecret()
    {
        using Kind = cotal::profile::ConnectionProfile::AuthKind;
        const auto missing = cotal::profile::credentialIdentity(
            Kind::CredsFile, QStringLiteral("/nonexistent/x.creds"), {});
        QVERIFY(missing.carriesIdentity);
        QVERIFY(!missing.ok());
        QVERIFY(missing.error.contains(QStringLiteral("/nonexistent/x.creds")));
        const QByteArray garbage("SUnot-a-seed-at-all");
        const auto badSeed = cotal::profile::credentialIdentity(Kind::NKeySeed, {}, garbage);
        QVERIFY(!badSeed.ok());
        QVERIFY(!badSeed.error.contains(QString::fromLatin1(garbage)));
        QVERIFY(!cotal::profile::credentialIdentity(Kind::CredsSecret, {}, "hello").ok());
        for (Kind kind : {Kind::None, Kind::Token, Kind::UserPassword}) {
            const auto none = cotal::profile::credentialIdentity(kind, {}, "secret");
            QVERIFY(!none.carriesIdentity);
            QVERIFY(none.ok());
        }
    }

    void everyCredsFileIsCovered()
    {
        const QStringList files =
            QDir(kAuthMesh).entryList({QStringLiteral("*.creds")}, QDir::Files);
        QCOMPARE(files.size(), 6);
        for (const QString &file : files)
            QVERIFY2(parseCreds(readFile(kAuthMesh + u'/' + file)).ok(), qPrintable(file));
    }

    void crlfLineEndingsAreAccepted()
    {
        QByteArray text = aliceCreds();
        text.replace("\n", "\r\n");
        const Result<UserCreds> creds = parseCreds(text);
        QVERIFY(creds.ok());
        QCOMPARE(creds->subject,
                 QStringLiteral("UCDIHS2ADMJOBZZS2HSGEDFFWBPWFCJMLZHW4IVDK3XGJ5AFHNSE5NRY"));
    }

    void blocksInEitherOrder()
    {
        const QByteArray text = aliceCreds();
        const qsizetype seedAt = text.indexOf("-----BEGIN USER NKEY SEED-----");
        const Result<UserCreds> creds = parseCreds(text.mid(seedAt) + "\n" + text.left(seedAt));
        QVERIFY(creds.ok());
    }

    void missingSeedBlockIsAnError()
    {
        const QByteArray text = aliceCreds();
        const Result<UserCreds> creds =
            parseCreds(text.left(text.indexOf("-----BEGIN USER NKEY SEED-----")));
        QVERIFY(!creds.ok());
        QCOMPARE(creds.error().code, WireErrorCode::InvalidField);
        QVERIFY(creds.error().detail.contains(QStringLiteral("SEED")));
    }

    void missingJwtBlockIsAnError()
    {
        const Result<UserCreds> creds = parseCreds(seedBlock());
        QVERIFY(!creds.ok());
        QVERIFY(creds.error().detail.contains(QStringLiteral("JWT")));
        QVERIFY(!parseCreds(QByteArray()).ok());
    }

    void unterminatedBlocksAreErrors()
    {
        QByteArray noJwtEnd = aliceCreds();
        noJwtEnd.replace("------END NATS USER JWT------", "");
        QVERIFY(!parseCreds(noJwtEnd).ok());
        QByteArray noSeedEnd = aliceCreds();
        noSeedEnd.replace("------END USER NKEY SEED------", "");
        QVERIFY(!parseCreds(noSeedEnd).ok());
    }

    void malformedJwts_data()
    {
        QTest::addColumn<QByteArray>("jwt");
        QTest::addColumn<QString>("why");
        QTest::newRow("two parts") << QByteArray("eyJhIjoxfQ.eyJzdWIiOiJ4In0") << "three";
        QTest::newRow("four parts") << QByteArray("a.b.c.d") << "three";
        QTest::newRow("empty payload") << QByteArray("a..c") << "three";
        QTest::newRow("payload not base64url") << QByteArray("a.%%%%.c") << "base64url";
        QTest::newRow("payload not json") << fakeJwt("not json") << "JSON";
        QTest::newRow("payload an array") << fakeJwt("[1,2]") << "JSON";
        QTest::newRow("no sub") << fakeJwt(R"({"name":"agent"})") << "sub";
        QTest::newRow("sub not a string") << fakeJwt(R"({"sub":42})") << "sub";
        QTest::newRow("sub is an account key")
            << fakeJwt(R"({"sub":"ADPJCH4G6LW4SV2R3YGXEVJHCYBWDZFQCT2DAYJVAQQDZQKXQ5KGQMM5"})")
            << "user public key";
        QTest::newRow("sub with a bad checksum")
            << fakeJwt(R"({"sub":"UCDIHS2ADMJOBZZS2HSGEDFFWBPWFCJMLZHW4IVDK3XGJ5AFHNSE5NRZ"})")
            << "user public key";
    }

    void malformedJwts()
    {
        QFETCH(QByteArray, jwt);
        QFETCH(QString, why);
        const Result<UserCreds> creds = parseCreds(jwtBlock(jwt) + seedBlock());
        QVERIFY(!creds.ok());
        QCOMPARE(creds.error().code, WireErrorCode::InvalidField);
        QVERIFY2(creds.error().detail.contains(why), qPrintable(creds.error().detail));
    }

    void syntheticJwtReadsSubAndName()
    {
        const Result<UserCreds> creds = parseCreds(
            jwtBlock(fakeJwt(
                R"({"sub":"UCDIHS2ADMJOBZZS2HSGEDFFWBPWFCJMLZHW4IVDK3XGJ5AFHNSE5NRY","name":"Zoë"})")) +
            seedBlock());
        QVERIFY(creds.ok());
        QCOMPARE(creds->name, QStringLiteral("Zoë"));
        const Result<UserCreds> nameless = parseCreds(
            jwtBlock(
                fakeJwt(R"({"sub":"UCDIHS2ADMJOBZZS2HSGEDFFWBPWFCJMLZHW4IVDK3XGJ5AFHNSE5NRY"})")) +
            seedBlock());
        QVERIFY(nameless.ok());
        QVERIFY(nameless->name.isEmpty());
    }

    void corruptSeedIsRefusedWithoutEchoingIt()
    {
        const QByteArray text = aliceCreds();
        const QByteArray seed = seedOf(text);
        QVERIFY(seed.size() == 58);
        // Flip one character: the CRC no longer matches.
        QByteArray flipped = seed;
        flipped[10] = flipped.at(10) == 'A' ? 'B' : 'A';
        QByteArray corrupt = text;
        corrupt.replace(seed, flipped);
        const Result<UserCreds> creds = parseCreds(corrupt);
        QVERIFY(!creds.ok());
        QVERIFY(creds.error().detail.contains(QStringLiteral("seed")));
        QVERIFY(!creds.error().detail.toUtf8().contains(flipped));
        QVERIFY(!creds.error().detail.toUtf8().contains(seed.left(12)));
    }

    void nonUserSeedsAreRefused_data()
    {
        QTest::addColumn<QByteArray>("seed");
        QTest::newRow("not base32") << QByteArray("SU0189!!");
        QTest::newRow("lowercase") << seedOf(aliceCreds()).toLower();
        QTest::newRow("truncated") << seedOf(aliceCreds()).left(40);
        QTest::newRow("a public key, not a seed")
            << QByteArray("UCDIHS2ADMJOBZZS2HSGEDFFWBPWFCJMLZHW4IVDK3XGJ5AFHNSE5NRY");
    }

    void nonUserSeedsAreRefused()
    {
        QFETCH(QByteArray, seed);
        const QByteArray text = aliceCreds();
        QByteArray changed = text;
        changed.replace(seedOf(text), seed);
        const Result<UserCreds> creds = parseCreds(changed);
        QVERIFY(!creds.ok());
        QVERIFY(!creds.error().detail.toUtf8().contains(seed));
    }

    void userPublicKeys_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<bool>("valid");
        QTest::newRow("alice") << "UCDIHS2ADMJOBZZS2HSGEDFFWBPWFCJMLZHW4IVDK3XGJ5AFHNSE5NRY"
                               << true;
        QTest::newRow("spec sample A")
            << "UAQGWOEVJKMIO4WXSYOTLARXYOZTCXFK67JASEH6AFFFYK6FOPSKQCAD" << true;
        QTest::newRow("account key")
            << "ADPJCH4G6LW4SV2R3YGXEVJHCYBWDZFQCT2DAYJVAQQDZQKXQ5KGQMM5" << false;
        QTest::newRow("operator key")
            << "OADPMFEIKFUFQKQSENRQDU6LBWKRTKNAEE4SIWEGJLNVF6N3YW25M7PS" << false;
        QTest::newRow("checksum broken")
            << "UCDIHS2ADMJOBZZS2HSGEDFFWBPWFCJMLZHW4IVDK3XGJ5AFHNSE5NRA" << false;
        QTest::newRow("too short") << "UCDIHS2ADMJOBZZS" << false;
        QTest::newRow("uuid") << "0f8b2a3c-1111-4abc-8def-0123456789ab" << false;
        QTest::newRow("empty") << "" << false;
    }

    void userPublicKeys()
    {
        QFETCH(QString, key);
        QFETCH(bool, valid);
        QCOMPARE(isUserPublicKey(key), valid);
    }
};

QTEST_GUILESS_MAIN(TestCreds)
#include "tst_creds.moc"
