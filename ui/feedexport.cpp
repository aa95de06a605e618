#include "ui/feedexport.h"

#include "ui/feedmodel.h"

#include <QDateTime>
#include <QTimeZone>

namespace cotal::ui {

namespace {

// Export files are data: the mode is a fixed token, never a translated label.
QString modeToken(wire::DeliveryKind kind)
{
    switch (kind) {
    case wire::DeliveryKind::Channel:
        return QStringLiteral("channel");
    case wire::DeliveryKind::Dm:
        return QStringLiteral("dm");
    case wire::DeliveryKind::Anycast:
        break;
    }
    return QStringLiteral("anycast");
}

} // namespace

QByteArray FeedExport::toJson(const QList<endpoint::ReceivedMessage> &messages)
{
    QByteArray out("[");
    for (qsizetype i = 0; i < messages.size(); ++i) {
        if (i > 0)
            out += ",\n";
        out += wire::encodeCotalMessage(messages.at(i).message);
    }
    out += "]\n";
    return out;
}

QString FeedExport::csvCell(const QString &value)
{
    QString cell = value;
    if (!cell.isEmpty() && (cell.front() == QLatin1Char('=') || cell.front() == QLatin1Char('+') ||
                            cell.front() == QLatin1Char('-') || cell.front() == QLatin1Char('@') ||
                            cell.front() == QLatin1Char('\t') || cell.front() == QLatin1Char('\r')))
        cell.prepend(QLatin1Char('\''));
    if (cell.contains(QLatin1Char('"')) || cell.contains(QLatin1Char(',')) ||
        cell.contains(QLatin1Char('\n')) || cell.contains(QLatin1Char('\r')) ||
        cell.startsWith(QLatin1Char('\''))) {
        cell.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        cell = QLatin1Char('"') + cell + QLatin1Char('"');
    }
    return cell;
}

QByteArray FeedExport::toCsv(const QList<endpoint::ReceivedMessage> &messages)
{
    QString out =
        QStringLiteral("id,time,mode,sender_id,sender_name,channel_or_target,historical,text\r\n");
    for (const endpoint::ReceivedMessage &r : messages) {
        const wire::CotalMessage &m = r.message;
        const QString time =
            QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(m.ts), QTimeZone::utc())
                .toString(Qt::ISODateWithMs);
        const QStringList cells{csvCell(m.id),
                                csvCell(time),
                                modeToken(r.kind),
                                csvCell(m.from.id),
                                csvCell(m.from.name),
                                csvCell(FeedModel::targetOf(r)),
                                r.historical ? QStringLiteral("true") : QStringLiteral("false"),
                                csvCell(FeedModel::plainText(m))};
        out += cells.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    }
    return out.toUtf8();
}

} // namespace cotal::ui
