#include "core/endpoint/registrycodec_p.h"
#include "core/wire/channelconfig.h"
#include "core/wire/channels.h"
#include "core/wire/jsonfields.h"
#include "core/wire/jsonreader.h"

namespace cotal::endpoint {

ChannelPolicy resolvePolicy(const RegistryEntry *channel, const RegistryEntry &defaults)
{
    ChannelPolicy policy;
    policy.replay = channel && channel->replay ? *channel->replay : defaults.replay.value_or(true);
    if (channel && channel->replayWindow)
        policy.replayWindow = *channel->replayWindow;
    else if (defaults.replayWindow)
        policy.replayWindow = *defaults.replayWindow;
    policy.deliveryClass = channel && channel->deliveryClass
                               ? *channel->deliveryClass
                               : defaults.deliveryClass.value_or(DeliveryClass::Durable);
    return policy;
}

ChannelPolicy RegistryCache::resolve(const QString &channel) const
{
    const auto it = channels.constFind(channel);
    const bool useEntry = it != channels.constEnd() && wire::isConcreteChannel(channel);
    return resolvePolicy(useEntry ? &*it : nullptr, defaults);
}

std::optional<RegistryEntry> decodeRegistryEntry(QByteArrayView payload)
{
    wire::Result<wire::JsonObject> object =
        wire::parseJsonObject(payload, QStringLiteral("ChannelConfig"));
    if (!object)
        return std::nullopt;
    wire::FieldReader fields(object.value(), QStringLiteral("ChannelConfig"));
    RegistryEntry entry;
    entry.replay = fields.optionalBool(QStringLiteral("replay"));
    entry.replayWindow = fields.optionalString(QStringLiteral("replayWindow"));
    entry.deliveryClass = fields.optionalEnum<DeliveryClass>(
        QStringLiteral("deliveryClass"),
        {{u"live", DeliveryClass::Live}, {u"durable", DeliveryClass::Durable}});
    entry.description = fields.optionalString(QStringLiteral("description")).value_or(QString());
    entry.instructions = fields.optionalString(QStringLiteral("instructions")).value_or(QString());
    if (fields.error())
        return std::nullopt;
    if (entry.replayWindow && !wire::parseReplayWindow(*entry.replayWindow))
        return std::nullopt;
    return entry;
}

bool leaseReady(QByteArrayView payload)
{
    wire::Result<wire::JsonObject> object =
        wire::parseJsonObject(payload, QStringLiteral("DeliveryLease"));
    if (!object)
        return false;
    const wire::JsonValue *ready = object->find(u"ready");
    return ready && ready->isBool() && ready->toBool();
}

} // namespace cotal::endpoint
