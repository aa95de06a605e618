#pragma once

#include "core/nats/natserror.h"
#include "core/space/memberregistry.h"
#include "core/space/spaceerror.h"
#include "core/wire/memberrecord.h"

#include <QFuture>
#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>
#include <memory>
#include <optional>

namespace cotal::delivery {

struct DaemonContext;

// An owner's read ACL as the trusted reader and the mention router need it: absent (unknown
// owner: defer) is not the same as an empty list (reads nothing: drop).
struct OwnerAcl
{
    bool known = false;
    QStringList allowSubscribe;
    nats::NatsError error; // the read itself failed: neither known nor unknown
};

// The interval part of a membership record (storage.md §5.3).
struct MemberInterval
{
    QString owner;
    qint64 generation = 0;
    quint64 joinCursor = 0;
    std::optional<quint64> leaveCursor;

    bool covers(quint64 seq) const
    {
        return joinCursor < seq && (!leaveCursor || seq <= *leaveCursor);
    }
};

struct MemberLookup
{
    std::optional<MemberInterval> interval; // no value: no record
    nats::NatsError error;
};

// A whole membership record, read fresh.
struct MemberRecordRead
{
    std::optional<wire::MembershipRecord> record; // no value: no record
    nats::NatsError error;
};

struct ClassLookup
{
    bool durable = false;
    nats::NatsError error;
};

// The daemon's window on the space's registries: fresh reads where the protocol asks for the
// current value, or watched caches where they provably answer the same (the ACLs, the channel
// classes: ProvenWatch; the memberships, which only this daemon writes). Lives on the daemon's
// thread.
class SpaceView final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SpaceView)

public:
    explicit SpaceView(DaemonContext *context, QObject *parent = nullptr);
    ~SpaceView() override;

    // Opens the watches (members, presence) and waits for their initial values.
    QFuture<nats::NatsError> open();
    void close();

    // Fresh reads.
    QFuture<OwnerAcl> acl(const QString &owner) const;
    QFuture<MemberLookup> member(const QString &channel, const QString &owner) const;
    // The owners' ACLs as fresh as a read of each: one read of the ACL stream's last sequence,
    // then the watched cache when it holds every write up to it; fresh reads when it does not
    // (a write the watch has not delivered yet, the watch down or not granted).
    QFuture<QHash<QString, OwnerAcl>> currentAcls(const QSet<QString> &owners);
    // The (channel, owner) membership intervals, keyed "<channel>/<owner>", as fresh as a read
    // of each: from the cache once it shows this daemon's writes (the daemon is the bucket's only
    // writer), read fresh when it cannot catch up in time.
    QFuture<QHash<QString, MemberLookup>> currentMembers(const QSet<QString> &keys);
    // The channels' delivery classes, each as fresh as a read of the channel's key and
    // `=defaults`: from the registry's watched copy when one request shows it current (as the
    // ACLs), read fresh otherwise.
    QFuture<QHash<QString, ClassLookup>> currentClasses(const QSet<QString> &channels);
    QFuture<ClassLookup> deliveryClass(const QString &channel) const;

    // Membership writes (delivery.md §5): the daemon is the bucket's only writer.
    QFuture<MemberRecordRead> memberRecord(const QString &channel, const QString &owner) const;
    QFuture<space::SpaceError> commitMember(const wire::MembershipRecord &next);
    QFuture<space::SpaceError> tombstoneMember(const QString &channel, const QString &owner,
                                               quint64 leaveCursor,
                                               std::optional<qint64> expectedGeneration);
    QFuture<space::ActivationResult> activateMember(const QString &channel, const QString &owner,
                                                    qint64 generation, quint64 joinCursor);
    // The caller's records from the cache (call after membersCurrent()), oldest write first.
    QList<wire::MembershipRecord> recordsOf(const QString &owner) const;

    // Finishes once the membership cache holds every membership write this daemon has made so
    // far. The daemon is the bucket's only writer (the delivery credential alone may write it,
    // and the lease admits one daemon), so from then on the cache routes like a fresh scan.
    QFuture<nats::NatsError> membersCurrent();
    // Every record of one channel, tombstones included, from the cache.
    QList<MemberInterval> membersOf(const QString &channel) const;

    // The owner a lowercased @mention names: the single roster entry (offline ones included)
    // whose lowercased card name equals it; none when zero or several match.
    std::optional<QString> resolveMention(const QString &mention) const;

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace cotal::delivery
