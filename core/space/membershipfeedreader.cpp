#include "core/space/membershipfeedreader.h"

namespace cotal::space {

MembershipFeedReader::MembershipFeedReader(nats::KeyValue bucket, QObject *parent)
    : QObject(parent)
    , m_watcher(std::make_unique<nats::KvWatcher>(std::move(bucket)))
{
    connect(m_watcher.get(), &nats::KvWatcher::entries, this,
            [this](const QList<nats::KvEntry> &entries) { emit updated(decode(entries)); });
    connect(m_watcher.get(), &nats::KvWatcher::initialValuesDone, this,
            &MembershipFeedReader::loaded);
    connect(m_watcher.get(), &nats::KvWatcher::failed, this,
            [this](const nats::NatsError &error) { emit failed(SpaceError::fromNats(error)); });
}

MembershipFeedReader::~MembershipFeedReader() = default;

void MembershipFeedReader::start()
{
    m_watcher->start();
}

MembershipFeedBatch MembershipFeedReader::decode(const QList<nats::KvEntry> &entries)
{
    MembershipFeedBatch batch;
    for (const nats::KvEntry &entry : entries) {
        if (entry.key == wire::kMembershipFeedKey) {
            // A deleted heartbeat is gone; one that does not decode leaves the last one.
            if (!entry.isLive()) {
                batch.heartbeatChanged = true;
                batch.heartbeat.reset();
            } else if (auto decoded = wire::decodeMembershipFeedHeartbeat(entry.value)) {
                batch.heartbeatChanged = true;
                batch.heartbeat = std::move(decoded).value();
            }
            continue;
        }
        MembershipFeedUpdate update{entry.key, std::nullopt};
        if (entry.isLive()) {
            if (auto decoded = wire::decodeChannelMembership(entry.value))
                update.membership = std::move(decoded).value();
        }
        batch.memberships.append(std::move(update));
    }
    return batch;
}

} // namespace cotal::space
