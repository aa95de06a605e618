#include "core/wire/membershipfeed.h"

#include "core/wire/jsonfields.h"
#include "core/wire/jsonwriter.h"

namespace cotal::wire {

QByteArray encodeChannelMembership(const ChannelMembership &membership)
{
    JsonWriter writer;
    writer.beginObject()
        .key(u"live")
        .stringList(membership.live)
        .key(u"durable")
        .stringList(membership.durable)
        .key(u"observedAt")
        .number(membership.observedAt)
        .endObject();
    return writer.take();
}

Result<ChannelMembership> decodeChannelMembership(QByteArrayView payload)
{
    static const QString context = QStringLiteral("ChannelMembership");
    const Result<JsonObject> object = parseJsonObject(payload, context);
    if (!object)
        return object.error();
    FieldReader fields(object.value(), context);
    ChannelMembership membership;
    membership.live = fields.requiredStringList(QStringLiteral("live"));
    membership.durable = fields.requiredStringList(QStringLiteral("durable"));
    membership.observedAt = fields.requiredNumber(QStringLiteral("observedAt"));
    if (fields.error())
        return *fields.error();
    return membership;
}

QByteArray encodeMembershipFeedHeartbeat(const MembershipFeedHeartbeat &heartbeat)
{
    JsonWriter writer;
    writer.beginObject()
        .key(u"observedAt")
        .number(heartbeat.observedAt)
        .key(u"count")
        .integer(heartbeat.count)
        .endObject();
    return writer.take();
}

Result<MembershipFeedHeartbeat> decodeMembershipFeedHeartbeat(QByteArrayView payload)
{
    static const QString context = QStringLiteral("MembershipFeedHeartbeat");
    const Result<JsonObject> object = parseJsonObject(payload, context);
    if (!object)
        return object.error();
    FieldReader fields(object.value(), context);
    MembershipFeedHeartbeat heartbeat;
    heartbeat.observedAt = fields.requiredNumber(QStringLiteral("observedAt"));
    heartbeat.count = fields.requiredInteger(QStringLiteral("count"));
    if (fields.error())
        return *fields.error();
    return heartbeat;
}

} // namespace cotal::wire
