#include "core/wire/channelconfig.h"

#include "core/wire/channels.h"
#include "core/wire/jsonfields.h"
#include "core/wire/jsonwriter.h"
#include "core/wire/token.h"

namespace cotal::wire {

namespace {

const QString kReplay = QStringLiteral("replay");
const QString kReplayWindow = QStringLiteral("replayWindow");
const QString kDeliveryClass = QStringLiteral("deliveryClass");
const QString kDescription = QStringLiteral("description");
const QString kInstructions = QStringLiteral("instructions");

using ClassTokens = std::initializer_list<std::pair<QStringView, DeliveryClass>>;
constexpr ClassTokens kClasses = {{u"live", DeliveryClass::Live},
                                  {u"durable", DeliveryClass::Durable}};

// A present, non-null member, or nullptr.
const JsonValue *setMember(const JsonObject &object, const QString &key)
{
    const JsonValue *value = object.find(key);
    return value && !value->isNull() ? value : nullptr;
}

WireError invalid(const QString &context, const QString &key, const QString &why)
{
    return wireError(WireErrorCode::InvalidField,
                     QStringLiteral("%1.%2: %3").arg(context, key, why));
}

} // namespace

QString deliveryClassToken(DeliveryClass deliveryClass)
{
    return enumToken(deliveryClass, kClasses);
}

Result<qint64> parseReplayWindow(const QString &window)
{
    const QString trimmed = jsTrim(window);
    const auto fail = [&window](const QString &why) {
        return wireError(WireErrorCode::InvalidField,
                         QStringLiteral("replayWindow \"%1\": %2").arg(window, why));
    };
    if (trimmed.size() < 2)
        return fail(QStringLiteral("expected <digits><s|m|h|d>"));
    qint64 unit = 0;
    switch (trimmed.back().unicode()) {
    case u's':
        unit = 1000;
        break;
    case u'm':
        unit = 60 * 1000;
        break;
    case u'h':
        unit = 60 * 60 * 1000;
        break;
    case u'd':
        unit = 24 * 60 * 60 * 1000;
        break;
    default:
        return fail(QStringLiteral("expected <digits><s|m|h|d>"));
    }
    const qint64 limit = qint64(kMaxSafeInteger);
    qint64 count = 0;
    for (qsizetype i = 0; i + 1 < trimmed.size(); ++i) {
        const char16_t unitChar = trimmed.at(i).unicode();
        if (unitChar < u'0' || unitChar > u'9') // JS \d without the u flag: ASCII only
            return fail(QStringLiteral("expected <digits><s|m|h|d>"));
        count = count * 10 + (unitChar - u'0');
        if (count > limit / unit)
            return fail(QStringLiteral("out of range"));
    }
    return count * unit;
}

std::optional<bool> ChannelPolicyRecord::replay() const
{
    const JsonValue *value = setMember(m_object, kReplay);
    return value ? std::optional<bool>(value->toBool()) : std::nullopt;
}

std::optional<QString> ChannelPolicyRecord::replayWindow() const
{
    return text(kReplayWindow);
}

std::optional<qint64> ChannelPolicyRecord::replayWindowMs() const
{
    const std::optional<QString> window = replayWindow();
    if (!window)
        return std::nullopt;
    const Result<qint64> ms = parseReplayWindow(*window);
    return ms ? std::optional<qint64>(ms.value()) : std::nullopt;
}

std::optional<DeliveryClass> ChannelPolicyRecord::deliveryClass() const
{
    const std::optional<QString> token = text(kDeliveryClass);
    if (!token)
        return std::nullopt;
    for (const auto &[name, value] : kClasses) {
        if (name == *token)
            return value;
    }
    return std::nullopt;
}

void ChannelPolicyRecord::setReplay(bool replay)
{
    m_object.insert(kReplay, JsonValue(replay));
}

std::optional<WireError> ChannelPolicyRecord::setReplayWindow(const QString &window)
{
    const Result<qint64> ms = parseReplayWindow(window);
    if (!ms)
        return ms.error();
    m_object.insert(kReplayWindow, window);
    return std::nullopt;
}

void ChannelPolicyRecord::setDeliveryClass(DeliveryClass deliveryClass)
{
    m_object.insert(kDeliveryClass, deliveryClassToken(deliveryClass));
}

void ChannelPolicyRecord::unset(QStringView key)
{
    m_object.remove(key);
}

QByteArray ChannelPolicyRecord::encode() const
{
    return toJsonText(JsonValue(m_object));
}

std::optional<QString> ChannelPolicyRecord::text(const QString &key) const
{
    const JsonValue *value = setMember(m_object, key);
    return value ? std::optional<QString>(value->toString()) : std::nullopt;
}

void ChannelPolicyRecord::mergeFrom(const JsonObject &patch)
{
    for (const JsonMember &member : patch.members())
        m_object.insert(member.key, member.value);
}

std::optional<WireError> ChannelPolicyRecord::validateShared(const JsonObject &object,
                                                             const QString &context)
{
    if (const JsonValue *replay = setMember(object, kReplay); replay && !replay->isBool())
        return invalid(context, kReplay, QStringLiteral("not a boolean"));
    if (const JsonValue *window = setMember(object, kReplayWindow)) {
        if (!window->isString())
            return invalid(context, kReplayWindow, QStringLiteral("not a string"));
        const Result<qint64> ms = parseReplayWindow(window->toString());
        if (!ms)
            return invalid(context, kReplayWindow, ms.error().detail);
    }
    if (const JsonValue *deliveryClass = setMember(object, kDeliveryClass)) {
        if (!deliveryClass->isString())
            return invalid(context, kDeliveryClass, QStringLiteral("not a string"));
        bool known = false;
        for (const auto &entry : kClasses)
            known = known || entry.first == deliveryClass->toString();
        if (!known)
            return invalid(context, kDeliveryClass,
                           QStringLiteral("unknown value \"%1\"").arg(deliveryClass->toString()));
    }
    return std::nullopt;
}

std::optional<WireError> ChannelPolicyRecord::validateText(const JsonObject &object,
                                                           const QString &context,
                                                           const QString &key, qsizetype maxLength)
{
    const JsonValue *value = setMember(object, key);
    if (!value)
        return std::nullopt;
    if (!value->isString())
        return invalid(context, key, QStringLiteral("not a string"));
    if (value->toString().size() > maxLength)
        return invalid(context, key,
                       QStringLiteral("%1 UTF-16 units, at most %2 allowed")
                           .arg(value->toString().size())
                           .arg(maxLength));
    return std::nullopt;
}

ChannelDefaults ChannelDefaults::merged(const ChannelDefaults &patch) const
{
    ChannelDefaults result = *this;
    result.mergeFrom(patch.m_object);
    return result;
}

Result<ChannelDefaults> ChannelDefaults::fromObject(JsonObject object)
{
    if (auto error = validateShared(object, QStringLiteral("ChannelDefaults")))
        return *error;
    ChannelDefaults defaults;
    defaults.m_object = std::move(object);
    return defaults;
}

std::optional<QString> ChannelConfig::description() const
{
    return text(kDescription);
}

std::optional<QString> ChannelConfig::instructions() const
{
    return text(kInstructions);
}

std::optional<WireError> ChannelConfig::setDescription(const QString &description)
{
    if (description.size() > kMaxChannelDescription)
        return invalid(QStringLiteral("ChannelConfig"), kDescription,
                       QStringLiteral("%1 UTF-16 units, at most %2 allowed")
                           .arg(description.size())
                           .arg(kMaxChannelDescription));
    m_object.insert(kDescription, description);
    return std::nullopt;
}

std::optional<WireError> ChannelConfig::setInstructions(const QString &instructions)
{
    if (instructions.size() > kMaxChannelInstructions)
        return invalid(QStringLiteral("ChannelConfig"), kInstructions,
                       QStringLiteral("%1 UTF-16 units, at most %2 allowed")
                           .arg(instructions.size())
                           .arg(kMaxChannelInstructions));
    m_object.insert(kInstructions, instructions);
    return std::nullopt;
}

ChannelConfig ChannelConfig::merged(const ChannelConfig &patch) const
{
    ChannelConfig result = *this;
    result.mergeFrom(patch.m_object);
    return result;
}

Result<ChannelConfig> ChannelConfig::fromObject(JsonObject object)
{
    static const QString context = QStringLiteral("ChannelConfig");
    if (auto error = validateShared(object, context))
        return *error;
    if (auto error = validateText(object, context, kDescription, kMaxChannelDescription))
        return *error;
    if (auto error = validateText(object, context, kInstructions, kMaxChannelInstructions))
        return *error;
    ChannelConfig config;
    config.m_object = std::move(object);
    return config;
}

Result<ChannelConfig> decodeChannelConfig(QByteArrayView payload)
{
    Result<JsonObject> object = parseJsonObject(payload, QStringLiteral("ChannelConfig"));
    if (!object)
        return object.error();
    return ChannelConfig::fromObject(std::move(object).value());
}

Result<ChannelDefaults> decodeChannelDefaults(QByteArrayView payload)
{
    Result<JsonObject> object = parseJsonObject(payload, QStringLiteral("ChannelDefaults"));
    if (!object)
        return object.error();
    return ChannelDefaults::fromObject(std::move(object).value());
}

EffectiveChannelPolicy resolveChannelPolicy(const QString &target,
                                            const std::optional<ChannelConfig> &channel,
                                            const std::optional<ChannelDefaults> &defaults)
{
    const ChannelConfig *entry = channel && isConcreteChannel(target) ? &*channel : nullptr;
    const ChannelDefaults *fallback = defaults ? &*defaults : nullptr;
    EffectiveChannelPolicy policy;
    if (entry && entry->replay())
        policy.replay = *entry->replay();
    else if (fallback && fallback->replay())
        policy.replay = *fallback->replay();
    const ChannelPolicyRecord *windowSource = fallback;
    if (entry && entry->replayWindow())
        windowSource = entry;
    if (windowSource) {
        policy.replayWindow = windowSource->replayWindow();
        policy.replayWindowMs = windowSource->replayWindowMs();
    }
    if (entry && entry->deliveryClass())
        policy.deliveryClass = *entry->deliveryClass();
    else if (fallback && fallback->deliveryClass())
        policy.deliveryClass = *fallback->deliveryClass();
    return policy;
}

} // namespace cotal::wire
