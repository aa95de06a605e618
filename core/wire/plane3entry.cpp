#include "core/wire/plane3entry.h"

#include "core/wire/jsonfields.h"
#include "core/wire/jsonwriter.h"

namespace cotal::wire {

namespace {

using ReasonTokens = std::initializer_list<std::pair<QStringView, Plane3Reason>>;
constexpr ReasonTokens kReasons = {{u"durable-channel", Plane3Reason::DurableChannel},
                                   {u"live-mention", Plane3Reason::LiveMention}};

} // namespace

QString plane3ReasonToken(Plane3Reason reason)
{
    return enumToken(reason, kReasons);
}

Result<CotalMessage> Plane3Entry::message() const
{
    return decodeCotalMessage(QByteArrayView(msg));
}

QByteArray encodePlane3Entry(const Plane3Entry &entry)
{
    JsonWriter writer;
    writer.beginObject()
        .key(u"msg")
        .rawJson(entry.msg)
        .key(u"channel")
        .string(entry.channel)
        .key(u"seq")
        .integer(entry.seq)
        .key(u"reason")
        .string(plane3ReasonToken(entry.reason))
        .key(u"generation")
        .integer(entry.generation)
        .endObject();
    return writer.take();
}

Result<Plane3Entry> decodePlane3Entry(QByteArrayView payload)
{
    Result<DecodedPlane3Entry> decoded = decodePlane3EntryWithId(payload);
    if (!decoded)
        return decoded.error();
    return std::move(decoded.value().entry);
}

Result<DecodedPlane3Entry> decodePlane3EntryWithId(QByteArrayView payload)
{
    static const QString context = QStringLiteral("Plane3Entry");
    const Result<JsonObject> object = parseJsonObject(payload, context);
    if (!object)
        return object.error();
    FieldReader fields(object.value(), context);
    const JsonObject msg = fields.requiredObject(QStringLiteral("msg"));
    Plane3Entry entry;
    entry.channel = fields.requiredString(QStringLiteral("channel"));
    entry.seq = fields.requiredInteger(QStringLiteral("seq"));
    entry.reason = fields.requiredEnum(QStringLiteral("reason"), kReasons);
    entry.generation = fields.requiredInteger(QStringLiteral("generation"));
    if (fields.error())
        return *fields.error();
    const JsonValue msgValue(msg);
    const Result<CotalMessage> message = decodeCotalMessage(msgValue);
    if (!message)
        return wireError(message.error().code,
                         QStringLiteral("Plane3Entry.msg: %1").arg(message.error().detail));
    entry.msg = toJsonText(msgValue);
    return DecodedPlane3Entry{std::move(entry), message->id};
}

QString plane3MessageId(const QString &messageId, const QString &owner, qint64 generation)
{
    return messageId + u':' + owner + u':' + QString::number(generation);
}

} // namespace cotal::wire
