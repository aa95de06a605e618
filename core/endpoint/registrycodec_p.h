#pragma once

#include "core/endpoint/endpointtypes.h"
#include "core/wire/jsonvalue.h"

#include <QByteArrayView>
#include <QHash>
#include <QString>
#include <optional>

namespace cotal::endpoint {

inline nats::NatsError endpointError(nats::NatsErrorKind kind, QString message)
{
    nats::NatsError error;
    error.kind = kind;
    error.message = std::move(message);
    return error;
}

// The registry fields the endpoint resolves (storage.md §5.2). Absent fields stay absent so the
// effective resolution can fall through to the defaults.
struct RegistryEntry
{
    std::optional<bool> replay;
    std::optional<QString> replayWindow;
    std::optional<DeliveryClass> deliveryClass;
    QString description;
    QString instructions;
};

// The effective policy of one channel.
struct ChannelPolicy
{
    bool replay = true;
    QString replayWindow; // empty = full retained history
    DeliveryClass deliveryClass = DeliveryClass::Durable;
};

// The registry watch cache (endpoint.md §4).
struct RegistryCache
{
    RegistryEntry defaults;
    QHash<QString, RegistryEntry> channels;

    // replay = channel ?? defaults ?? true; window = channel ?? defaults ?? none;
    // class = channel ?? defaults ?? durable. A wildcard only consults the defaults.
    ChannelPolicy resolve(const QString &channel) const;
};

ChannelPolicy resolvePolicy(const RegistryEntry *channel, const RegistryEntry &defaults);

// Undecodable → no value (the caller keeps the last good one).
std::optional<RegistryEntry> decodeRegistryEntry(QByteArrayView payload);

// The `ready` flag of a delivery lease record; false when undecodable. Deliberately looser than
// wire::decodeDeliveryLease: the reference's health check reads only `record?.ready === true`.
bool leaseReady(QByteArrayView payload);

} // namespace cotal::endpoint
