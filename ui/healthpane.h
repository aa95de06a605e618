#pragma once

#include "ui/healthexplainer.h"

#include <QWidget>

class QTreeWidget;

namespace cotal::ui {

// "Health explained": per channel the worst finding, and under it every finding in words.
class HealthPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HealthPane)

public:
    explicit HealthPane(QWidget *parent = nullptr);
    ~HealthPane() override;

    void setHealth(const QList<ChannelHealth> &channels);
    QTreeWidget *tree() const { return m_tree; }

private:
    QTreeWidget *m_tree;
    QList<ChannelHealth> m_shown;
};

} // namespace cotal::ui
