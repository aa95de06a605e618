#pragma once

#include "core/nats/jetstream.h"
#include "core/nats/natserror.h"
#include "core/wire/channelconfig.h"
#include "core/wire/jsonvalue.h"
#include "core/wire/message.h"
#include "core/wire/presence.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <optional>

namespace cotal::endpoint {

// joinChannel outcome (endpoint.md §7.1). A failure (refused by the broker, unconfirmed, not
// started) sets `error`; "joined live, backstop unavailable" is a success with durable=false and
// a reason, never "joined durable".
struct JoinResult
{
    bool joined = false;
    int backfilled = 0;
    bool durable = false;
    QString reason;
    nats::NatsError error; // PermissionDenied for an out-of-ACL join
    bool ok() const { return !error.isError(); }
};

// leaveChannel outcome (endpoint.md §7.2). A durable tombstone failure aborts the leave with
// nothing changed (`error` set, left=false).
struct LeaveResult
{
    bool left = false;
    nats::NatsError error;
    bool ok() const { return !error.isError(); }
};

// A JetStream publish of one delivery message (endpoint.md §10).
struct SendResult
{
    QString id; // the message id (also Nats-Msg-Id)
    QString subject;
    nats::PubAck ack;      // stream + sequence when stored
    nats::NatsError error; // PermissionDenied when the broker refused the subject
    bool ok() const { return !error.isError(); }
};

// Optional fields of an outgoing message.
struct SendOptions
{
    QStringList mentions; // normalised before sending (wire.md §6.1)
    std::optional<QString> replyTo;
    std::optional<QString> contextId;
};

// A control request's outcome (wire.md §8.3). No-responders, timeout and a served `ok:false`
// are distinct: callers degrade on NoResponders and fail closed on the others.
struct ControlResult
{
    enum class Status
    {
        Ok,           // {"ok":true}
        Refused,      // {"ok":false,"error":…} from a responder
        NoResponders, // nobody serves the service (503)
        Timeout,      // nobody answered in time
        Failed,       // transport or decode failure (see natsError / error)
    };

    Status status = Status::Failed;
    wire::JsonValue data; // reply `data` (Ok / Refused)
    QString error;        // reply `error` or a description of the failure
    nats::NatsError natsError;
    bool ok() const { return status == Status::Ok; }
};

// Per-channel delivery health (delivery.md §10). None = not applicable (not joined, live
// class, or the lease is unreadable).
enum class DeliveryHealth
{
    None,
    Active,
    Degraded,
};

using wire::DeliveryClass;

// One row of the channel list (endpoint.md §11).
struct ChannelRow
{
    QString channel;
    quint64 messageCount = 0; // retained CHAT messages, all senders
    bool configured = false;  // has a registry entry
    QString description;
    QString instructions;
    bool joined = false;  // some joined pattern matches it
    bool replay = true;   // effective
    QString replayWindow; // effective; empty = full retained history
    DeliveryClass deliveryClass = DeliveryClass::Durable; // effective
    bool durableMember = false;                           // in this session's durable mirror
    bool durableUnclosed = false; // a durable leave is still being retried (delivery.md §8.4)
    DeliveryHealth health = DeliveryHealth::None;
};

struct ChannelListResult
{
    QList<ChannelRow> rows;
    nats::NatsError error;
    bool ok() const { return !error.isError(); }
};

// A bounded history read of one channel through the single-filter chathist_<id> consumer.
struct HistoryResult
{
    QList<wire::CotalMessage> messages;
    QList<quint64> sequences; // stream sequence of each message
    int skipped = 0;          // undecodable or sender-mismatched entries
    nats::NatsError error;    // PermissionDenied for an out-of-ACL read
    bool ok() const { return !error.isError(); }
};

// One roster change (endpoint.md §3.3).
struct PresenceEvent
{
    enum class Type
    {
        Join,
        Update,
        Offline,
    };
    Type type = Type::Join;
    wire::Presence presence;
};

// What the all-activity tap can see.
enum class TapVisibility
{
    Off,        // observeAll is false or not started
    ChatOnly,   // the broker refused the DM/anycast taps: DMs and anycast are hidden
    Everything, // chat, DMs and anycast
};

} // namespace cotal::endpoint

Q_DECLARE_METATYPE(cotal::endpoint::JoinResult)
Q_DECLARE_METATYPE(cotal::endpoint::LeaveResult)
Q_DECLARE_METATYPE(cotal::endpoint::SendResult)
Q_DECLARE_METATYPE(cotal::endpoint::ControlResult)
Q_DECLARE_METATYPE(cotal::endpoint::ChannelListResult)
Q_DECLARE_METATYPE(cotal::endpoint::HistoryResult)
Q_DECLARE_METATYPE(cotal::endpoint::PresenceEvent)
