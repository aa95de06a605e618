#include "ui/composebar.h"

#include "ui/consolesession.h"
#include "ui/mentionedit.h"
#include "ui/rostermodel.h"
#include "ui/statustone.h"

#include <QComboBox>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QSet>

namespace cotal::ui {

ComposeBar::ComposeBar(ConsoleSession *session, RosterModel *roster, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_roster(roster)
{
    setObjectName(QStringLiteral("composeBar"));
    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("composeKind"));
    m_kind->setAccessibleName(tr("Send to"));
    m_kind->addItem(tr("Channel"), int(TargetKind::Channel));
    m_kind->addItem(tr("Peer (DM)"), int(TargetKind::Peer));
    m_kind->addItem(tr("Role (anycast)"), int(TargetKind::Role));
    m_target = new QComboBox(this);
    m_target->setObjectName(QStringLiteral("composeTarget"));
    m_target->setAccessibleName(tr("Target"));
    m_target->setEditable(true);
    m_target->setMinimumContentsLength(14);
    m_text = new MentionEdit(this);
    m_text->setFixedHeight(m_text->fontMetrics().height() * 3 + 12);
    m_send = new QPushButton(tr("&Send"), this);
    m_send->setObjectName(QStringLiteral("composeSend"));
    m_send->setAccessibleName(tr("Send message"));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("composeStatus"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_status->setAccessibleName(tr("Send result"));

    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_kind, 0, 0);
    layout->addWidget(m_target, 1, 0);
    layout->addWidget(m_text, 0, 1, 2, 1);
    layout->addWidget(m_send, 0, 2, 2, 1);
    layout->addWidget(m_status, 2, 0, 1, 3);
    layout->setColumnStretch(1, 1);

    connect(m_send, &QPushButton::clicked, this, &ComposeBar::send);
    connect(m_text, &MentionEdit::submitted, this, &ComposeBar::send);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &ComposeBar::handleKindChanged);
    connect(roster, &RosterModel::countsChanged, this, &ComposeBar::handleRosterChanged);
    handleKindChanged();
}

void ComposeBar::setChannels(const QStringList &channels)
{
    m_channels = channels;
    if (TargetKind(m_kind->currentData().toInt()) == TargetKind::Channel)
        handleKindChanged();
}

void ComposeBar::setTarget(TargetKind kind, const QString &target)
{
    m_kind->setCurrentIndex(m_kind->findData(int(kind)));
    m_target->setCurrentText(target);
}

QString ComposeBar::statusText() const
{
    return m_status->text();
}

void ComposeBar::handleRosterChanged()
{
    QStringList names;
    for (int row = 0; row < m_roster->rowCount(); ++row) {
        const wire::Presence *p = m_roster->presence(row);
        if (!p->card.name.isEmpty() && !names.contains(p->card.name))
            names.append(p->card.name);
    }
    names.sort(Qt::CaseInsensitive);
    m_text->setNames(names);
    if (TargetKind(m_kind->currentData().toInt()) != TargetKind::Channel)
        handleKindChanged();
}

void ComposeBar::handleKindChanged()
{
    const QString current = m_target->currentText();
    m_target->clear();
    switch (TargetKind(m_kind->currentData().toInt())) {
    case TargetKind::Channel:
        m_target->addItems(m_channels);
        break;
    case TargetKind::Peer:
        for (int row = 0; row < m_roster->rowCount(); ++row) {
            const wire::Presence *p = m_roster->presence(row);
            m_target->addItem(p->card.name.isEmpty() ? p->card.id : p->card.name, p->card.id);
        }
        break;
    case TargetKind::Role: {
        QStringList roles;
        for (int row = 0; row < m_roster->rowCount(); ++row) {
            const wire::Presence *p = m_roster->presence(row);
            if (p->card.role && !roles.contains(*p->card.role))
                roles.append(*p->card.role);
        }
        roles.sort();
        m_target->addItems(roles);
        break;
    }
    }
    const int index = m_target->findText(current);
    if (index >= 0)
        m_target->setCurrentIndex(index);
}

void ComposeBar::setSendAllowed(bool allowed, const QString &reason)
{
    m_text->setEnabled(allowed);
    m_send->setEnabled(allowed);
    m_text->setToolTip(allowed ? QString() : reason);
    showStatus(allowed ? QString() : reason, !allowed);
}

void ComposeBar::showStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_status->setToolTip({});
    setStatusTone(m_status, error);
}

void ComposeBar::send()
{
    const QString text = m_text->toPlainText().trimmed();
    const QString target = m_target->currentText().trimmed();
    if (text.isEmpty())
        return;
    if (target.isEmpty()) {
        showStatus(tr("Choose where to send it."), true);
        return;
    }
    QFuture<endpoint::SendResult> sent;
    const auto kind = TargetKind(m_kind->currentData().toInt());
    switch (kind) {
    case TargetKind::Channel:
        sent = m_session->sendToChannel(target, text, m_text->mentions());
        break;
    case TargetKind::Peer: {
        // The combo shows names; a typed id is used as is.
        const int index = m_target->findText(target);
        const QString id = index >= 0 ? m_target->itemData(index).toString() : target;
        sent = m_session->sendDirect(id.isEmpty() ? target : id, text);
        break;
    }
    case TargetKind::Role:
        sent = m_session->sendToRole(target, text);
        break;
    }
    m_send->setEnabled(false);
    showStatus(tr("Sending…"), false);
    sent.then(this, [this, target](const endpoint::SendResult &result) {
        m_send->setEnabled(true);
        if (result.ok()) {
            m_text->clear();
            showStatus(tr("Sent to %1 (stream sequence %2).").arg(target).arg(result.ack.sequence),
                       false);
            return;
        }
        switch (result.error.kind) {
        case nats::NatsErrorKind::PermissionDenied:
            showStatus(tr("Permission denied: this credential may not publish to %1. Nothing was "
                          "sent.")
                           .arg(result.error.subject.isEmpty() ? target : result.error.subject),
                       true);
            return;
        case nats::NatsErrorKind::NoResponders:
            showStatus(tr("No responders: no stream stores %1 — is the space provisioned? Nothing "
                          "was sent.")
                           .arg(result.subject.isEmpty() ? target : result.subject),
                       true);
            return;
        case nats::NatsErrorKind::Timeout:
            // A subscriber on the subject (the console's own tap, an agent) hides "no
            // responders": silence is what a space without streams looks like.
            showStatus(tr("Not sent: no stream acknowledged it in time — is the space "
                          "provisioned?"),
                       true);
            m_status->setToolTip(result.error.describe());
            return;
        default:
            showStatus(tr("Not sent: %1").arg(result.error.describe()), true);
            return;
        }
    });
}

} // namespace cotal::ui
