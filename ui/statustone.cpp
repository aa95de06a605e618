#include "ui/statustone.h"

#include <QColor>
#include <QLabel>
#include <QPalette>
#include <cmath>

namespace cotal::ui {

namespace {

double luminance(const QColor &colour)
{
    const auto channel = [](double value) {
        return value <= 0.03928 ? value / 12.92 : std::pow((value + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) +
           0.0722 * channel(colour.blueF());
}

} // namespace

double contrastRatio(const QColor &a, const QColor &b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QColor errorTextColour(const QColor &background)
{
    const QColor dark(0xa3, 0x12, 0x12);
    const QColor light(0xff, 0x8a, 0x80);
    return contrastRatio(dark, background) >= contrastRatio(light, background) ? dark : light;
}

void setStatusTone(QLabel *label, bool error)
{
    QPalette palette = label->parentWidget() ? label->parentWidget()->palette() : label->palette();
    if (error)
        palette.setColor(QPalette::WindowText, errorTextColour(palette.color(QPalette::Window)));
    label->setPalette(palette);
    label->setProperty("error", error);
}

} // namespace cotal::ui
