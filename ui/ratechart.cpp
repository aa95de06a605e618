#include "ui/ratechart.h"

#include <QPainter>
#include <QPainterPath>
#include <algorithm>
#include <cmath>

namespace cotal::ui {

RateChart::RateChart(QString title, QString unit, QWidget *parent)
    : QWidget(parent)
    , m_title(std::move(title))
    , m_unit(std::move(unit))
{
    setAccessibleName(m_title);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

RateChart::~RateChart() = default;

void RateChart::addSample(qint64 epochMs, double value)
{
    m_samples.push_back({epochMs, value});
    while (m_samples.size() > m_capacity)
        m_samples.pop_front();
    setAccessibleDescription(tr("%1: %2 %3").arg(m_title).arg(value, 0, 'f', 1).arg(m_unit));
    update();
}

void RateChart::clear()
{
    m_samples.clear();
    update();
}

void RateChart::setCapacity(int samples)
{
    m_capacity = size_t(std::max(2, samples));
    while (m_samples.size() > m_capacity)
        m_samples.pop_front();
    update();
}

QSize RateChart::sizeHint() const
{
    return {360, 140};
}

QSize RateChart::minimumSizeHint() const
{
    return {160, 90};
}

namespace {

// 1, 2 or 5 times a power of ten, at least `value`: round axis maxima.
double niceCeiling(double value)
{
    if (value <= 0)
        return 1;
    const double magnitude = std::pow(10.0, std::floor(std::log10(value)));
    for (const double step : {1.0, 2.0, 5.0, 10.0}) {
        if (step * magnitude >= value)
            return step * magnitude;
    }
    return 10 * magnitude;
}

} // namespace

void RateChart::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    painter.fillRect(rect(), pal.base());

    const QFontMetrics fm(font());
    const double latest = m_samples.empty() ? 0.0 : m_samples.back().value;
    painter.setPen(pal.color(QPalette::Text));
    painter.drawText(QRect(6, 4, width() - 12, fm.height()), Qt::AlignLeft | Qt::AlignVCenter,
                     m_title);
    painter.drawText(QRect(6, 4, width() - 12, fm.height()), Qt::AlignRight | Qt::AlignVCenter,
                     tr("%1 %2").arg(latest, 0, 'f', 1).arg(m_unit));

    double peak = 0;
    for (const Sample &sample : m_samples)
        peak = std::max(peak, sample.value);
    const double top = niceCeiling(peak);
    const QString topLabel = QString::number(top, 'g', 6);
    const int left = fm.horizontalAdvance(topLabel) + 10;
    const QRectF plot(left, fm.height() + 10, width() - left - 8,
                      height() - fm.height() - 16 - fm.height());
    if (plot.width() < 10 || plot.height() < 10)
        return;

    // Text at low alpha: visible on light and dark palettes alike (Mid is near Base in dark ones).
    QColor grid = pal.color(QPalette::Text);
    grid.setAlpha(70);
    painter.setPen(QPen(grid, 1, Qt::DotLine));
    for (int i = 0; i <= 4; ++i) {
        const double y = plot.top() + plot.height() * i / 4.0;
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
    }
    painter.setPen(pal.color(QPalette::Text));
    painter.drawText(QRectF(0, plot.top() - fm.height() / 2.0, left - 4, fm.height()),
                     Qt::AlignRight | Qt::AlignVCenter, topLabel);
    painter.drawText(QRectF(0, plot.bottom() - fm.height() / 2.0, left - 4, fm.height()),
                     Qt::AlignRight | Qt::AlignVCenter, QStringLiteral("0"));
    painter.setPen(QPen(grid, 1));
    painter.drawRect(plot);

    if (m_samples.size() < 2) {
        painter.setPen(pal.color(QPalette::PlaceholderText));
        painter.drawText(plot, Qt::AlignCenter, tr("waiting for samples"));
        return;
    }
    const qint64 t0 = m_samples.front().ms;
    const qint64 span = std::max<qint64>(1, m_samples.back().ms - t0);
    QPainterPath line;
    for (size_t i = 0; i < m_samples.size(); ++i) {
        const Sample &s = m_samples[i];
        const QPointF p(plot.left() + plot.width() * double(s.ms - t0) / double(span),
                        plot.bottom() - plot.height() * s.value / top);
        if (i == 0)
            line.moveTo(p);
        else
            line.lineTo(p);
    }
    QPainterPath area = line;
    area.lineTo(plot.right(), plot.bottom());
    area.lineTo(plot.left(), plot.bottom());
    area.closeSubpath();
    QColor fill = pal.color(QPalette::Highlight);
    fill.setAlpha(50);
    painter.fillPath(area, fill);
    painter.setPen(QPen(pal.color(QPalette::Highlight), 2));
    painter.drawPath(line);

    painter.setPen(pal.color(QPalette::Text));
    painter.drawText(QRectF(plot.left(), plot.bottom() + 2, plot.width(), fm.height()),
                     Qt::AlignLeft, tr("-%1 s").arg(span / 1000));
    painter.drawText(QRectF(plot.left(), plot.bottom() + 2, plot.width(), fm.height()),
                     Qt::AlignRight, tr("now"));
}

} // namespace cotal::ui
