#include "ui/healthpane.h"

#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace cotal::ui {

namespace {

QColor colourOf(HealthFinding::Severity severity)
{
    switch (severity) {
    case HealthFinding::Severity::Ok:
        return {0x2e, 0x9d, 0x5a};
    case HealthFinding::Severity::Info:
        return {0x3b, 0x7d, 0xd8};
    case HealthFinding::Severity::Warning:
        return {0xe0, 0x9a, 0x2b};
    case HealthFinding::Severity::Error:
        return {0xd0, 0x3b, 0x3b};
    }
    return {};
}

bool sameHealth(const QList<ChannelHealth> &a, const QList<ChannelHealth> &b)
{
    if (a.size() != b.size())
        return false;
    for (int i = 0; i < a.size(); ++i) {
        if (a[i].channel != b[i].channel || a[i].worst != b[i].worst ||
            a[i].findings != b[i].findings)
            return false;
    }
    return true;
}

} // namespace

HealthPane::HealthPane(QWidget *parent)
    : QWidget(parent)
    , m_tree(new QTreeWidget(this))
{
    setAccessibleName(tr("Delivery health"));
    m_tree->setAccessibleName(tr("Delivery health per channel"));
    m_tree->setColumnCount(2);
    m_tree->setHeaderLabels({tr("Channel / member"), tr("Explanation")});
    m_tree->setWordWrap(true);
    m_tree->header()->setStretchLastSection(true);
    m_tree->setColumnWidth(0, 220);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("<b>Health explained</b>: the lease, durable memberships "
                                    "and presence, checked against each other per channel."),
                                 this));
    layout->addWidget(m_tree, 1);
}

HealthPane::~HealthPane() = default;

void HealthPane::setHealth(const QList<ChannelHealth> &channels)
{
    // Rebuilt on a timer; leave the tree (and the admin's expansion) alone when nothing moved.
    if (sameHealth(channels, m_shown))
        return;
    m_shown = channels;
    m_tree->clear();
    for (const ChannelHealth &channel : channels) {
        auto *item = new QTreeWidgetItem(m_tree);
        item->setText(0, tr("#%1").arg(channel.channel));
        item->setText(1, tr("%1 — %2").arg(channel.deliveryClass == wire::DeliveryClass::Durable
                                               ? tr("durable")
                                               : tr("live"),
                                           HealthExplainer::severityText(channel.worst)));
        item->setForeground(1, colourOf(channel.worst));
        for (const HealthFinding &finding : channel.findings) {
            auto *child = new QTreeWidgetItem(item);
            child->setText(0,
                           finding.owner.isEmpty()
                               ? HealthExplainer::severityText(finding.severity)
                               : tr("%1 · %2").arg(HealthExplainer::severityText(finding.severity),
                                                   finding.owner.left(12)));
            child->setForeground(0, colourOf(finding.severity));
            child->setText(1, finding.text);
            child->setToolTip(1, finding.text);
        }
        item->setExpanded(true);
    }
}

} // namespace cotal::ui
