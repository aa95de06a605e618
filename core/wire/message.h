#pragma once

#include "core/wire/jsonvalue.h"
#include "core/wire/result.h"
#include "core/wire/subjects.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace cotal::wire {

class JsonWriter;

// wire.md §6.3: who claims to have sent something. `role` is omitted when the card has none.
struct EndpointRef
{
    QString id;
    QString name;
    std::optional<QString> role;

    bool operator==(const EndpointRef &other) const = default;
};

// wire.md §6.2. Text and data parts are typed. Any other kind is kept as the whole object,
// verbatim, and flagged ignorable so a renderer can skip it:
//  - Extension: a reverse-DNS kind (`^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$`) — conformant.
//  - Unknown: a bare kind without a dot. Non-conformant, but it is KEPT rather than failing the
//    whole message: the one part is unrenderable, the rest of the message is not, and a future
//    bare kind (v0 reserves an artifact part) must not make us drop traffic. isConformant()
//    tells the two apart.
struct Part
{
    enum class Kind
    {
        Text,
        Data,
        Extension,
        Unknown,
    };

    Kind kind = Kind::Text;
    QString text;      // Kind::Text
    JsonValue data;    // Kind::Data (any JSON, null included)
    JsonObject object; // Kind::Extension / Kind::Unknown: every field, "kind" included

    static Part makeText(QString text);
    static Part makeData(JsonValue data);
    // Fails (invalid-field) unless object["kind"] is a reverse-DNS extension kind.
    static Result<Part> makeExtension(JsonObject object);

    QString kindName() const;
    bool isIgnorable() const { return kind == Kind::Extension || kind == Kind::Unknown; }
    bool isConformant() const { return kind != Kind::Unknown; }

    bool operator==(const Part &other) const = default;
};

bool isExtensionPartKind(QStringView kind);

// The one routing field of a CotalMessage. Holding it as one value makes "exactly one of
// channel | to | toService" true by construction on the sending side.
enum class RouteKind
{
    Channel, // "channel": multicast to a concrete channel
    Direct,  // "to": unicast to an instance id
    Service, // "toService": anycast to a role
};

struct Route
{
    RouteKind kind = RouteKind::Channel;
    QString target;

    bool operator==(const Route &other) const = default;
};

// wire.md §6.1, the delivery message.
struct CotalMessage
{
    QString id;
    double ts = 0; // epoch ms; the schema types it "number"
    QString space;
    EndpointRef from;
    Route route;
    QStringList mentions; // written only when non-empty; senders pass it through normalizeMentions
    QList<Part> parts;
    std::optional<QString> replyTo;
    std::optional<QString> contextId;

    bool operator==(const CotalMessage &other) const = default;
};

// Send-side canonical form: JS trim, JS toLowerCase, drop empties, dedupe keeping the first.
QStringList normalizeMentions(const QStringList &mentions);

// JavaScript String.prototype.toLowerCase (full case mapping incl. final sigma).
QString jsToLower(const QString &text);

// Reference key order: id, ts, space, from, channel|to|toService, mentions, parts, replyTo,
// contextId.
QByteArray encodeCotalMessage(const CotalMessage &message);
void writeCotalMessage(JsonWriter &writer, const CotalMessage &message);
void writeEndpointRef(JsonWriter &writer, const EndpointRef &ref);

// Unknown fields are ignored. Failures: malformed-json (not JSON / not an object), missing-field,
// invalid-field (wrong type; zero or several routing fields; a part without a usable kind).
Result<CotalMessage> decodeCotalMessage(QByteArrayView payload);
Result<CotalMessage> decodeCotalMessage(const JsonValue &value);
Result<EndpointRef> decodeEndpointRef(const JsonValue &value, const QString &context);

// A delivery that passed the wire.md §7 receive checks.
struct CheckedDelivery
{
    CotalMessage message;
    DeliveryKind kind;     // from the subject, never from the advisory routing field
    ParsedSubject subject; // sender, and channel / target / role in `rest`

    bool operator==(const CheckedDelivery &other) const = default;
};

// Receive-side validation of a chat / inst / svc delivery (wire.md §7), in the reference order:
//  1. malformed-subject: parseSubject has no value, or the subject is a ctl request;
//  2. malformed-json: the body is not JSON or not an object;
//  3. sender-mismatch: `from` missing, or `from.id` is not the subject's sender token;
//  4. missing-field / invalid-field: any other shape problem (decodeCotalMessage).
// DLV copies (`dlv.<owner>`) carry no sender; they are decoded with decodeCotalMessage alone.
Result<CheckedDelivery> checkDelivery(const QString &subject, QByteArrayView payload);
// The same checks for an already decoded message (steps 1 and 3).
Result<DeliveryKind> checkDelivery(const QString &subject, const CotalMessage &message);

// Own echo (`from.id` is our own id): ack / drop, never surfaced (wire.md §7).
bool isOwnEcho(const CotalMessage &message, const QString &ownId);

} // namespace cotal::wire
