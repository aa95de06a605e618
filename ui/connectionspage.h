#pragma once

#include "core/profile/connectionprofile.h"

#include <QWidget>

class QLabel;
class QListWidget;

namespace cotal::profile {
class ProfileStore;
}

namespace cotal::ui {

// The start page: recent connections, most recently used first.
class ConnectionsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionsPage)

public:
    explicit ConnectionsPage(profile::ProfileStore *store, QWidget *parent = nullptr);

    void reload();
    QListWidget *list() const { return m_list; }
    QString currentId() const;

signals:
    void connectRequested(const QString &profileId);
    void editRequested(const QString &profileId);
    void newRequested();
    void removeRequested(const QString &profileId);

private:
    profile::ProfileStore *m_store;
    QListWidget *m_list;
    QLabel *m_empty;
};

} // namespace cotal::ui
