#include "ui/aclconflictdialog.h"

#include "ui/acltablemodel.h"

#include <QDialogButtonBox>
#include <QGridLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace cotal::ui {

namespace {

QListWidget *listOf(const QStringList &lines, const QString &objectName,
                    const QString &accessibleName, QWidget *parent)
{
    auto *list = new QListWidget(parent);
    list->setObjectName(objectName);
    list->setAccessibleName(accessibleName);
    list->addItems(lines);
    return list;
}

} // namespace

AclConflictDialog::AclConflictDialog(const QString &owner, quint64 readRevision,
                                     const QStringList &mine, const space::AclLookup &stored,
                                     const QStringList &reapplied, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("aclConflictDialog"));
    setWindowTitle(tr("ACL changed meanwhile"));
    setAccessibleName(windowTitle());

    const wire::AclRecord *record = stored.acl.record();
    const std::optional<QStringList> theirs =
        record ? std::optional(record->allowSubscribe) : std::nullopt;
    const bool storedHolds = stored.absence == space::AclLookup::Absence::None ||
                             stored.absence == space::AclLookup::Absence::Undecodable;

    auto *intro = new QLabel(
        tr("The read ACL of %1 was changed by someone else after you read it (you read revision "
           "%2; revision %3 is stored). Nothing was written.")
            .arg(owner)
            .arg(readRevision)
            .arg(storedHolds ? stored.revision : 0),
        this);
    intro->setWordWrap(true);

    auto *grid = new QGridLayout;
    grid->addWidget(new QLabel(tr("Your version"), this), 0, 0);
    grid->addWidget(new QLabel(tr("Stored now"), this), 0, 1);
    grid->addWidget(new QLabel(tr("Difference"), this), 0, 2);
    grid->addWidget(listOf(mine.isEmpty() ? QStringList{tr("(reads nothing)")} : mine,
                           QStringLiteral("aclConflictMine"), tr("Your version"), this),
                    1, 0);
    grid->addWidget(listOf(theirs
                               ? (theirs->isEmpty() ? QStringList{tr("(reads nothing)")} : *theirs)
                               : QStringList{AclTableModel::standingText(stored)},
                           QStringLiteral("aclConflictStored"), tr("Stored now"), this),
                    1, 1);
    grid->addWidget(listOf(difference(mine, theirs), QStringLiteral("aclConflictDifference"),
                           tr("Difference"), this),
                    1, 2);

    auto *preview = new QLabel(tr("Re-applying your change on top of theirs would store: %1")
                                   .arg(reapplied.isEmpty() ? tr("(reads nothing)")
                                                            : reapplied.join(QStringLiteral(", "))),
                               this);
    preview->setObjectName(QStringLiteral("aclConflictReapplyPreview"));
    preview->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(this);
    auto *reload = buttons->addButton(tr("&Reload theirs"), QDialogButtonBox::ResetRole);
    reload->setObjectName(QStringLiteral("aclConflictReload"));
    reload->setAccessibleName(tr("Reload the stored version and drop my change"));
    auto *reapply = buttons->addButton(tr("Re-&apply my change"), QDialogButtonBox::AcceptRole);
    reapply->setObjectName(QStringLiteral("aclConflictReapply"));
    reapply->setAccessibleName(tr("Re-apply my change on top of the stored version"));
    auto *cancel = buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setObjectName(QStringLiteral("aclConflictCancel"));
    connect(reload, &QPushButton::clicked, this, [this] { choose(Choice::Reload); });
    connect(reapply, &QPushButton::clicked, this, [this] { choose(Choice::Reapply); });
    connect(cancel, &QPushButton::clicked, this, [this] { choose(Choice::Cancel); });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(grid, 1);
    layout->addWidget(preview);
    layout->addWidget(buttons);
}

QStringList AclConflictDialog::difference(const QStringList &mine,
                                          const std::optional<QStringList> &stored)
{
    const QStringList theirs = stored.value_or(QStringList());
    QStringList lines;
    for (const QString &pattern : mine) {
        if (!theirs.contains(pattern))
            lines.append(QStringLiteral("+ ") + pattern);
    }
    for (const QString &pattern : theirs) {
        if (!mine.contains(pattern))
            lines.append(QStringLiteral("\u2212 ") + pattern);
    }
    if (lines.isEmpty() && mine != theirs)
        lines.append(tr("same patterns, different order"));
    if (!stored)
        lines.append(tr("the stored record is gone"));
    return lines;
}

void AclConflictDialog::choose(Choice choice)
{
    m_choice = choice;
    if (choice == Choice::Cancel)
        reject();
    else
        accept();
}

} // namespace cotal::ui
