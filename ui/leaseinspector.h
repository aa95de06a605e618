#pragma once

#include "ui/leasemodel.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace cotal::ui {

// The lease inspector: every `lease.<shard>` with its countdown, the responder probe's verdict,
// the warning for the selected lease, and a confirmed force release of an expired or wedged one.
class LeaseInspector final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LeaseInspector)

public:
    explicit LeaseInspector(LeaseModel *model, QWidget *parent = nullptr);
    ~LeaseInspector() override;

    void setResponderDetail(ResponderStatus status, const QString &detail);
    // The credential may not ask ctl.delivery at all, so nothing is probed.
    void setResponderUnavailable(const QString &reason);
    // The outcome of the last forced release, in words.
    void setActionResult(const QString &text);
    QTableView *table() const { return m_table; }

signals:
    // Confirmed by the admin: a CAS delete on exactly this revision.
    void forceReleaseRequested(int shard, quint64 revision);

private:
    int currentRow() const;
    void updateSelection();
    void confirmForceRelease();

    LeaseModel *m_model;
    QTableView *m_table;
    QLabel *m_responder;
    QLabel *m_warning;
    QLabel *m_result;
    QPushButton *m_forceRelease;
};

} // namespace cotal::ui
