#include "core/profile/profilestore.h"
#include "core/profile/secretstore.h"

#include <QFile>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

using namespace cotal::profile;

namespace {

SecretResult await(QFuture<SecretResult> future)
{
    if (!QTest::qWaitFor([&] { return future.isFinished(); }, 20000))
        return SecretResult{SecretResult::Status::Failed, {}, QStringLiteral("keychain timed out")};
    return future.result();
}

// A secret made up at run time, so nothing meaningful could ever leak from test output.
QByteArray freshSecret()
{
    return QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
}

} // namespace

// Runs against the real Secret Service that scripts/test starts (gnome-keyring in a private
// D-Bus session); there is no fake store.
class TestSecretStore : public QObject
{
    Q_OBJECT

private slots:
    void writeThenReadRoundTrips()
    {
        const SecretStore store(QStringLiteral("cotal-console-test"));
        const QString profile = QUuid::createUuid().toString();
        const QByteArray secret = freshSecret();
        const SecretResult written = await(store.write(profile, QStringLiteral("token"), secret));
        QVERIFY2(written.ok(), qPrintable(written.message));
        const SecretResult read = await(store.read(profile, QStringLiteral("token")));
        QVERIFY2(read.ok(), qPrintable(read.message));
        QVERIFY(read.secret == secret);
    }

    void missingEntryIsNotFound()
    {
        const SecretStore store(QStringLiteral("cotal-console-test"));
        const SecretResult read =
            await(store.read(QUuid::createUuid().toString(), QStringLiteral("password")));
        QCOMPARE(read.status, SecretResult::Status::NotFound);
    }

    void removeDeletesTheEntry()
    {
        const SecretStore store(QStringLiteral("cotal-console-test"));
        const QString profile = QUuid::createUuid().toString();
        QVERIFY(await(store.write(profile, QStringLiteral("creds"), freshSecret())).ok());
        QVERIFY(await(store.remove(profile, QStringLiteral("creds"))).ok());
        QCOMPARE(await(store.read(profile, QStringLiteral("creds"))).status,
                 SecretResult::Status::NotFound);
    }

    void binarySecretsSurvive()
    {
        const SecretStore store(QStringLiteral("cotal-console-test"));
        const QString profile = QUuid::createUuid().toString();
        const QByteArray creds = "-----BEGIN NATS USER JWT-----\n\x01\x02\n" + freshSecret();
        QVERIFY(await(store.write(profile, QStringLiteral("creds"), creds)).ok());
        QVERIFY(await(store.read(profile, QStringLiteral("creds"))).secret == creds);
    }

    void profilesRoundTripWithoutSecretsInSettings()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("settings.ini"));
        const QByteArray secret = freshSecret();
        QString id;
        {
            ProfileStore profiles(file);
            ConnectionProfile profile;
            profile.name = QStringLiteral("staging");
            profile.servers = {QStringLiteral("nats://127.0.0.1:1"), QStringLiteral("tls://h:2")};
            profile.space = QStringLiteral("main");
            profile.authKind = ConnectionProfile::AuthKind::Token;
            profile.instanceId = QStringLiteral("console-1");
            id = profiles.save(profile);
            const SecretStore store(QStringLiteral("cotal-console-test"));
            QVERIFY(await(store.write(id, profile.secretKind(), secret)).ok());
        }
        ProfileStore reopened(file);
        const auto loaded = reopened.find(id);
        QVERIFY(loaded.has_value());
        QCOMPARE(loaded->name, QStringLiteral("staging"));
        QCOMPARE(loaded->servers.size(), 2);
        QCOMPARE(loaded->authKind, ConnectionProfile::AuthKind::Token);
        QCOMPARE(loaded->instanceId, QStringLiteral("console-1"));

        QFile settings(file);
        QVERIFY(settings.open(QIODevice::ReadOnly));
        QVERIFY2(!settings.readAll().contains(secret), "a secret reached QSettings");
    }

    void markUsedMovesToFront()
    {
        QTemporaryDir dir;
        ProfileStore profiles(dir.filePath(QStringLiteral("settings.ini")));
        ConnectionProfile a;
        a.name = QStringLiteral("a");
        ConnectionProfile b;
        b.name = QStringLiteral("b");
        profiles.save(a);
        const QString idB = profiles.save(b);
        profiles.markUsed(idB);
        QCOMPARE(profiles.profiles().first().name, QStringLiteral("b"));
        profiles.remove(idB);
        QCOMPARE(profiles.profiles().size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestSecretStore)
#include "tst_secretstore.moc"
