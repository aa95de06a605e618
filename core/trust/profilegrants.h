#pragma once

#include <QString>
#include <QStringList>

namespace cotal::trust {

// The credential profiles of a Cotal space, each with the least privilege its job needs.
enum class UserProfile
{
    Admin,              // read-only view of everything, DMs included
    Observer,           // read-only view of channels
    Agent,              // one agent: its channels, its DMs, its role's queue
    Provisioner,        // creates streams and buckets, writes ACLs and the channel registry
    Delivery,           // the delivery daemon
    MembershipRw,       // writes the membership feed (data account)
    MembershipObserver, // reads the data account's connections (system account)
};

// What an agent credential covers beyond its own id.
struct AgentGrants
{
    QString role;               // its anycast pool (svc_<role>); empty: none
    QStringList allowSubscribe; // channel patterns it may read (its ACL)
    QStringList allowPublish;   // concrete channels it may post to
};

// A user JWT's `nats.pub` / `nats.sub` lists, in the order the reference writes them.
struct UserPermissions
{
    QStringList pubAllow;
    QStringList pubDeny;
    QStringList subAllow;
    // The reference writes `sub` before `pub` for the read-only profiles.
    bool subFirst = false;
};

// The JWT `name` the reference gives a profile ("admin", "agent", …).
QString profileName(UserProfile profile);

// The grants of `profile` for user `userKey` in `space`, subject for subject as the reference
// mints them (its identities.json is the test). `dataAccount` is needed only by
// MembershipObserver, `agent` only by Agent.
UserPermissions profilePermissions(UserProfile profile, const QString &space,
                                   const QString &userKey, const AgentGrants &agent = {},
                                   const QString &dataAccount = {});

} // namespace cotal::trust
