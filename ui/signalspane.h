#pragma once

#include <QWidget>

class QLabel;
class QListView;

namespace cotal::ui {

class NeedsYouProxy;
class RosterModel;

// Signal tiles (working / waiting / idle / offline counts and the oldest unattended waiting
// agent) above the NEEDS-YOU list of waiting agents, oldest first.
class SignalsPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignalsPane)

public:
    explicit SignalsPane(RosterModel *roster, QWidget *parent = nullptr);

    QListView *needsYouView() const { return m_needsYou; }
    QString tileText(const QString &objectName) const;

signals:
    void agentActivated(const QString &id);

private slots:
    void handleCountsChanged();

private:
    QLabel *tile(const QString &objectName, const QString &caption, const QString &glyph,
                 const QColor &colour, QWidget **frame);

    RosterModel *m_roster;
    NeedsYouProxy *m_proxy;
    QLabel *m_working;
    QLabel *m_waiting;
    QLabel *m_idle;
    QLabel *m_offline;
    QLabel *m_oldest;
    QListView *m_needsYou;
};

} // namespace cotal::ui
