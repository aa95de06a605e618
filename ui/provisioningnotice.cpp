#include "ui/provisioningnotice.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace cotal::ui {

using State = space::StreamPresence::State;

ProvisioningNotice::ProvisioningNotice(QWidget *parent)
    : QFrame(parent)
{
    setObjectName(QStringLiteral("provisioningNotice"));
    setFrameShape(QFrame::StyledPanel);
    m_text = new QLabel(this);
    m_text->setObjectName(QStringLiteral("provisioningNoticeText"));
    m_text->setTextFormat(Qt::PlainText);
    m_text->setWordWrap(true);
    m_complete = new QPushButton(tr("&Complete provisioning…"), this);
    m_complete->setObjectName(QStringLiteral("completeProvisioning"));
    m_complete->setAccessibleName(tr("Complete provisioning of this space"));
    connect(m_complete, &QPushButton::clicked, this, &ProvisioningNotice::provisionRequested);
    auto *layout = new QHBoxLayout(this);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_complete);
    hide();
}

void ProvisioningNotice::setInventory(const space::SpaceInventory &inventory)
{
    const QStringList missing = inventory.named(State::Missing);
    if (missing.isEmpty()) {
        clear();
        return;
    }
    const bool none =
        inventory.named(State::Present).isEmpty() && inventory.named(State::Different).isEmpty();
    m_summary = none ? tr("not provisioned") : tr("partly provisioned");
    m_text->setText(
        none ? tr("This space is not provisioned: %1 do not exist. Nothing sent here "
                  "is kept.")
                   .arg(missing.join(u", "))
             : tr("This space is partly provisioned: %1 missing.").arg(missing.join(u", ")));
    m_text->setToolTip(missing.join(u'\n'));
    show();
}

void ProvisioningNotice::clear()
{
    m_summary.clear();
    m_text->clear();
    hide();
}

QString ProvisioningNotice::text() const
{
    return m_text->text();
}

} // namespace cotal::ui
