#pragma once

#include "core/endpoint/receivedmessage.h"

#include <QByteArray>
#include <QList>

namespace cotal::ui {

// Copy and export of feed selections.
class FeedExport final
{
public:
    // A JSON array of the messages as they travel on the wire (reference key order).
    static QByteArray toJson(const QList<endpoint::ReceivedMessage> &messages);
    // RFC 4180 CSV with a header row. Cells that a spreadsheet would run as a formula
    // (leading = + - @ tab CR) are prefixed with a quote: message text is untrusted.
    static QByteArray toCsv(const QList<endpoint::ReceivedMessage> &messages);
    static QString csvCell(const QString &value);
};

} // namespace cotal::ui
