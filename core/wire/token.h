#pragma once

#include <QString>

namespace cotal::wire {

// JavaScript String.prototype.trim: strips ECMAScript WhiteSpace and LineTerminator code units.
QString jsTrim(const QString &text);

// Subject token sanitisation exactly as the reference: JS trim, then every UTF-16 code unit
// outside [A-Za-z0-9_-] becomes '_'; empty becomes "_" (wire.md §2).
QString token(const QString &text);

// token(), except a lone "*" stays a wildcard (sender/target/role/owner positions).
QString routeToken(const QString &text);

// True when every code unit is in [A-Za-z0-9_-] and the text is non-empty.
bool isTokenStable(const QString &text);

} // namespace cotal::wire
