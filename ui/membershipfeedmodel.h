#pragma once

#include "core/space/membershipfeedreader.h"
#include "core/wire/membershipfeed.h"

#include <QAbstractTableModel>
#include <QTimer>
#include <functional>
#include <memory>
#include <vector>

namespace cotal::ui {

// The derived membership feed `cotal_membership_<S>` (storage.md §5.7, delivery.md §9): one row
// per agent record, and the feed's freshness from the `=feed` heartbeat. Display-only, as the
// feed itself: it never decides anything about delivery.
class MembershipFeedModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MembershipFeedModel)

public:
    enum Column
    {
        Agent,
        Live,
        Durable,
        ObservedAt,
        ColumnCount
    };
    Q_ENUM(Column)

    enum class Freshness
    {
        Absent, // no `=feed`: no daemon has ever written the feed
        Live,   // the heartbeat is recent
        Stale,  // the heartbeat stopped: the feed daemon is down or its polls are incomplete
    };
    Q_ENUM(Freshness)

    enum DataRole
    {
        AgentIdRole = Qt::UserRole,
        DurableRole, // QStringList
        LiveRole,    // QStringList
    };

    // Two missed polls of the reference's 15 s cadence.
    static constexpr qint64 kStaleAfterMs = 30000;

    explicit MembershipFeedModel(QObject *parent = nullptr);
    ~MembershipFeedModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Shows what `reader` reads (the model starts and owns it); null stops and clears.
    void watch(std::unique_ptr<space::MembershipFeedReader> reader);
    // One decoded batch (what the reader feeds).
    void apply(const space::MembershipFeedBatch &batch);
    void setClock(std::function<qint64()> clock);

    Freshness freshness() const;
    qint64 heartbeatAgeMs() const; // -1 without a heartbeat
    QString freshnessText() const;
    std::optional<wire::ChannelMembership> membership(const QString &agentId) const;
    QString watchError() const { return m_error; }
    // Not watched, because the credential may not read the feed: says so instead of "absent".
    void setUnreadable(const QString &reason);

signals:
    void freshnessChanged(cotal::ui::MembershipFeedModel::Freshness freshness);

private:
    struct Row
    {
        QString agent;
        wire::ChannelMembership membership;
    };

    void checkFreshness();

    std::unique_ptr<space::MembershipFeedReader> m_reader;
    std::vector<Row> m_rows; // sorted by agent id
    std::optional<wire::MembershipFeedHeartbeat> m_heartbeat;
    std::function<qint64()> m_clock;
    Freshness m_lastFreshness = Freshness::Absent;
    QString m_error;
    QTimer m_timer;
};

} // namespace cotal::ui
