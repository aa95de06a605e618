#include "ui/dmlenspane.h"

#include "ui/dmlensmodel.h"
#include "ui/feedfilterproxy.h"
#include "ui/feedmodel.h"

#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace cotal::ui {

DmLensPane::DmLensPane(DmLensModel *lens, FeedModel *feed, QWidget *parent)
    : QWidget(parent)
    , m_lens(lens)
    , m_conversation(new FeedFilterProxy(this))
{
    setObjectName(QStringLiteral("dmLensPane"));
    m_conversation->setSourceModel(feed);
    m_conversation->setModeVisible(int(wire::DeliveryKind::Channel), false);
    m_conversation->setModeVisible(int(wire::DeliveryKind::Anycast), false);
    m_conversation->setConversation(QStringLiteral("\n"), QStringLiteral("\n")); // none yet

    m_hidden = new QLabel(this);
    m_hidden->setObjectName(QStringLiteral("dmsHidden"));
    m_hidden->setAlignment(Qt::AlignCenter);
    m_hidden->setWordWrap(true);

    auto *sorted = new QSortFilterProxyModel(this);
    sorted->setSourceModel(lens);
    sorted->setSortRole(DmLensModel::RawRole);
    m_pairs = new QTableView(this);
    m_pairs->setObjectName(QStringLiteral("dmPairs"));
    m_pairs->setAccessibleName(tr("Direct-message conversations"));
    m_pairs->setModel(sorted);
    m_pairs->setSortingEnabled(true);
    m_pairs->sortByColumn(DmLensModel::LastAt, Qt::DescendingOrder);
    m_pairs->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_pairs->setSelectionMode(QAbstractItemView::SingleSelection);
    m_pairs->verticalHeader()->hide();
    m_pairs->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_pairs->verticalHeader()->setDefaultSectionSize(m_pairs->fontMetrics().height() + 6);
    m_pairs->setShowGrid(false);
    m_pairs->setWordWrap(false);
    m_pairs->horizontalHeader()->setSectionResizeMode(DmLensModel::LastText, QHeaderView::Stretch);
    connect(m_pairs->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (!current.isValid())
                    return;
                m_conversation->setConversation(current.data(DmLensModel::PeerAIdRole).toString(),
                                                current.data(DmLensModel::PeerBIdRole).toString());
            });

    m_messages = new QTableView(this);
    m_messages->setObjectName(QStringLiteral("dmMessages"));
    m_messages->setAccessibleName(tr("Conversation"));
    m_messages->setModel(m_conversation);
    m_messages->verticalHeader()->hide();
    m_messages->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_messages->verticalHeader()->setDefaultSectionSize(m_messages->fontMetrics().height() + 6);
    m_messages->setShowGrid(false);
    m_messages->setWordWrap(false);
    m_messages->hideColumn(FeedModel::Mode);
    m_messages->hideColumn(FeedModel::Historical);
    m_messages->horizontalHeader()->setSectionResizeMode(FeedModel::Text, QHeaderView::Stretch);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_pairs);
    splitter->addWidget(m_messages);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_hidden);
    m_stack->addWidget(splitter);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);
    setVisibility(endpoint::TapVisibility::Off);
}

void DmLensPane::setVisibility(endpoint::TapVisibility visibility)
{
    switch (visibility) {
    case endpoint::TapVisibility::Everything:
        m_stack->setCurrentIndex(1);
        return;
    case endpoint::TapVisibility::ChatOnly:
        m_hidden->setText(tr("DMs hidden: this credential may read channel traffic only "
                             "(its grants hold no all-activity tap)."));
        break;
    case endpoint::TapVisibility::Off:
        m_hidden->setText(tr("DMs hidden: the activity tap is not running."));
        break;
    }
    m_stack->setCurrentIndex(0);
}

bool DmLensPane::isHidden() const
{
    return m_stack->currentIndex() == 0;
}

} // namespace cotal::ui
