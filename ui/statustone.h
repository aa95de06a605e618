#pragma once

class QColor;
class QLabel;

namespace cotal::ui {

// Status lines that may report an error: red that stays readable on the palette's window
// colour, light or dark (WCAG contrast ≥ 4.5), else the normal text colour.
void setStatusTone(QLabel *label, bool error);
QColor errorTextColour(const QColor &background);
// WCAG 2 contrast ratio of two colours, 1 … 21.
double contrastRatio(const QColor &a, const QColor &b);

} // namespace cotal::ui
