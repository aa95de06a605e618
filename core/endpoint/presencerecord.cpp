#include "core/endpoint/presencerecord.h"

#include "core/wire/jsonfields.h"
#include "core/wire/jsonwriter.h"

namespace cotal::endpoint {

namespace {

const std::initializer_list<std::pair<QStringView, PresenceStatus>> kStatuses{
    {u"idle", PresenceStatus::Idle},
    {u"waiting", PresenceStatus::Waiting},
    {u"working", PresenceStatus::Working},
    {u"offline", PresenceStatus::Offline},
};

const std::initializer_list<std::pair<QStringView, Attention>> kAttention{
    {u"open", Attention::Open},
    {u"dnd", Attention::Dnd},
    {u"focus", Attention::Focus},
};

const std::initializer_list<std::pair<QStringView, ChannelMode>> kModes{
    {u"quiet", ChannelMode::Quiet},
    {u"muted", ChannelMode::Muted},
};

const std::initializer_list<std::pair<QStringView, AgentCard::Kind>> kKinds{
    {u"agent", AgentCard::Kind::Agent},
    {u"endpoint", AgentCard::Kind::Endpoint},
};

void writeCard(wire::JsonWriter &writer, const AgentCard &card)
{
    writer.beginObject().key(u"id").string(card.id).key(u"name").string(card.name);
    writer.key(u"kind").string(wire::enumToken(card.kind, kKinds));
    if (card.role)
        writer.key(u"role").string(*card.role);
    if (card.description)
        writer.key(u"description").string(*card.description);
    if (!card.tags.isEmpty())
        writer.key(u"tags").stringList(card.tags);
    if (!card.skills.isNull())
        writer.key(u"skills").value(card.skills);
    if (!card.meta.isEmpty())
        writer.key(u"meta").value(wire::JsonValue(card.meta));
    if (card.protocolVersion)
        writer.key(u"protocolVersion").string(*card.protocolVersion);
    writer.endObject();
}

wire::Result<AgentCard> decodeCard(const wire::JsonObject &object)
{
    wire::FieldReader fields(object, QStringLiteral("AgentCard"));
    AgentCard card;
    card.id = fields.requiredString(QStringLiteral("id"));
    card.name = fields.requiredString(QStringLiteral("name"));
    // Readers are lenient about the participant class: an unknown kind reads as agent.
    card.kind = object.contains(u"kind") && object.find(u"kind")->toString() == u"endpoint"
                    ? AgentCard::Kind::Endpoint
                    : AgentCard::Kind::Agent;
    card.role = fields.optionalString(QStringLiteral("role"));
    card.description = fields.optionalString(QStringLiteral("description"));
    card.tags = fields.optionalStringList(QStringLiteral("tags")).value_or(QStringList());
    if (const wire::JsonValue *skills = object.find(u"skills"))
        card.skills = *skills;
    card.meta = fields.optionalObject(QStringLiteral("meta")).value_or(wire::JsonObject());
    card.protocolVersion = fields.optionalString(QStringLiteral("protocolVersion"));
    if (fields.error())
        return *fields.error();
    return card;
}

} // namespace

Presence Presence::offlineCopy() const
{
    Presence copy = *this;
    copy.status = PresenceStatus::Offline;
    copy.attention.reset();
    copy.channelModes.clear();
    return copy;
}

QString presenceStatusToken(PresenceStatus status)
{
    return wire::enumToken(status, kStatuses);
}

QString attentionToken(Attention attention)
{
    return wire::enumToken(attention, kAttention);
}

QString channelModeToken(ChannelMode mode)
{
    return wire::enumToken(mode, kModes);
}

QByteArray encodePresence(const Presence &presence)
{
    wire::JsonWriter writer;
    writer.beginObject().key(u"card");
    writeCard(writer, presence.card);
    writer.key(u"status").string(presenceStatusToken(presence.status));
    if (!presence.activity.isEmpty())
        writer.key(u"activity").string(presence.activity);
    if (!presence.isOffline()) {
        if (presence.attention)
            writer.key(u"attention").string(attentionToken(*presence.attention));
        if (!presence.channelModes.isEmpty()) {
            writer.key(u"channelModes").beginObject();
            for (auto it = presence.channelModes.constBegin();
                 it != presence.channelModes.constEnd(); ++it)
                writer.key(it.key()).string(channelModeToken(it.value()));
            writer.endObject();
        }
    }
    writer.key(u"ts").number(presence.ts);
    writer.endObject();
    return writer.take();
}

wire::Result<Presence> decodePresence(QByteArrayView payload)
{
    wire::Result<wire::JsonObject> object =
        wire::parseJsonObject(payload, QStringLiteral("Presence"));
    if (!object)
        return object.error();
    wire::FieldReader fields(object.value(), QStringLiteral("Presence"));
    const wire::JsonObject cardObject = fields.requiredObject(QStringLiteral("card"));
    Presence presence;
    presence.status = fields.requiredEnum(QStringLiteral("status"), kStatuses);
    presence.activity = fields.optionalString(QStringLiteral("activity")).value_or(QString());
    presence.attention = fields.optionalEnum(QStringLiteral("attention"), kAttention);
    presence.ts = fields.requiredNumber(QStringLiteral("ts"));
    const std::optional<wire::JsonObject> modes =
        fields.optionalObject(QStringLiteral("channelModes"));
    if (fields.error())
        return *fields.error();
    if (modes) {
        for (const wire::JsonMember &member : modes->members()) {
            const QString token = member.value.toString();
            if (token == u"quiet")
                presence.channelModes.insert(member.key, ChannelMode::Quiet);
            else if (token == u"muted")
                presence.channelModes.insert(member.key, ChannelMode::Muted);
        }
    }
    wire::Result<AgentCard> card = decodeCard(cardObject);
    if (!card)
        return card.error();
    presence.card = std::move(card).value();
    return presence;
}

} // namespace cotal::endpoint
