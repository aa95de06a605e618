#pragma once

#include "core/space/memberregistry.h"
#include "core/wire/aclrecord.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>
#include <optional>

namespace cotal::space {

// Who reads what, from the three places that say so: the read ACLs (what an agent may read),
// the membership feed (what it subscribes to live now) and the members bucket (where it is a
// durable member). A source the console's credentials may not read is marked unreadable, and
// nothing is claimed from it.
struct AccessInput
{
    struct Agent
    {
        QString id;
        QString name;
        QString role;
        double seenAt = 0; // epoch ms of its presence record; 0: not in the roster now
    };

    QList<Agent> agents;  // the roster
    QStringList channels; // known channels (registry, CHAT); observed ones are added
    bool aclReadable = true;
    QHash<QString, std::optional<wire::AclRecord>> acls; // owner → record; none: undecodable
    bool feedReadable = true;
    QHash<QString, QStringList> live; // agent → live channel patterns (the feed)
    QHash<QString, double> feedObservedAt;
    bool membersReadable = true;
    QList<MemberEntry> members;
    // The channel patterns an agent's credential may subscribe to, where the console knows its
    // credential (the demo mints them); other agents are left out.
    QHash<QString, QStringList> credentialGrants;
    double now = 0;                                     // epoch ms
    qint64 staleAfterMs = qint64(7) * 24 * 3600 * 1000; // an ACL owner unseen this long is stale
};

enum class DurableState
{
    None,
    Active,     // open and activated: the daemon delivers every copy
    Pending,    // open, not yet activated (catch-up running)
    Tombstoned, // left at leaveCursor
};

// What goes wrong, flagged where an admin should look.
enum AccessDrift : quint8
{
    NoDrift = 0,
    LiveUncovered = 1,    // subscribed live to a channel its ACL does not cover
    DurableUncovered = 2, // a durable member its ACL no longer covers: copies will be dropped
    StaleAcl = 4,         // an ACL record for an owner not seen for staleAfterMs
    NoRecord = 8,         // an agent without a usable ACL record: copies deferred, then dropped
};

struct AccessCell
{
    std::optional<bool> covered; // none: the ACL is not readable
    QString coveringPattern;
    std::optional<bool> live; // none: the feed is not readable
    QString livePattern;
    std::optional<bool> granted; // none: the agent's credential is not known
    QString grantPattern;
    DurableState durable = DurableState::None;
    std::optional<MemberEntry> member;
    quint8 drift = NoDrift;
};

struct AccessRow
{
    enum class Acl
    {
        Record,
        NoRecord,
        Undecodable,
        Unreadable,
    };

    QString agent;
    QString name;
    QString role;
    bool online = false;
    double lastSeen = 0; // presence, member writes and feed observations: the latest
    Acl acl = Acl::Unreadable;
    QStringList allow;
    double aclUpdatedAt = 0;
    std::optional<QStringList> grants; // its credential's subscribe patterns, when known
    quint8 drift = NoDrift;            // row-level: StaleAcl, NoRecord
    QList<AccessCell> cells;           // one per channel
};

struct AccessMatrix
{
    struct Counts
    {
        int liveUncovered = 0;
        int durableUncovered = 0;
        int staleAcl = 0;
        int noRecord = 0;
        int total() const { return liveUncovered + durableUncovered + staleAcl + noRecord; }
    };

    QStringList channels;  // sorted: known, then observed in ACLs, feed and members
    QList<AccessRow> rows; // sorted by name, then id
    Counts counts;
    bool aclReadable = true;
    bool feedReadable = true;
    bool membersReadable = true;

    static AccessMatrix build(const AccessInput &input);
};

} // namespace cotal::space
