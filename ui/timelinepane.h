#pragma once

#include "ui/membershipfeedmodel.h"
#include "ui/timelinemodel.h"
#include "ui/timelineview.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QTableView;

namespace cotal::ui {

// Membership timelines with their filters, and beside them the derived membership feed with
// its freshness.
class TimelinePane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimelinePane)

public:
    TimelinePane(TimelineModel *timelines, MembershipFeedModel *feed, QWidget *parent = nullptr);
    ~TimelinePane() override;

    TimelineView *view() const { return m_view; }
    void setFrontier(qint64 lastSeq);
    void setOwnerNames(const QHash<QString, QString> &names);
    // The wall-clock switch, as the admin would flip it.
    void setWallClock(bool on);

private:
    void refreshFilters();
    void refreshFreshness();

    TimelineModel *m_timelines;
    MembershipFeedModel *m_feed;
    TimelineView *m_view;
    QComboBox *m_channel;
    QComboBox *m_owner;
    QCheckBox *m_wallClock;
    QLabel *m_frontier;
    QLabel *m_freshness;
    QTableView *m_feedTable;
};

} // namespace cotal::ui
