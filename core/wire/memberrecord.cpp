#include "core/wire/memberrecord.h"

#include "core/wire/jsonfields.h"
#include "core/wire/jsonwriter.h"

namespace cotal::wire {

namespace {

using StateTokens = std::initializer_list<std::pair<QStringView, MemberState>>;
constexpr StateTokens kStates = {{u"durable-active", MemberState::DurableActive},
                                 {u"live-confirmed", MemberState::LiveConfirmed}};

} // namespace

bool MembershipRecord::isEligible(qint64 seq) const
{
    return joinCursor < seq && (!leaveCursor || seq <= *leaveCursor);
}

QString memberStateToken(MemberState state)
{
    return enumToken(state, kStates);
}

QByteArray encodeMembershipRecord(const MembershipRecord &record)
{
    JsonWriter writer;
    writer.beginObject();
    writer.key(u"channel").string(record.channel);
    writer.key(u"owner").string(record.owner);
    writer.key(u"state").string(memberStateToken(record.state));
    writer.key(u"joinCursor").integer(record.joinCursor);
    writer.key(u"generation").integer(record.generation);
    if (record.activated)
        writer.key(u"activated").boolean(*record.activated);
    writer.key(u"writerIdentity").string(record.writerIdentity);
    writer.key(u"updatedAt").number(record.updatedAt);
    if (record.leaveCursor)
        writer.key(u"leaveCursor").integer(*record.leaveCursor);
    writer.endObject();
    return writer.take();
}

Result<MembershipRecord> decodeMembershipRecord(QByteArrayView payload)
{
    static const QString context = QStringLiteral("MembershipRecord");
    const Result<JsonObject> object = parseJsonObject(payload, context);
    if (!object)
        return object.error();
    FieldReader fields(object.value(), context);
    MembershipRecord record;
    record.channel = fields.requiredString(QStringLiteral("channel"));
    record.owner = fields.requiredString(QStringLiteral("owner"));
    record.state = fields.requiredEnum(QStringLiteral("state"), kStates);
    record.joinCursor = fields.requiredInteger(QStringLiteral("joinCursor"));
    record.generation = fields.requiredInteger(QStringLiteral("generation"));
    record.activated = fields.optionalBool(QStringLiteral("activated"));
    record.writerIdentity = fields.requiredString(QStringLiteral("writerIdentity"));
    record.updatedAt = fields.requiredNumber(QStringLiteral("updatedAt"));
    record.leaveCursor = fields.optionalInteger(QStringLiteral("leaveCursor"));
    if (fields.error())
        return *fields.error();
    return record;
}

} // namespace cotal::wire
