#pragma once

#include "core/wire/message.h"
#include "core/wire/result.h"

#include <QByteArray>
#include <QString>

namespace cotal::wire {

enum class Plane3Reason
{
    DurableChannel, // "durable-channel": member of a durable-class channel (interval-gated)
    LiveMention,    // "live-mention": @mention on a live channel (ACL-only), generation 0
};

QString plane3ReasonToken(Plane3Reason reason);

// storage.md §5.8: the mixed-inbox entry on `cotal.<S>.dinbox.<owner>`. Key order: msg, channel,
// seq, reason, generation.
//
// `msg` is held as JSON text and spliced in verbatim, so the copy the trusted reader moves to
// `dlv.<owner>` can be byte-identical to the CHAT payload. Decoding sets it to the
// JSON.stringify form of the parsed message, which is exactly what the reference reader publishes
// on DLV (and equals the CHAT payload whenever that was written by JSON.stringify).
struct Plane3Entry
{
    QByteArray msg;
    QString channel; // concrete channel it was published on (the re-auth subject)
    qint64 seq = 0;  // CHAT stream sequence
    Plane3Reason reason = Plane3Reason::DurableChannel;
    qint64 generation = 0; // owner's membership generation at fan-out; 0 for live-mention

    // Decodes `msg` as a CotalMessage (no sender check: DLV copies have no sender token).
    Result<CotalMessage> message() const;

    bool operator==(const Plane3Entry &other) const = default;
};

// Callers own `entry.msg`: it must be one JSON value (the CHAT payload as received).
QByteArray encodePlane3Entry(const Plane3Entry &entry);
// malformed-json; missing-field / invalid-field, including a `msg` that is not a valid
// CotalMessage (the nested reason is kept, the detail says where).
Result<Plane3Entry> decodePlane3Entry(QByteArrayView payload);

// An entry and its message's id from one parse: the trusted reader needs both for every entry,
// and decoding `msg` a second time was its largest cost per copy.
struct DecodedPlane3Entry
{
    Plane3Entry entry;
    QString messageId;
};
Result<DecodedPlane3Entry> decodePlane3EntryWithId(QByteArrayView payload);

// `Nats-Msg-Id` of INBOX and DLV publishes: `<msgId>:<owner>:<generation>` (wire.md §9).
QString plane3MessageId(const QString &messageId, const QString &owner, qint64 generation);

} // namespace cotal::wire
