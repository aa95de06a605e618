#pragma once

#include "core/nats/keyvalue.h"
#include "core/space/spaceerror.h"
#include "core/wire/membershipfeed.h"

#include <QList>
#include <QObject>
#include <memory>
#include <optional>

namespace cotal::space {

// One agent's row of the derived membership feed (delivery.md §9); no membership: the feed
// pruned the agent (or its value does not decode, which the feed itself rewrites).
struct MembershipFeedUpdate
{
    QString agent;
    std::optional<wire::ChannelMembership> membership;
};

// What one watch batch changed.
struct MembershipFeedBatch
{
    QList<MembershipFeedUpdate> memberships;
    bool heartbeatChanged = false;
    std::optional<wire::MembershipFeedHeartbeat> heartbeat; // when changed; none: deleted
};

// Watches `cotal_membership_<S>` and hands out decoded batches. Lives on the connection's
// thread.
class MembershipFeedReader final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MembershipFeedReader)

public:
    explicit MembershipFeedReader(nats::KeyValue bucket, QObject *parent = nullptr);
    ~MembershipFeedReader() override;

    void start();
    static MembershipFeedBatch decode(const QList<nats::KvEntry> &entries);

signals:
    void updated(const cotal::space::MembershipFeedBatch &batch);
    // The bucket's values as they were at start() have all been handed out.
    void loaded();
    void failed(const cotal::space::SpaceError &error);

private:
    std::unique_ptr<nats::KvWatcher> m_watcher;
};

} // namespace cotal::space
