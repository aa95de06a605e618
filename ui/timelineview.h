#pragma once

#include <QAbstractItemModel>
#include <QPointer>
#include <QWidget>
#include <functional>

namespace cotal::ui {

// Membership timelines painted from a TimelineModel: per channel one lane per owner, each
// generation a bar from its join cursor to its leave cursor (open bars run to the frontier),
// on the CHAT sequence axis or, where the records carry timestamps, on wall-clock time.
class TimelineView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimelineView)

public:
    enum class Axis
    {
        Sequence,
        WallClock,
    };

    explicit TimelineView(QWidget *parent = nullptr);
    ~TimelineView() override;

    void setModel(QAbstractItemModel *model);
    // The CHAT frontier (`state.last_seq`): the moving line, and where open bars end.
    void setFrontier(qint64 lastSeq);
    qint64 frontier() const { return m_frontier; }
    void setAxis(Axis axis);
    Axis axis() const { return m_axis; }
    // Empty shows everything.
    void setChannelFilter(const QString &channel);
    void setOwnerFilter(const QString &owner);
    // Owner id → display name for the lane labels.
    void setOwnerNames(const QHash<QString, QString> &names);
    // Tests and the screenshot tool pin "now" for the wall-clock axis.
    void setClock(std::function<qint64()> clock);
    // Why there is nothing to draw, when not "none recorded yet" (a read the broker denied).
    void setEmptyText(const QString &text);
    QString emptyText() const;

    // The record under a point (its JSON), empty when none: what the hover shows.
    QString recordAt(const QPoint &pos) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;

private:
    struct Bar
    {
        int row = 0;
        QRectF rect;
    };
    struct Lane
    {
        QString channel;
        QString owner;
        QList<int> rows;
    };

    QList<Lane> lanes() const;
    void modelChanged();
    int contentHeight() const;

    QPointer<QAbstractItemModel> m_model;
    qint64 m_frontier = 0;
    Axis m_axis = Axis::Sequence;
    QString m_channelFilter;
    QString m_ownerFilter;
    QHash<QString, QString> m_names;
    std::function<qint64()> m_clock;
    QString m_emptyText;
    QList<Bar> m_bars; // from the last paint, for hit tests
};

} // namespace cotal::ui
