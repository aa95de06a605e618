#include "ui/timelineview.h"

#include "ui/timelinemodel.h"

#include <QDateTime>
#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>
#include <algorithm>

namespace cotal::ui {

namespace {

constexpr int kHeaderHeight = 22;
constexpr int kLaneHeight = 26;
constexpr int kAxisHeight = 28;
constexpr int kLegendHeight = 24;
constexpr int kLabelWidth = 190;

QVariant roleOf(const QAbstractItemModel *model, int row, int role)
{
    return model->index(row, 0).data(role);
}

} // namespace

TimelineView::TimelineView(QWidget *parent)
    : QWidget(parent)
    , m_clock([] { return QDateTime::currentMSecsSinceEpoch(); })
{
    setAccessibleName(tr("Membership timelines"));
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

TimelineView::~TimelineView() = default;

void TimelineView::setModel(QAbstractItemModel *model)
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    if (model) {
        connect(model, &QAbstractItemModel::rowsInserted, this, &TimelineView::modelChanged);
        connect(model, &QAbstractItemModel::rowsRemoved, this, &TimelineView::modelChanged);
        connect(model, &QAbstractItemModel::modelReset, this, &TimelineView::modelChanged);
        connect(model, &QAbstractItemModel::dataChanged, this, &TimelineView::modelChanged);
    }
    modelChanged();
}

void TimelineView::modelChanged()
{
    setMinimumHeight(std::min(contentHeight(), 400));
    updateGeometry();
    update();
}

void TimelineView::setFrontier(qint64 lastSeq)
{
    if (lastSeq == m_frontier)
        return;
    m_frontier = lastSeq;
    update();
}

void TimelineView::setAxis(Axis axis)
{
    m_axis = axis;
    update();
}

void TimelineView::setChannelFilter(const QString &channel)
{
    m_channelFilter = channel;
    modelChanged();
}

void TimelineView::setOwnerFilter(const QString &owner)
{
    m_ownerFilter = owner;
    modelChanged();
}

void TimelineView::setOwnerNames(const QHash<QString, QString> &names)
{
    m_names = names;
    update();
}

void TimelineView::setClock(std::function<qint64()> clock)
{
    m_clock = std::move(clock);
    update();
}

QList<TimelineView::Lane> TimelineView::lanes() const
{
    QList<Lane> out;
    if (!m_model)
        return out;
    // The model is sorted by channel, owner, generation: lanes are runs of rows.
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QString channel = roleOf(m_model, row, TimelineModel::ChannelRole).toString();
        const QString owner = roleOf(m_model, row, TimelineModel::OwnerRole).toString();
        if ((!m_channelFilter.isEmpty() && channel != m_channelFilter) ||
            (!m_ownerFilter.isEmpty() && owner != m_ownerFilter))
            continue;
        if (out.isEmpty() || out.last().channel != channel || out.last().owner != owner)
            out.append(Lane{channel, owner, {}});
        out.last().rows.append(row);
    }
    return out;
}

int TimelineView::contentHeight() const
{
    const QList<Lane> all = lanes();
    int channels = 0;
    for (int i = 0; i < all.size(); ++i)
        channels += (i == 0 || all[i].channel != all[i - 1].channel) ? 1 : 0;
    return kAxisHeight + channels * kHeaderHeight + int(all.size()) * kLaneHeight + kLegendHeight +
           8;
}

QSize TimelineView::sizeHint() const
{
    return {720, std::max(200, contentHeight())};
}

QSize TimelineView::minimumSizeHint() const
{
    return {360, 140};
}

QString TimelineView::recordAt(const QPoint &pos) const
{
    for (const Bar &bar : m_bars) {
        if (bar.rect.adjusted(-2, -2, 2, 2).contains(pos) && m_model)
            return roleOf(m_model, bar.row, TimelineModel::RecordRole).toString();
    }
    return {};
}

bool TimelineView::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QString record = recordAt(help->pos());
        if (record.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), record, this);
        return true;
    }
    return QWidget::event(event);
}

void TimelineView::setEmptyText(const QString &text)
{
    m_emptyText = text;
    update();
}

QString TimelineView::emptyText() const
{
    return m_emptyText.isEmpty() ? tr("No durable memberships recorded in this space yet.")
                                 : m_emptyText;
}

void TimelineView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    painter.fillRect(rect(), pal.base());
    m_bars.clear();
    const QFontMetrics fm(font());
    const QList<Lane> all = lanes();
    if (all.isEmpty()) {
        painter.setPen(pal.color(QPalette::PlaceholderText));
        painter.drawText(rect().adjusted(8, 8, -8, -8), Qt::AlignCenter | Qt::TextWordWrap,
                         emptyText());
        return;
    }

    const bool wall = m_axis == Axis::WallClock;
    const qint64 now = m_clock();
    // Axis range over the visible bars: sequences, or epoch ms where timestamps exist.
    double lo = 0;
    double hi = 0;
    bool first = true;
    const auto extend = [&](double v) {
        lo = first ? v : std::min(lo, v);
        hi = first ? v : std::max(hi, v);
        first = false;
    };
    for (const Lane &lane : all) {
        for (const int row : lane.rows) {
            if (wall) {
                const QVariant joined = roleOf(m_model, row, TimelineModel::JoinedAtRole);
                const QVariant left = roleOf(m_model, row, TimelineModel::LeftAtRole);
                if (joined.isValid())
                    extend(joined.toDouble());
                if (left.isValid())
                    extend(left.toDouble());
            } else {
                extend(roleOf(m_model, row, TimelineModel::JoinCursorRole).toDouble());
                const QVariant leave = roleOf(m_model, row, TimelineModel::LeaveCursorRole);
                if (leave.isValid())
                    extend(leave.toDouble());
            }
        }
    }
    extend(wall ? double(now) : double(m_frontier));
    const double span = std::max(wall ? 10000.0 : 10.0, (hi - lo) * 1.08);
    lo = std::max(0.0, lo - span * 0.04);
    hi = lo + span;

    const QRectF plot(kLabelWidth, kAxisHeight, width() - kLabelWidth - 12,
                      height() - kAxisHeight - kLegendHeight);
    const auto xOf = [&](double v) { return plot.left() + plot.width() * (v - lo) / (hi - lo); };

    // Axis ticks and labels.
    painter.setPen(pal.color(QPalette::Text));
    painter.drawText(QRectF(4, 4, kLabelWidth - 8, fm.height()), Qt::AlignLeft,
                     wall ? tr("wall-clock time") : tr("CHAT sequence"));
    // Text at low alpha: visible on light and dark palettes alike (Mid is near Base in dark ones).
    QColor grid = pal.color(QPalette::Text);
    grid.setAlpha(70);
    for (int i = 0; i <= 5; ++i) {
        const double v = lo + (hi - lo) * i / 5.0;
        const double x = xOf(v);
        painter.setPen(QPen(grid, 1, Qt::DotLine));
        painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
        painter.setPen(pal.color(QPalette::Text));
        const QString label =
            wall ? QDateTime::fromMSecsSinceEpoch(qint64(v)).toString(QStringLiteral("HH:mm:ss"))
                 : QString::number(qint64(v));
        const double w = fm.horizontalAdvance(label);
        painter.drawText(QPointF(std::min(x - w / 2, plot.right() - w), kAxisHeight - 8), label);
    }

    const QColor pending(0xE0, 0x9A, 0x2B);
    const QColor activated(0x2E, 0x9D, 0x5A);
    const QColor tombstoned(0x8A, 0x8F, 0x98);
    double y = plot.top();
    for (int i = 0; i < all.size(); ++i) {
        const Lane &lane = all[i];
        if (i == 0 || all[i - 1].channel != lane.channel) {
            painter.fillRect(QRectF(0, y, width(), kHeaderHeight), pal.alternateBase());
            QFont bold = font();
            bold.setBold(true);
            painter.setFont(bold);
            painter.setPen(pal.color(QPalette::Text));
            painter.drawText(QRectF(6, y, width() - 12, kHeaderHeight), Qt::AlignVCenter,
                             tr("#%1").arg(lane.channel));
            painter.setFont(font());
            y += kHeaderHeight;
        }
        const QString name = m_names.value(lane.owner);
        const QString label = name.isEmpty() ? lane.owner : tr("%1 (%2)").arg(name, lane.owner);
        painter.setPen(pal.color(QPalette::Text));
        painter.drawText(QRectF(18, y, kLabelWidth - 24, kLaneHeight), Qt::AlignVCenter,
                         fm.elidedText(label, Qt::ElideMiddle, kLabelWidth - 24));
        for (const int row : lane.rows) {
            const auto phase =
                TimelineModel::Phase(roleOf(m_model, row, TimelineModel::PhaseRole).toInt());
            const bool current = roleOf(m_model, row, TimelineModel::CurrentRole).toBool();
            const QVariant leave = roleOf(m_model, row, TimelineModel::LeaveCursorRole);
            double start = 0;
            double end = 0;
            if (wall) {
                const QVariant joined = roleOf(m_model, row, TimelineModel::JoinedAtRole);
                const QVariant left = roleOf(m_model, row, TimelineModel::LeftAtRole);
                if (!joined.isValid() && !left.isValid())
                    continue; // no timestamp for this generation
                start = joined.isValid() ? joined.toDouble() : left.toDouble();
                end = left.isValid() ? left.toDouble() : double(now);
            } else {
                start = roleOf(m_model, row, TimelineModel::JoinCursorRole).toDouble();
                end = leave.isValid() ? leave.toDouble() : double(std::max(m_frontier, 0LL));
            }
            const double x0 = xOf(start);
            const double x1 = std::max(xOf(end), x0 + 3);
            const QRectF bar(x0, y + 5, x1 - x0, kLaneHeight - 10);
            const QColor colour = phase == TimelineModel::Phase::Pending     ? pending
                                  : phase == TimelineModel::Phase::Activated ? activated
                                                                             : tombstoned;
            if (phase == TimelineModel::Phase::Pending) {
                painter.fillRect(bar, colour.lighter(160));
                painter.fillRect(bar, QBrush(colour, Qt::BDiagPattern));
            } else {
                painter.fillRect(bar, colour);
            }
            painter.setPen(
                QPen(current ? pal.color(QPalette::Text) : colour.darker(130), current ? 2 : 1));
            painter.drawRect(bar);
            if (!leave.isValid()) {
                // Open: an arrowhead at the frontier end.
                painter.drawLine(QPointF(x1, bar.top()), QPointF(x1 + 5, bar.center().y()));
                painter.drawLine(QPointF(x1 + 5, bar.center().y()), QPointF(x1, bar.bottom()));
            }
            const QString tag =
                tr("g%1%2")
                    .arg(roleOf(m_model, row, TimelineModel::GenerationRole).toLongLong())
                    .arg(current ? tr(" ●") : QString());
            if (fm.horizontalAdvance(tag) + 6 < bar.width()) {
                painter.setPen(phase == TimelineModel::Phase::Pending ? QColor(Qt::black)
                                                                      : QColor(Qt::white));
                painter.drawText(bar, Qt::AlignCenter, tag);
            }
            m_bars.append(Bar{row, bar});
        }
        y += kLaneHeight;
    }

    // The frontier (or now) as the moving line.
    const double fx = xOf(wall ? double(now) : double(m_frontier));
    painter.setPen(QPen(QColor(0xD0, 0x3B, 0x3B), 2, Qt::DashLine));
    painter.drawLine(QPointF(fx, plot.top()), QPointF(fx, y));
    const QString frontierLabel = wall ? tr("now") : tr("frontier %1").arg(m_frontier);
    painter.drawText(QPointF(std::min(fx + 4, plot.right() - fm.horizontalAdvance(frontierLabel)),
                             plot.top() + fm.ascent()),
                     frontierLabel);

    // Legend.
    double lx = 6;
    const double ly = height() - kLegendHeight + 4;
    const auto legend = [&](const QColor &c, bool hatched, const QString &text) {
        const QRectF box(lx, ly + 2, 14, 12);
        painter.fillRect(box, hatched ? c.lighter(160) : c);
        if (hatched)
            painter.fillRect(box, QBrush(c, Qt::BDiagPattern));
        painter.setPen(pal.color(QPalette::Text));
        painter.drawText(QPointF(lx + 18, ly + 12), text);
        lx += 30 + fm.horizontalAdvance(text);
    };
    legend(pending, true, TimelineModel::phaseText(TimelineModel::Phase::Pending));
    legend(activated, false, TimelineModel::phaseText(TimelineModel::Phase::Activated));
    legend(tombstoned, false, TimelineModel::phaseText(TimelineModel::Phase::Tombstoned));
    painter.setPen(pal.color(QPalette::Text));
    painter.drawText(QPointF(lx, ly + 12), tr("● current generation · bars: (join, leave]"));
}

} // namespace cotal::ui
