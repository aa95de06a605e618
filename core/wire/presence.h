#pragma once

#include "core/wire/jsonvalue.h"
#include "core/wire/result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace cotal::wire {

class JsonWriter;

struct AgentSkill
{
    QString id;
    QString name;
    std::optional<QString> description;

    bool operator==(const AgentSkill &other) const = default;
};

enum class AgentKind
{
    Agent,
    Endpoint, // infrastructure such as the manager
};

// storage.md §5.1. Key order: id, name, kind, role, description, tags, skills, meta,
// protocolVersion. Optional lists and `meta` remember whether they were present, so `[]` and
// `{}` survive a re-encode.
struct AgentCard
{
    QString id;
    QString name;
    AgentKind kind = AgentKind::Agent;
    std::optional<QString> role;
    std::optional<QString> description;
    std::optional<QStringList> tags;
    std::optional<QList<AgentSkill>> skills;
    std::optional<JsonObject> meta; // reserved keys `connector`, `model`; others reverse-DNS
    std::optional<QString> protocolVersion;

    bool operator==(const AgentCard &other) const = default;
};

enum class PresenceStatus
{
    Idle,
    Waiting,
    Working,
    Offline,
};

enum class Attention
{
    Open,
    Dnd,
    Focus,
};

enum class ChannelMode
{
    Quiet,
    Muted,
};

struct ChannelModeEntry
{
    QString channel;
    ChannelMode mode = ChannelMode::Quiet;

    bool operator==(const ChannelModeEntry &other) const = default;
};

// Key order: card, status, activity, attention, channelModes, ts. An offline record keeps
// `activity` but never carries `attention` or `channelModes`; `channelModes` is also omitted when
// empty. The encoder enforces both, and the decoder drops them from an offline record so a
// decoded value always re-encodes to itself.
struct Presence
{
    AgentCard card;
    PresenceStatus status = PresenceStatus::Idle;
    std::optional<QString> activity;
    std::optional<Attention> attention; // absent ≡ open
    QList<ChannelModeEntry> channelModes;
    double ts = 0; // epoch ms of this write

    bool operator==(const Presence &other) const = default;
};

QString presenceStatusToken(PresenceStatus status);
QString attentionToken(Attention attention);
QString channelModeToken(ChannelMode mode);

QByteArray encodePresence(const Presence &presence);
void writeAgentCard(JsonWriter &writer, const AgentCard &card);

// When `kvKey` is given, a card.id that differs from it is refused as sender-mismatch: only the
// owner may write its key, so a mismatch is a forgery (storage.md §5.1). Unknown `attention`
// tokens and unknown per-channel modes are advisory and dropped rather than failing the whole
// record (the agent must not vanish from the roster over a newer hint); wrong JSON types are
// invalid-field like everywhere else.
Result<Presence> decodePresence(QByteArrayView payload,
                                const std::optional<QString> &kvKey = std::nullopt);
Result<Presence> decodePresence(const JsonValue &value,
                                const std::optional<QString> &kvKey = std::nullopt);
Result<AgentCard> decodeAgentCard(const JsonValue &value);

} // namespace cotal::wire
