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
    m_note = new QLabel(this);
    m_note->setWordWrap(true);
    m_note->setTextFormat(Qt::PlainText);
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
    m_newSpace = new QPushButton(tr("&New space…"), this);
    m_newSpace->setObjectName(QStringLiteral("newSpace"));
    m_newSpace->setAccessibleName(tr("Create a new space on this server"));
    connect(m_newSpace, &QPushButton::clicked, this, &SpaceOverviewPage::newSpaceRequested);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(enter);
    buttons->addWidget(m_newSpace);
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
    if (space != m_current) {
        m_view->clear();
        m_current = space;
    }
    QList<QTreeWidgetItem *> found = m_view->findItems(space, Qt::MatchExactly, 0);
    QTreeWidgetItem *item = found.isEmpty() ? new QTreeWidgetItem(m_view) : found.first();
    item->setText(0, space);
    item->setText(1, server);
    item->setText(2, QString::number(agentsOnline));
    item->setText(3, QString::number(channels));
    item->setText(4, QString::number(messages));
    for (int column = 2; column <= 4; ++column)
        item->setTextAlignment(column, Qt::AlignRight | Qt::AlignVCenter);
    QFont bold = item->font(0);
    bold.setBold(true);
    item->setFont(0, bold);
    item->setToolTip(0, tr("This connection's space"));
    if (!m_view->currentItem())
        m_view->setCurrentItem(item);
}

void SpaceOverviewPage::setListing(const space::SpaceListing &listing, const QString &server)
{
    if (!listing.ok()) {
        setNote(tr("The server's spaces could not be listed: %1").arg(listing.error.describe()));
        return;
    }
    setNote({});
    for (const space::SpaceSummary &summary : listing.spaces) {
        if (summary.space == m_current)
            continue;
        QList<QTreeWidgetItem *> found = m_view->findItems(summary.space, Qt::MatchExactly, 0);
        QTreeWidgetItem *item = found.isEmpty() ? new QTreeWidgetItem(m_view) : found.first();
        item->setText(0, summary.space);
        item->setText(1, server);
        // Presence keys live 6 s: the agents heard from lately.
        item->setText(2, QString::number(summary.presenceKeys));
        item->setText(3, QString::number(summary.channelCount));
        item->setText(4, QString::number(summary.chatMessages));
        for (int column = 2; column <= 4; ++column)
            item->setTextAlignment(column, Qt::AlignRight | Qt::AlignVCenter);
        if (!summary.hasChatStream || !summary.hasPresenceBucket)
            item->setToolTip(0, tr("Partly provisioned"));
        if (summary.error.isError())
            item->setToolTip(4, summary.error.describe());
    }
}

void SpaceOverviewPage::setNote(const QString &note)
{
    m_note->setText(note);
    m_note->setVisible(!note.isEmpty());
}

void SpaceOverviewPage::setNewSpaceAllowed(bool allowed, const QString &reason)
{
    m_newSpace->setEnabled(allowed);
    m_newSpace->setToolTip(allowed ? QString() : reason);
}

QString SpaceOverviewPage::note() const
{
    return m_note->text();
}

} // namespace cotal::ui
