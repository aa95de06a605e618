#pragma once

#include <QLabel>

namespace cotal::ui {

// A one-line plain-text label that may shrink below its text: it then shows the text elided
// in the middle and the whole of it as its tooltip (unless it has a tooltip of its own), so a
// long error or identity never widens the window past the screen.
class ElidingLabel final : public QLabel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ElidingLabel)

public:
    explicit ElidingLabel(QWidget *parent = nullptr);

    QSize minimumSizeHint() const override;
    bool isElided() const;

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
};

} // namespace cotal::ui
