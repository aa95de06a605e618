#pragma once

#include <QWidget>

class QCheckBox;
class QLineEdit;
class QTableView;

namespace cotal::ui {

class RosterFilterProxy;
class RosterModel;

// The roster table with its text filter and "hide offline".
class RosterPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RosterPane)

public:
    explicit RosterPane(RosterModel *model, QWidget *parent = nullptr);

    QTableView *view() const { return m_view; }
    RosterFilterProxy *proxy() const { return m_proxy; }
    QLineEdit *filterEdit() const { return m_filter; }
    QCheckBox *hideOfflineBox() const { return m_hideOffline; }

signals:
    void agentActivated(const QString &id);

private:
    RosterFilterProxy *m_proxy;
    QLineEdit *m_filter;
    QCheckBox *m_hideOffline;
    QTableView *m_view;
};

} // namespace cotal::ui
