#include "core/wire/aclrecord.h"

#include "core/wire/jsonfields.h"
#include "core/wire/jsonwriter.h"

namespace cotal::wire {

QByteArray encodeAclRecord(const AclRecord &record)
{
    JsonWriter writer;
    writer.beginObject().key(u"allowSubscribe").stringList(record.allowSubscribe);
    if (record.revision)
        writer.key(u"revision").integer(*record.revision);
    if (record.updatedAt)
        writer.key(u"updatedAt").number(*record.updatedAt);
    writer.endObject();
    return writer.take();
}

Result<AclRecord> decodeAclRecord(QByteArrayView payload)
{
    static const QString context = QStringLiteral("AclRecord");
    const Result<JsonObject> object = parseJsonObject(payload, context);
    if (!object)
        return object.error();
    FieldReader fields(object.value(), context);
    AclRecord record;
    record.allowSubscribe = fields.requiredStringList(QStringLiteral("allowSubscribe"));
    record.revision = fields.optionalInteger(QStringLiteral("revision"));
    record.updatedAt = fields.optionalNumber(QStringLiteral("updatedAt"));
    if (fields.error())
        return *fields.error();
    return record;
}

ReadAcl ReadAcl::fromKvValue(const std::optional<QByteArray> &kvValue)
{
    if (!kvValue)
        return unknown();
    Result<AclRecord> record = decodeAclRecord(*kvValue);
    if (!record) {
        ReadAcl acl;
        acl.m_decodeError = record.error();
        return acl;
    }
    return fromRecord(std::move(record).value());
}

ReadAcl ReadAcl::fromRecord(AclRecord record)
{
    ReadAcl acl;
    acl.m_record = std::move(record);
    return acl;
}

ReadAcl ReadAcl::unknown()
{
    return ReadAcl();
}

ReadAcl::Standing ReadAcl::standing() const
{
    if (!m_record)
        return Standing::Unknown;
    return m_record->allowSubscribe.isEmpty() ? Standing::ReadsNothing : Standing::Reads;
}

} // namespace cotal::wire
