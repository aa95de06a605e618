#pragma once

#include <QWidget>

class QLabel;
class QTreeWidget;

namespace cotal::ui {

// Spaces on the server with agents online, channels and message counts; enter one.
//
// Lists the connection's own space only: enumerating every space needs core/space's space
// directory run over the endpoint's connection, which the endpoint API does not offer yet.
class SpaceOverviewPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SpaceOverviewPage)

public:
    explicit SpaceOverviewPage(QWidget *parent = nullptr);

    void setSpace(const QString &space, const QString &server, int agentsOnline, int channels,
                  quint64 messages);
    QTreeWidget *view() const { return m_view; }

signals:
    void enterRequested(const QString &space);

private:
    QTreeWidget *m_view;
    QLabel *m_note;
};

} // namespace cotal::ui
