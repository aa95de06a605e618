#include "core/wire/jsonreader.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <string>

namespace cotal::wire {

namespace {

constexpr char16_t kReplacement = 0xFFFD;

void appendCodePoint(QString &out, char32_t codePoint)
{
    if (codePoint < 0x10000) {
        out.append(QChar(char16_t(codePoint)));
        return;
    }
    out.append(QChar::highSurrogate(codePoint));
    out.append(QChar::lowSurrogate(codePoint));
}

class Parser final
{
public:
    explicit Parser(const QString &text)
        : m_begin(reinterpret_cast<const char16_t *>(text.constData()))
        , m_pos(m_begin)
        , m_end(m_begin + text.size())
    {}

    Result<JsonValue> parseDocument()
    {
        skipWhitespace();
        JsonValue value = parseValue(0);
        if (!m_failed) {
            skipWhitespace();
            if (m_pos != m_end)
                fail(QStringLiteral("unexpected data after the value"));
        }
        if (m_failed)
            return wireError(WireErrorCode::MalformedJson, m_error);
        return value;
    }

private:
    void fail(const QString &what)
    {
        if (m_failed)
            return;
        m_failed = true;
        m_error =
            QStringLiteral("JSON parse error at offset %1: %2").arg(m_pos - m_begin).arg(what);
    }

    void skipWhitespace()
    {
        while (m_pos != m_end &&
               (*m_pos == u' ' || *m_pos == u'\t' || *m_pos == u'\n' || *m_pos == u'\r'))
            ++m_pos;
    }

    bool consumeLiteral(QStringView literal)
    {
        if (m_end - m_pos < literal.size())
            return false;
        if (QStringView(m_pos, literal.size()) != literal)
            return false;
        m_pos += literal.size();
        return true;
    }

    JsonValue parseValue(int depth)
    {
        if (m_pos == m_end) {
            fail(QStringLiteral("unexpected end of input"));
            return {};
        }
        switch (*m_pos) {
        case u'{':
            return parseObject(depth + 1);
        case u'[':
            return parseArray(depth + 1);
        case u'"':
            return JsonValue(parseString());
        case u't':
            if (consumeLiteral(u"true"))
                return JsonValue(true);
            break;
        case u'f':
            if (consumeLiteral(u"false"))
                return JsonValue(false);
            break;
        case u'n':
            if (consumeLiteral(u"null"))
                return JsonValue();
            break;
        default:
            if (*m_pos == u'-' || (*m_pos >= u'0' && *m_pos <= u'9'))
                return parseNumber();
            break;
        }
        fail(QStringLiteral("unexpected character"));
        return {};
    }

    JsonValue parseObject(int depth)
    {
        if (depth > kMaxJsonDepth) {
            fail(QStringLiteral("nesting deeper than %1").arg(kMaxJsonDepth));
            return {};
        }
        ++m_pos; // '{'
        std::vector<JsonMember> members;
        skipWhitespace();
        if (m_pos != m_end && *m_pos == u'}') {
            ++m_pos;
            return JsonValue(JsonObject());
        }
        while (!m_failed) {
            skipWhitespace();
            if (m_pos == m_end || *m_pos != u'"') {
                fail(QStringLiteral("expected a string key"));
                break;
            }
            QString key = parseString();
            skipWhitespace();
            if (m_pos == m_end || *m_pos != u':') {
                fail(QStringLiteral("expected ':'"));
                break;
            }
            ++m_pos;
            skipWhitespace();
            JsonValue value = parseValue(depth);
            if (m_failed)
                break;
            members.push_back(JsonMember{std::move(key), std::move(value)});
            skipWhitespace();
            if (m_pos != m_end && *m_pos == u',') {
                ++m_pos;
                continue;
            }
            if (m_pos != m_end && *m_pos == u'}') {
                ++m_pos;
                return JsonValue(JsonObject::fromSourceMembers(std::move(members)));
            }
            fail(QStringLiteral("expected ',' or '}'"));
        }
        return {};
    }

    JsonValue parseArray(int depth)
    {
        if (depth > kMaxJsonDepth) {
            fail(QStringLiteral("nesting deeper than %1").arg(kMaxJsonDepth));
            return {};
        }
        ++m_pos; // '['
        JsonArray items;
        skipWhitespace();
        if (m_pos != m_end && *m_pos == u']') {
            ++m_pos;
            return JsonValue(std::move(items));
        }
        while (!m_failed) {
            skipWhitespace();
            JsonValue value = parseValue(depth);
            if (m_failed)
                break;
            items.push_back(std::move(value));
            skipWhitespace();
            if (m_pos != m_end && *m_pos == u',') {
                ++m_pos;
                continue;
            }
            if (m_pos != m_end && *m_pos == u']') {
                ++m_pos;
                return JsonValue(std::move(items));
            }
            fail(QStringLiteral("expected ',' or ']'"));
        }
        return {};
    }

    int hexDigit(char16_t unit) const
    {
        if (unit >= u'0' && unit <= u'9')
            return unit - u'0';
        if (unit >= u'a' && unit <= u'f')
            return unit - u'a' + 10;
        if (unit >= u'A' && unit <= u'F')
            return unit - u'A' + 10;
        return -1;
    }

    QString parseString()
    {
        ++m_pos; // opening quote
        QString out;
        const char16_t *runStart = m_pos;
        while (m_pos != m_end) {
            const char16_t unit = *m_pos;
            if (unit == u'"') {
                out.append(QStringView(runStart, m_pos));
                ++m_pos;
                return out;
            }
            if (unit < 0x20) {
                fail(QStringLiteral("control character in string"));
                return {};
            }
            if (unit != u'\\') {
                ++m_pos;
                continue;
            }
            out.append(QStringView(runStart, m_pos));
            ++m_pos;
            if (m_pos == m_end)
                break;
            switch (*m_pos) {
            case u'"':
                out.append(u'"');
                break;
            case u'\\':
                out.append(u'\\');
                break;
            case u'/':
                out.append(u'/');
                break;
            case u'b':
                out.append(u'\b');
                break;
            case u'f':
                out.append(u'\f');
                break;
            case u'n':
                out.append(u'\n');
                break;
            case u'r':
                out.append(u'\r');
                break;
            case u't':
                out.append(u'\t');
                break;
            case u'u': {
                if (m_end - m_pos < 5) {
                    fail(QStringLiteral("truncated \\u escape"));
                    return {};
                }
                char16_t code = 0;
                for (int i = 1; i <= 4; ++i) {
                    const int digit = hexDigit(m_pos[i]);
                    if (digit < 0) {
                        fail(QStringLiteral("bad \\u escape"));
                        return {};
                    }
                    code = char16_t(code * 16 + digit);
                }
                out.append(QChar(code));
                m_pos += 4;
                break;
            }
            default:
                fail(QStringLiteral("bad escape"));
                return {};
            }
            ++m_pos;
            runStart = m_pos;
        }
        fail(QStringLiteral("unterminated string"));
        return {};
    }

    bool isDigit(const char16_t *at) const { return at != m_end && *at >= u'0' && *at <= u'9'; }

    JsonValue parseNumber()
    {
        const char16_t *start = m_pos;
        if (*m_pos == u'-')
            ++m_pos;
        if (!isDigit(m_pos)) {
            fail(QStringLiteral("bad number"));
            return {};
        }
        const char16_t *intStart = m_pos;
        if (*m_pos == u'0') {
            ++m_pos;
        } else {
            while (isDigit(m_pos))
                ++m_pos;
        }
        const char16_t *intEnd = m_pos;
        const char16_t *fracStart = m_pos;
        const char16_t *fracEnd = m_pos;
        if (m_pos != m_end && *m_pos == u'.') {
            ++m_pos;
            if (!isDigit(m_pos)) {
                fail(QStringLiteral("bad number"));
                return {};
            }
            fracStart = m_pos;
            while (isDigit(m_pos))
                ++m_pos;
            fracEnd = m_pos;
        }
        long long exponent = 0;
        if (m_pos != m_end && (*m_pos == u'e' || *m_pos == u'E')) {
            ++m_pos;
            bool negative = false;
            if (m_pos != m_end && (*m_pos == u'+' || *m_pos == u'-')) {
                negative = *m_pos == u'-';
                ++m_pos;
            }
            if (!isDigit(m_pos)) {
                fail(QStringLiteral("bad number"));
                return {};
            }
            while (isDigit(m_pos)) {
                // Clamped: only the sign of the magnitude matters past the double range.
                exponent = std::min(exponent * 10 + (*m_pos - u'0'), 100000000LL);
                ++m_pos;
            }
            if (negative)
                exponent = -exponent;
        }
        std::string ascii;
        ascii.reserve(size_t(m_pos - start));
        for (const char16_t *at = start; at != m_pos; ++at)
            ascii.push_back(char(*at));
        double value = 0;
        const auto [end, ec] = std::from_chars(ascii.data(), ascii.data() + ascii.size(), value);
        if (ec == std::errc::result_out_of_range) {
            // Underflow rounds to zero as in JS; overflow would be Infinity, which we refuse.
            if (decimalMagnitude(intStart, intEnd, fracStart, fracEnd, exponent) < 0)
                return JsonValue(*start == u'-' ? -0.0 : 0.0);
            fail(QStringLiteral("number outside the double range"));
            return {};
        }
        if (ec != std::errc() || end != ascii.data() + ascii.size() || !std::isfinite(value)) {
            fail(QStringLiteral("bad number"));
            return {};
        }
        return JsonValue(value);
    }

    // Power of ten of the first significant digit.
    static long long decimalMagnitude(const char16_t *intStart, const char16_t *intEnd,
                                      const char16_t *fracStart, const char16_t *fracEnd,
                                      long long exponent)
    {
        long long position = intEnd - intStart - 1;
        for (const char16_t *at = intStart; at != intEnd; ++at, --position) {
            if (*at != u'0')
                return position + exponent;
        }
        for (const char16_t *at = fracStart; at != fracEnd; ++at, --position) {
            if (*at != u'0')
                return position + exponent;
        }
        return -1; // all zeros: never out of range, kept total
    }

    const char16_t *m_begin;
    const char16_t *m_pos;
    const char16_t *m_end;
    bool m_failed = false;
    QString m_error;
};

} // namespace

QString decodeUtf8LikeTextDecoder(QByteArrayView utf8)
{
    QString out;
    out.reserve(utf8.size());
    char32_t codePoint = 0;
    int needed = 0;
    int seen = 0;
    unsigned lower = 0x80;
    unsigned upper = 0xBF;
    const auto *bytes = reinterpret_cast<const unsigned char *>(utf8.data());
    const qsizetype size = utf8.size();
    qsizetype i = 0;
    while (i < size) {
        const unsigned byte = bytes[i];
        if (needed == 0) {
            if (byte <= 0x7F) {
                // ASCII runs (nearly every payload) go in one append.
                qsizetype end = i + 1;
                while (end < size && bytes[end] <= 0x7F)
                    ++end;
                out.append(QLatin1StringView(utf8.data() + i, end - i));
                i = end;
                continue;
            }
            ++i;
            if (byte >= 0xC2 && byte <= 0xDF) {
                needed = 1;
                codePoint = byte & 0x1F;
            } else if (byte >= 0xE0 && byte <= 0xEF) {
                if (byte == 0xE0)
                    lower = 0xA0;
                if (byte == 0xED)
                    upper = 0x9F;
                needed = 2;
                codePoint = byte & 0xF;
            } else if (byte >= 0xF0 && byte <= 0xF4) {
                if (byte == 0xF0)
                    lower = 0x90;
                if (byte == 0xF4)
                    upper = 0x8F;
                needed = 3;
                codePoint = byte & 0x7;
            } else {
                out.append(QChar(kReplacement));
            }
            continue;
        }
        if (byte < lower || byte > upper) {
            // The offending byte starts over; it is not consumed here.
            codePoint = 0;
            needed = seen = 0;
            lower = 0x80;
            upper = 0xBF;
            out.append(QChar(kReplacement));
            continue;
        }
        ++i;
        lower = 0x80;
        upper = 0xBF;
        codePoint = (codePoint << 6) | (byte & 0x3F);
        if (++seen == needed) {
            appendCodePoint(out, codePoint);
            codePoint = 0;
            needed = seen = 0;
        }
    }
    if (needed != 0)
        out.append(QChar(kReplacement));
    if (!out.isEmpty() && out.front() == QChar(0xFEFF) && utf8.size() >= 3 &&
        static_cast<unsigned char>(utf8[0]) == 0xEF)
        out.remove(0, 1);
    return out;
}

Result<JsonValue> parseJson(QByteArrayView utf8)
{
    const QString text = decodeUtf8LikeTextDecoder(utf8);
    return Parser(text).parseDocument();
}

} // namespace cotal::wire
