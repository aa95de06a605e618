#pragma once

#include "core/space/spaceprovisioner.h"

#include <QFrame>

class QLabel;
class QPushButton;

namespace cotal::ui {

// Above the console's panes while the space lacks streams: says which, and offers to complete
// it. Hidden when nothing is known to be missing.
class ProvisioningNotice final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProvisioningNotice)

public:
    explicit ProvisioningNotice(QWidget *parent = nullptr);

    void setInventory(const space::SpaceInventory &inventory);
    void clear();
    QString text() const;
    // "not provisioned" or "partly provisioned", empty while nothing is missing.
    QString summary() const { return m_summary; }

signals:
    void provisionRequested();

private:
    QLabel *m_text;
    QPushButton *m_complete;
    QString m_summary;
};

} // namespace cotal::ui
