#include "core/endpoint/registrycodec_p.h"
#include "core/wire/channels.h"
#include "core/wire/jsonfields.h"
#include "core/wire/jsonreader.h"
#include "core/wire/token.h"

#include <QRegularExpression>

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
    if (entry.replayWindow && !replayWindowMs(*entry.replayWindow))
        return std::nullopt;
    return entry;
}

std::optional<qint64> replayWindowMs(const QString &window)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d+)(s|m|h|d)$"));
    const QRegularExpressionMatch match = pattern.match(wire::jsTrim(window));
    if (!match.hasMatch())
        return std::nullopt;
    bool ok = false;
    const qint64 amount = match.captured(1).toLongLong(&ok);
    if (!ok)
        return std::nullopt;
    const QChar unit = match.captured(2).at(0);
    const qint64 scale = unit == u's'   ? 1000
                         : unit == u'm' ? 60000
                         : unit == u'h' ? 3600000
                                        : 86400000;
    return amount * scale;
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

std::optional<ControlReplyBody> decodeControlReply(QByteArrayView payload)
{
    wire::Result<wire::JsonObject> object =
        wire::parseJsonObject(payload, QStringLiteral("ControlReply"));
    if (!object)
        return std::nullopt;
    wire::FieldReader fields(object.value(), QStringLiteral("ControlReply"));
    ControlReplyBody reply;
    reply.ok = fields.requiredBool(QStringLiteral("ok"));
    reply.error = fields.optionalString(QStringLiteral("error")).value_or(QString());
    if (fields.error())
        return std::nullopt;
    if (const wire::JsonValue *data = object->find(u"data"))
        reply.data = *data;
    return reply;
}

} // namespace cotal::endpoint
