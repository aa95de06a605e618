#include "core/space/spaceprovisioner.h"
#include "core/trust/trustchain.h"
#include "core/wire/creds.h"
#include "core/wire/names.h"
#include "tests/integration/spacetestsupport.h"

#include <QJsonArray>
#include <QRegularExpression>

using cotal::nats::ApiResult;
using cotal::nats::KeyValue;
using cotal::nats::KvResult;
using cotal::space::ProvisionResult;
using cotal::space::SpaceProvisioner;
using cotal::testing::SpaceTestServer;
using Class = cotal::space::SpaceProvisioner::DefaultDeliveryClass;
using State = cotal::space::StreamPresence::State;
using Profile = cotal::trust::UserProfile;

namespace {

// fixtures/streams.json with the space `demo` renamed to `space`, keyed by stream name.
QJsonObject referenceConfigs(const QString &space)
{
    const QJsonObject streams = cotal::testing::fixture(QStringLiteral("streams.json"))
                                    .value(QStringLiteral("streams"))
                                    .toObject();
    QString text = QString::fromUtf8(QJsonDocument(streams).toJson(QJsonDocument::Compact));
    // `demo` as a name or subject token: CHAT_demo, cotal.demo.chat.>, $KV.cotal_acl_demo.>
    text.replace(QRegularExpression(QStringLiteral("(?<=[._])demo(?=[\"._])")), space);
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

} // namespace

class TestSpaceProvisioner : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_server.start(&error), qPrintable(error));
    }

    void cleanupTestCase() { m_server.stop(); }

    void createsTheTwelveStreamsOfASpace()
    {
        const QString space = SpaceTestServer::freshSpace(QStringLiteral("prov"));
        AWAIT(result, SpaceProvisioner(m_server.jetStream(), space).provision(Class::Durable));
        VERIFY_NATS_OK(result);
        QStringList created = result.created;
        created.sort();
        QStringList expected = cotal::wire::spaceStreamNames(space);
        expected.sort();
        QCOMPARE(created, expected);
        QVERIFY(result.existing.isEmpty());
        QVERIFY(result.mismatched.isEmpty());
    }

    // Every field the reference's STREAM.INFO shows must be identical; nothing else is ignored.
    void createdConfigsEqualTheReferenceFieldForField()
    {
        const QString space = SpaceTestServer::freshSpace(QStringLiteral("prov"));
        AWAIT(result, SpaceProvisioner(m_server.jetStream(), space).provision(Class::Durable));
        VERIFY_NATS_OK(result);
        const QJsonObject reference = referenceConfigs(space);
        QCOMPARE(reference.size(), 12);
        for (auto it = reference.constBegin(); it != reference.constEnd(); ++it) {
            AWAIT(info, m_server.jetStream().streamInfo(it.key()));
            VERIFY_NATS_OK(info);
            const QJsonObject actual = info.body.value(QStringLiteral("config")).toObject();
            const QJsonObject wanted = it.value().toObject();
            for (auto field = wanted.constBegin(); field != wanted.constEnd(); ++field) {
                QVERIFY2(actual.value(field.key()) == field.value(),
                         qPrintable(QStringLiteral("%1.%2").arg(it.key(), field.key())));
            }
        }
    }

    void expectedConfigIsTheReferenceConfig()
    {
        const QString space = QStringLiteral("demo");
        const QJsonObject reference = referenceConfigs(space);
        for (auto it = reference.constBegin(); it != reference.constEnd(); ++it)
            QCOMPARE(SpaceProvisioner::expectedConfig(space, it.key()), it.value().toObject());
    }

    void createBodiesAreTheReferenceBodies()
    {
        QCOMPARE(
            SpaceProvisioner::chatStreamConfig(QStringLiteral("main")),
            QByteArray("{\"name\":\"CHAT_main\",\"subjects\":[\"cotal.main.chat.>\"],"
                       "\"retention\":\"limits\",\"storage\":\"file\","
                       "\"max_msgs_per_subject\":1000,\"discard\":\"old\",\"allow_direct\":true}"));
        QCOMPARE(SpaceProvisioner::inboxStreamConfig(QStringLiteral("main")),
                 QByteArray("{\"name\":\"INBOX_main\",\"subjects\":[\"cotal.main.dinbox.>\"],"
                            "\"retention\":\"limits\",\"storage\":\"file\","
                            "\"max_msgs_per_subject\":1000,\"discard\":\"old\","
                            "\"duplicate_window\":7200000000000}"));
    }

    void secondProvisionIsIdempotent()
    {
        const QString space = SpaceTestServer::freshSpace(QStringLiteral("prov"));
        const SpaceProvisioner provisioner(m_server.jetStream(), space);
        AWAIT(first, provisioner.provision(Class::Durable));
        VERIFY_NATS_OK(first);
        AWAIT(second, provisioner.provision(Class::Durable));
        VERIFY_NATS_OK(second);
        QVERIFY(second.created.isEmpty());
        QCOMPARE(second.existing.size(), 12);
        QVERIFY(second.mismatched.isEmpty());
        QVERIFY(first.defaultsWritten);
        QVERIFY(!second.defaultsWritten);
    }

    void differingExistingStreamIsReportedNotOverwritten()
    {
        const QString space = SpaceTestServer::freshSpace(QStringLiteral("prov"));
        const QString chat = cotal::wire::chatStreamName(space);
        QByteArray body = SpaceProvisioner::chatStreamConfig(space);
        body.replace("\"max_msgs_per_subject\":1000", "\"max_msgs_per_subject\":500");
        AWAIT(made, m_server.jetStream().createStream(chat, body));
        VERIFY_NATS_OK(made);

        AWAIT(result, SpaceProvisioner(m_server.jetStream(), space).provision(Class::Durable));
        QVERIFY(!result.ok());
        QVERIFY2(result.error.message.contains(chat), qPrintable(result.error.message));
        QCOMPARE(result.mismatched.size(), 1);
        QCOMPARE(result.mismatched.first().stream, chat);
        QCOMPARE(result.mismatched.first().differences.size(), 1);
        QVERIFY(result.mismatched.first().differences.first().startsWith(
            QStringLiteral("max_msgs_per_subject: expected 1000, found 500")));
        QCOMPARE(result.created.size(), 11);
        QVERIFY(!result.defaultsWritten);

        AWAIT(info, m_server.jetStream().streamInfo(chat));
        QCOMPARE(info.body.value(QStringLiteral("config"))
                     .toObject()
                     .value(QStringLiteral("max_msgs_per_subject"))
                     .toInt(),
                 500);
    }

    void inspectionFindsWhatAPartlyProvisionedSpaceLacks()
    {
        const QString space = SpaceTestServer::freshSpace(QStringLiteral("prov"));
        const SpaceProvisioner provisioner(m_server.jetStream(), space);
        const QString chat = cotal::wire::chatStreamName(space);
        AWAIT(made,
              m_server.jetStream().createStream(chat, SpaceProvisioner::chatStreamConfig(space)));
        VERIFY_NATS_OK(made);
        const KeyValue presence(m_server.jetStream(), cotal::wire::presenceBucket(space));
        AWAIT(other, m_server.jetStream().createStream(
                         presence.streamName(), KeyValue::bucketConfig(presence.bucket(), 9000)));
        VERIFY_NATS_OK(other);

        AWAIT(before, provisioner.inspect());
        QCOMPARE(before.streams.size(), 12);
        QCOMPARE(before.named(State::Present), QStringList{chat});
        QCOMPARE(before.named(State::Different), QStringList{presence.streamName()});
        QCOMPARE(before.named(State::Missing).size(), 10);
        QVERIFY(before.named(State::Unchecked).isEmpty());
        QVERIFY(!before.complete());

        AWAIT(nothingCreated, m_server.jetStream().streamInfo(cotal::wire::dmStreamName(space)));
        QCOMPARE(nothingCreated.error.kind, cotal::nats::NatsErrorKind::NotFound);
    }

    void inspectionOfAProvisionedSpaceIsComplete()
    {
        const QString space = SpaceTestServer::freshSpace(QStringLiteral("prov"));
        const SpaceProvisioner provisioner(m_server.jetStream(), space);
        AWAIT(result, provisioner.provision(Class::Live));
        VERIFY_NATS_OK(result);
        AWAIT(inventory, provisioner.inspect());
        QVERIFY(inventory.complete());
        QCOMPARE(inventory.named(State::Present), cotal::wire::spaceStreamNames(space));
    }

    // Only the provisioner profile may create a space's streams; the others are refused up front.
    void onlyTheProvisionerProfileMayProvision()
    {
        const cotal::trust::TrustChain chain(QStringLiteral("op"), QStringLiteral("acct"));
        const auto grantsOf = [&chain](Profile profile, const QString &space) {
            return cotal::wire::parseCreds(chain.mint(profile, space).credsText).value().grants;
        };
        QVERIFY(SpaceProvisioner::mayProvision(
            grantsOf(Profile::Provisioner, QStringLiteral("lab")), QStringLiteral("lab")));
        QVERIFY(!SpaceProvisioner::mayProvision(
            grantsOf(Profile::Provisioner, QStringLiteral("lab")), QStringLiteral("other")));
        for (Profile profile :
             {Profile::Admin, Profile::Observer, Profile::Agent, Profile::Delivery})
            QVERIFY(!SpaceProvisioner::mayProvision(grantsOf(profile, QStringLiteral("lab")),
                                                    QStringLiteral("lab")));
        QVERIFY(SpaceProvisioner::mayProvision(cotal::wire::Grants::unrestricted(),
                                               QStringLiteral("lab")));
    }

    // A lookup the credential may not make is not sent and is not claimed either way.
    void inspectionSkipsLookupsTheGrantsRefuse()
    {
        const QString space = SpaceTestServer::freshSpace(QStringLiteral("prov"));
        const cotal::trust::TrustChain chain(QStringLiteral("op"), QStringLiteral("acct"));
        const cotal::wire::Grants observer =
            cotal::wire::parseCreds(chain.mint(Profile::Observer, space).credsText).value().grants;
        AWAIT(inventory, SpaceProvisioner(m_server.jetStream(), space, observer).inspect());
        const QStringList unchecked = inventory.named(State::Unchecked);
        QVERIFY(unchecked.contains(cotal::wire::kvStreamName(cotal::wire::aclBucket(space))));
        QVERIFY(!unchecked.contains(cotal::wire::chatStreamName(space)));
        QCOMPARE(inventory.named(State::Missing).size() + unchecked.size(), 12);
        for (const cotal::space::StreamPresence &stream : inventory.streams) {
            if (stream.state == State::Unchecked)
                QCOMPARE(stream.error.kind, cotal::nats::NatsErrorKind::PermissionDenied);
        }
    }

    void differingBucketIsReported()
    {
        const QString space = SpaceTestServer::freshSpace(QStringLiteral("prov"));
        const KeyValue presence(m_server.jetStream(), cotal::wire::presenceBucket(space));
        // A presence bucket made with another TTL, as an endpoint with ttlMs 9000 would.
        AWAIT(made, m_server.jetStream().createStream(
                        presence.streamName(), KeyValue::bucketConfig(presence.bucket(), 9000)));
        VERIFY_NATS_OK(made);
        AWAIT(result, SpaceProvisioner(m_server.jetStream(), space).provision(Class::Live));
        QVERIFY(!result.ok());
        QCOMPARE(result.mismatched.size(), 1);
        QCOMPARE(result.mismatched.first().stream, presence.streamName());
        QCOMPARE(result.mismatched.first().differences.size(), 2); // max_age, duplicate_window
    }

    void writesTheDurableDefaultLikeTheReference()
    {
        const QString space = SpaceTestServer::freshSpace(QStringLiteral("prov"));
        AWAIT(result, SpaceProvisioner(m_server.jetStream(), space).provision(Class::Durable));
        VERIFY_NATS_OK(result);
        QVERIFY(result.defaultsWritten);
        AWAIT(stored, KeyValue(m_server.jetStream(), cotal::wire::channelsBucket(space))
                          .get(QStringLiteral("=defaults")));
        VERIFY_NATS_OK(stored);
        QCOMPARE(stored.entry.value,
                 cotal::testing::fixtureRaw(QStringLiteral("channel-defaults.json")));
    }

    void keepsAnExistingDefaultClass()
    {
        const QString space = SpaceTestServer::freshSpace(QStringLiteral("prov"));
        const KeyValue channels(m_server.jetStream(), cotal::wire::channelsBucket(space));
        AWAIT(bucket, channels.createBucket());
        VERIFY_NATS_OK(bucket);
        const QByteArray seeded("{\"deliveryClass\":\"live\",\"replay\":false}");
        AWAIT(put, channels.put(QStringLiteral("=defaults"), seeded));
        VERIFY_NATS_OK(put);
        AWAIT(result, SpaceProvisioner(m_server.jetStream(), space).provision(Class::Durable));
        VERIFY_NATS_OK(result);
        QVERIFY(!result.defaultsWritten);
        AWAIT(stored, channels.get(QStringLiteral("=defaults")));
        QCOMPARE(stored.entry.value, seeded);
        QCOMPARE(stored.entry.revision, put.entry.revision);
    }

    void mergesTheDefaultClassAfterExistingFields()
    {
        const QString space = SpaceTestServer::freshSpace(QStringLiteral("prov"));
        const KeyValue channels(m_server.jetStream(), cotal::wire::channelsBucket(space));
        AWAIT(bucket, channels.createBucket());
        VERIFY_NATS_OK(bucket);
        AWAIT(put, channels.put(QStringLiteral("=defaults"),
                                "{\"replayWindow\":\"2h\",\"replay\":false}"));
        VERIFY_NATS_OK(put);
        AWAIT(result, SpaceProvisioner(m_server.jetStream(), space).provision(Class::Live));
        VERIFY_NATS_OK(result);
        QVERIFY(result.defaultsWritten);
        AWAIT(stored, channels.get(QStringLiteral("=defaults")));
        QCOMPARE(
            stored.entry.value,
            QByteArray("{\"replayWindow\":\"2h\",\"replay\":false,\"deliveryClass\":\"live\"}"));
    }

private:
    SpaceTestServer m_server;
};

QTEST_GUILESS_MAIN(TestSpaceProvisioner)
#include "tst_spaceprovisioner.moc"
