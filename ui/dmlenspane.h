#pragma once

#include "core/endpoint/endpointtypes.h"

#include <QWidget>

class QLabel;
class QStackedWidget;
class QTableView;

namespace cotal::ui {

class DmLensModel;
class FeedFilterProxy;
class FeedModel;

// Direct messages rolled up per pair of peers, with the selected conversation below. When the
// credential cannot see DMs the lens says "DMs hidden" instead of showing an empty table.
class DmLensPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DmLensPane)

public:
    DmLensPane(DmLensModel *lens, FeedModel *feed, QWidget *parent = nullptr);

    void setVisibility(endpoint::TapVisibility visibility);
    bool isHidden() const;
    QTableView *pairsView() const { return m_pairs; }

private:
    DmLensModel *m_lens;
    FeedFilterProxy *m_conversation;
    QStackedWidget *m_stack;
    QLabel *m_hidden;
    QTableView *m_pairs;
    QTableView *m_messages;
};

} // namespace cotal::ui
