#pragma once

#include "core/endpoint/receivedmessage.h"

#include <QWidget>

class QLabel;
class QTableView;

namespace cotal::ui {

class ChannelsModel;
class ConsoleSession;
class FeedModel;
class MessageView;

// One channel: its retained history backfilled through Endpoint::readHistory, then its live
// traffic from the feed batches.
class ChannelViewPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChannelViewPane)

public:
    ChannelViewPane(ConsoleSession *session, ChannelsModel *channels, QWidget *parent = nullptr);

    void showChannel(const QString &channel);
    QString channel() const { return m_channel; }
    FeedModel *model() const { return m_model; }
    void appendLive(const QList<endpoint::ReceivedMessage> &batch);

private:
    void updateHeader();

    ConsoleSession *m_session;
    ChannelsModel *m_channels;
    FeedModel *m_model;
    QString m_channel;
    quint64 m_request = 0;
    bool m_backfilling = false;
    QList<endpoint::ReceivedMessage> m_liveDuringBackfill;
    QLabel *m_header;
    QLabel *m_status;
    QTableView *m_view;
    MessageView *m_detail;
};

} // namespace cotal::ui
