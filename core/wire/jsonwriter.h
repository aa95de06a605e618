#pragma once

#include "core/wire/jsonvalue.h"

#include <QByteArray>
#include <QJsonValue>
#include <QStringView>
#include <vector>

namespace cotal::wire {

// Builds compact JSON text exactly as JavaScript's JSON.stringify would print the same object:
// keys in the order they are written, no whitespace, non-ASCII as raw UTF-8, escapes limited to
// \" \\ \b \f \n \r \t and \u00XX for other control characters, lone surrogates as \uXXXX
// (lowercase hex), numbers in JS Number#toString form (non-finite numbers become null).
// QJsonDocument sorts keys, which is why records are never serialised through QJsonObject.
//
// Usage: writer.beginObject().key(u"id").string(id).key(u"ts").integer(ts).endObject();
// The writer trusts its caller to produce a well-formed sequence (a key before each object
// member value, balanced begin/end); it does not validate.
class JsonWriter final
{
public:
    JsonWriter &beginObject();
    JsonWriter &endObject();
    JsonWriter &beginArray();
    JsonWriter &endArray();
    JsonWriter &key(QStringView name);

    JsonWriter &string(QStringView text);
    JsonWriter &boolean(bool value);
    JsonWriter &integer(qint64 value);
    JsonWriter &number(double value);
    JsonWriter &null();
    JsonWriter &value(const JsonValue &value);
    // QJsonObject members come out in QJsonObject's (sorted) order under JS ordering rules.
    JsonWriter &value(const QJsonValue &value);
    JsonWriter &stringList(const QStringList &items);
    // Splices already-serialised JSON text verbatim (e.g. the CotalMessage inside a Plane-3 entry).
    JsonWriter &rawJson(QByteArrayView json);

    const QByteArray &bytes() const { return m_out; }
    QByteArray take();

private:
    void beforeValue();

    QByteArray m_out;
    // One entry per open container: true until its first element has been written.
    std::vector<bool> m_firstInContainer;
    bool m_afterKey = false;
};

// JSON.stringify(value) for a parsed value.
QByteArray toJsonText(const JsonValue &value);

// Number.prototype.toString for a finite double (shortest round-trip digits, JS exponent rules).
QByteArray jsNumberText(double value);

// JSON.stringify(string): the quoted, escaped UTF-8 form.
void appendJsonString(QByteArray &out, QStringView text);

} // namespace cotal::wire
