#pragma once

#include "core/space/spacedirectory.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace cotal::ui {

// The spaces on the server: the connection's own with its live counts, the others as the
// space directory found them; enter one, or create a new one.
class SpaceOverviewPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SpaceOverviewPage)

public:
    explicit SpaceOverviewPage(QWidget *parent = nullptr);

    // The connection's own space, with what the console sees live.
    void setSpace(const QString &space, const QString &server, int agentsOnline, int channels,
                  quint64 messages);
    // The other spaces the server holds; `error` set: why they could not be listed.
    void setListing(const space::SpaceListing &listing, const QString &server);
    // Why the server's spaces are not listed (e.g. the credential may not); empty: they are.
    void setNote(const QString &note);
    void setNewSpaceAllowed(bool allowed, const QString &reason);
    QTreeWidget *view() const { return m_view; }
    QString note() const;

signals:
    void enterRequested(const QString &space);
    void newSpaceRequested();

private:
    QTreeWidget *m_view;
    QLabel *m_note;
    QPushButton *m_newSpace;
    QString m_current;
};

} // namespace cotal::ui
