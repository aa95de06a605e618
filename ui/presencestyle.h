#pragma once

#include "core/wire/presence.h"

#include <QColor>
#include <QString>

namespace cotal::ui {

// The one place a presence status gets its look: a shape that reads without colour and a
// colour chosen to stay legible on both light and dark palettes (the only fixed colours in the
// console).
struct PresenceStyle
{
    static QString glyph(wire::PresenceStatus status);
    static QColor colour(wire::PresenceStatus status);
    static QString label(wire::PresenceStatus status);
    // Sort rank: the states that need attention first.
    static int rank(wire::PresenceStatus status);
};

// "4 s", "2 m 05 s", "1 h 12 m", "3 d 4 h": ages shown in tables and tiles.
QString formatAge(qint64 ms);
// Local wall-clock time of an epoch-ms timestamp, with milliseconds.
QString formatTime(double epochMs);

} // namespace cotal::ui
