#include "ui/timelinepane.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QScrollArea>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace cotal::ui {

TimelinePane::TimelinePane(TimelineModel *timelines, MembershipFeedModel *feed, QWidget *parent)
    : QWidget(parent)
    , m_timelines(timelines)
    , m_feed(feed)
    , m_view(new TimelineView(this))
    , m_channel(new QComboBox(this))
    , m_owner(new QComboBox(this))
    , m_wallClock(new QCheckBox(tr("&Wall-clock time"), this))
    , m_frontier(new QLabel(this))
    , m_freshness(new QLabel(this))
    , m_feedTable(new QTableView(this))
{
    setAccessibleName(tr("Membership timelines"));
    m_view->setModel(timelines);
    m_channel->setAccessibleName(tr("Channel filter"));
    m_owner->setAccessibleName(tr("Owner filter"));
    m_wallClock->setAccessibleName(tr("Show wall-clock time instead of CHAT sequences"));
    m_wallClock->setToolTip(tr("Bars placed by the records' updatedAt stamps; generations "
                               "whose times were not observed are left out."));
    m_frontier->setAccessibleName(tr("CHAT frontier"));
    m_freshness->setAccessibleName(tr("Membership feed freshness"));
    m_freshness->setWordWrap(true);
    m_feedTable->setModel(feed);
    m_feedTable->setAccessibleName(tr("Membership feed"));
    m_feedTable->verticalHeader()->hide();
    m_feedTable->horizontalHeader()->setStretchLastSection(true);
    m_feedTable->setSelectionBehavior(QAbstractItemView::SelectRows);

    auto *filters = new QHBoxLayout;
    auto *channelLabel = new QLabel(tr("&Channel:"), this);
    channelLabel->setBuddy(m_channel);
    auto *ownerLabel = new QLabel(tr("&Owner:"), this);
    ownerLabel->setBuddy(m_owner);
    filters->addWidget(channelLabel);
    filters->addWidget(m_channel, 1);
    filters->addWidget(ownerLabel);
    filters->addWidget(m_owner, 1);
    filters->addWidget(m_wallClock);
    filters->addWidget(m_frontier);

    auto *scroll = new QScrollArea(this);
    scroll->setWidget(m_view);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addLayout(filters);
    leftLayout->addWidget(scroll, 1);

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(new QLabel(tr("<b>Derived membership feed</b>"), right));
    rightLayout->addWidget(m_freshness);
    rightLayout->addWidget(m_feedTable, 1);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    connect(m_channel, &QComboBox::currentIndexChanged, this,
            [this] { m_view->setChannelFilter(m_channel->currentData().toString()); });
    connect(m_owner, &QComboBox::currentIndexChanged, this,
            [this] { m_view->setOwnerFilter(m_owner->currentData().toString()); });
    connect(m_wallClock, &QCheckBox::toggled, this, [this](bool on) {
        m_view->setAxis(on ? TimelineView::Axis::WallClock : TimelineView::Axis::Sequence);
    });
    connect(timelines, &QAbstractItemModel::rowsInserted, this, &TimelinePane::refreshFilters);
    connect(timelines, &QAbstractItemModel::modelReset, this, &TimelinePane::refreshFilters);
    connect(feed, &MembershipFeedModel::freshnessChanged, this, &TimelinePane::refreshFreshness);
    // The heartbeat's age in the text moves every second.
    auto *ticker = new QTimer(this);
    connect(ticker, &QTimer::timeout, this, &TimelinePane::refreshFreshness);
    ticker->start(1000);
    refreshFilters();
    refreshFreshness();
    setFrontier(0);
}

TimelinePane::~TimelinePane() = default;

void TimelinePane::setFrontier(qint64 lastSeq)
{
    m_view->setFrontier(lastSeq);
    m_frontier->setText(tr("CHAT frontier: %1").arg(lastSeq));
}

void TimelinePane::setOwnerNames(const QHash<QString, QString> &names)
{
    m_view->setOwnerNames(names);
}

void TimelinePane::setWallClock(bool on)
{
    m_wallClock->setChecked(on);
}

void TimelinePane::refreshFilters()
{
    const auto fill = [](QComboBox *box, const QStringList &values, const QString &all) {
        const QString current = box->currentData().toString();
        QStringList existing;
        for (int i = 1; i < box->count(); ++i)
            existing.append(box->itemData(i).toString());
        if (existing == values && box->count() > 0)
            return;
        const QSignalBlocker blocker(box);
        box->clear();
        box->addItem(all, QString());
        for (const QString &value : values)
            box->addItem(value, value);
        box->setCurrentIndex(std::max(0, box->findData(current)));
    };
    fill(m_channel, m_timelines->channels(), tr("All channels"));
    fill(m_owner, m_timelines->owners(), tr("All owners"));
}

void TimelinePane::refreshFreshness()
{
    QString colour;
    switch (m_feed->freshness()) {
    case MembershipFeedModel::Freshness::Live:
        colour = QStringLiteral("#2e9d5a");
        break;
    case MembershipFeedModel::Freshness::Stale:
        colour = QStringLiteral("#e09a2b");
        break;
    case MembershipFeedModel::Freshness::Absent:
        colour = QStringLiteral("#8a8f98");
        break;
    }
    m_freshness->setText(QStringLiteral("<span style='color:%1'>●</span> %2")
                             .arg(colour, m_feed->freshnessText().toHtmlEscaped()));
}

} // namespace cotal::ui
