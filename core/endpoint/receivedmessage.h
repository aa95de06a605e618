#pragma once

#include "core/wire/message.h"
#include "core/wire/subjects.h"

#include <QList>
#include <QMetaType>
#include <QString>

namespace cotal::endpoint {

// One surfaced delivery message. `kind` comes from the delivering subject, never the payload
// (wire.md §4); DLV copies are always `Channel`.
struct ReceivedMessage
{
    enum class Path
    {
        Live,     // core subscription on a joined channel
        Backfill, // join backfill through chathist_<id> (historical)
        Dm,       // dm_<id> on DM_<S>
        Task,     // svc_<role> on TASK_<S>
        Dlv,      // dlv_<id> on DLV_<S> (durable backstop)
        Tap,      // the observer/admin all-activity tap
        Presence, // the presence watch (anomalies only: forged records)
    };

    wire::CotalMessage message;
    wire::DeliveryKind kind = wire::DeliveryKind::Channel;
    Path path = Path::Live;
    bool historical = false;    // join backfill only
    bool durableCopy = false;   // a JetStream copy whose ack commits (DM/TASK/DLV)
    QString subject;            // the delivering subject
    quint64 streamSequence = 0; // 0 for core copies
    qint64 receivedMs = 0;      // local receive time, epoch ms
};

// A received thing that was refused (wire.md §7, storage.md §5.1 forgery guard).
struct Anomaly
{
    enum class Reason
    {
        MalformedJson,
        SenderMismatch,
        MalformedSubject,
        ForgedPresence,
    };

    Reason reason = Reason::MalformedJson;
    ReceivedMessage::Path path = ReceivedMessage::Path::Live;
    QString subject;
    QString detail;
    bool terminated = false; // a JetStream copy that was `term`ed (never redelivered)
    qint64 receivedMs = 0;

    // The SPEC §5 token: "malformed-json", "sender-mismatch", "malformed-subject", or
    // "forged-presence".
    QString reasonToken() const;
};

struct AnomalyCounters
{
    quint64 malformedJson = 0;
    quint64 senderMismatch = 0;
    quint64 malformedSubject = 0;
    quint64 forgedPresence = 0;
    quint64 terminated = 0; // JetStream copies terminated for any of the reasons above

    quint64 count(Anomaly::Reason reason) const;
    bool operator==(const AnomalyCounters &other) const = default;
};

} // namespace cotal::endpoint

Q_DECLARE_METATYPE(cotal::endpoint::ReceivedMessage)
Q_DECLARE_METATYPE(cotal::endpoint::Anomaly)
Q_DECLARE_METATYPE(cotal::endpoint::AnomalyCounters)
