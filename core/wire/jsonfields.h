#pragma once

#include "core/wire/jsonvalue.h"
#include "core/wire/result.h"

#include <QStringList>
#include <initializer_list>
#include <optional>
#include <utility>

namespace cotal::wire {

// Reads typed members out of one decoded JSON object for a record decoder. The first problem is
// remembered (missing-field / invalid-field, naming "<context>.<key>") and every later read is a
// no-op returning a default, so a decoder reads all fields and checks error() once.
//
// Conventions shared by every record: an explicit null in an OPTIONAL field reads as absent (we
// never write null; a peer that does means "unset"); in a required field it is invalid. Integer
// fields (sequences, generations, revisions, counts) must be JS safe integers; timestamps are any
// finite number (the schema types them "number").
class FieldReader final
{
public:
    FieldReader(const JsonObject &object, QString context);

    const JsonObject &object() const { return m_object; }
    const QString &context() const { return m_context; }

    QString requiredString(const QString &key);
    std::optional<QString> optionalString(const QString &key);
    double requiredNumber(const QString &key);
    std::optional<double> optionalNumber(const QString &key);
    qint64 requiredInteger(const QString &key);
    std::optional<qint64> optionalInteger(const QString &key);
    bool requiredBool(const QString &key);
    std::optional<bool> optionalBool(const QString &key);
    QStringList requiredStringList(const QString &key);
    std::optional<QStringList> optionalStringList(const QString &key);
    JsonObject requiredObject(const QString &key);
    std::optional<JsonObject> optionalObject(const QString &key);
    JsonArray requiredArray(const QString &key);
    std::optional<JsonArray> optionalArray(const QString &key);

    // A string member that must be one of the listed wire tokens.
    template<typename Enum>
    Enum requiredEnum(const QString &key,
                      std::initializer_list<std::pair<QStringView, Enum>> tokens)
    {
        const QString text = requiredString(key);
        return m_error ? tokens.begin()->second : enumFrom(key, text, tokens);
    }
    template<typename Enum>
    std::optional<Enum> optionalEnum(const QString &key,
                                     std::initializer_list<std::pair<QStringView, Enum>> tokens)
    {
        const std::optional<QString> text = optionalString(key);
        if (m_error || !text)
            return std::nullopt;
        const Enum value = enumFrom(key, *text, tokens);
        return m_error ? std::nullopt : std::optional<Enum>(value);
    }

    // Records a failure found by the decoder itself (first one wins).
    void fail(WireErrorCode code, const QString &key, const QString &why);
    const std::optional<WireError> &error() const { return m_error; }

private:
    // nullptr (after recording missing-field when required) or the present, non-null value.
    const JsonValue *member(const QString &key, bool required);
    template<typename Enum>
    Enum enumFrom(const QString &key, const QString &text,
                  std::initializer_list<std::pair<QStringView, Enum>> tokens)
    {
        for (const auto &[token, value] : tokens) {
            if (text == token)
                return value;
        }
        fail(WireErrorCode::InvalidField, key, QStringLiteral("unknown value \"%1\"").arg(text));
        return tokens.begin()->second;
    }

    const JsonObject &m_object;
    QString m_context;
    std::optional<WireError> m_error;
};

// Parses a payload that must be a JSON object (malformed-json otherwise).
Result<JsonObject> parseJsonObject(QByteArrayView payload, const QString &context);

// Looks up the wire token of an enum value in the same table a decoder uses.
template<typename Enum>
QString enumToken(Enum value, std::initializer_list<std::pair<QStringView, Enum>> tokens)
{
    for (const auto &[token, candidate] : tokens) {
        if (candidate == value)
            return token.toString();
    }
    return {};
}

inline constexpr double kMaxSafeInteger = 9007199254740991.0;

} // namespace cotal::wire
