#include "ui/presencestyle.h"

#include <QCoreApplication>
#include <QDateTime>

namespace cotal::ui {

using wire::PresenceStatus;

QString PresenceStyle::glyph(PresenceStatus status)
{
    switch (status) {
    case PresenceStatus::Working:
        return QStringLiteral("\u25CF"); // ●
    case PresenceStatus::Waiting:
        return QStringLiteral("\u25D0"); // ◐
    case PresenceStatus::Idle:
        return QStringLiteral("\u25CB"); // ○
    case PresenceStatus::Offline:
        break;
    }
    return QStringLiteral("\u2A2F"); // ⨯
}

QColor PresenceStyle::colour(PresenceStatus status)
{
    // Mid-luminance hues: enough contrast against both a white and a near-black base.
    switch (status) {
    case PresenceStatus::Working:
        return QColor(0x2e, 0xa0, 0x43);
    case PresenceStatus::Waiting:
        return QColor(0xd2, 0x8a, 0x0e);
    case PresenceStatus::Idle:
        return QColor(0x3b, 0x82, 0xc4);
    case PresenceStatus::Offline:
        break;
    }
    return QColor(0x8a, 0x8f, 0x98);
}

QString PresenceStyle::label(PresenceStatus status)
{
    switch (status) {
    case PresenceStatus::Working:
        return QCoreApplication::translate("cotal::ui::PresenceStyle", "working");
    case PresenceStatus::Waiting:
        return QCoreApplication::translate("cotal::ui::PresenceStyle", "waiting");
    case PresenceStatus::Idle:
        return QCoreApplication::translate("cotal::ui::PresenceStyle", "idle");
    case PresenceStatus::Offline:
        break;
    }
    return QCoreApplication::translate("cotal::ui::PresenceStyle", "offline");
}

int PresenceStyle::rank(PresenceStatus status)
{
    switch (status) {
    case PresenceStatus::Waiting:
        return 0;
    case PresenceStatus::Working:
        return 1;
    case PresenceStatus::Idle:
        return 2;
    case PresenceStatus::Offline:
        break;
    }
    return 3;
}

QString formatAge(qint64 ms)
{
    const qint64 s = std::max<qint64>(0, ms) / 1000;
    if (s < 60)
        return QCoreApplication::translate("cotal::ui", "%1 s").arg(s);
    if (s < 3600)
        return QCoreApplication::translate("cotal::ui", "%1 m %2 s")
            .arg(s / 60)
            .arg(s % 60, 2, 10, QLatin1Char('0'));
    if (s < 86400)
        return QCoreApplication::translate("cotal::ui", "%1 h %2 m")
            .arg(s / 3600)
            .arg((s % 3600) / 60, 2, 10, QLatin1Char('0'));
    return QCoreApplication::translate("cotal::ui", "%1 d %2 h")
        .arg(s / 86400)
        .arg((s % 86400) / 3600);
}

QString formatTime(double epochMs)
{
    if (epochMs <= 0)
        return {};
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(epochMs));
    return at.toLocalTime().toString(QStringLiteral("HH:mm:ss.zzz"));
}

} // namespace cotal::ui
