#pragma once

#include "core/wire/jsonvalue.h"
#include "core/wire/result.h"

#include <QByteArrayView>

namespace cotal::wire {

// Parses a payload the way the reference reads one: `JSON.parse(new TextDecoder().decode(bytes))`.
// So a leading UTF-8 BOM is dropped, invalid UTF-8 becomes U+FFFD (WHATWG decoder), `\u` escapes
// may produce lone surrogates, duplicate keys keep the last value, and objects take JS property
// order. Two deliberate refusals where JS would accept: a number outside the double range (JS
// yields Infinity, which JSON.stringify turns into null) and nesting deeper than
// kMaxJsonDepth. Every failure is WireErrorCode::MalformedJson.
Result<JsonValue> parseJson(QByteArrayView utf8);

inline constexpr int kMaxJsonDepth = 512;

// WHATWG "UTF-8 decode" (TextDecoder with default options): BOM stripped, each maximal invalid
// subpart replaced by one U+FFFD. QString::fromUtf8 replaces differently.
QString decodeUtf8LikeTextDecoder(QByteArrayView utf8);

} // namespace cotal::wire
