#pragma once

#include "core/wire/jsonvalue.h"
#include "core/wire/message.h"
#include "core/wire/result.h"
#include "core/wire/subjects.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <optional>

namespace cotal::wire {

// wire.md §6.5 / §8. Key order as the reference sends it: op, args, from.
struct ControlRequest
{
    QString op;
    // Kept as sent: `{}` stays `{}` (the agent always sends args on ctl.delivery), and an absent
    // args stays absent. Servers read argsOrEmpty().
    std::optional<JsonObject> args;
    EndpointRef from;

    JsonObject argsOrEmpty() const { return args.value_or(JsonObject()); }

    bool operator==(const ControlRequest &other) const = default;
};

// Key order: ok, data, error. `data` may be any JSON value (null included).
struct ControlReply
{
    bool ok = false;
    std::optional<JsonValue> data;
    std::optional<QString> error;

    static ControlReply success(std::optional<JsonValue> data = std::nullopt);
    static ControlReply failure(QString error);

    bool operator==(const ControlReply &other) const = default;
};

QByteArray encodeControlRequest(const ControlRequest &request);
// malformed-json, missing-field (op, from), invalid-field (wrong types, args not an object).
Result<ControlRequest> decodeControlRequest(QByteArrayView payload);
Result<ControlRequest> decodeControlRequest(const JsonValue &value);

QByteArray encodeControlReply(const ControlReply &reply);
// malformed-json, missing-field (ok), invalid-field (ok not a bool, error not a string).
Result<ControlReply> decodeControlReply(QByteArrayView payload);
Result<ControlReply> decodeControlReply(const JsonValue &value);

// Server-side guard (wire.md §8.2 step c) on an already bound, decoded request: the subject must
// parse as `cotal.<S>.ctl.<service>.<sender>` (malformed-subject) and `from.id` must be that
// sender (sender-mismatch). Returns the parsed subject (rest = service).
Result<ParsedSubject> checkControlSender(const QString &subject, const ControlRequest &request);

// The reply a server sends for either failure of checkControlSender.
ControlReply senderMismatchReply();

// ---- ctl.delivery (delivery.md §6) ----

inline constexpr QStringView kOpDurableJoin = u"durableJoin";
inline constexpr QStringView kOpDurableLeave = u"durableLeave";
inline constexpr QStringView kOpListMemberships = u"listMemberships";

// args `{ "channel": string }`
struct DurableJoinArgs
{
    QString channel;

    JsonObject toArgs() const;
    static Result<DurableJoinArgs> fromArgs(const JsonObject &args);

    bool operator==(const DurableJoinArgs &other) const = default;
};

// args `{ "channel": string, "generation": number }`; the generation must be a safe integer.
struct DurableLeaveArgs
{
    QString channel;
    qint64 generation = 0;

    JsonObject toArgs() const;
    static Result<DurableLeaveArgs> fromArgs(const JsonObject &args);

    bool operator==(const DurableLeaveArgs &other) const = default;
};

// data `{ durable, reason?, generation? }`
struct DurableJoinResult
{
    bool durable = false;
    std::optional<QString> reason;
    std::optional<qint64> generation;

    JsonValue toData() const;
    static Result<DurableJoinResult> fromData(const JsonValue &data);

    bool operator==(const DurableJoinResult &other) const = default;
};

// data `{ channel, alreadyLeft? }`; alreadyLeft is written only when true.
struct DurableLeaveResult
{
    QString channel;
    bool alreadyLeft = false;

    JsonValue toData() const;
    static Result<DurableLeaveResult> fromData(const JsonValue &data);

    bool operator==(const DurableLeaveResult &other) const = default;
};

// One open membership in a listMemberships reply.
struct MembershipSummary
{
    QString channel;
    qint64 generation = 0;
    bool activated = false;

    bool operator==(const MembershipSummary &other) const = default;
};

// data `{ memberships: [{channel, generation, activated}] }`
struct ListMembershipsResult
{
    QList<MembershipSummary> memberships;

    JsonValue toData() const;
    static Result<ListMembershipsResult> fromData(const JsonValue &data);

    bool operator==(const ListMembershipsResult &other) const = default;
};

// Requests exactly as the agent sends them (listMemberships carries `"args":{}`).
ControlRequest durableJoinRequest(const EndpointRef &from, const DurableJoinArgs &args);
ControlRequest durableLeaveRequest(const EndpointRef &from, const DurableLeaveArgs &args);
ControlRequest listMembershipsRequest(const EndpointRef &from);

} // namespace cotal::wire
