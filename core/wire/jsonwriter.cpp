#include "core/wire/jsonwriter.h"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <string_view>
#include <utility>

namespace cotal::wire {

namespace {

constexpr char kHex[] = "0123456789abcdef";

void appendUnicodeEscape(QByteArray &out, char16_t unit)
{
    out.append("\\u");
    out.append(kHex[(unit >> 12) & 0xF]);
    out.append(kHex[(unit >> 8) & 0xF]);
    out.append(kHex[(unit >> 4) & 0xF]);
    out.append(kHex[unit & 0xF]);
}

void appendUtf8(QByteArray &out, char32_t codePoint)
{
    if (codePoint < 0x80) {
        out.append(char(codePoint));
    } else if (codePoint < 0x800) {
        out.append(char(0xC0 | (codePoint >> 6)));
        out.append(char(0x80 | (codePoint & 0x3F)));
    } else if (codePoint < 0x10000) {
        out.append(char(0xE0 | (codePoint >> 12)));
        out.append(char(0x80 | ((codePoint >> 6) & 0x3F)));
        out.append(char(0x80 | (codePoint & 0x3F)));
    } else {
        out.append(char(0xF0 | (codePoint >> 18)));
        out.append(char(0x80 | ((codePoint >> 12) & 0x3F)));
        out.append(char(0x80 | ((codePoint >> 6) & 0x3F)));
        out.append(char(0x80 | (codePoint & 0x3F)));
    }
}

} // namespace

void appendJsonString(QByteArray &out, QStringView text)
{
    out.append('"');
    const qsizetype size = text.size();
    for (qsizetype i = 0; i < size; ++i) {
        const char16_t unit = text[i].unicode();
        switch (unit) {
        case u'"':
            out.append("\\\"");
            continue;
        case u'\\':
            out.append("\\\\");
            continue;
        case u'\b':
            out.append("\\b");
            continue;
        case u'\f':
            out.append("\\f");
            continue;
        case u'\n':
            out.append("\\n");
            continue;
        case u'\r':
            out.append("\\r");
            continue;
        case u'\t':
            out.append("\\t");
            continue;
        default:
            break;
        }
        if (unit < 0x20) {
            appendUnicodeEscape(out, unit);
        } else if (QChar::isHighSurrogate(unit)) {
            if (i + 1 < size && QChar::isLowSurrogate(text[i + 1].unicode())) {
                appendUtf8(out, QChar::surrogateToUcs4(unit, text[i + 1].unicode()));
                ++i;
            } else {
                appendUnicodeEscape(out, unit); // well-formed JSON.stringify (ES2019)
            }
        } else if (QChar::isLowSurrogate(unit)) {
            appendUnicodeEscape(out, unit);
        } else {
            appendUtf8(out, unit);
        }
    }
    out.append('"');
}

QByteArray jsNumberText(double value)
{
    if (!std::isfinite(value))
        return QByteArrayLiteral("null");
    if (value == 0)
        return QByteArrayLiteral("0"); // also -0, as JS prints it
    // Shortest round-trip digits in scientific form: d[.ddd]e±x.
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, std::fabs(value),
                                      std::chars_format::scientific);
    const std::string_view text(buffer, size_t(result.ptr - buffer));
    const size_t ePos = text.find('e');
    std::string digits;
    for (const char c : text.substr(0, ePos)) {
        if (c != '.')
            digits.push_back(c);
    }
    const int exponent = std::atoi(std::string(text.substr(ePos + 1)).c_str());
    // ECMA-262 Number::toString: k digits, decimal point position n.
    const int k = int(digits.size());
    const int n = exponent + 1;
    QByteArray out;
    if (value < 0)
        out.append('-');
    if (k <= n && n <= 21) {
        out.append(digits.data(), k);
        out.append(QByteArray(n - k, '0'));
    } else if (0 < n && n <= 21) {
        out.append(digits.data(), n);
        out.append('.');
        out.append(digits.data() + n, k - n);
    } else if (-6 < n && n <= 0) {
        out.append("0.");
        out.append(QByteArray(-n, '0'));
        out.append(digits.data(), k);
    } else {
        out.append(digits[0]);
        if (k > 1) {
            out.append('.');
            out.append(digits.data() + 1, k - 1);
        }
        out.append('e');
        out.append(n - 1 >= 0 ? '+' : '-');
        out.append(QByteArray::number(std::abs(n - 1)));
    }
    return out;
}

void JsonWriter::beforeValue()
{
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (!m_firstInContainer.empty()) {
        if (!m_firstInContainer.back())
            m_out.append(',');
        m_firstInContainer.back() = false;
    }
}

JsonWriter &JsonWriter::beginObject()
{
    beforeValue();
    m_out.append('{');
    m_firstInContainer.push_back(true);
    return *this;
}

JsonWriter &JsonWriter::endObject()
{
    m_out.append('}');
    m_firstInContainer.pop_back();
    return *this;
}

JsonWriter &JsonWriter::beginArray()
{
    beforeValue();
    m_out.append('[');
    m_firstInContainer.push_back(true);
    return *this;
}

JsonWriter &JsonWriter::endArray()
{
    m_out.append(']');
    m_firstInContainer.pop_back();
    return *this;
}

JsonWriter &JsonWriter::key(QStringView name)
{
    beforeValue();
    appendJsonString(m_out, name);
    m_out.append(':');
    m_afterKey = true;
    return *this;
}

JsonWriter &JsonWriter::string(QStringView text)
{
    beforeValue();
    appendJsonString(m_out, text);
    return *this;
}

JsonWriter &JsonWriter::boolean(bool value)
{
    beforeValue();
    m_out.append(value ? "true" : "false");
    return *this;
}

JsonWriter &JsonWriter::integer(qint64 value)
{
    beforeValue();
    m_out.append(QByteArray::number(value));
    return *this;
}

JsonWriter &JsonWriter::number(double value)
{
    beforeValue();
    m_out.append(jsNumberText(value));
    return *this;
}

JsonWriter &JsonWriter::null()
{
    beforeValue();
    m_out.append("null");
    return *this;
}

JsonWriter &JsonWriter::value(const JsonValue &value)
{
    switch (value.type()) {
    case JsonValue::Type::Null:
        return null();
    case JsonValue::Type::Bool:
        return boolean(value.toBool());
    case JsonValue::Type::Number:
        return number(value.toDouble());
    case JsonValue::Type::String:
        return string(value.toString());
    case JsonValue::Type::Array:
        beginArray();
        for (const JsonValue &item : value.toArray())
            this->value(item);
        return endArray();
    case JsonValue::Type::Object:
        beginObject();
        for (const JsonMember &member : value.toObject().members())
            key(member.key).value(member.value);
        return endObject();
    }
    return *this;
}

JsonWriter &JsonWriter::value(const QJsonValue &value)
{
    return this->value(JsonValue::fromQJsonValue(value));
}

JsonWriter &JsonWriter::stringList(const QStringList &items)
{
    beginArray();
    for (const QString &item : items)
        string(item);
    return endArray();
}

JsonWriter &JsonWriter::rawJson(QByteArrayView json)
{
    beforeValue();
    m_out.append(json);
    return *this;
}

QByteArray JsonWriter::take()
{
    m_firstInContainer.clear();
    m_afterKey = false;
    return std::exchange(m_out, QByteArray());
}

QByteArray toJsonText(const JsonValue &value)
{
    JsonWriter writer;
    writer.value(value);
    return writer.take();
}

} // namespace cotal::wire
