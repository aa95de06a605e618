#include "ui/channelspane.h"

#include "core/wire/names.h"
#include "ui/channelconfigdialog.h"
#include "ui/channelsmodel.h"
#include "ui/consolesession.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace cotal::ui {

ChannelsPane::ChannelsPane(ChannelsModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_proxy(new QSortFilterProxyModel(this))
{
    setObjectName(QStringLiteral("channelsPane"));
    m_proxy->setSourceModel(model);
    m_proxy->setSortRole(ChannelsModel::RawRole);

    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("channelsView"));
    m_view->setAccessibleName(tr("Channels"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(ChannelsModel::Channel, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setShowGrid(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(ChannelsModel::Description,
                                                     QHeaderView::Stretch);
    connect(m_view, &QTableView::activated, this, [this](const QModelIndex &index) {
        emit channelActivated(index.data(ChannelsModel::ChannelNameRole).toString());
    });

    m_openAction = new QAction(tr("&Open channel view"), this);
    m_openAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    // Only where a channel is selected: in the compose box the same keys send.
    m_openAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(m_openAction);
    connect(m_openAction, &QAction::triggered, this, [this] {
        if (!currentChannel().isEmpty())
            emit channelActivated(currentChannel());
    });
    m_configAction = new QAction(tr("Channel &config…"), this);
    m_configAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    connect(m_configAction, &QAction::triggered, this, &ChannelsPane::showConfig);
    m_refreshAction = new QAction(tr("&Refresh channels"), this);
    m_refreshAction->setShortcut(QKeySequence::Refresh);
    connect(m_refreshAction, &QAction::triggered, this, &ChannelsPane::refreshRequested);

    auto *buttons = new QHBoxLayout;
    for (QAction *action : {m_openAction, m_configAction, m_refreshAction}) {
        auto *button = new QToolButton(this);
        button->setDefaultAction(action);
        button->setAccessibleName(action->text().remove(QLatin1Char('&')));
        buttons->addWidget(button);
    }
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("channelsStatus"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    buttons->addWidget(m_status, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(buttons);
    layout->addWidget(m_view, 1);
}

void ChannelsPane::setListingError(const QString &error)
{
    m_status->setText(error.isEmpty() ? QString() : tr("Channel listing failed: %1").arg(error));
}

QString ChannelsPane::currentChannel() const
{
    return m_view->currentIndex().data(ChannelsModel::ChannelNameRole).toString();
}

void ChannelsPane::showConfig()
{
    const int row = m_model->rowOf(currentChannel());
    if (row < 0)
        return;
    // A registry for fresh reads and the CAS write only; no watch is started.
    const std::unique_ptr<space::ChannelRegistry> registry =
        m_session ? m_session->access()->channelRegistry() : nullptr;
    ChannelConfigDialog dialog(*m_model->row(row), registry.get(), this);
    if (dialog.exec() == QDialog::Accepted)
        emit refreshRequested();
}

} // namespace cotal::ui
