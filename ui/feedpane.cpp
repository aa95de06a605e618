#include "ui/feedpane.h"

#include "ui/columnwidth.h"
#include "ui/feedexport.h"
#include "ui/feedfilterproxy.h"
#include "ui/feedmodel.h"
#include "ui/messageview.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QScrollBar>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace cotal::ui {

FeedPane::FeedPane(FeedModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_proxy(new FeedFilterProxy(this))
{
    setObjectName(QStringLiteral("feedPane"));
    m_proxy->setSourceModel(model);

    auto *chips = new QHBoxLayout;
    chips->setSpacing(4);
    const QList<QPair<wire::DeliveryKind, QString>> modes{
        {wire::DeliveryKind::Channel, FeedModel::modeLabel(wire::DeliveryKind::Channel)},
        {wire::DeliveryKind::Dm, FeedModel::modeLabel(wire::DeliveryKind::Dm)},
        {wire::DeliveryKind::Anycast, FeedModel::modeLabel(wire::DeliveryKind::Anycast)}};
    for (const auto &[kind, label] : modes) {
        QToolButton *chip = chipButton(label, tr("Show %1 messages").arg(label));
        chip->setCheckable(true);
        chip->setChecked(true);
        chip->setObjectName(QStringLiteral("modeChip%1").arg(int(kind)));
        connect(chip, &QToolButton::toggled, this,
                [this, kind](bool on) { m_proxy->setModeVisible(int(kind), on); });
        chips->addWidget(chip);
        m_modeChips.append(chip);
    }
    m_channelMenuButton = chipButton(tr("Channel ▾"), tr("Filter by channel"));
    m_channelMenuButton->setObjectName(QStringLiteral("channelChipMenu"));
    m_senderMenuButton = chipButton(tr("Sender ▾"), tr("Filter by sender"));
    m_senderMenuButton->setObjectName(QStringLiteral("senderChipMenu"));
    for (QToolButton *button : {m_channelMenuButton, m_senderMenuButton}) {
        button->setPopupMode(QToolButton::InstantPopup);
        button->setMenu(new QMenu(button));
        chips->addWidget(button);
    }
    connect(m_channelMenuButton->menu(), &QMenu::aboutToShow, this, [this] {
        QMenu *menu = m_channelMenuButton->menu();
        menu->clear();
        const QSet<QString> active = m_proxy->channels();
        for (auto it = m_channels.cbegin(); it != m_channels.cend(); ++it) {
            QAction *action =
                menu->addAction(QStringLiteral("#%1 (%2)").arg(it.key()).arg(it.value()));
            action->setCheckable(true);
            action->setChecked(active.contains(it.key()));
            connect(action, &QAction::toggled, this, [this, channel = it.key()](bool on) {
                QSet<QString> set = m_proxy->channels();
                on ? void(set.insert(channel)) : void(set.remove(channel));
                m_proxy->setChannels(set);
            });
        }
        if (m_channels.isEmpty())
            menu->addAction(tr("No channel traffic yet"))->setEnabled(false);
    });
    connect(m_senderMenuButton->menu(), &QMenu::aboutToShow, this, [this] {
        QMenu *menu = m_senderMenuButton->menu();
        menu->clear();
        const QSet<QString> active = m_proxy->senders();
        for (auto it = m_senders.cbegin(); it != m_senders.cend(); ++it) {
            QAction *action = menu->addAction(it.value().isEmpty() ? it.key() : it.value());
            action->setToolTip(it.key());
            action->setCheckable(true);
            action->setChecked(active.contains(it.key()));
            connect(action, &QAction::toggled, this, [this, id = it.key()](bool on) {
                QSet<QString> set = m_proxy->senders();
                on ? void(set.insert(id)) : void(set.remove(id));
                m_proxy->setSenders(set);
            });
        }
        if (m_senders.isEmpty())
            menu->addAction(tr("No senders yet"))->setEnabled(false);
    });
    m_activeChips = new QHBoxLayout;
    m_activeChips->setSpacing(4);
    chips->addLayout(m_activeChips);
    chips->addStretch(1);

    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("feedSearch"));
    m_search->setPlaceholderText(tr("Search sender, channel, text…"));
    m_search->setAccessibleName(tr("Search the feed"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(220);
    connect(m_search, &QLineEdit::textChanged, m_proxy, &FeedFilterProxy::setFilterText);
    chips->addWidget(m_search);

    m_pauseAction = new QAction(tr("&Pause feed"), this);
    m_pauseAction->setObjectName(QStringLiteral("pauseFeed"));
    m_pauseAction->setCheckable(true);
    m_pauseAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    m_pauseAction->setToolTip(tr("Freeze the feed; new messages are counted and kept"));
    connect(m_pauseAction, &QAction::toggled, this, &FeedPane::setPaused);
    auto *pauseButton = new QToolButton(this);
    pauseButton->setDefaultAction(m_pauseAction);
    pauseButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    pauseButton->setAccessibleName(tr("Pause feed"));
    chips->addWidget(pauseButton);
    m_pendingLabel = new QLabel(this);
    m_pendingLabel->setObjectName(QStringLiteral("pendingCount"));
    m_pendingLabel->setAccessibleName(tr("Messages arrived while paused"));
    chips->addWidget(m_pendingLabel);

    m_copyJsonAction = new QAction(tr("Copy selection as &JSON"), this);
    m_copyJsonAction->setShortcut(QKeySequence::Copy);
    m_copyJsonAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_copyJsonAction, &QAction::triggered, this, [this] { copySelection(true); });
    m_copyCsvAction = new QAction(tr("Copy selection as &CSV"), this);
    m_copyCsvAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    m_copyCsvAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_copyCsvAction, &QAction::triggered, this, [this] { copySelection(false); });
    m_exportJsonAction = new QAction(tr("&Export feed selection as JSON…"), this);
    m_exportJsonAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    connect(m_exportJsonAction, &QAction::triggered, this, [this] { exportSelection(true); });
    m_exportCsvAction = new QAction(tr("Export feed selection as CS&V…"), this);
    m_exportCsvAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    connect(m_exportCsvAction, &QAction::triggered, this, [this] { exportSelection(false); });
    m_searchAction = new QAction(tr("&Search the feed"), this);
    m_searchAction->setShortcut(QKeySequence::Find);
    connect(m_searchAction, &QAction::triggered, this, &FeedPane::focusSearch);
    m_clearFiltersAction = new QAction(tr("C&lear feed filters"), this);
    m_clearFiltersAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    connect(m_clearFiltersAction, &QAction::triggered, this, [this] {
        for (QToolButton *chip : std::as_const(m_modeChips))
            chip->setChecked(true);
        m_proxy->setChannels({});
        m_proxy->setSenders({});
        m_search->clear();
    });
    auto *exportButton = new QToolButton(this);
    exportButton->setText(tr("Export ▾"));
    exportButton->setAccessibleName(tr("Copy or export the selection"));
    exportButton->setPopupMode(QToolButton::InstantPopup);
    auto *exportMenu = new QMenu(exportButton);
    exportMenu->addActions(
        {m_copyJsonAction, m_copyCsvAction, m_exportJsonAction, m_exportCsvAction});
    exportButton->setMenu(exportMenu);
    chips->addWidget(exportButton);

    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("feedView"));
    m_view->setAccessibleName(tr("Live feed"));
    m_view->setModel(m_proxy);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->setShowGrid(false);
    m_view->setAlternatingRowColors(true);
    m_view->addActions({m_copyJsonAction, m_copyCsvAction});
    // Fixed row heights and interactive columns: nothing measures 50 000 rows.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->verticalHeader()->hide();
    QHeaderView *header = m_view->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setStretchLastSection(false);
    header->setSectionResizeMode(FeedModel::Text, QHeaderView::Stretch);
    fitColumnToSample(m_view, FeedModel::Mode, FeedModel::modeLabel(wire::DeliveryKind::Anycast));
    fitColumnToSample(m_view, FeedModel::Sender, QStringLiteral("reviewer-01"));
    fitColumnToSample(m_view, FeedModel::Target, QStringLiteral("team.backend"));
    fitColumnToSample(m_view, FeedModel::Time, QStringLiteral("00:00:00.000"));
    fitColumnToSample(m_view, FeedModel::Historical, {});
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &FeedPane::handleCurrentChanged);
    connect(m_view, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        emit senderActivated(index.siblingAtColumn(0).data(FeedModel::SenderIdRole).toString());
    });

    m_detail = new MessageView(this);
    m_detail->setObjectName(QStringLiteral("feedDetail"));
    m_detail->setPlaceholderText(tr("Select a message to read it."));

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_view);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 4);
    splitter->setStretchFactor(1, 1);

    m_hiddenNotice = new QLabel(this);
    m_hiddenNotice->setObjectName(QStringLiteral("feedDmsHidden"));
    m_hiddenNotice->setAccessibleName(tr("What the live feed cannot show"));
    m_hiddenNotice->setWordWrap(true);
    m_hiddenNotice->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(chips);
    layout->addWidget(m_hiddenNotice);
    layout->addWidget(splitter, 1);

    connect(model, &FeedModel::batchInserted, this, &FeedPane::handleRowsInserted);
    connect(model, &FeedModel::pendingCountChanged, this, &FeedPane::handlePendingCount);
    connect(model, &FeedModel::pausedChanged, m_pauseAction, &QAction::setChecked);
    connect(m_proxy, &FeedFilterProxy::filtersChanged, this, &FeedPane::handleFiltersChanged);
    // Follow the newest row unless the user scrolled up.
    connect(m_view->verticalScrollBar(), &QScrollBar::valueChanged, this,
            [this](int value) { m_follow = value >= m_view->verticalScrollBar()->maximum() - 2; });
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_follow)
            m_view->scrollToBottom();
    });
}

QToolButton *FeedPane::chipButton(const QString &text, const QString &accessibleName)
{
    auto *button = new QToolButton(this);
    button->setText(text);
    button->setAccessibleName(accessibleName);
    button->setAutoRaise(false);
    return button;
}

QList<QAction *> FeedPane::paneActions() const
{
    return {m_pauseAction,   m_searchAction,     m_clearFiltersAction, m_copyJsonAction,
            m_copyCsvAction, m_exportJsonAction, m_exportCsvAction};
}

void FeedPane::setPaused(bool paused)
{
    m_model->setPaused(paused);
    m_pauseAction->setText(paused ? tr("Resume feed") : tr("&Pause feed"));
    handlePendingCount(m_model->pendingCount());
}

void FeedPane::setTapVisibility(endpoint::TapVisibility visibility)
{
    m_hiddenNotice->setVisible(visibility == endpoint::TapVisibility::ChatOnly);
    m_hiddenNotice->setText(tr("DMs and anycast hidden: this credential may read channel traffic "
                               "only, so the feed shows channels alone."));
}

void FeedPane::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void FeedPane::handleRowsInserted(int first, int last)
{
    for (int row = first; row <= last; ++row) {
        const endpoint::ReceivedMessage &message = m_model->message(row);
        if (message.kind == wire::DeliveryKind::Channel)
            ++m_channels[message.message.route.target];
        QString &name = m_senders[message.message.from.id];
        if (name.isEmpty())
            name = message.message.from.name;
    }
}

void FeedPane::handlePendingCount(qint64 count)
{
    if (!m_model->isPaused()) {
        m_pendingLabel->setText(QString());
        return;
    }
    m_pendingLabel->setText(
        tr("paused — %n new", nullptr, static_cast<int>(std::min<qint64>(count, INT_MAX))));
}

void FeedPane::handleCurrentChanged()
{
    const QModelIndex current = m_proxy->mapToSource(m_view->currentIndex());
    if (!current.isValid()) {
        m_detail->clear();
        return;
    }
    const endpoint::ReceivedMessage &message = m_model->message(current.row());
    m_detail->setMarkdownText(FeedModel::plainText(message.message));
}

void FeedPane::handleFiltersChanged()
{
    rebuildChips();
}

void FeedPane::rebuildChips()
{
    while (QLayoutItem *item = m_activeChips->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    for (const QString &channel : m_proxy->channels()) {
        QToolButton *chip = chipButton(QStringLiteral("#%1 ✕").arg(channel),
                                       tr("Remove channel filter %1").arg(channel));
        connect(chip, &QToolButton::clicked, this, [this, channel] {
            QSet<QString> set = m_proxy->channels();
            set.remove(channel);
            m_proxy->setChannels(set);
        });
        m_activeChips->addWidget(chip);
    }
    for (const QString &sender : m_proxy->senders()) {
        const QString name = m_senders.value(sender, sender);
        QToolButton *chip = chipButton(QStringLiteral("@%1 ✕").arg(name.isEmpty() ? sender : name),
                                       tr("Remove sender filter %1").arg(name));
        connect(chip, &QToolButton::clicked, this, [this, sender] {
            QSet<QString> set = m_proxy->senders();
            set.remove(sender);
            m_proxy->setSenders(set);
        });
        m_activeChips->addWidget(chip);
    }
}

QList<endpoint::ReceivedMessage> FeedPane::selectedMessages() const
{
    QList<int> rows;
    const QModelIndexList selected = m_view->selectionModel()->selectedRows();
    if (selected.isEmpty()) {
        for (int row = 0; row < m_proxy->rowCount(); ++row)
            rows.append(m_proxy->mapToSource(m_proxy->index(row, 0)).row());
    } else {
        for (const QModelIndex &index : selected)
            rows.append(m_proxy->mapToSource(index).row());
        std::sort(rows.begin(), rows.end());
    }
    QList<endpoint::ReceivedMessage> messages;
    messages.reserve(rows.size());
    for (const int row : std::as_const(rows))
        messages.append(m_model->message(row));
    return messages;
}

void FeedPane::copySelection(bool json)
{
    const QList<endpoint::ReceivedMessage> messages = selectedMessages();
    const QByteArray bytes = json ? FeedExport::toJson(messages) : FeedExport::toCsv(messages);
    QApplication::clipboard()->setText(QString::fromUtf8(bytes));
}

void FeedPane::exportSelection(bool json)
{
    const QString path = QFileDialog::getSaveFileName(
        this, json ? tr("Export messages as JSON") : tr("Export messages as CSV"),
        json ? QStringLiteral("messages.json") : QStringLiteral("messages.csv"),
        json ? tr("JSON (*.json)") : tr("CSV (*.csv)"));
    if (path.isEmpty())
        return;
    const QList<endpoint::ReceivedMessage> messages = selectedMessages();
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        file.write(json ? FeedExport::toJson(messages) : FeedExport::toCsv(messages)) < 0) {
        QMessageBox::warning(this, tr("Export failed"),
                             tr("Cannot write %1: %2").arg(path, file.errorString()));
    }
}

} // namespace cotal::ui
