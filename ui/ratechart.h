#pragma once

#include <QWidget>
#include <deque>

namespace cotal::ui {

// A small live line chart of one gauge (copies/s, lag) over the last samples, painted with
// QPainter: two series of a few hundred points do not justify a Qt Charts dependency.
class RateChart final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RateChart)

public:
    explicit RateChart(QString title, QString unit, QWidget *parent = nullptr);
    ~RateChart() override;

    void addSample(qint64 epochMs, double value);
    void clear();
    void setCapacity(int samples);
    int sampleCount() const { return int(m_samples.size()); }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    struct Sample
    {
        qint64 ms = 0;
        double value = 0;
    };

    QString m_title;
    QString m_unit;
    std::deque<Sample> m_samples;
    size_t m_capacity = 300;
};

} // namespace cotal::ui
