#pragma once

#include "core/wire/jsonvalue.h"
#include "core/wire/result.h"

#include <QByteArray>
#include <QString>
#include <optional>

namespace cotal::wire {

enum class DeliveryClass
{
    Live,
    Durable,
};

QString deliveryClassToken(DeliveryClass deliveryClass);

// Reserved registry key holding the space defaults; `=` never comes out of token().
inline constexpr QStringView kChannelDefaultsKey = u"=defaults";

inline constexpr qsizetype kMaxChannelDescription = 200;   // UTF-16 code units
inline constexpr qsizetype kMaxChannelInstructions = 2000; // UTF-16 code units

// `^\d+(s|m|h|d)$` after a JS trim, in milliseconds (s = 1000, m = 60 000, h = 3 600 000,
// d = 86 400 000). "1w", "1.5h", "" and anything above 2^53-1 ms are invalid-field.
Result<qint64> parseReplayWindow(const QString &window);

// The fields ChannelDefaults and ChannelConfig share. A registry value is kept as the decoded
// object itself: the reference merge-puts (`{...current, ...patch}`), so the original key order
// and any keys this version does not know must survive a read-modify-write byte for byte. The
// typed accessors read that object; an explicit null reads as unset, like JS `??`.
class ChannelPolicyRecord
{
public:
    std::optional<bool> replay() const;
    std::optional<QString> replayWindow() const; // as written (untrimmed)
    std::optional<qint64> replayWindowMs() const;
    std::optional<DeliveryClass> deliveryClass() const;

    // A new key goes last, an existing one keeps its place (JS assignment).
    void setReplay(bool replay);
    // Refuses an invalid window (never rewrites it); the record is unchanged then.
    std::optional<WireError> setReplayWindow(const QString &window);
    void setDeliveryClass(DeliveryClass deliveryClass);
    void unset(QStringView key);

    const JsonObject &object() const { return m_object; }
    QByteArray encode() const;

    bool operator==(const ChannelPolicyRecord &other) const = default;

protected:
    ChannelPolicyRecord() = default;
    // Validates the shared fields of a decoded object (invalid-field on the first bad one).
    static std::optional<WireError> validateShared(const JsonObject &object,
                                                   const QString &context);
    static std::optional<WireError> validateText(const JsonObject &object, const QString &context,
                                                 const QString &key, qsizetype maxLength);
    void mergeFrom(const JsonObject &patch);
    std::optional<QString> text(const QString &key) const;

    JsonObject m_object;
};

// `=defaults`: { replay?, replayWindow?, deliveryClass? }.
class ChannelDefaults final : public ChannelPolicyRecord
{
public:
    ChannelDefaults() = default;

    // The result of the reference's merge-put of `patch` over this value.
    ChannelDefaults merged(const ChannelDefaults &patch) const;

    static Result<ChannelDefaults> fromObject(JsonObject object);
};

// A concrete channel's entry: the shared fields plus description (≤ 200) and instructions
// (≤ 2000). Oversize text is rejected, never truncated.
class ChannelConfig final : public ChannelPolicyRecord
{
public:
    ChannelConfig() = default;

    std::optional<QString> description() const;
    std::optional<QString> instructions() const;
    std::optional<WireError> setDescription(const QString &description);
    std::optional<WireError> setInstructions(const QString &instructions);

    ChannelConfig merged(const ChannelConfig &patch) const;

    static Result<ChannelConfig> fromObject(JsonObject object);
};

// Decoders: malformed-json, invalid-field (wrong type, bad window, unknown class, oversize text).
Result<ChannelConfig> decodeChannelConfig(QByteArrayView payload);
Result<ChannelDefaults> decodeChannelDefaults(QByteArrayView payload);

// What a channel actually does (storage.md §5.2):
// replay = channel ?? defaults ?? true; replayWindow = channel ?? defaults ?? none (full retained
// history); deliveryClass = channel ?? defaults ?? durable.
struct EffectiveChannelPolicy
{
    bool replay = true;
    std::optional<QString> replayWindow;
    std::optional<qint64> replayWindowMs;
    DeliveryClass deliveryClass = DeliveryClass::Durable;

    bool operator==(const EffectiveChannelPolicy &other) const = default;
};

// `target` is the join target. A wildcard target consults only the defaults (wildcards are not
// registry keys), whatever entry the caller passes.
EffectiveChannelPolicy resolveChannelPolicy(const QString &target,
                                            const std::optional<ChannelConfig> &channel,
                                            const std::optional<ChannelDefaults> &defaults);

} // namespace cotal::wire
