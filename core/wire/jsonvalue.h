#pragma once

#include <QJsonValue>
#include <QString>
#include <QStringList>
#include <cstddef>
#include <vector>

namespace cotal::wire {

class JsonValue;
struct JsonMember;

using JsonArray = std::vector<JsonValue>;

// A JSON object that keeps JavaScript's property order. QJsonObject sorts its keys, which would
// reorder `data` parts, `meta` and registry entries on every re-encode; the reference writes with
// JSON.stringify, so byte-identical records need the order an ordinary JS object has:
// array-index keys ("0".."4294967294") first in ascending numeric order, then every other key in
// insertion order; re-setting an existing key keeps its position.
class JsonObject final
{
public:
    JsonObject();
    JsonObject(const JsonObject &other);
    JsonObject(JsonObject &&other) noexcept;
    JsonObject &operator=(const JsonObject &other);
    JsonObject &operator=(JsonObject &&other) noexcept;
    ~JsonObject();

    // Builds an object the way JSON.parse does from members in source order: a duplicate key keeps
    // the position of its first occurrence and the value of its last.
    static JsonObject fromSourceMembers(std::vector<JsonMember> members);

    qsizetype size() const;
    bool isEmpty() const;
    bool contains(QStringView key) const;
    // nullptr when the key is absent.
    const JsonValue *find(QStringView key) const;
    QStringList keys() const;
    const std::vector<JsonMember> &members() const;

    // JS [[Set]] on an ordinary object (see the class comment).
    void insert(const QString &key, JsonValue value);
    bool remove(QStringView key);

    // Order-sensitive: equal objects serialise to the same bytes.
    bool operator==(const JsonObject &other) const;

private:
    std::vector<JsonMember> m_members;
};

// An immutable-by-convention JSON value tree with JS number semantics (every number is a double).
class JsonValue final
{
public:
    enum class Type
    {
        Null,
        Bool,
        Number,
        String,
        Array,
        Object,
    };

    JsonValue();
    JsonValue(std::nullptr_t);
    explicit JsonValue(bool value);
    explicit JsonValue(double value);
    explicit JsonValue(qint64 value);
    explicit JsonValue(int value);
    JsonValue(QString value);
    // A bare string literal would otherwise pick the bool constructor.
    explicit JsonValue(const char *) = delete;
    JsonValue(JsonArray value);
    JsonValue(JsonObject value);

    Type type() const { return m_type; }
    bool isNull() const { return m_type == Type::Null; }
    bool isBool() const { return m_type == Type::Bool; }
    bool isNumber() const { return m_type == Type::Number; }
    bool isString() const { return m_type == Type::String; }
    bool isArray() const { return m_type == Type::Array; }
    bool isObject() const { return m_type == Type::Object; }

    // Accessors return a default (false, 0, empty) when the type does not match.
    bool toBool() const;
    double toDouble() const;
    const QString &toString() const;
    const JsonArray &toArray() const;
    const JsonObject &toObject() const;

    bool operator==(const JsonValue &other) const;

    // Conversions for Qt consumers. QJsonObject sorts keys, so toQJsonValue loses the order;
    // fromQJsonValue adopts QJsonObject's (sorted) order under JS ordering rules.
    QJsonValue toQJsonValue() const;
    static JsonValue fromQJsonValue(const QJsonValue &value);

private:
    Type m_type = Type::Null;
    bool m_bool = false;
    double m_number = 0;
    QString m_string;
    JsonArray m_array;
    JsonObject m_object;
};

struct JsonMember
{
    QString key;
    JsonValue value;

    bool operator==(const JsonMember &other) const = default;
};

// True for the canonical decimal strings JS treats as array indices (0 .. 2^32-2).
bool isJsArrayIndex(QStringView key);

} // namespace cotal::wire
