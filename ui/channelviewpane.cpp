#include "ui/channelviewpane.h"

#include "ui/channelsmodel.h"
#include "ui/consolesession.h"
#include "ui/feedmodel.h"
#include "ui/messageview.h"

#include <QDateTime>
#include <QHeaderView>
#include <QLabel>
#include <QSet>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace cotal::ui {

namespace {

constexpr int HistoryLimit = 200;

} // namespace

ChannelViewPane::ChannelViewPane(ConsoleSession *session, ChannelsModel *channels, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_channels(channels)
    , m_model(new FeedModel(this))
{
    setObjectName(QStringLiteral("channelViewPane"));
    m_model->setCapacity(5000);
    m_header = new QLabel(tr("Open a channel from the Channels tab."), this);
    m_header->setObjectName(QStringLiteral("channelHeader"));
    m_header->setWordWrap(true);
    m_header->setTextFormat(Qt::PlainText);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("channelHistoryStatus"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);

    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("channelView"));
    m_view->setAccessibleName(tr("Channel messages"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setShowGrid(false);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->horizontalHeader()->setSectionResizeMode(FeedModel::Text, QHeaderView::Stretch);
    m_view->hideColumn(FeedModel::Mode);
    m_view->hideColumn(FeedModel::Target);
    m_detail = new MessageView(this);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    m_detail->setMarkdownText(
                        FeedModel::plainText(m_model->message(current.row()).message));
            });
    connect(m_model, &QAbstractItemModel::rowsInserted, m_view, &QTableView::scrollToBottom);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_view);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 4);
    splitter->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_header);
    layout->addWidget(m_status);
    layout->addWidget(splitter, 1);
    connect(m_channels, &QAbstractItemModel::modelReset, this, &ChannelViewPane::updateHeader);
    connect(m_channels, &QAbstractItemModel::dataChanged, this, &ChannelViewPane::updateHeader);
}

void ChannelViewPane::updateHeader()
{
    if (m_channel.isEmpty())
        return;
    const int row = m_channels->rowOf(m_channel);
    const endpoint::ChannelRow *info = row >= 0 ? m_channels->row(row) : nullptr;
    QString text = QStringLiteral("#") + m_channel;
    if (info) {
        if (!info->description.isEmpty())
            text += QStringLiteral(" — ") + info->description;
        text += QLatin1Char('\n') + ChannelsModel::healthDetail(*info);
    }
    m_header->setText(text);
}

void ChannelViewPane::showChannel(const QString &channel)
{
    m_channel = channel;
    m_model->clear();
    m_liveDuringBackfill.clear();
    m_backfilling = true;
    updateHeader();
    m_status->setText(tr("Reading history…"));
    const quint64 request = ++m_request;
    m_session->readHistory(channel, HistoryLimit)
        .then(this, [this, request](const endpoint::HistoryResult &result) {
            if (request != m_request)
                return;
            m_backfilling = false;
            QList<endpoint::ReceivedMessage> batch;
            QSet<QString> ids;
            for (const wire::CotalMessage &message : result.messages) {
                endpoint::ReceivedMessage received;
                received.message = message;
                received.kind = wire::DeliveryKind::Channel;
                received.path = endpoint::ReceivedMessage::Path::Backfill;
                received.historical = true;
                ids.insert(message.id);
                batch.append(received);
            }
            // Live copies that raced the read and are already in it show once.
            for (const endpoint::ReceivedMessage &live : std::as_const(m_liveDuringBackfill)) {
                if (!ids.contains(live.message.id))
                    batch.append(live);
            }
            m_liveDuringBackfill.clear();
            m_model->append(batch);
            if (result.ok())
                m_status->setText(tr("%n retained message(s) backfilled.", nullptr,
                                     static_cast<int>(result.messages.size())));
            else
                m_status->setText(tr("History unavailable: %1").arg(result.error.describe()));
        });
}

void ChannelViewPane::appendLive(const QList<endpoint::ReceivedMessage> &batch)
{
    if (m_channel.isEmpty())
        return;
    QList<endpoint::ReceivedMessage> mine;
    for (const endpoint::ReceivedMessage &message : batch) {
        if (message.kind == wire::DeliveryKind::Channel &&
            message.message.route.target == m_channel)
            mine.append(message);
    }
    if (mine.isEmpty())
        return;
    if (m_backfilling)
        m_liveDuringBackfill.append(mine);
    else
        m_model->append(mine);
}

} // namespace cotal::ui
