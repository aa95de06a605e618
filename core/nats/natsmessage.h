#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <optional>

namespace cotal::nats {

// A received message, copied out of cnats memory so it may cross threads freely.
struct NatsMessage
{
    QString subject;
    QString reply;
    QByteArray data;
    // Header name/value pairs; names as sent (lookups are case-insensitive). The values of one
    // name keep their wire order; cnats keeps names in a hash, so their order is not the wire's.
    QList<QPair<QByteArray, QByteArray>> headers;
    // The NATS status line code (e.g. 100, 404, 408, 503) of a status message; 0 otherwise.
    // cnats reports it as "Status"/"Description" pseudo headers; those are not in `headers`.
    int status = 0;
    QByteArray statusDescription;

    std::optional<QByteArray> header(QByteArrayView name) const;
};

// Metadata a JetStream delivery carries in its $JS.ACK reply subject.
struct JsMetadata
{
    QString stream;
    QString consumer;
    quint64 delivered = 0; // delivery count of this message
    quint64 streamSequence = 0;
    quint64 consumerSequence = 0;
    qint64 timestampNs = 0;
    quint64 pending = 0;

    // Parses both the v1 (9 tokens) and v2 (12 tokens, with domain and account hash) forms.
    static std::optional<JsMetadata> fromReplySubject(QStringView reply);
};

} // namespace cotal::nats
