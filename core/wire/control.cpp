#include "core/wire/control.h"

#include "core/wire/jsonfields.h"
#include "core/wire/jsonreader.h"
#include "core/wire/jsonwriter.h"

namespace cotal::wire {

namespace {

const QString kChannel = QStringLiteral("channel");
const QString kGeneration = QStringLiteral("generation");

Result<JsonValue> parsePayload(QByteArrayView payload, const QString &context)
{
    Result<JsonValue> parsed = parseJson(payload);
    if (!parsed)
        return wireError(WireErrorCode::MalformedJson,
                         QStringLiteral("%1: %2").arg(context, parsed.error().detail));
    return parsed;
}

WireError notAnObject(const QString &context, WireErrorCode code)
{
    return wireError(code, QStringLiteral("%1: not a JSON object").arg(context));
}

} // namespace

ControlReply ControlReply::success(std::optional<JsonValue> data)
{
    return ControlReply{true, std::move(data), std::nullopt};
}

ControlReply ControlReply::failure(QString error)
{
    return ControlReply{false, std::nullopt, std::move(error)};
}

QByteArray encodeControlRequest(const ControlRequest &request)
{
    JsonWriter writer;
    writer.beginObject().key(u"op").string(request.op);
    if (request.args)
        writer.key(u"args").value(JsonValue(*request.args));
    writer.key(u"from");
    writeEndpointRef(writer, request.from);
    writer.endObject();
    return writer.take();
}

Result<ControlRequest> decodeControlRequest(const JsonValue &value)
{
    static const QString context = QStringLiteral("ControlRequest");
    if (!value.isObject())
        return notAnObject(context, WireErrorCode::MalformedJson);
    FieldReader fields(value.toObject(), context);
    ControlRequest request;
    request.op = fields.requiredString(QStringLiteral("op"));
    request.args = fields.optionalObject(QStringLiteral("args"));
    const JsonObject from = fields.requiredObject(QStringLiteral("from"));
    if (fields.error())
        return *fields.error();
    Result<EndpointRef> ref =
        decodeEndpointRef(JsonValue(from), QStringLiteral("ControlRequest.from"));
    if (!ref)
        return ref.error();
    request.from = std::move(ref).value();
    return request;
}

Result<ControlRequest> decodeControlRequest(QByteArrayView payload)
{
    Result<JsonValue> parsed = parsePayload(payload, QStringLiteral("ControlRequest"));
    if (!parsed)
        return parsed.error();
    return decodeControlRequest(parsed.value());
}

QByteArray encodeControlReply(const ControlReply &reply)
{
    JsonWriter writer;
    writer.beginObject().key(u"ok").boolean(reply.ok);
    if (reply.data)
        writer.key(u"data").value(*reply.data);
    if (reply.error)
        writer.key(u"error").string(*reply.error);
    writer.endObject();
    return writer.take();
}

Result<ControlReply> decodeControlReply(const JsonValue &value)
{
    static const QString context = QStringLiteral("ControlReply");
    if (!value.isObject())
        return notAnObject(context, WireErrorCode::MalformedJson);
    const JsonObject &object = value.toObject();
    FieldReader fields(object, context);
    ControlReply reply;
    reply.ok = fields.requiredBool(QStringLiteral("ok"));
    reply.error = fields.optionalString(QStringLiteral("error"));
    if (fields.error())
        return *fields.error();
    // `data` is "any": an explicit null is a value here, not an absence.
    if (const JsonValue *data = object.find(QStringLiteral("data")))
        reply.data = *data;
    return reply;
}

Result<ControlReply> decodeControlReply(QByteArrayView payload)
{
    Result<JsonValue> parsed = parsePayload(payload, QStringLiteral("ControlReply"));
    if (!parsed)
        return parsed.error();
    return decodeControlReply(parsed.value());
}

Result<ParsedSubject> checkControlSender(const QString &subject, const ControlRequest &request)
{
    const std::optional<ParsedSubject> parsed = parseSubject(subject);
    if (!parsed || parsed->kind != SubjectKind::Ctl)
        return wireError(WireErrorCode::MalformedSubject,
                         QStringLiteral("not a control request subject: %1").arg(subject));
    if (request.from.id != parsed->sender)
        return wireError(WireErrorCode::SenderMismatch,
                         QStringLiteral("from.id \"%1\" is not the subject sender \"%2\"")
                             .arg(request.from.id, parsed->sender));
    return *parsed;
}

ControlReply senderMismatchReply()
{
    return ControlReply::failure(QStringLiteral("sender mismatch — request rejected"));
}

JsonObject DurableJoinArgs::toArgs() const
{
    JsonObject args;
    args.insert(kChannel, channel);
    return args;
}

Result<DurableJoinArgs> DurableJoinArgs::fromArgs(const JsonObject &args)
{
    FieldReader fields(args, QStringLiteral("durableJoin.args"));
    DurableJoinArgs result{fields.requiredString(kChannel)};
    if (fields.error())
        return *fields.error();
    return result;
}

JsonObject DurableLeaveArgs::toArgs() const
{
    JsonObject args;
    args.insert(kChannel, channel);
    args.insert(kGeneration, JsonValue(generation));
    return args;
}

Result<DurableLeaveArgs> DurableLeaveArgs::fromArgs(const JsonObject &args)
{
    FieldReader fields(args, QStringLiteral("durableLeave.args"));
    DurableLeaveArgs result;
    result.channel = fields.requiredString(kChannel);
    result.generation = fields.requiredInteger(kGeneration);
    if (fields.error())
        return *fields.error();
    return result;
}

JsonValue DurableJoinResult::toData() const
{
    JsonObject data;
    data.insert(QStringLiteral("durable"), JsonValue(durable));
    if (reason)
        data.insert(QStringLiteral("reason"), *reason);
    if (generation)
        data.insert(kGeneration, JsonValue(*generation));
    return data;
}

Result<DurableJoinResult> DurableJoinResult::fromData(const JsonValue &data)
{
    static const QString context = QStringLiteral("durableJoin.data");
    if (!data.isObject())
        return notAnObject(context, WireErrorCode::InvalidField);
    FieldReader fields(data.toObject(), context);
    DurableJoinResult result;
    result.durable = fields.requiredBool(QStringLiteral("durable"));
    result.reason = fields.optionalString(QStringLiteral("reason"));
    result.generation = fields.optionalInteger(kGeneration);
    if (fields.error())
        return *fields.error();
    return result;
}

JsonValue DurableLeaveResult::toData() const
{
    JsonObject data;
    data.insert(kChannel, channel);
    if (alreadyLeft)
        data.insert(QStringLiteral("alreadyLeft"), JsonValue(true));
    return data;
}

Result<DurableLeaveResult> DurableLeaveResult::fromData(const JsonValue &data)
{
    static const QString context = QStringLiteral("durableLeave.data");
    if (!data.isObject())
        return notAnObject(context, WireErrorCode::InvalidField);
    FieldReader fields(data.toObject(), context);
    DurableLeaveResult result;
    result.channel = fields.requiredString(kChannel);
    result.alreadyLeft = fields.optionalBool(QStringLiteral("alreadyLeft")).value_or(false);
    if (fields.error())
        return *fields.error();
    return result;
}

JsonValue ListMembershipsResult::toData() const
{
    JsonArray list;
    list.reserve(size_t(memberships.size()));
    for (const MembershipSummary &membership : memberships) {
        JsonObject item;
        item.insert(kChannel, membership.channel);
        item.insert(kGeneration, JsonValue(membership.generation));
        item.insert(QStringLiteral("activated"), JsonValue(membership.activated));
        list.push_back(JsonValue(std::move(item)));
    }
    JsonObject data;
    data.insert(QStringLiteral("memberships"), JsonValue(std::move(list)));
    return data;
}

Result<ListMembershipsResult> ListMembershipsResult::fromData(const JsonValue &data)
{
    static const QString context = QStringLiteral("listMemberships.data");
    if (!data.isObject())
        return notAnObject(context, WireErrorCode::InvalidField);
    FieldReader fields(data.toObject(), context);
    const JsonArray list = fields.requiredArray(QStringLiteral("memberships"));
    if (fields.error())
        return *fields.error();
    ListMembershipsResult result;
    for (size_t i = 0; i < list.size(); ++i) {
        const QString itemContext = QStringLiteral("%1.memberships[%2]").arg(context).arg(i);
        if (!list[i].isObject())
            return notAnObject(itemContext, WireErrorCode::InvalidField);
        FieldReader item(list[i].toObject(), itemContext);
        MembershipSummary membership;
        membership.channel = item.requiredString(kChannel);
        membership.generation = item.requiredInteger(kGeneration);
        membership.activated = item.requiredBool(QStringLiteral("activated"));
        if (item.error())
            return *item.error();
        result.memberships.append(membership);
    }
    return result;
}

ControlRequest durableJoinRequest(const EndpointRef &from, const DurableJoinArgs &args)
{
    return ControlRequest{kOpDurableJoin.toString(), args.toArgs(), from};
}

ControlRequest durableLeaveRequest(const EndpointRef &from, const DurableLeaveArgs &args)
{
    return ControlRequest{kOpDurableLeave.toString(), args.toArgs(), from};
}

ControlRequest listMembershipsRequest(const EndpointRef &from)
{
    return ControlRequest{kOpListMemberships.toString(), JsonObject(), from};
}

} // namespace cotal::wire
