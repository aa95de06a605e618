#include "ui/signalspane.h"

#include "ui/presencestyle.h"
#include "ui/rosterfilterproxy.h"
#include "ui/rostermodel.h"

#include <QDateTime>
#include <QFrame>
#include <QGridLayout>
#include <QLabel>
#include <QListView>
#include <QVBoxLayout>

namespace cotal::ui {

using wire::PresenceStatus;

SignalsPane::SignalsPane(RosterModel *roster, QWidget *parent)
    : QWidget(parent)
    , m_roster(roster)
    , m_proxy(new NeedsYouProxy(this))
{
    setObjectName(QStringLiteral("signalsPane"));
    m_proxy->setSourceModel(roster);

    auto *tiles = new QGridLayout;
    tiles->setSpacing(6);
    QWidget *frame = nullptr;
    m_working = tile(QStringLiteral("tileWorking"), PresenceStyle::label(PresenceStatus::Working),
                     PresenceStyle::glyph(PresenceStatus::Working),
                     PresenceStyle::colour(PresenceStatus::Working), &frame);
    tiles->addWidget(frame, 0, 0);
    m_waiting = tile(QStringLiteral("tileWaiting"), PresenceStyle::label(PresenceStatus::Waiting),
                     PresenceStyle::glyph(PresenceStatus::Waiting),
                     PresenceStyle::colour(PresenceStatus::Waiting), &frame);
    tiles->addWidget(frame, 0, 1);
    m_idle = tile(QStringLiteral("tileIdle"), PresenceStyle::label(PresenceStatus::Idle),
                  PresenceStyle::glyph(PresenceStatus::Idle),
                  PresenceStyle::colour(PresenceStatus::Idle), &frame);
    tiles->addWidget(frame, 1, 0);
    m_offline = tile(QStringLiteral("tileOffline"), PresenceStyle::label(PresenceStatus::Offline),
                     PresenceStyle::glyph(PresenceStatus::Offline),
                     PresenceStyle::colour(PresenceStatus::Offline), &frame);
    tiles->addWidget(frame, 1, 1);

    m_oldest = new QLabel(this);
    m_oldest->setObjectName(QStringLiteral("oldestWaiting"));
    m_oldest->setWordWrap(true);
    m_oldest->setTextFormat(Qt::PlainText);
    m_oldest->setAccessibleName(tr("Oldest unattended waiting agent"));

    auto *needsYouTitle = new QLabel(tr("<b>NEEDS YOU</b> — waiting agents, oldest first"), this);
    m_needsYou = new QListView(this);
    m_needsYou->setObjectName(QStringLiteral("needsYouList"));
    m_needsYou->setAccessibleName(tr("Needs you: waiting agents"));
    m_needsYou->setModel(m_proxy);
    m_needsYou->setModelColumn(RosterModel::Name);
    m_needsYou->setUniformItemSizes(true);
    m_needsYou->setEditTriggers(QAbstractItemView::NoEditTriggers);
    connect(m_needsYou, &QListView::activated, this, [this](const QModelIndex &index) {
        emit agentActivated(index.data(RosterModel::IdRole).toString());
    });
    connect(m_needsYou, &QListView::clicked, this, [this](const QModelIndex &index) {
        emit agentActivated(index.data(RosterModel::IdRole).toString());
    });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(tiles);
    layout->addWidget(m_oldest);
    layout->addWidget(needsYouTitle);
    layout->addWidget(m_needsYou, 1);

    connect(roster, &RosterModel::countsChanged, this, &SignalsPane::handleCountsChanged);
    handleCountsChanged();
}

QLabel *SignalsPane::tile(const QString &objectName, const QString &caption, const QString &glyph,
                          const QColor &colour, QWidget **frame)
{
    auto *box = new QFrame(this);
    box->setFrameShape(QFrame::StyledPanel);
    box->setAutoFillBackground(true);
    box->setBackgroundRole(QPalette::Base);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(8, 4, 8, 4);
    auto *count = new QLabel(QStringLiteral("0"), box);
    count->setObjectName(objectName);
    QFont big = count->font();
    big.setPointSizeF(big.pointSizeF() * 1.8);
    big.setBold(true);
    count->setFont(big);
    count->setAccessibleName(tr("%1 agents").arg(caption));
    auto *label = new QLabel(box);
    // The glyph carries the colour; the caption stays in the palette's text colour.
    label->setText(QStringLiteral("<span style=\"color:%1\">%2</span> %3")
                       .arg(colour.name(), glyph, caption.toHtmlEscaped()));
    layout->addWidget(count);
    layout->addWidget(label);
    *frame = box;
    return count;
}

QString SignalsPane::tileText(const QString &objectName) const
{
    const auto *label = findChild<QLabel *>(objectName);
    return label ? label->text() : QString();
}

void SignalsPane::handleCountsChanged()
{
    const RosterModel::Counts counts = m_roster->counts();
    m_working->setText(QString::number(counts.working));
    m_waiting->setText(QString::number(counts.waiting));
    m_idle->setText(QString::number(counts.idle));
    m_offline->setText(QString::number(counts.offline));
    if (counts.oldestWaitingId.isEmpty()) {
        m_oldest->setText(tr("Nobody is waiting."));
        return;
    }
    const wire::Presence *p = m_roster->presenceById(counts.oldestWaitingId);
    const QString name = p && !p->card.name.isEmpty() ? p->card.name : counts.oldestWaitingId;
    const qint64 waited = QDateTime::currentMSecsSinceEpoch() - counts.oldestWaitingSinceMs;
    m_oldest->setText(tr("Oldest waiting: %1, for %2").arg(name, formatAge(waited)));
}

} // namespace cotal::ui
