#pragma once

#include "core/wire/result.h"

#include <QByteArray>
#include <QString>

namespace cotal::wire {

// The only shard key the reference uses in cotal_delivery_<S>.
inline constexpr QStringView kDeliveryLeaseKey = u"lease.0";

// storage.md §5.5: `{holder, since, ready}` in that order. `since` is rewritten on every write
// (acquire, mark-ready, renew), so it means "last refreshed".
struct DeliveryLease
{
    QString holder; // delivery daemon id
    double since = 0;
    bool ready = false;

    bool operator==(const DeliveryLease &other) const = default;
};

QByteArray encodeDeliveryLease(const DeliveryLease &lease);
// A release is a KV delete with an empty body: that is "no lease", not a lease to decode.
Result<DeliveryLease> decodeDeliveryLease(QByteArrayView payload);

} // namespace cotal::wire
