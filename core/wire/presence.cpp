#include "core/wire/presence.h"

#include "core/wire/jsonfields.h"
#include "core/wire/jsonreader.h"
#include "core/wire/jsonwriter.h"

namespace cotal::wire {

namespace {

using KindTokens = std::initializer_list<std::pair<QStringView, AgentKind>>;
using StatusTokens = std::initializer_list<std::pair<QStringView, PresenceStatus>>;
using AttentionTokens = std::initializer_list<std::pair<QStringView, Attention>>;
using ModeTokens = std::initializer_list<std::pair<QStringView, ChannelMode>>;

constexpr KindTokens kKinds = {{u"agent", AgentKind::Agent}, {u"endpoint", AgentKind::Endpoint}};
constexpr StatusTokens kStatuses = {{u"idle", PresenceStatus::Idle},
                                    {u"waiting", PresenceStatus::Waiting},
                                    {u"working", PresenceStatus::Working},
                                    {u"offline", PresenceStatus::Offline}};
constexpr AttentionTokens kAttention = {
    {u"open", Attention::Open}, {u"dnd", Attention::Dnd}, {u"focus", Attention::Focus}};
constexpr ModeTokens kModes = {{u"quiet", ChannelMode::Quiet}, {u"muted", ChannelMode::Muted}};

template<typename Enum>
std::optional<Enum> lookup(QStringView text,
                           std::initializer_list<std::pair<QStringView, Enum>> tokens)
{
    for (const auto &[token, value] : tokens) {
        if (token == text)
            return value;
    }
    return std::nullopt;
}

Result<QList<AgentSkill>> decodeSkills(const JsonArray &items)
{
    QList<AgentSkill> skills;
    for (size_t i = 0; i < items.size(); ++i) {
        const QString context = QStringLiteral("AgentCard.skills[%1]").arg(i);
        if (!items[i].isObject())
            return wireError(WireErrorCode::InvalidField,
                             QStringLiteral("%1: not an object").arg(context));
        FieldReader fields(items[i].toObject(), context);
        AgentSkill skill;
        skill.id = fields.requiredString(QStringLiteral("id"));
        skill.name = fields.requiredString(QStringLiteral("name"));
        skill.description = fields.optionalString(QStringLiteral("description"));
        if (fields.error())
            return *fields.error();
        skills.append(skill);
    }
    return skills;
}

} // namespace

QString presenceStatusToken(PresenceStatus status)
{
    return enumToken(status, kStatuses);
}

QString attentionToken(Attention attention)
{
    return enumToken(attention, kAttention);
}

QString channelModeToken(ChannelMode mode)
{
    return enumToken(mode, kModes);
}

void writeAgentCard(JsonWriter &writer, const AgentCard &card)
{
    writer.beginObject();
    writer.key(u"id").string(card.id);
    writer.key(u"name").string(card.name);
    writer.key(u"kind").string(enumToken(card.kind, kKinds));
    if (card.role)
        writer.key(u"role").string(*card.role);
    if (card.description)
        writer.key(u"description").string(*card.description);
    if (card.tags)
        writer.key(u"tags").stringList(*card.tags);
    if (card.skills) {
        writer.key(u"skills").beginArray();
        for (const AgentSkill &skill : *card.skills) {
            writer.beginObject().key(u"id").string(skill.id).key(u"name").string(skill.name);
            if (skill.description)
                writer.key(u"description").string(*skill.description);
            writer.endObject();
        }
        writer.endArray();
    }
    if (card.meta)
        writer.key(u"meta").value(JsonValue(*card.meta));
    if (card.protocolVersion)
        writer.key(u"protocolVersion").string(*card.protocolVersion);
    writer.endObject();
}

QByteArray encodePresence(const Presence &presence)
{
    const bool offline = presence.status == PresenceStatus::Offline;
    JsonWriter writer;
    writer.beginObject().key(u"card");
    writeAgentCard(writer, presence.card);
    writer.key(u"status").string(presenceStatusToken(presence.status));
    if (presence.activity)
        writer.key(u"activity").string(*presence.activity);
    if (presence.attention && !offline)
        writer.key(u"attention").string(attentionToken(*presence.attention));
    if (!presence.channelModes.isEmpty() && !offline) {
        // Through a JsonObject so the map takes JS property order, as the reference's object does.
        JsonObject modes;
        for (const ChannelModeEntry &entry : presence.channelModes)
            modes.insert(entry.channel, channelModeToken(entry.mode));
        writer.key(u"channelModes").value(JsonValue(modes));
    }
    writer.key(u"ts").number(presence.ts);
    writer.endObject();
    return writer.take();
}

Result<AgentCard> decodeAgentCard(const JsonValue &value)
{
    static const QString context = QStringLiteral("AgentCard");
    if (!value.isObject())
        return wireError(WireErrorCode::InvalidField,
                         QStringLiteral("Presence.card: not an object"));
    FieldReader fields(value.toObject(), context);
    AgentCard card;
    card.id = fields.requiredString(QStringLiteral("id"));
    card.name = fields.requiredString(QStringLiteral("name"));
    card.kind = fields.requiredEnum(QStringLiteral("kind"), kKinds);
    card.role = fields.optionalString(QStringLiteral("role"));
    card.description = fields.optionalString(QStringLiteral("description"));
    card.tags = fields.optionalStringList(QStringLiteral("tags"));
    const std::optional<JsonArray> skills = fields.optionalArray(QStringLiteral("skills"));
    card.meta = fields.optionalObject(QStringLiteral("meta"));
    card.protocolVersion = fields.optionalString(QStringLiteral("protocolVersion"));
    if (fields.error())
        return *fields.error();
    if (skills) {
        Result<QList<AgentSkill>> decoded = decodeSkills(*skills);
        if (!decoded)
            return decoded.error();
        card.skills = std::move(decoded).value();
    }
    return card;
}

Result<Presence> decodePresence(const JsonValue &value, const std::optional<QString> &kvKey)
{
    static const QString context = QStringLiteral("Presence");
    if (!value.isObject())
        return wireError(WireErrorCode::MalformedJson,
                         QStringLiteral("Presence: payload is not a JSON object"));
    const JsonObject &object = value.toObject();
    FieldReader fields(object, context);
    const JsonValue *cardValue = object.find(QStringLiteral("card"));
    if (!cardValue)
        return wireError(WireErrorCode::MissingField, QStringLiteral("Presence.card: missing"));
    Result<AgentCard> card = decodeAgentCard(*cardValue);
    if (!card)
        return card.error();
    Presence presence;
    presence.card = std::move(card).value();
    presence.status = fields.requiredEnum(QStringLiteral("status"), kStatuses);
    presence.activity = fields.optionalString(QStringLiteral("activity"));
    const std::optional<QString> attention = fields.optionalString(QStringLiteral("attention"));
    const std::optional<JsonObject> modes = fields.optionalObject(QStringLiteral("channelModes"));
    presence.ts = fields.requiredNumber(QStringLiteral("ts"));
    if (modes) {
        for (const JsonMember &member : modes->members()) {
            if (!member.value.isString()) {
                fields.fail(WireErrorCode::InvalidField, QStringLiteral("channelModes"),
                            QStringLiteral("mode of \"%1\" is not a string").arg(member.key));
                break;
            }
            if (const auto mode = lookup(member.value.toString(), kModes))
                presence.channelModes.append(ChannelModeEntry{member.key, *mode});
        }
    }
    if (fields.error())
        return *fields.error();
    if (attention)
        presence.attention = lookup(*attention, kAttention);
    if (kvKey && presence.card.id != *kvKey)
        return wireError(WireErrorCode::SenderMismatch,
                         QStringLiteral("Presence.card.id \"%1\" is not the KV key \"%2\"")
                             .arg(presence.card.id, *kvKey));
    if (presence.status == PresenceStatus::Offline) {
        presence.attention.reset();
        presence.channelModes.clear();
    }
    return presence;
}

Result<Presence> decodePresence(QByteArrayView payload, const std::optional<QString> &kvKey)
{
    Result<JsonObject> object = parseJsonObject(payload, QStringLiteral("Presence"));
    if (!object)
        return object.error();
    return decodePresence(JsonValue(std::move(object).value()), kvKey);
}

} // namespace cotal::wire
