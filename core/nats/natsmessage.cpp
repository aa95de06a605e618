#include "core/nats/natsmessage.h"

namespace cotal::nats {

std::optional<QByteArray> NatsMessage::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return std::nullopt;
}

std::optional<JsMetadata> JsMetadata::fromReplySubject(QStringView reply)
{
    const auto tokens = reply.split(u'.');
    if (tokens.size() < 9 || tokens.at(0) != u"$JS" || tokens.at(1) != u"ACK")
        return std::nullopt;
    // v1: $JS.ACK.<stream>.<consumer>.<delivered>.<sseq>.<cseq>.<ts>.<pending>
    // v2: $JS.ACK.<domain>.<account hash>.<stream>.<consumer>.<delivered>.<sseq>.<cseq>.<ts>
    //     .<pending>.<random>, and later servers may append more tokens.
    qsizetype first = 0;
    if (tokens.size() == 9)
        first = 2;
    else if (tokens.size() >= 12)
        first = 4;
    else
        return std::nullopt;

    JsMetadata metadata;
    metadata.stream = tokens.at(first).toString();
    metadata.consumer = tokens.at(first + 1).toString();
    bool ok[5] = {};
    metadata.delivered = tokens.at(first + 2).toULongLong(&ok[0]);
    metadata.streamSequence = tokens.at(first + 3).toULongLong(&ok[1]);
    metadata.consumerSequence = tokens.at(first + 4).toULongLong(&ok[2]);
    metadata.timestampNs = tokens.at(first + 5).toLongLong(&ok[3]);
    metadata.pending = tokens.at(first + 6).toULongLong(&ok[4]);
    for (const bool parsed : ok) {
        if (!parsed)
            return std::nullopt;
    }
    if (metadata.stream.isEmpty() || metadata.consumer.isEmpty())
        return std::nullopt;
    return metadata;
}

} // namespace cotal::nats
