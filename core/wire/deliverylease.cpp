#include "core/wire/deliverylease.h"

#include "core/wire/jsonfields.h"
#include "core/wire/jsonwriter.h"

namespace cotal::wire {

QByteArray encodeDeliveryLease(const DeliveryLease &lease)
{
    JsonWriter writer;
    writer.beginObject()
        .key(u"holder")
        .string(lease.holder)
        .key(u"since")
        .number(lease.since)
        .key(u"ready")
        .boolean(lease.ready)
        .endObject();
    return writer.take();
}

Result<DeliveryLease> decodeDeliveryLease(QByteArrayView payload)
{
    static const QString context = QStringLiteral("DeliveryLease");
    const Result<JsonObject> object = parseJsonObject(payload, context);
    if (!object)
        return object.error();
    FieldReader fields(object.value(), context);
    DeliveryLease lease;
    lease.holder = fields.requiredString(QStringLiteral("holder"));
    lease.since = fields.requiredNumber(QStringLiteral("since"));
    lease.ready = fields.requiredBool(QStringLiteral("ready"));
    if (fields.error())
        return *fields.error();
    return lease;
}

} // namespace cotal::wire
