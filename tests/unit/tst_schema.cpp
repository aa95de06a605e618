// What our encoder writes must satisfy the reference JSON Schema (cotal.schema.json, draft-07),
// checked by an independent validator: Debian's python3-jsonschema via validate_schema.py.
#include "core/wire/jsonreader.h"
#include "core/wire/message.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace cotal::wire;

namespace {

const QString A = QStringLiteral("UAQGWOEVJKMIO4WXSYOTLARXYOZTCXFK67JASEH6AFFFYK6FOPSKQCAD");
const QString B = QStringLiteral("UDI36ZKVNUM5WMO4QQ6HDQU7F4OH2RCXOJRX6GAIOS5SKVNNSKCDNLJA");

CotalMessage baseMessage(const QString &id, Route route)
{
    CotalMessage message;
    message.id = id;
    message.ts = 1710000000000;
    message.space = QStringLiteral("main");
    message.from = EndpointRef{A, QStringLiteral("alice"), QStringLiteral("planner")};
    message.route = std::move(route);
    message.parts = {Part::makeText(QStringLiteral("hello"))};
    return message;
}

JsonValue json(const QByteArray &text)
{
    return parseJson(text).value();
}

// A spread over every envelope feature the encoder has.
QList<CotalMessage> messageSpread()
{
    QList<CotalMessage> messages;
    const Route channel{RouteKind::Channel, QStringLiteral("team.backend")};

    CotalMessage mentions = baseMessage(QStringLiteral("m-mentions"), channel);
    mentions.mentions = normalizeMentions({QStringLiteral(" Bob"), QStringLiteral("CAROL")});
    mentions.replyTo = QStringLiteral("m-0");
    mentions.contextId = QStringLiteral("ctx-1");
    messages.append(mentions);

    CotalMessage dm = baseMessage(QStringLiteral("m-dm"), Route{RouteKind::Direct, B});
    dm.from.role.reset();
    dm.contextId = QStringLiteral("ctx-2");
    messages.append(dm);

    CotalMessage anycast =
        baseMessage(QStringLiteral("m-any"), Route{RouteKind::Service, QStringLiteral("reviewer")});
    anycast.replyTo = QStringLiteral("m-dm");
    messages.append(anycast);

    CotalMessage data = baseMessage(QStringLiteral("m-data"), channel);
    data.parts.append(Part::makeData(json(R"({"build":1234,"ok":false,"failed":["lint"],)"
                                          R"("durationMs":81234.5,"runner":null})")));
    data.parts.append(Part::makeData(JsonValue()));
    data.parts.append(Part::makeData(json("[1,\"two\",{\"3\":[]}]")));
    data.parts.append(Part::makeData(JsonValue(1e21)));
    messages.append(data);

    CotalMessage extension = baseMessage(QStringLiteral("m-ext"), channel);
    extension.parts.append(
        Part::makeExtension(
            json(R"({"kind":"ai.cotal.snapshot","uri":"x","n":{"b":1}})").toObject())
            .value());
    extension.parts.append(
        Part::makeExtension(json(R"({"kind":"com.acme-corp.v2.chart"})").toObject()).value());
    messages.append(extension);

    CotalMessage text = baseMessage(QStringLiteral("m-text"), channel);
    text.parts = {Part::makeText(QStringLiteral("Line one\nTab\there \"quoted\" \\ — ✓ ") +
                                 QString(QChar(0x01)) + QString::fromUtf8("\xf0\x9f\x98\x80"))};
    messages.append(text);

    CotalMessage empty = baseMessage(QStringLiteral("m-empty"), channel);
    empty.parts.clear(); // the schema allows an empty parts array
    messages.append(empty);
    return messages;
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &content)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

struct Validation
{
    int exitCode = -1;
    QByteArray output;
};

Validation validate(const QStringList &files)
{
    const QString script = QFINDTESTDATA("validate_schema.py");
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral("/usr/bin/python3"),
                  QStringList{script, QStringLiteral(COTAL_PROTOCOL_DIR "/cotal.schema.json")} +
                      files);
    if (!process.waitForFinished(120000) || process.exitStatus() != QProcess::NormalExit)
        return {};
    return Validation{process.exitCode(), process.readAll()};
}

} // namespace

class TestSchema final : public QObject
{
    Q_OBJECT

private slots:
    void encodedMessagesSatisfyTheSchema();
    void reencodedFixtureMessagesSatisfyTheSchema();
    void validatorRejectsTwoRoutingFields();
    void validatorRejectsMissingRouting();
    void nonConformantPartFailsTheSchemaToo();
};

void TestSchema::encodedMessagesSatisfyTheSchema()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QStringList files;
    for (const CotalMessage &message : messageSpread())
        files.append(
            writeFile(dir, message.id + QStringLiteral(".json"), encodeCotalMessage(message)));
    QCOMPARE(files.size(), 7);
    const Validation result = validate(files);
    QVERIFY2(result.exitCode == 0, result.output.constData());
    QCOMPARE(result.output.count("ok\n"), files.size());
}

void TestSchema::reencodedFixtureMessagesSatisfyTheSchema()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QStringList files;
    for (const QString &name :
         {QStringLiteral("chat-text.json"), QStringLiteral("chat-mentions-reply-context.json"),
          QStringLiteral("chat-data-part.json"), QStringLiteral("dm.json"),
          QStringLiteral("anycast.json"), QStringLiteral("dlv-copy.json")}) {
        QFile file(QStringLiteral(COTAL_PROTOCOL_DIR "/fixtures/") + name);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray raw =
            QJsonDocument::fromJson(file.readAll()).object().value(u"raw").toString().toUtf8();
        const Result<CotalMessage> message = decodeCotalMessage(QByteArrayView(raw));
        QVERIFY(message.ok());
        files.append(writeFile(dir, name, encodeCotalMessage(message.value())));
    }
    const Validation result = validate(files);
    QVERIFY2(result.exitCode == 0, result.output.constData());
}

void TestSchema::validatorRejectsTwoRoutingFields()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // Hand-made: our encoder cannot produce this (Route holds exactly one target).
    const QString twoRoutes =
        writeFile(dir, QStringLiteral("two-routes.json"),
                  R"({"id":"x","ts":1,"space":"main","from":{"id":"a","name":"alice"},)"
                  R"("channel":"general","to":"b","parts":[{"kind":"text","text":"hi"}]})");
    const Validation result = validate({twoRoutes});
    QCOMPARE(result.exitCode, 1);
    QVERIFY(result.output.contains("INVALID"));
    // And our decoder agrees.
    QFile file(twoRoutes);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(decodeCotalMessage(QByteArrayView(file.readAll())).error().code,
             WireErrorCode::InvalidField);
}

void TestSchema::validatorRejectsMissingRouting()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString noRoute = writeFile(dir, QStringLiteral("no-route.json"),
                                      R"({"id":"x","ts":1,"space":"main",)"
                                      R"("from":{"id":"a","name":"alice"},"parts":[]})");
    QCOMPARE(validate({noRoute}).exitCode, 1);
}

void TestSchema::nonConformantPartFailsTheSchemaToo()
{
    // A bare unknown kind is kept (and flagged) on receive; re-encoding it is not schema-valid,
    // which is exactly what isConformant() reports.
    const Result<CotalMessage> received = decodeCotalMessage(QByteArrayView(
        R"({"id":"x","ts":1,"space":"main","from":{"id":"a","name":"alice"},"channel":"g",)"
        R"("parts":[{"kind":"image","url":"u"}]})"));
    QVERIFY(received.ok());
    QVERIFY(!received->parts.first().isConformant());
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QCOMPARE(validate({writeFile(dir, QStringLiteral("bare-kind.json"),
                                 encodeCotalMessage(received.value()))})
                 .exitCode,
             1);
}

QTEST_GUILESS_MAIN(TestSchema)
#include "tst_schema.moc"
