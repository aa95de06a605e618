// Every single-record golden fixture captured from the TS reference must decode with the right
// decoder and re-encode to exactly the bytes the reference wrote.
#include "core/wire/aclrecord.h"
#include "core/wire/channelconfig.h"
#include "core/wire/channels.h"
#include "core/wire/control.h"
#include "core/wire/deliverylease.h"
#include "core/wire/memberrecord.h"
#include "core/wire/membershipfeed.h"
#include "core/wire/message.h"
#include "core/wire/plane3entry.h"
#include "core/wire/presence.h"
#include "core/wire/subjects.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace cotal::wire;

namespace {

struct Fixture
{
    QString subject;
    QJsonObject headers;
    QJsonValue payload;
    QByteArray raw;
};

QString fixtureDir()
{
    return QStringLiteral(COTAL_PROTOCOL_DIR "/fixtures");
}

Fixture loadFixture(const QString &name)
{
    QFile file(fixtureDir() + u'/' + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open fixture %s", qPrintable(name));
    const QJsonObject envelope = QJsonDocument::fromJson(file.readAll()).object();
    return Fixture{envelope.value(u"subject").toString(), envelope.value(u"headers").toObject(),
                   envelope.value(u"payload"), envelope.value(u"raw").toString().toUtf8()};
}

// Aggregate captures (stream/consumer configs, JetStream API bodies) belong to the NATS layer's
// tests, not to the record codecs.
bool isAggregate(const QString &name)
{
    return name.startsWith(u"streams") || name == u"consumers.json" ||
           name == u"js-api-requests.json";
}

QStringList singleRecordFixtures()
{
    QStringList names;
    const QStringList all =
        QDir(fixtureDir()).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    for (const QString &name : all) {
        if (!isAggregate(name))
            names.append(name);
    }
    return names;
}

// The KV key of a `$KV.<bucket>.<key>` subject, or no value for another bucket.
std::optional<QString> kvKey(const QString &subject, const QString &bucket)
{
    const QString prefix = QStringLiteral("$KV.%1.").arg(bucket);
    if (!subject.startsWith(prefix))
        return std::nullopt;
    return subject.mid(prefix.size());
}

template<typename T>
Result<QByteArray> reencode(const Result<T> &decoded, QByteArray (*encode)(const T &))
{
    if (!decoded)
        return decoded.error();
    return encode(decoded.value());
}

QByteArray encodeConfig(const ChannelConfig &config)
{
    return config.encode();
}

QByteArray encodeDefaults(const ChannelDefaults &defaults)
{
    return defaults.encode();
}

QByteArray encodeDelivery(const CheckedDelivery &delivery)
{
    return encodeCotalMessage(delivery.message);
}

// Decodes a fixture with the decoder its subject (and, for ctl, its file name) calls for and
// re-encodes it. `decoder` names the choice for failure messages.
Result<QByteArray> decodeAndReencode(const QString &name, const Fixture &fixture, QString *decoder)
{
    const QString &subject = fixture.subject;
    if (const auto key = kvKey(subject, QStringLiteral("cotal_presence_demo"))) {
        *decoder = QStringLiteral("Presence");
        return reencode(decodePresence(fixture.raw, *key), &encodePresence);
    }
    if (const auto key = kvKey(subject, QStringLiteral("cotal_channels_demo"))) {
        if (*key == kChannelDefaultsKey) {
            *decoder = QStringLiteral("ChannelDefaults");
            return reencode(decodeChannelDefaults(fixture.raw), &encodeDefaults);
        }
        *decoder = QStringLiteral("ChannelConfig");
        return reencode(decodeChannelConfig(fixture.raw), &encodeConfig);
    }
    if (kvKey(subject, QStringLiteral("cotal_members_demo"))) {
        *decoder = QStringLiteral("MembershipRecord");
        return reencode(decodeMembershipRecord(fixture.raw), &encodeMembershipRecord);
    }
    if (kvKey(subject, QStringLiteral("cotal_acl_demo"))) {
        *decoder = QStringLiteral("AclRecord");
        return reencode(decodeAclRecord(fixture.raw), &encodeAclRecord);
    }
    if (kvKey(subject, QStringLiteral("cotal_delivery_demo"))) {
        *decoder = QStringLiteral("DeliveryLease");
        return reencode(decodeDeliveryLease(fixture.raw), &encodeDeliveryLease);
    }
    if (const auto key = kvKey(subject, QStringLiteral("cotal_membership_demo"))) {
        if (*key == kMembershipFeedKey) {
            *decoder = QStringLiteral("MembershipFeedHeartbeat");
            return reencode(decodeMembershipFeedHeartbeat(fixture.raw),
                            &encodeMembershipFeedHeartbeat);
        }
        *decoder = QStringLiteral("ChannelMembership");
        return reencode(decodeChannelMembership(fixture.raw), &encodeChannelMembership);
    }
    if (parseDinboxOwner(subject)) {
        *decoder = QStringLiteral("Plane3Entry");
        return reencode(decodePlane3Entry(fixture.raw), &encodePlane3Entry);
    }
    if (parseDlvOwner(subject)) {
        *decoder = QStringLiteral("CotalMessage (DLV, no sender)");
        return reencode(decodeCotalMessage(QByteArrayView(fixture.raw)), &encodeCotalMessage);
    }
    const std::optional<ParsedSubject> parsed = parseSubject(subject);
    if (parsed && parsed->kind == SubjectKind::Ctl) {
        *decoder = QStringLiteral("ControlRequest");
        return reencode(decodeControlRequest(QByteArrayView(fixture.raw)), &encodeControlRequest);
    }
    if (parsed) {
        *decoder = QStringLiteral("CotalMessage (checkDelivery)");
        return reencode(checkDelivery(subject, QByteArrayView(fixture.raw)), &encodeDelivery);
    }
    if (name.startsWith(u"ctl-") && subject.contains(u".reply.")) {
        *decoder = QStringLiteral("ControlReply");
        return reencode(decodeControlReply(QByteArrayView(fixture.raw)), &encodeControlReply);
    }
    *decoder = QStringLiteral("none");
    return wireError(WireErrorCode::MalformedSubject,
                     QStringLiteral("no decoder for %1 (%2)").arg(name, subject));
}

QByteArray header(const Fixture &fixture, const QString &name)
{
    return fixture.headers.value(name).toString().toUtf8();
}

} // namespace

class TestFixtures final : public QObject
{
    Q_OBJECT

private slots:
    void fixtureSetIsComplete();
    void decodesAndReencodesByteForByte_data();
    void decodesAndReencodesByteForByte();
    void messageIdHeadersFollowWireRules();
    void dlvCopyIsByteIdenticalToChatPayload();
    void sentMentionsWereNormalised();
    void controlFixturesHaveTypedArgsAndData();
    void memberKeysMatchTheirRecords();
    void offlinePresenceKeepsOnlyActivity();
    void aclFixtureIsAKnownReadAcl();
    void leaseReleaseIsADeleteNotALease();
    void registryEntriesResolve();
};

void TestFixtures::fixtureSetIsComplete()
{
    const QStringList names = singleRecordFixtures();
    // The 32 single-record captures listed in fixtures/README.md.
    QCOMPARE(names.size(), 32);
    QVERIFY(names.contains(QStringLiteral("chat-text.json")));
    QVERIFY(names.contains(QStringLiteral("ctl-listMemberships-request.json")));
    QVERIFY(!names.contains(QStringLiteral("streams.json")));
}

void TestFixtures::decodesAndReencodesByteForByte_data()
{
    QTest::addColumn<QString>("name");
    for (const QString &name : singleRecordFixtures())
        QTest::newRow(qPrintable(name)) << name;
}

void TestFixtures::decodesAndReencodesByteForByte()
{
    QFETCH(QString, name);
    const Fixture fixture = loadFixture(name);
    if (fixture.raw.isEmpty()) {
        // A KV delete marker carries no record; leaseReleaseIsADeleteNotALease covers it.
        QCOMPARE(header(fixture, QStringLiteral("KV-Operation")), QByteArray("DEL"));
        return;
    }
    QString decoder;
    const Result<QByteArray> encoded = decodeAndReencode(name, fixture, &decoder);
    QVERIFY2(encoded.ok(), qPrintable(QStringLiteral("%1: %2").arg(
                               decoder, encoded.ok() ? QString() : encoded.error().detail)));
    QCOMPARE(QJsonDocument::fromJson(encoded.value()).object(), fixture.payload.toObject());
    QCOMPARE(encoded.value(), fixture.raw);
}

void TestFixtures::messageIdHeadersFollowWireRules()
{
    for (const QString &name :
         {QStringLiteral("chat-text.json"), QStringLiteral("chat-mentions-reply-context.json"),
          QStringLiteral("chat-data-part.json"), QStringLiteral("dm.json"),
          QStringLiteral("anycast.json")}) {
        const Fixture fixture = loadFixture(name);
        const Result<CotalMessage> message = decodeCotalMessage(QByteArrayView(fixture.raw));
        QVERIFY(message.ok());
        QCOMPARE(header(fixture, QStringLiteral("Nats-Msg-Id")), message->id.toUtf8());
    }
    for (const QString &name : {QStringLiteral("dinbox-durable-channel.json"),
                                QStringLiteral("dinbox-live-mention.json")}) {
        const Fixture fixture = loadFixture(name);
        const Result<Plane3Entry> entry = decodePlane3Entry(fixture.raw);
        QVERIFY(entry.ok());
        const std::optional<QString> owner = parseDinboxOwner(fixture.subject);
        QVERIFY(owner);
        QCOMPARE(header(fixture, QStringLiteral("Nats-Msg-Id")),
                 plane3MessageId(entry->message()->id, *owner, entry->generation).toUtf8());
        if (entry->reason == Plane3Reason::LiveMention)
            QCOMPARE(entry->generation, 0);
    }
    const Fixture dlv = loadFixture(QStringLiteral("dlv-copy.json"));
    const Fixture dinbox = loadFixture(QStringLiteral("dinbox-durable-channel.json"));
    QCOMPARE(header(dlv, QStringLiteral("Nats-Msg-Id")),
             header(dinbox, QStringLiteral("Nats-Msg-Id")));
}

void TestFixtures::dlvCopyIsByteIdenticalToChatPayload()
{
    const Fixture chat = loadFixture(QStringLiteral("chat-mentions-reply-context.json"));
    const Fixture dinbox = loadFixture(QStringLiteral("dinbox-durable-channel.json"));
    const Fixture dlv = loadFixture(QStringLiteral("dlv-copy.json"));
    const Result<Plane3Entry> entry = decodePlane3Entry(dinbox.raw);
    QVERIFY(entry.ok());
    QCOMPARE(entry->msg, chat.raw);
    QCOMPARE(dlv.raw, chat.raw);
    const std::optional<ParsedSubject> parsed = parseSubject(chat.subject);
    QVERIFY(parsed);
    QCOMPARE(entry->channel, parsed->rest);
}

void TestFixtures::sentMentionsWereNormalised()
{
    const Fixture fixture = loadFixture(QStringLiteral("chat-mentions-reply-context.json"));
    const Result<CotalMessage> message = decodeCotalMessage(QByteArrayView(fixture.raw));
    QVERIFY(message.ok());
    // Sent as [" Bob","bob",""].
    QCOMPARE(normalizeMentions({QStringLiteral(" Bob"), QStringLiteral("bob"), QString()}),
             message->mentions);
    QCOMPARE(
        message->replyTo,
        decodeCotalMessage(QByteArrayView(loadFixture(QStringLiteral("chat-text.json")).raw))->id);
}

void TestFixtures::controlFixturesHaveTypedArgsAndData()
{
    const Fixture join = loadFixture(QStringLiteral("ctl-durableJoin-request.json"));
    const Result<ControlRequest> joinRequest = decodeControlRequest(QByteArrayView(join.raw));
    QVERIFY(joinRequest.ok());
    QCOMPARE(joinRequest->op, kOpDurableJoin);
    QVERIFY(checkControlSender(join.subject, joinRequest.value()).ok());
    QCOMPARE(DurableJoinArgs::fromArgs(joinRequest->argsOrEmpty())->channel,
             QStringLiteral("general"));
    QCOMPARE(
        encodeControlRequest(durableJoinRequest(joinRequest->from, {QStringLiteral("general")})),
        join.raw);

    const Fixture leave = loadFixture(QStringLiteral("ctl-durableLeave-request.json"));
    const Result<ControlRequest> leaveRequest = decodeControlRequest(QByteArrayView(leave.raw));
    QVERIFY(leaveRequest.ok());
    const Result<DurableLeaveArgs> leaveArgs = DurableLeaveArgs::fromArgs(*leaveRequest->args);
    QVERIFY(leaveArgs.ok());
    QCOMPARE(leaveArgs.value(), (DurableLeaveArgs{QStringLiteral("team.backend"), 1}));
    QCOMPARE(encodeControlRequest(durableLeaveRequest(leaveRequest->from, leaveArgs.value())),
             leave.raw);

    const Fixture list = loadFixture(QStringLiteral("ctl-listMemberships-request.json"));
    const Result<ControlRequest> listRequest = decodeControlRequest(QByteArrayView(list.raw));
    QVERIFY(listRequest.ok());
    QVERIFY(listRequest->args && listRequest->args->isEmpty());
    QCOMPARE(encodeControlRequest(listMembershipsRequest(listRequest->from)), list.raw);

    const auto replyData = [](const QString &name) {
        const Result<ControlReply> reply =
            decodeControlReply(QByteArrayView(loadFixture(name).raw));
        return reply.ok() && reply->ok && reply->data ? *reply->data : JsonValue();
    };
    const Result<DurableJoinResult> joined =
        DurableJoinResult::fromData(replyData(QStringLiteral("ctl-durableJoin-reply.json")));
    QVERIFY(joined.ok());
    QCOMPARE(joined.value(), (DurableJoinResult{true, std::nullopt, 1}));
    const Result<DurableLeaveResult> left =
        DurableLeaveResult::fromData(replyData(QStringLiteral("ctl-durableLeave-reply.json")));
    QVERIFY(left.ok());
    QVERIFY(!left->alreadyLeft);
    const Result<DurableLeaveResult> alreadyLeft = DurableLeaveResult::fromData(
        replyData(QStringLiteral("ctl-durableLeave-alreadyLeft-reply.json")));
    QVERIFY(alreadyLeft.ok());
    QCOMPARE(alreadyLeft.value(), (DurableLeaveResult{QStringLiteral("team.frontend"), true}));
    const Result<ListMembershipsResult> listed = ListMembershipsResult::fromData(
        replyData(QStringLiteral("ctl-listMemberships-reply.json")));
    QVERIFY(listed.ok());
    QCOMPARE(listed->memberships.size(), 2);
    QCOMPARE(listed->memberships.at(1),
             (MembershipSummary{QStringLiteral("team.backend"), 1, true}));

    const Result<ControlReply> denied = decodeControlReply(
        QByteArrayView(loadFixture(QStringLiteral("ctl-durableJoin-denied-reply.json")).raw));
    QVERIFY(denied.ok());
    QVERIFY(!denied->ok);
    QCOMPARE(
        denied->error,
        QStringLiteral("channel \"secret\" is not within your read ACL [general, team.>, random]"));
}

void TestFixtures::memberKeysMatchTheirRecords()
{
    qint64 lastGeneration = 0;
    for (const QString &name :
         {QStringLiteral("members-pending.json"), QStringLiteral("members-active.json"),
          QStringLiteral("members-tombstone.json"), QStringLiteral("members-rejoined.json")}) {
        const Fixture fixture = loadFixture(name);
        const Result<MembershipRecord> record = decodeMembershipRecord(fixture.raw);
        QVERIFY(record.ok());
        const std::optional<MemberKey> key =
            parseMemberKey(*kvKey(fixture.subject, QStringLiteral("cotal_members_demo")));
        QVERIFY(key);
        QCOMPARE(key->channel, record->channel);
        QCOMPARE(key->owner, record->owner);
        QVERIFY(record->generation >= lastGeneration);
        lastGeneration = record->generation;
        QCOMPARE(record->isTombstone(), name == u"members-tombstone.json");
    }
    const MembershipRecord tombstone =
        decodeMembershipRecord(loadFixture(QStringLiteral("members-tombstone.json")).raw).value();
    QCOMPARE(tombstone.state, MemberState::LiveConfirmed);
    QVERIFY(tombstone.isEligible(4));
    QVERIFY(!tombstone.isEligible(5));
}

void TestFixtures::offlinePresenceKeepsOnlyActivity()
{
    const Fixture working = loadFixture(QStringLiteral("presence-working.json"));
    const Result<Presence> live = decodePresence(working.raw);
    QVERIFY(live.ok());
    QCOMPARE(live->attention, Attention::Focus);
    QCOMPARE(live->channelModes,
             (QList<ChannelModeEntry>{{QStringLiteral("random"), ChannelMode::Muted}}));
    // Writing the same state as offline yields the captured offline record's shape.
    Presence offline = live.value();
    offline.status = PresenceStatus::Offline;
    const Fixture stopped = loadFixture(QStringLiteral("presence-offline.json"));
    offline.ts = decodePresence(stopped.raw)->ts;
    QCOMPARE(encodePresence(offline), stopped.raw);
    QVERIFY(!decodePresence(working.raw, QStringLiteral("UA6ALGYF2PO52KSYA2OD2UZRY7LTOI7TQJVIERV"
                                                        "VKJIJND3COJQ3HR7G"))
                 .ok());
}

void TestFixtures::aclFixtureIsAKnownReadAcl()
{
    const ReadAcl acl = ReadAcl::fromKvValue(loadFixture(QStringLiteral("acl.json")).raw);
    QCOMPARE(acl.standing(), ReadAcl::Standing::Reads);
    QVERIFY(acl.record());
    QVERIFY(channelInAllow(acl.record()->allowSubscribe, QStringLiteral("team.backend")));
    QVERIFY(!channelInAllow(acl.record()->allowSubscribe, QStringLiteral("secret")));
}

void TestFixtures::leaseReleaseIsADeleteNotALease()
{
    const Fixture release = loadFixture(QStringLiteral("delivery-lease-release.json"));
    QVERIFY(release.payload.isNull());
    QCOMPARE(header(release, QStringLiteral("KV-Operation")), QByteArray("DEL"));
    QCOMPARE(decodeDeliveryLease(release.raw).error().code, WireErrorCode::MalformedJson);
    const Result<DeliveryLease> acquired =
        decodeDeliveryLease(loadFixture(QStringLiteral("delivery-lease-acquire.json")).raw);
    const Result<DeliveryLease> running =
        decodeDeliveryLease(loadFixture(QStringLiteral("delivery-lease.json")).raw);
    QVERIFY(acquired.ok() && running.ok());
    QVERIFY(!acquired->ready);
    QVERIFY(running->ready);
    QCOMPARE(acquired->holder, running->holder);
}

void TestFixtures::registryEntriesResolve()
{
    const ChannelDefaults defaults =
        decodeChannelDefaults(loadFixture(QStringLiteral("channel-defaults.json")).raw).value();
    const ChannelConfig backend =
        decodeChannelConfig(loadFixture(QStringLiteral("channel-config.json")).raw).value();
    const ChannelConfig random =
        decodeChannelConfig(loadFixture(QStringLiteral("channel-config-live.json")).raw).value();
    const EffectiveChannelPolicy team =
        resolveChannelPolicy(QStringLiteral("team.backend"), backend, defaults);
    QCOMPARE(team,
             (EffectiveChannelPolicy{true, QStringLiteral("2h"), 7200000, DeliveryClass::Durable}));
    const EffectiveChannelPolicy live =
        resolveChannelPolicy(QStringLiteral("random"), random, defaults);
    QCOMPARE(live,
             (EffectiveChannelPolicy{false, std::nullopt, std::nullopt, DeliveryClass::Live}));
    const EffectiveChannelPolicy general =
        resolveChannelPolicy(QStringLiteral("general"), std::nullopt, defaults);
    QCOMPARE(general.deliveryClass, DeliveryClass::Durable);
    QVERIFY(general.replay);
}

QTEST_APPLESS_MAIN(TestFixtures)
#include "tst_fixtures.moc"
