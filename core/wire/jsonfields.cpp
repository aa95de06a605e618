#include "core/wire/jsonfields.h"

#include "core/wire/jsonreader.h"

#include <cmath>

namespace cotal::wire {

FieldReader::FieldReader(const JsonObject &object, QString context)
    : m_object(object)
    , m_context(std::move(context))
{}

void FieldReader::fail(WireErrorCode code, const QString &key, const QString &why)
{
    if (m_error)
        return;
    m_error = wireError(code, QStringLiteral("%1.%2: %3").arg(m_context, key, why));
}

const JsonValue *FieldReader::member(const QString &key, bool required)
{
    if (m_error)
        return nullptr;
    const JsonValue *value = m_object.find(key);
    if (value && value->isNull() && !required)
        return nullptr;
    if (!value && required)
        fail(WireErrorCode::MissingField, key, QStringLiteral("missing"));
    return value;
}

QString FieldReader::requiredString(const QString &key)
{
    const JsonValue *value = member(key, true);
    if (value && !value->isString())
        fail(WireErrorCode::InvalidField, key, QStringLiteral("not a string"));
    return m_error ? QString() : value->toString();
}

std::optional<QString> FieldReader::optionalString(const QString &key)
{
    const JsonValue *value = member(key, false);
    if (!value)
        return std::nullopt;
    if (!value->isString()) {
        fail(WireErrorCode::InvalidField, key, QStringLiteral("not a string"));
        return std::nullopt;
    }
    return value->toString();
}

double FieldReader::requiredNumber(const QString &key)
{
    const JsonValue *value = member(key, true);
    if (value && !value->isNumber())
        fail(WireErrorCode::InvalidField, key, QStringLiteral("not a number"));
    return m_error ? 0.0 : value->toDouble();
}

std::optional<double> FieldReader::optionalNumber(const QString &key)
{
    if (m_error || !member(key, false))
        return std::nullopt;
    const double number = requiredNumber(key);
    return m_error ? std::nullopt : std::optional<double>(number);
}

qint64 FieldReader::requiredInteger(const QString &key)
{
    const JsonValue *value = member(key, true);
    if (m_error)
        return 0;
    const double number = value->toDouble();
    if (!value->isNumber() || std::trunc(number) != number || std::fabs(number) > kMaxSafeInteger) {
        fail(WireErrorCode::InvalidField, key, QStringLiteral("not a safe integer"));
        return 0;
    }
    return qint64(number);
}

std::optional<qint64> FieldReader::optionalInteger(const QString &key)
{
    if (m_error || !member(key, false))
        return std::nullopt;
    const qint64 number = requiredInteger(key);
    return m_error ? std::nullopt : std::optional<qint64>(number);
}

bool FieldReader::requiredBool(const QString &key)
{
    const JsonValue *value = member(key, true);
    if (value && !value->isBool())
        fail(WireErrorCode::InvalidField, key, QStringLiteral("not a boolean"));
    return m_error ? false : value->toBool();
}

std::optional<bool> FieldReader::optionalBool(const QString &key)
{
    if (m_error || !member(key, false))
        return std::nullopt;
    const bool flag = requiredBool(key);
    return m_error ? std::nullopt : std::optional<bool>(flag);
}

QStringList FieldReader::requiredStringList(const QString &key)
{
    const JsonValue *value = member(key, true);
    if (m_error)
        return {};
    if (!value->isArray()) {
        fail(WireErrorCode::InvalidField, key, QStringLiteral("not an array"));
        return {};
    }
    QStringList items;
    items.reserve(qsizetype(value->toArray().size()));
    for (const JsonValue &item : value->toArray()) {
        if (!item.isString()) {
            fail(WireErrorCode::InvalidField, key, QStringLiteral("holds a non-string"));
            return {};
        }
        items.append(item.toString());
    }
    return items;
}

std::optional<QStringList> FieldReader::optionalStringList(const QString &key)
{
    if (m_error || !member(key, false))
        return std::nullopt;
    QStringList items = requiredStringList(key);
    return m_error ? std::nullopt : std::optional<QStringList>(std::move(items));
}

JsonObject FieldReader::requiredObject(const QString &key)
{
    const JsonValue *value = member(key, true);
    if (value && !value->isObject())
        fail(WireErrorCode::InvalidField, key, QStringLiteral("not an object"));
    return m_error ? JsonObject() : value->toObject();
}

std::optional<JsonObject> FieldReader::optionalObject(const QString &key)
{
    if (m_error || !member(key, false))
        return std::nullopt;
    JsonObject object = requiredObject(key);
    return m_error ? std::nullopt : std::optional<JsonObject>(std::move(object));
}

JsonArray FieldReader::requiredArray(const QString &key)
{
    const JsonValue *value = member(key, true);
    if (value && !value->isArray())
        fail(WireErrorCode::InvalidField, key, QStringLiteral("not an array"));
    return m_error ? JsonArray() : value->toArray();
}

std::optional<JsonArray> FieldReader::optionalArray(const QString &key)
{
    if (m_error || !member(key, false))
        return std::nullopt;
    JsonArray array = requiredArray(key);
    return m_error ? std::nullopt : std::optional<JsonArray>(std::move(array));
}

Result<JsonObject> parseJsonObject(QByteArrayView payload, const QString &context)
{
    Result<JsonValue> parsed = parseJson(payload);
    if (!parsed)
        return wireError(WireErrorCode::MalformedJson,
                         QStringLiteral("%1: %2").arg(context, parsed.error().detail));
    if (!parsed->isObject())
        return wireError(WireErrorCode::MalformedJson,
                         QStringLiteral("%1: payload is not a JSON object").arg(context));
    return parsed->toObject();
}

} // namespace cotal::wire
