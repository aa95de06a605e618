#pragma once

#include "core/space/aclregistry.h"

#include <QDialog>
#include <QStringList>
#include <optional>

class QListWidget;

namespace cotal::ui {

// Shown when the admin's commit lost its compare-and-set: the admin's version, the stored one and
// their difference side by side, with the three ways out. Nothing is written from here; the caller
// acts on choice().
class AclConflictDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AclConflictDialog)

public:
    enum class Choice
    {
        Cancel,
        Reload,
        Reapply,
    };

    AclConflictDialog(const QString &owner, quint64 readRevision, const QStringList &mine,
                      const space::AclLookup &stored, const QStringList &reapplied,
                      QWidget *parent = nullptr);

    Choice choice() const { return m_choice; }

    // Lines of the difference: "+ p" only in mine, "− p" only in the stored list.
    static QStringList difference(const QStringList &mine,
                                  const std::optional<QStringList> &stored);

private:
    void choose(Choice choice);

    Choice m_choice = Choice::Cancel;
};

} // namespace cotal::ui
