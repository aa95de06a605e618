#include "ui/spaceoverviewpage.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace cotal::ui {

SpaceOverviewPage::SpaceOverviewPage(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("spaceOverviewPage"));
    auto *title = new QLabel(tr("<h2>Spaces</h2>"), this);
    m_view = new QTreeWidget(this);
    m_view->setObjectName(QStringLiteral("spaceList"));
    m_view->setAccessibleName(tr("Spaces"));
    m_view->setRootIsDecorated(false);
    m_view->setHeaderLabels(
        {tr("Space"), tr("Server"), tr("Agents online"), tr("Channels"), tr("Messages")});
    m_view->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_note = new QLabel(tr("This build lists the space of the current connection only: "
                           "enumerating every space on the server is not available through the "
                           "endpoint yet."),
                        this);
    m_note->setWordWrap(true);
    m_note->setObjectName(QStringLiteral("spaceOverviewNote"));
    auto *enter = new QPushButton(tr("&Enter space"), this);
    enter->setObjectName(QStringLiteral("enterSpace"));
    enter->setDefault(true);
    connect(enter, &QPushButton::clicked, this, [this] {
        if (const QTreeWidgetItem *item = m_view->currentItem())
            emit enterRequested(item->text(0));
    });
    connect(m_view, &QTreeWidget::itemActivated, this,
            [this](QTreeWidgetItem *item) { emit enterRequested(item->text(0)); });
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(enter);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_note);
    layout->addLayout(buttons);
}

void SpaceOverviewPage::setSpace(const QString &space, const QString &server, int agentsOnline,
                                 int channels, quint64 messages)
{
    QTreeWidgetItem *item =
        m_view->topLevelItemCount() > 0 ? m_view->topLevelItem(0) : new QTreeWidgetItem(m_view);
    item->setText(0, space);
    item->setText(1, server);
    item->setText(2, QString::number(agentsOnline));
    item->setText(3, QString::number(channels));
    item->setText(4, QString::number(messages));
    for (int column = 2; column <= 4; ++column)
        item->setTextAlignment(column, Qt::AlignRight | Qt::AlignVCenter);
    if (!m_view->currentItem())
        m_view->setCurrentItem(item);
}

} // namespace cotal::ui
