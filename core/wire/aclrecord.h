#pragma once

#include "core/wire/result.h"

#include <QByteArray>
#include <QStringList>
#include <optional>

namespace cotal::wire {

// storage.md §5.4, bucket cotal_acl_<S>, key = token(owner). Key order: allowSubscribe,
// revision, updatedAt. Only allowSubscribe decides anything; revision and updatedAt are kept when
// present.
struct AclRecord
{
    QStringList allowSubscribe; // channel patterns, wildcards allowed
    std::optional<qint64> revision;
    std::optional<double> updatedAt;

    bool operator==(const AclRecord &other) const = default;
};

QByteArray encodeAclRecord(const AclRecord &record);
// malformed-json; missing-field / invalid-field when allowSubscribe is absent or not an array of
// strings, or revision / updatedAt have the wrong type.
Result<AclRecord> decodeAclRecord(QByteArrayView payload);

// What a reader knows about an owner's read ACL. The two "empty" cases mean opposite things and
// must never be confused, so they are distinct states and only a known record exposes a list:
//  - ReadsNothing: a present record with `allowSubscribe: []` → the reader DROPS;
//  - Unknown: no record (absent, deleted, purged) or an undecodable one → the reader DEFERS.
class ReadAcl final
{
public:
    enum class Standing
    {
        Unknown,
        ReadsNothing,
        Reads,
    };

    // `kvValue` is the current value of the owner's key, or no value when the key is absent,
    // deleted or purged.
    static ReadAcl fromKvValue(const std::optional<QByteArray> &kvValue);
    static ReadAcl fromRecord(AclRecord record);
    static ReadAcl unknown();

    Standing standing() const;
    // nullptr exactly when standing() is Unknown.
    const AclRecord *record() const { return m_record ? &*m_record : nullptr; }
    // Why the standing is Unknown when a value was present but undecodable.
    const std::optional<WireError> &decodeError() const { return m_decodeError; }

private:
    ReadAcl() = default;

    std::optional<AclRecord> m_record;
    std::optional<WireError> m_decodeError;
};

} // namespace cotal::wire
