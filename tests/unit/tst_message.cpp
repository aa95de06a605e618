#include "core/wire/jsonreader.h"
#include "core/wire/jsonwriter.h"
#include "core/wire/message.h"

#include <QTest>

using namespace cotal::wire;

namespace {

const QString A = QStringLiteral("UAQGWOEVJKMIO4WXSYOTLARXYOZTCXFK67JASEH6AFFFYK6FOPSKQCAD");
const QString B = QStringLiteral("UDI36ZKVNUM5WMO4QQ6HDQU7F4OH2RCXOJRX6GAIOS5SKVNNSKCDNLJA");

// A valid channel message from A with `extra` members merged in (a null value removes one).
QByteArray messageJson(const QByteArray &extra = {})
{
    QByteArray json = R"({"id":"m1","ts":1710000000000,"space":"main",)"
                      R"("from":{"id":")" +
                      A.toUtf8() + R"(","name":"alice"},"channel":"general",)" +
                      R"("parts":[{"kind":"text","text":"hi"}])";
    if (!extra.isEmpty())
        json += ',' + extra;
    return json + '}';
}

QByteArray withoutKey(const QByteArray &json, const QString &key)
{
    JsonObject object = parseJson(json)->toObject();
    object.remove(key);
    return toJsonText(JsonValue(object));
}

CotalMessage sampleMessage()
{
    CotalMessage message;
    message.id = QStringLiteral("018f1d0a-0000-7000-9000-000000000001");
    message.ts = 1710000000000;
    message.space = QStringLiteral("main");
    message.from = EndpointRef{A, QStringLiteral("alice"), QStringLiteral("planner")};
    message.route = Route{RouteKind::Channel, QStringLiteral("team.backend")};
    message.mentions = {QStringLiteral("bob")};
    message.parts = {Part::makeText(QStringLiteral("Can you review this?"))};
    message.replyTo = QStringLiteral("m0");
    message.contextId = QStringLiteral("ctx-1");
    return message;
}

} // namespace

class TestMessage final : public QObject
{
    Q_OBJECT

private slots:
    void encodesInReferenceKeyOrder();
    void encodeDecodeRoundTrip();
    void optionalFieldsAreOmitted();
    void rejectsWithNamedReason_data();
    void rejectsWithNamedReason();
    void exactlyOneRoutingField_data();
    void exactlyOneRoutingField();
    void unknownFieldsAreIgnored();
    void explicitNullInOptionalFieldReadsAsAbsent();
    void extensionPartIsKeptVerbatim();
    void bareUnknownKindIsKeptButNonConformant();
    void dataPartCarriesAnyJson();
    void extensionKindGrammar_data();
    void extensionKindGrammar();
    void makeExtensionRefusesBareKinds();
    void normalizeMentions_data();
    void normalizeMentions();
    void jsToLowerHandlesSpecialCasing();
    void checkDelivery_data();
    void checkDelivery();
    void deliveryKindComesFromTheSubject();
    void checkDecodedMessage();
    void ownEchoDetection();
};

void TestMessage::encodesInReferenceKeyOrder()
{
    QCOMPARE(encodeCotalMessage(sampleMessage()),
             QByteArray(R"({"id":"018f1d0a-0000-7000-9000-000000000001","ts":1710000000000,)"
                        R"("space":"main","from":{"id":")" +
                        A.toUtf8() +
                        R"(","name":"alice","role":"planner"},"channel":"team.backend",)"
                        R"("mentions":["bob"],"parts":[{"kind":"text","text":"Can you review )"
                        R"(this?"}],"replyTo":"m0","contextId":"ctx-1"})"));
}

void TestMessage::encodeDecodeRoundTrip()
{
    CotalMessage message = sampleMessage();
    JsonObject data;
    data.insert(QStringLiteral("z"), JsonValue(1.5));
    data.insert(QStringLiteral("a"), JsonValue(JsonArray{JsonValue(), JsonValue(true)}));
    message.parts.append(Part::makeData(JsonValue(data)));
    message.route = Route{RouteKind::Service, QStringLiteral("reviewer")};
    const QByteArray encoded = encodeCotalMessage(message);
    const Result<CotalMessage> decoded = decodeCotalMessage(encoded);
    QVERIFY(decoded.ok());
    QCOMPARE(decoded.value(), message);
    QCOMPARE(encodeCotalMessage(decoded.value()), encoded);
}

void TestMessage::optionalFieldsAreOmitted()
{
    CotalMessage message = sampleMessage();
    message.from.role.reset();
    message.mentions.clear();
    message.replyTo.reset();
    message.contextId.reset();
    message.route = Route{RouteKind::Direct, B};
    QCOMPARE(encodeCotalMessage(message),
             QByteArray(R"({"id":"018f1d0a-0000-7000-9000-000000000001","ts":1710000000000,)"
                        R"("space":"main","from":{"id":")" +
                        A.toUtf8() + R"(","name":"alice"},"to":")" + B.toUtf8() +
                        R"(","parts":[{"kind":"text","text":"Can you review this?"}]})"));
}

void TestMessage::rejectsWithNamedReason_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<QString>("reason");
    const QString malformed = QStringLiteral("malformed-json");
    const QString missing = QStringLiteral("missing-field");
    const QString invalid = QStringLiteral("invalid-field");
    const QByteArray ok = messageJson();
    QTest::newRow("not JSON") << QByteArray("hello") << malformed;
    QTest::newRow("truncated") << ok.left(ok.size() - 1) << malformed;
    QTest::newRow("array") << QByteArray("[]") << malformed;
    QTest::newRow("string") << QByteArray(R"("x")") << malformed;
    QTest::newRow("null") << QByteArray("null") << malformed;
    QTest::newRow("empty body") << QByteArray() << malformed;
    QTest::newRow("missing id") << withoutKey(ok, QStringLiteral("id")) << missing;
    QTest::newRow("missing ts") << withoutKey(ok, QStringLiteral("ts")) << missing;
    QTest::newRow("missing space") << withoutKey(ok, QStringLiteral("space")) << missing;
    QTest::newRow("missing from") << withoutKey(ok, QStringLiteral("from")) << missing;
    QTest::newRow("missing parts") << withoutKey(ok, QStringLiteral("parts")) << missing;
    QTest::newRow("id not string") << messageJson(R"("id":7)") << invalid;
    QTest::newRow("id null") << messageJson(R"("id":null)") << invalid;
    QTest::newRow("ts not number") << messageJson(R"("ts":"1710000000000")") << invalid;
    QTest::newRow("space not string") << messageJson(R"("space":true)") << invalid;
    QTest::newRow("from not object") << messageJson(R"("from":"alice")") << invalid;
    QTest::newRow("from.name missing") << messageJson(R"("from":{"id":"x"})") << missing;
    QTest::newRow("from.id not string") << messageJson(R"("from":{"id":1,"name":"a"})") << invalid;
    QTest::newRow("from.role not string")
        << messageJson(R"("from":{"id":"x","name":"a","role":[]})") << invalid;
    QTest::newRow("parts not array") << messageJson(R"("parts":{})") << invalid;
    QTest::newRow("part not object") << messageJson(R"("parts":["hi"])") << invalid;
    QTest::newRow("part without kind") << messageJson(R"("parts":[{"text":"hi"}])") << missing;
    QTest::newRow("part kind not string") << messageJson(R"("parts":[{"kind":1}])") << invalid;
    QTest::newRow("text part without text")
        << messageJson(R"("parts":[{"kind":"text"}])") << missing;
    QTest::newRow("text not string")
        << messageJson(R"("parts":[{"kind":"text","text":5}])") << invalid;
    QTest::newRow("data part without data")
        << messageJson(R"("parts":[{"kind":"data"}])") << missing;
    QTest::newRow("mentions not array") << messageJson(R"("mentions":"bob")") << invalid;
    QTest::newRow("mention not string") << messageJson(R"("mentions":["bob",1])") << invalid;
    QTest::newRow("replyTo not string") << messageJson(R"("replyTo":1)") << invalid;
    QTest::newRow("contextId not string") << messageJson(R"("contextId":{})") << invalid;
}

void TestMessage::rejectsWithNamedReason()
{
    QFETCH(QByteArray, payload);
    QFETCH(QString, reason);
    const Result<CotalMessage> decoded = decodeCotalMessage(payload);
    QVERIFY(!decoded.ok());
    QCOMPARE(decoded.error().reasonToken(), reason);
    QVERIFY(!decoded.error().detail.isEmpty());
}

void TestMessage::exactlyOneRoutingField_data()
{
    QTest::addColumn<QByteArray>("routing");
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("target");
    QTest::newRow("channel") << QByteArray(R"("channel":"general")") << true
                             << int(RouteKind::Channel) << QStringLiteral("general");
    QTest::newRow("to") << QByteArray(R"("to":"B")") << true << int(RouteKind::Direct)
                        << QStringLiteral("B");
    QTest::newRow("toService") << QByteArray(R"("toService":"reviewer")") << true
                               << int(RouteKind::Service) << QStringLiteral("reviewer");
    QTest::newRow("none") << QByteArray() << false << 0 << QString();
    QTest::newRow("channel+to") << QByteArray(R"("channel":"g","to":"B")") << false << 0
                                << QString();
    QTest::newRow("channel+toService")
        << QByteArray(R"("channel":"g","toService":"r")") << false << 0 << QString();
    QTest::newRow("to+toService") << QByteArray(R"("to":"B","toService":"r")") << false << 0
                                  << QString();
    QTest::newRow("all three") << QByteArray(R"("channel":"g","to":"B","toService":"r")") << false
                               << 0 << QString();
    QTest::newRow("null channel beside to") << QByteArray(R"("channel":null,"to":"B")") << true
                                            << int(RouteKind::Direct) << QStringLiteral("B");
    QTest::newRow("channel not string") << QByteArray(R"("channel":42)") << false << 0 << QString();
}

void TestMessage::exactlyOneRoutingField()
{
    QFETCH(QByteArray, routing);
    QFETCH(bool, accepted);
    QFETCH(int, kind);
    QFETCH(QString, target);
    QByteArray payload = R"({"id":"m","ts":1,"space":"s","from":{"id":"x","name":"n"},"parts":[])";
    if (!routing.isEmpty())
        payload += ',' + routing;
    payload += '}';
    const Result<CotalMessage> decoded = decodeCotalMessage(payload);
    QCOMPARE(decoded.ok(), accepted);
    if (!accepted) {
        QCOMPARE(decoded.error().code, WireErrorCode::InvalidField);
        return;
    }
    QCOMPARE(int(decoded->route.kind), kind);
    QCOMPARE(decoded->route.target, target);
}

void TestMessage::unknownFieldsAreIgnored()
{
    const QByteArray payload =
        R"({"id":"m","ts":1,"future":{"x":1},"space":"s","from":{"id":"x","name":"n","avatar":"a"},)"
        R"("channel":"g","parts":[{"kind":"text","text":"t","lang":"en"}],"priority":9})";
    const Result<CotalMessage> decoded = decodeCotalMessage(payload);
    QVERIFY(decoded.ok());
    QCOMPARE(encodeCotalMessage(decoded.value()),
             QByteArray(R"({"id":"m","ts":1,"space":"s","from":{"id":"x","name":"n"},)"
                        R"("channel":"g","parts":[{"kind":"text","text":"t"}]})"));
}

void TestMessage::explicitNullInOptionalFieldReadsAsAbsent()
{
    const Result<CotalMessage> decoded =
        decodeCotalMessage(messageJson(R"("replyTo":null,"mentions":null,"contextId":"c")"));
    QVERIFY(decoded.ok());
    QVERIFY(!decoded->replyTo);
    QVERIFY(decoded->mentions.isEmpty());
    QCOMPARE(decoded->contextId, QStringLiteral("c"));
}

void TestMessage::extensionPartIsKeptVerbatim()
{
    const QByteArray part =
        R"({"kind":"ai.cotal.snapshot","zeta":[1,{"b":2,"a":null}],"alpha":"x"})";
    const Result<CotalMessage> decoded =
        decodeCotalMessage(messageJson("\"parts\":[" + part + ']'));
    QVERIFY(decoded.ok());
    QCOMPARE(decoded->parts.size(), 1);
    const Part &extension = decoded->parts.first();
    QCOMPARE(extension.kind, Part::Kind::Extension);
    QCOMPARE(extension.kindName(), QStringLiteral("ai.cotal.snapshot"));
    QVERIFY(extension.isIgnorable());
    QVERIFY(extension.isConformant());
    QVERIFY(encodeCotalMessage(decoded.value()).contains("\"parts\":[" + part + ']'));
}

void TestMessage::bareUnknownKindIsKeptButNonConformant()
{
    const QByteArray parts = R"([{"kind":"image","url":"u"},{"kind":"text","text":"still here"}])";
    const Result<CotalMessage> decoded = decodeCotalMessage(messageJson("\"parts\":" + parts));
    QVERIFY(decoded.ok());
    QCOMPARE(decoded->parts.size(), 2);
    QCOMPARE(decoded->parts.at(0).kind, Part::Kind::Unknown);
    QCOMPARE(decoded->parts.at(0).kindName(), QStringLiteral("image"));
    QVERIFY(decoded->parts.at(0).isIgnorable());
    QVERIFY(!decoded->parts.at(0).isConformant());
    QCOMPARE(decoded->parts.at(1).text, QStringLiteral("still here"));
    QVERIFY(encodeCotalMessage(decoded.value()).contains("\"parts\":" + parts));
}

void TestMessage::dataPartCarriesAnyJson()
{
    const QByteArray parts = R"([{"kind":"data","data":null},{"kind":"data","data":[1,"x"]},)"
                             R"({"kind":"data","data":{"build":1234,"durationMs":81234.5}}])";
    const Result<CotalMessage> decoded = decodeCotalMessage(messageJson("\"parts\":" + parts));
    QVERIFY(decoded.ok());
    QCOMPARE(decoded->parts.size(), 3);
    for (const Part &part : decoded->parts)
        QCOMPARE(part.kind, Part::Kind::Data);
    QVERIFY(decoded->parts.at(0).data.isNull());
    QVERIFY(decoded->parts.at(1).data.isArray());
    QCOMPARE(decoded->parts.at(2).data.toObject().keys(),
             (QStringList{QStringLiteral("build"), QStringLiteral("durationMs")}));
    QVERIFY(encodeCotalMessage(decoded.value()).contains("\"parts\":" + parts));
}

void TestMessage::extensionKindGrammar_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<bool>("extension");
    QTest::newRow("ai.cotal.x") << QStringLiteral("ai.cotal.x") << true;
    QTest::newRow("com.acme.snapshot") << QStringLiteral("com.acme.snapshot") << true;
    QTest::newRow("dashes and digits") << QStringLiteral("a-1.b2") << true;
    QTest::newRow("bare") << QStringLiteral("image") << false;
    QTest::newRow("leading dot") << QStringLiteral(".a.b") << false;
    QTest::newRow("trailing dot") << QStringLiteral("a.b.") << false;
    QTest::newRow("double dot") << QStringLiteral("a..b") << false;
    QTest::newRow("underscore") << QStringLiteral("a_b.c") << false;
    QTest::newRow("space") << QStringLiteral("a.b c") << false;
    QTest::newRow("non-ASCII") << QStringLiteral("é.b") << false;
    QTest::newRow("empty") << QString() << false;
}

void TestMessage::extensionKindGrammar()
{
    QFETCH(QString, kind);
    QFETCH(bool, extension);
    QCOMPARE(isExtensionPartKind(kind), extension);
}

void TestMessage::makeExtensionRefusesBareKinds()
{
    JsonObject bare;
    bare.insert(QStringLiteral("kind"), QStringLiteral("image"));
    QCOMPARE(Part::makeExtension(bare).error().code, WireErrorCode::InvalidField);
    QCOMPARE(Part::makeExtension(JsonObject()).error().code, WireErrorCode::InvalidField);
    JsonObject good;
    good.insert(QStringLiteral("kind"), QStringLiteral("com.acme.x"));
    good.insert(QStringLiteral("v"), JsonValue(1));
    const Result<Part> part = Part::makeExtension(good);
    QVERIFY(part.ok());
    QCOMPARE(part->kind, Part::Kind::Extension);
}

void TestMessage::normalizeMentions_data()
{
    QTest::addColumn<QStringList>("input");
    QTest::addColumn<QStringList>("output");
    QTest::newRow("wire.md vector")
        << QStringList{QStringLiteral(" Bob"), QStringLiteral("bob"), QStringLiteral("ALICE"),
                       QString(), QStringLiteral(" ")}
        << QStringList{QStringLiteral("bob"), QStringLiteral("alice")};
    QTest::newRow("fixture vector")
        << QStringList{QStringLiteral(" Bob"), QStringLiteral("bob"), QString()}
        << QStringList{QStringLiteral("bob")};
    QTest::newRow("empty") << QStringList() << QStringList();
    QTest::newRow("only blanks") << QStringList{QStringLiteral("\u00a0"), QStringLiteral("\t")}
                                 << QStringList();
    QTest::newRow("JS trim set") << QStringList{QStringLiteral("\ufeffCarol\u3000")}
                                 << QStringList{QStringLiteral("carol")};
    QTest::newRow("first occurrence wins order")
        << QStringList{QStringLiteral("b"), QStringLiteral("A"), QStringLiteral("B"),
                       QStringLiteral("a")}
        << QStringList{QStringLiteral("b"), QStringLiteral("a")};
    QTest::newRow("inner spaces kept") << QStringList{QStringLiteral("Code Reviewer")}
                                       << QStringList{QStringLiteral("code reviewer")};
}

void TestMessage::normalizeMentions()
{
    QFETCH(QStringList, input);
    QFETCH(QStringList, output);
    QCOMPARE(cotal::wire::normalizeMentions(input), output);
}

void TestMessage::jsToLowerHandlesSpecialCasing()
{
    // "İ".toLowerCase() is "i̇" (two code units) in JS.
    QCOMPARE(jsToLower(QStringLiteral("\u0130")), QStringLiteral("i\u0307"));
    // Final sigma: "ΟΔΥΣΣΕΥΣ".toLowerCase() === "οδυσσευς".
    QCOMPARE(jsToLower(QStringLiteral("ΟΔΥΣΣΕΥΣ")), QStringLiteral("οδυσσευς"));
    QCOMPARE(jsToLower(QStringLiteral("Σ")), QStringLiteral("σ"));
    QCOMPARE(jsToLower(QStringLiteral("ΑΣ.")), QStringLiteral("ας."));
    QCOMPARE(jsToLower(QStringLiteral("ΑΣ'Β")), QStringLiteral("ασ'β"));
    QCOMPARE(jsToLower(QStringLiteral("ẞ")), QStringLiteral("ß"));
}

void TestMessage::checkDelivery_data()
{
    QTest::addColumn<QString>("subject");
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<QString>("reason"); // empty = accepted
    const QByteArray ok = messageJson();
    QTest::newRow("chat ok") << QStringLiteral("cotal.main.chat.%1.general").arg(A) << ok
                             << QString();
    QTest::newRow("dm ok") << QStringLiteral("cotal.main.inst.%1.%2").arg(B, A) << ok << QString();
    QTest::newRow("anycast ok") << QStringLiteral("cotal.main.svc.reviewer.%1").arg(A) << ok
                                << QString();
    QTest::newRow("short chat subject")
        << QStringLiteral("cotal.main.chat.%1").arg(A) << ok << QStringLiteral("malformed-subject");
    QTest::newRow("ctl subject is no delivery")
        << QStringLiteral("cotal.main.ctl.delivery.%1").arg(A) << ok
        << QStringLiteral("malformed-subject");
    QTest::newRow("dinbox is no delivery") << QStringLiteral("cotal.main.dinbox.%1").arg(A) << ok
                                           << QStringLiteral("malformed-subject");
    QTest::newRow("foreign root") << QStringLiteral("nats.main.chat.%1.general").arg(A) << ok
                                  << QStringLiteral("malformed-subject");
    QTest::newRow("subject checked before body")
        << QStringLiteral("cotal.main.chat.%1").arg(A) << QByteArray("not json")
        << QStringLiteral("malformed-subject");
    QTest::newRow("not json") << QStringLiteral("cotal.main.chat.%1.general").arg(A)
                              << QByteArray("not json") << QStringLiteral("malformed-json");
    QTest::newRow("not an object") << QStringLiteral("cotal.main.chat.%1.general").arg(A)
                                   << QByteArray("[1]") << QStringLiteral("malformed-json");
    QTest::newRow("from missing") << QStringLiteral("cotal.main.chat.%1.general").arg(A)
                                  << withoutKey(ok, QStringLiteral("from"))
                                  << QStringLiteral("sender-mismatch");
    QTest::newRow("from null") << QStringLiteral("cotal.main.chat.%1.general").arg(A)
                               << messageJson(R"("from":null)")
                               << QStringLiteral("sender-mismatch");
    QTest::newRow("from without id")
        << QStringLiteral("cotal.main.chat.%1.general").arg(A)
        << messageJson(R"("from":{"name":"alice"})") << QStringLiteral("sender-mismatch");
    QTest::newRow("from.id is someone else") << QStringLiteral("cotal.main.chat.%1.general").arg(B)
                                             << ok << QStringLiteral("sender-mismatch");
    QTest::newRow("dm sender is token 4") << QStringLiteral("cotal.main.inst.%1.%2").arg(A, B) << ok
                                          << QStringLiteral("sender-mismatch");
    QTest::newRow("sender checked before shape")
        << QStringLiteral("cotal.main.chat.%1.general").arg(B)
        << withoutKey(ok, QStringLiteral("parts")) << QStringLiteral("sender-mismatch");
    QTest::newRow("shape after sender")
        << QStringLiteral("cotal.main.chat.%1.general").arg(A)
        << withoutKey(ok, QStringLiteral("parts")) << QStringLiteral("missing-field");
}

void TestMessage::checkDelivery()
{
    QFETCH(QString, subject);
    QFETCH(QByteArray, payload);
    QFETCH(QString, reason);
    const Result<CheckedDelivery> checked = cotal::wire::checkDelivery(subject, payload);
    if (reason.isEmpty()) {
        QVERIFY2(checked.ok(), qPrintable(checked.ok() ? QString() : checked.error().detail));
        QCOMPARE(checked->message.from.id, A);
        QCOMPARE(checked->subject.sender, A);
    } else {
        QVERIFY(!checked.ok());
        QCOMPARE(checked.error().reasonToken(), reason);
    }
}

void TestMessage::deliveryKindComesFromTheSubject()
{
    // The payload says "channel", the subject says anycast: the subject wins.
    const Result<CheckedDelivery> checked = cotal::wire::checkDelivery(
        QStringLiteral("cotal.main.svc.reviewer.%1").arg(A), messageJson());
    QVERIFY(checked.ok());
    QCOMPARE(checked->kind, DeliveryKind::Anycast);
    QCOMPARE(checked->subject.rest, QStringLiteral("reviewer"));
    QCOMPARE(checked->message.route.kind, RouteKind::Channel);

    const Result<CheckedDelivery> chat = cotal::wire::checkDelivery(
        QStringLiteral("cotal.main.chat.%1.team.backend").arg(A), messageJson());
    QVERIFY(chat.ok());
    QCOMPARE(chat->kind, DeliveryKind::Channel);
    QCOMPARE(chat->subject.rest, QStringLiteral("team.backend"));
}

void TestMessage::checkDecodedMessage()
{
    const CotalMessage message = sampleMessage();
    const Result<DeliveryKind> ok =
        cotal::wire::checkDelivery(QStringLiteral("cotal.main.inst.%1.%2").arg(B, A), message);
    QVERIFY(ok.ok());
    QCOMPARE(ok.value(), DeliveryKind::Dm);
    QCOMPARE(cotal::wire::checkDelivery(QStringLiteral("cotal.main.inst.%1.%2").arg(A, B), message)
                 .error()
                 .code,
             WireErrorCode::SenderMismatch);
    QCOMPARE(cotal::wire::checkDelivery(QStringLiteral("cotal.main.trace.%1").arg(A), message)
                 .error()
                 .code,
             WireErrorCode::MalformedSubject);
}

void TestMessage::ownEchoDetection()
{
    const CotalMessage message = sampleMessage();
    QVERIFY(isOwnEcho(message, A));
    QVERIFY(!isOwnEcho(message, B));
    QVERIFY(!isOwnEcho(message, QString()));
}

QTEST_APPLESS_MAIN(TestMessage)
#include "tst_message.moc"
