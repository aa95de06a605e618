#pragma once

#include "core/wire/jsonvalue.h"
#include "core/wire/result.h"

#include <QByteArray>
#include <QMap>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <optional>

namespace cotal::endpoint {

// The presence record and agent card the endpoint publishes and reads (storage.md §5.1). Kept
// here, next to the roster logic, until the wire layer carries a shared presence codec.
struct AgentCard
{
    enum class Kind
    {
        Agent,
        Endpoint,
    };

    QString id;
    QString name;
    Kind kind = Kind::Agent;
    std::optional<QString> role;
    std::optional<QString> description;
    QStringList tags;
    wire::JsonValue skills; // verbatim `[{id,name,description?}]`, null when absent
    wire::JsonObject meta;  // reserved keys `connector` and `model`
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

struct Presence
{
    AgentCard card;
    PresenceStatus status = PresenceStatus::Idle;
    QString activity; // empty = absent
    std::optional<Attention> attention;
    QMap<QString, ChannelMode> channelModes;
    double ts = 0; // epoch ms of the write

    bool isOffline() const { return status == PresenceStatus::Offline; }
    // The offline copy: status offline, advisory attention and channel modes dropped.
    Presence offlineCopy() const;
    bool operator==(const Presence &other) const = default;
};

// Reference key order: card, status, activity, attention, channelModes, ts. An offline record
// is written without attention and channelModes, and channelModes only when non-empty.
QByteArray encodePresence(const Presence &presence);
// Unknown fields ignored; a missing or ill-typed required field fails.
wire::Result<Presence> decodePresence(QByteArrayView payload);

QString presenceStatusToken(PresenceStatus status);
QString attentionToken(Attention attention);
QString channelModeToken(ChannelMode mode);

} // namespace cotal::endpoint

Q_DECLARE_METATYPE(cotal::endpoint::Presence)
