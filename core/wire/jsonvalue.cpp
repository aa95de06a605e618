#include "core/wire/jsonvalue.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <algorithm>

namespace cotal::wire {

namespace {

quint64 arrayIndexValue(const QString &key)
{
    return key.toULongLong();
}

const QString &emptyString()
{
    static const QString empty;
    return empty;
}

const JsonArray &emptyArray()
{
    static const JsonArray empty;
    return empty;
}

const JsonObject &emptyObject()
{
    static const JsonObject empty;
    return empty;
}

// Below this many members a linear scan finds repeated keys faster than hashing them, and
// allocates nothing; nearly every object on the wire is that small.
constexpr size_t kLinearScanMembers = 16;

// JSON.parse semantics for a repeated key: the first position, the last value.
void keepFirstPositionLastValue(std::vector<JsonMember> &members)
{
    size_t kept = 0;
    const auto keep = [&members, &kept](size_t from) {
        if (kept != from)
            members[kept] = std::move(members[from]);
        ++kept;
    };
    if (members.size() <= kLinearScanMembers) {
        for (size_t i = 0; i < members.size(); ++i) {
            size_t earlier = 0;
            while (earlier < kept && members[earlier].key != members[i].key)
                ++earlier;
            if (earlier < kept)
                members[earlier].value = std::move(members[i].value);
            else
                keep(i);
        }
    } else {
        QHash<QString, size_t> position;
        position.reserve(qsizetype(members.size()));
        for (size_t i = 0; i < members.size(); ++i) {
            const auto found = position.constFind(members[i].key);
            if (found != position.cend()) {
                members[*found].value = std::move(members[i].value);
                continue;
            }
            position.insert(members[i].key, kept);
            keep(i);
        }
    }
    members.erase(members.begin() + std::ptrdiff_t(kept), members.end());
}

} // namespace

bool isJsArrayIndex(QStringView key)
{
    // 4294967294 has ten digits; anything longer cannot be an index.
    if (key.isEmpty() || key.size() > 10)
        return false;
    if (key.size() > 1 && key.front() == u'0')
        return false;
    quint64 value = 0;
    for (const QChar unit : key) {
        if (unit < u'0' || unit > u'9')
            return false;
        value = value * 10 + (unit.unicode() - u'0');
    }
    return value <= 4294967294ULL;
}

JsonObject::JsonObject() = default;
JsonObject::JsonObject(const JsonObject &other) = default;
JsonObject::JsonObject(JsonObject &&other) noexcept = default;
JsonObject &JsonObject::operator=(const JsonObject &other) = default;
JsonObject &JsonObject::operator=(JsonObject &&other) noexcept = default;
JsonObject::~JsonObject() = default;

JsonObject JsonObject::fromSourceMembers(std::vector<JsonMember> members)
{
    keepFirstPositionLastValue(members);
    // Every received message is parsed here: the reordering (and stable_partition's buffer) is
    // paid only by the rare object that has an array-index key.
    const auto isIndex = [](const JsonMember &m) { return isJsArrayIndex(m.key); };
    if (std::any_of(members.cbegin(), members.cend(), isIndex)) {
        const auto firstNamed = std::stable_partition(members.begin(), members.end(), isIndex);
        std::sort(members.begin(), firstNamed, [](const JsonMember &a, const JsonMember &b) {
            return arrayIndexValue(a.key) < arrayIndexValue(b.key);
        });
    }
    JsonObject object;
    object.m_members = std::move(members);
    return object;
}

qsizetype JsonObject::size() const
{
    return qsizetype(m_members.size());
}

bool JsonObject::isEmpty() const
{
    return m_members.empty();
}

bool JsonObject::contains(QStringView key) const
{
    return find(key) != nullptr;
}

const JsonValue *JsonObject::find(QStringView key) const
{
    for (const JsonMember &member : m_members) {
        if (member.key == key)
            return &member.value;
    }
    return nullptr;
}

QStringList JsonObject::keys() const
{
    QStringList result;
    result.reserve(size());
    for (const JsonMember &member : m_members)
        result.append(member.key);
    return result;
}

const std::vector<JsonMember> &JsonObject::members() const
{
    return m_members;
}

void JsonObject::insert(const QString &key, JsonValue value)
{
    for (JsonMember &member : m_members) {
        if (member.key == key) {
            member.value = std::move(value);
            return;
        }
    }
    auto at = m_members.end();
    if (isJsArrayIndex(key)) {
        const quint64 index = arrayIndexValue(key);
        at = std::find_if(m_members.begin(), m_members.end(), [index](const JsonMember &m) {
            return !isJsArrayIndex(m.key) || arrayIndexValue(m.key) > index;
        });
    }
    m_members.insert(at, JsonMember{key, std::move(value)});
}

bool JsonObject::remove(QStringView key)
{
    const auto found = std::find_if(m_members.begin(), m_members.end(),
                                    [key](const JsonMember &m) { return m.key == key; });
    if (found == m_members.end())
        return false;
    m_members.erase(found);
    return true;
}

bool JsonObject::operator==(const JsonObject &other) const
{
    return m_members == other.m_members;
}

JsonValue::JsonValue() = default;

JsonValue::JsonValue(std::nullptr_t) {}

JsonValue::JsonValue(bool value)
    : m_type(Type::Bool)
    , m_bool(value)
{}

JsonValue::JsonValue(double value)
    : m_type(Type::Number)
    , m_number(value)
{}

JsonValue::JsonValue(qint64 value)
    : m_type(Type::Number)
    , m_number(double(value))
{}

JsonValue::JsonValue(int value)
    : m_type(Type::Number)
    , m_number(value)
{}

JsonValue::JsonValue(QString value)
    : m_type(Type::String)
    , m_string(std::move(value))
{}

JsonValue::JsonValue(JsonArray value)
    : m_type(Type::Array)
    , m_array(std::move(value))
{}

JsonValue::JsonValue(JsonObject value)
    : m_type(Type::Object)
    , m_object(std::move(value))
{}

bool JsonValue::toBool() const
{
    return m_type == Type::Bool && m_bool;
}

double JsonValue::toDouble() const
{
    return m_type == Type::Number ? m_number : 0.0;
}

const QString &JsonValue::toString() const
{
    return m_type == Type::String ? m_string : emptyString();
}

const JsonArray &JsonValue::toArray() const
{
    return m_type == Type::Array ? m_array : emptyArray();
}

const JsonObject &JsonValue::toObject() const
{
    return m_type == Type::Object ? m_object : emptyObject();
}

bool JsonValue::operator==(const JsonValue &other) const
{
    if (m_type != other.m_type)
        return false;
    switch (m_type) {
    case Type::Null:
        return true;
    case Type::Bool:
        return m_bool == other.m_bool;
    case Type::Number:
        return m_number == other.m_number;
    case Type::String:
        return m_string == other.m_string;
    case Type::Array:
        return m_array == other.m_array;
    case Type::Object:
        return m_object == other.m_object;
    }
    return false;
}

QJsonValue JsonValue::toQJsonValue() const
{
    switch (m_type) {
    case Type::Null:
        return QJsonValue(QJsonValue::Null);
    case Type::Bool:
        return QJsonValue(m_bool);
    case Type::Number:
        return QJsonValue(m_number);
    case Type::String:
        return QJsonValue(m_string);
    case Type::Array: {
        QJsonArray array;
        for (const JsonValue &item : m_array)
            array.append(item.toQJsonValue());
        return array;
    }
    case Type::Object: {
        QJsonObject object;
        for (const JsonMember &member : m_object.members())
            object.insert(member.key, member.value.toQJsonValue());
        return object;
    }
    }
    return QJsonValue(QJsonValue::Null);
}

JsonValue JsonValue::fromQJsonValue(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return JsonValue();
    case QJsonValue::Bool:
        return JsonValue(value.toBool());
    case QJsonValue::Double:
        return JsonValue(value.toDouble());
    case QJsonValue::String:
        return JsonValue(value.toString());
    case QJsonValue::Array: {
        JsonArray array;
        const QJsonArray source = value.toArray();
        array.reserve(size_t(source.size()));
        for (const QJsonValue &item : source)
            array.push_back(fromQJsonValue(item));
        return JsonValue(std::move(array));
    }
    case QJsonValue::Object: {
        std::vector<JsonMember> members;
        const QJsonObject source = value.toObject();
        for (auto it = source.begin(); it != source.end(); ++it)
            members.push_back(JsonMember{it.key(), fromQJsonValue(it.value())});
        return JsonValue(JsonObject::fromSourceMembers(std::move(members)));
    }
    }
    return JsonValue();
}

} // namespace cotal::wire
