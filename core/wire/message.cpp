#include "core/wire/message.h"

#include "core/wire/jsonfields.h"
#include "core/wire/jsonreader.h"
#include "core/wire/jsonwriter.h"
#include "core/wire/token.h"

#include <QSet>

namespace cotal::wire {

namespace {

constexpr char16_t kCapitalSigma = 0x03A3;
constexpr char16_t kSmallSigma = 0x03C3;
constexpr char16_t kFinalSigma = 0x03C2;

// Unicode "Cased", approximated per UTF-16 unit (astral letters count as uncased).
bool isCased(QChar unit)
{
    switch (unit.category()) {
    case QChar::Letter_Uppercase:
    case QChar::Letter_Lowercase:
    case QChar::Letter_Titlecase:
        return true;
    default:
        return false;
    }
}

// Unicode "Case_Ignorable": marks, format characters, modifiers and the word-internal
// punctuation listed by Word_Break MidLetter / MidNumLet / Single_Quote.
bool isCaseIgnorable(QChar unit)
{
    switch (unit.category()) {
    case QChar::Mark_NonSpacing:
    case QChar::Mark_Enclosing:
    case QChar::Other_Format:
    case QChar::Letter_Modifier:
    case QChar::Symbol_Modifier:
        return true;
    default:
        break;
    }
    switch (unit.unicode()) {
    case 0x0027:
    case 0x002E:
    case 0x003A:
    case 0x00B7:
    case 0x0387:
    case 0x05F4:
    case 0x2018:
    case 0x2019:
    case 0x2024:
    case 0x2027:
    case 0xFE13:
    case 0xFE52:
    case 0xFE55:
    case 0xFF07:
    case 0xFF0E:
    case 0xFF1A:
        return true;
    default:
        return false;
    }
}

// SpecialCasing.txt Final_Sigma: a cased letter before (skipping case-ignorables) and none after.
bool isFinalSigma(const QString &text, qsizetype at)
{
    qsizetype before = at - 1;
    while (before >= 0 && isCaseIgnorable(text.at(before)))
        --before;
    if (before < 0 || !isCased(text.at(before)))
        return false;
    qsizetype after = at + 1;
    while (after < text.size() && isCaseIgnorable(text.at(after)))
        ++after;
    return after >= text.size() || !isCased(text.at(after));
}

const QString kText = QStringLiteral("text");
const QString kData = QStringLiteral("data");
const QString kKind = QStringLiteral("kind");

QString routeField(RouteKind kind)
{
    switch (kind) {
    case RouteKind::Channel:
        return QStringLiteral("channel");
    case RouteKind::Direct:
        return QStringLiteral("to");
    case RouteKind::Service:
        return QStringLiteral("toService");
    }
    return {};
}

void writePart(JsonWriter &writer, const Part &part)
{
    switch (part.kind) {
    case Part::Kind::Text:
        writer.beginObject().key(kKind).string(kText).key(kText).string(part.text).endObject();
        return;
    case Part::Kind::Data:
        writer.beginObject().key(kKind).string(kData).key(kData).value(part.data).endObject();
        return;
    case Part::Kind::Extension:
    case Part::Kind::Unknown:
        writer.value(JsonValue(part.object));
        return;
    }
}

Result<Part> decodePart(const JsonValue &value, const QString &context)
{
    if (!value.isObject())
        return wireError(WireErrorCode::InvalidField,
                         QStringLiteral("%1: not an object").arg(context));
    const JsonObject &object = value.toObject();
    FieldReader fields(object, context);
    const QString kind = fields.requiredString(kKind);
    if (fields.error())
        return *fields.error();
    if (kind == kText) {
        Part part = Part::makeText(fields.requiredString(kText));
        if (fields.error())
            return *fields.error();
        return part;
    }
    if (kind == kData) {
        // `data` is required but may be any value, null included.
        const JsonValue *data = object.find(kData);
        if (!data)
            return wireError(WireErrorCode::MissingField,
                             QStringLiteral("%1.data: missing").arg(context));
        return Part::makeData(*data);
    }
    Part part;
    part.kind = isExtensionPartKind(kind) ? Part::Kind::Extension : Part::Kind::Unknown;
    part.object = object;
    return part;
}

bool isKindUnit(QChar unit)
{
    const char16_t u = unit.unicode();
    return (u >= u'A' && u <= u'Z') || (u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9') ||
           u == u'-';
}

} // namespace

Part Part::makeText(QString text)
{
    Part part;
    part.kind = Kind::Text;
    part.text = std::move(text);
    return part;
}

Part Part::makeData(JsonValue data)
{
    Part part;
    part.kind = Kind::Data;
    part.data = std::move(data);
    return part;
}

Result<Part> Part::makeExtension(JsonObject object)
{
    const JsonValue *kind = object.find(kKind);
    if (!kind || !kind->isString() || !isExtensionPartKind(kind->toString()))
        return wireError(WireErrorCode::InvalidField,
                         QStringLiteral("Part.kind: not a reverse-DNS extension kind"));
    Part part;
    part.kind = Kind::Extension;
    part.object = std::move(object);
    return part;
}

QString Part::kindName() const
{
    switch (kind) {
    case Kind::Text:
        return kText;
    case Kind::Data:
        return kData;
    case Kind::Extension:
    case Kind::Unknown:
        break;
    }
    const JsonValue *name = object.find(kKind);
    return name ? name->toString() : QString();
}

bool isExtensionPartKind(QStringView kind)
{
    // ^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$
    qsizetype labels = 0;
    qsizetype labelLength = 0;
    for (const QChar unit : kind) {
        if (unit == u'.') {
            if (labelLength == 0)
                return false;
            ++labels;
            labelLength = 0;
        } else if (isKindUnit(unit)) {
            ++labelLength;
        } else {
            return false;
        }
    }
    return labelLength > 0 && labels >= 1;
}

QString jsToLower(const QString &text)
{
    if (!text.contains(QChar(kCapitalSigma)))
        return text.toLower();
    QString out;
    out.reserve(text.size());
    qsizetype segmentStart = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) != QChar(kCapitalSigma))
            continue;
        out.append(text.mid(segmentStart, i - segmentStart).toLower());
        out.append(QChar(isFinalSigma(text, i) ? kFinalSigma : kSmallSigma));
        segmentStart = i + 1;
    }
    out.append(text.mid(segmentStart).toLower());
    return out;
}

QStringList normalizeMentions(const QStringList &mentions)
{
    QStringList result;
    QSet<QString> seen;
    for (const QString &mention : mentions) {
        const QString name = jsToLower(jsTrim(mention));
        if (name.isEmpty() || seen.contains(name))
            continue;
        seen.insert(name);
        result.append(name);
    }
    return result;
}

void writeEndpointRef(JsonWriter &writer, const EndpointRef &ref)
{
    writer.beginObject().key(u"id").string(ref.id).key(u"name").string(ref.name);
    if (ref.role)
        writer.key(u"role").string(*ref.role);
    writer.endObject();
}

void writeCotalMessage(JsonWriter &writer, const CotalMessage &message)
{
    writer.beginObject();
    writer.key(u"id").string(message.id);
    writer.key(u"ts").number(message.ts);
    writer.key(u"space").string(message.space);
    writer.key(u"from");
    writeEndpointRef(writer, message.from);
    writer.key(routeField(message.route.kind)).string(message.route.target);
    if (!message.mentions.isEmpty())
        writer.key(u"mentions").stringList(message.mentions);
    writer.key(u"parts").beginArray();
    for (const Part &part : message.parts)
        writePart(writer, part);
    writer.endArray();
    if (message.replyTo)
        writer.key(u"replyTo").string(*message.replyTo);
    if (message.contextId)
        writer.key(u"contextId").string(*message.contextId);
    writer.endObject();
}

QByteArray encodeCotalMessage(const CotalMessage &message)
{
    JsonWriter writer;
    writeCotalMessage(writer, message);
    return writer.take();
}

Result<EndpointRef> decodeEndpointRef(const JsonValue &value, const QString &context)
{
    if (!value.isObject())
        return wireError(WireErrorCode::InvalidField,
                         QStringLiteral("%1: not an object").arg(context));
    FieldReader fields(value.toObject(), context);
    EndpointRef ref;
    ref.id = fields.requiredString(QStringLiteral("id"));
    ref.name = fields.requiredString(QStringLiteral("name"));
    ref.role = fields.optionalString(QStringLiteral("role"));
    if (fields.error())
        return *fields.error();
    return ref;
}

Result<CotalMessage> decodeCotalMessage(const JsonValue &value)
{
    static const QString context = QStringLiteral("CotalMessage");
    if (!value.isObject())
        return wireError(WireErrorCode::MalformedJson,
                         QStringLiteral("CotalMessage: payload is not a JSON object"));
    const JsonObject &object = value.toObject();
    FieldReader fields(object, context);
    CotalMessage message;
    message.id = fields.requiredString(QStringLiteral("id"));
    message.ts = fields.requiredNumber(QStringLiteral("ts"));
    message.space = fields.requiredString(QStringLiteral("space"));
    if (fields.error())
        return *fields.error();

    const JsonValue *from = object.find(QStringLiteral("from"));
    if (!from)
        return wireError(WireErrorCode::MissingField, QStringLiteral("CotalMessage.from: missing"));
    Result<EndpointRef> ref = decodeEndpointRef(*from, QStringLiteral("CotalMessage.from"));
    if (!ref)
        return ref.error();
    message.from = std::move(ref).value();

    int routes = 0;
    for (const RouteKind kind : {RouteKind::Channel, RouteKind::Direct, RouteKind::Service}) {
        const JsonValue *target = object.find(routeField(kind));
        if (!target || target->isNull())
            continue;
        ++routes;
        message.route = Route{kind, fields.requiredString(routeField(kind))};
    }
    if (routes != 1)
        return wireError(WireErrorCode::InvalidField,
                         routes == 0
                             ? QStringLiteral("CotalMessage: no routing field (channel | to | "
                                              "toService)")
                             : QStringLiteral("CotalMessage: more than one routing field"));

    message.mentions =
        fields.optionalStringList(QStringLiteral("mentions")).value_or(QStringList());
    const JsonArray parts = fields.requiredArray(QStringLiteral("parts"));
    message.replyTo = fields.optionalString(QStringLiteral("replyTo"));
    message.contextId = fields.optionalString(QStringLiteral("contextId"));
    if (fields.error())
        return *fields.error();
    message.parts.reserve(qsizetype(parts.size()));
    for (size_t i = 0; i < parts.size(); ++i) {
        Result<Part> part = decodePart(parts[i], QStringLiteral("CotalMessage.parts[%1]").arg(i));
        if (!part)
            return part.error();
        message.parts.append(std::move(part).value());
    }
    return message;
}

Result<CotalMessage> decodeCotalMessage(QByteArrayView payload)
{
    Result<JsonValue> parsed = parseJson(payload);
    if (!parsed)
        return wireError(WireErrorCode::MalformedJson,
                         QStringLiteral("CotalMessage: %1").arg(parsed.error().detail));
    return decodeCotalMessage(parsed.value());
}

namespace {

Result<std::pair<ParsedSubject, DeliveryKind>> parseDeliverySubject(const QString &subject)
{
    const std::optional<ParsedSubject> parsed = parseSubject(subject);
    const std::optional<DeliveryKind> kind = parsed ? deliveryKindOf(parsed->kind) : std::nullopt;
    if (!kind)
        return wireError(WireErrorCode::MalformedSubject,
                         QStringLiteral("not a delivery subject: %1").arg(subject));
    return std::pair{*parsed, *kind};
}

WireError senderMismatch(const QString &claimed, const QString &sender)
{
    return wireError(
        WireErrorCode::SenderMismatch,
        QStringLiteral("from.id \"%1\" is not the subject sender \"%2\"").arg(claimed, sender));
}

} // namespace

Result<CheckedDelivery> checkDelivery(const QString &subject, QByteArrayView payload)
{
    auto route = parseDeliverySubject(subject);
    if (!route)
        return route.error();
    const auto &[parsed, kind] = route.value();
    Result<JsonValue> json = parseJson(payload);
    if (!json)
        return wireError(WireErrorCode::MalformedJson,
                         QStringLiteral("CotalMessage: %1").arg(json.error().detail));
    if (!json->isObject())
        return wireError(WireErrorCode::MalformedJson,
                         QStringLiteral("CotalMessage: payload is not a JSON object"));
    // Authenticity before shape: a body without a usable `from` is a sender mismatch.
    const JsonValue *from = json->toObject().find(QStringLiteral("from"));
    if (!from || from->isNull())
        return wireError(WireErrorCode::SenderMismatch, QStringLiteral("from is missing"));
    const JsonValue *fromId = from->toObject().find(QStringLiteral("id"));
    if (!fromId || !fromId->isString())
        return wireError(WireErrorCode::SenderMismatch, QStringLiteral("from.id is missing"));
    if (fromId->toString() != parsed.sender)
        return senderMismatch(fromId->toString(), parsed.sender);
    Result<CotalMessage> message = decodeCotalMessage(json.value());
    if (!message)
        return message.error();
    return CheckedDelivery{std::move(message).value(), kind, parsed};
}

Result<DeliveryKind> checkDelivery(const QString &subject, const CotalMessage &message)
{
    auto route = parseDeliverySubject(subject);
    if (!route)
        return route.error();
    if (message.from.id != route->first.sender)
        return senderMismatch(message.from.id, route->first.sender);
    return route->second;
}

bool isOwnEcho(const CotalMessage &message, const QString &ownId)
{
    return !ownId.isEmpty() && message.from.id == ownId;
}

} // namespace cotal::wire
