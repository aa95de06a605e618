#include "ui/agentdetailpane.h"

#include "core/wire/jsonwriter.h"
#include "ui/feedfilterproxy.h"
#include "ui/feedmodel.h"
#include "ui/presencestyle.h"
#include "ui/rostermodel.h"

#include <QDateTime>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace cotal::ui {

namespace {

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

QString row(const QString &label, const QString &valueHtml)
{
    return QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>").arg(esc(label), valueHtml);
}

QString jsonText(const wire::JsonValue &value)
{
    return QString::fromUtf8(wire::toJsonText(value));
}

} // namespace

AgentDetailPane::AgentDetailPane(RosterModel *roster, FeedModel *feed, QWidget *parent)
    : QWidget(parent)
    , m_roster(roster)
    , m_messages(new FeedFilterProxy(this))
{
    setObjectName(QStringLiteral("agentDetailPane"));
    m_messages->setSourceModel(feed);
    m_messages->setSenders({QStringLiteral("\n")}); // nobody until an agent is chosen

    m_card = new QTextBrowser(this);
    m_card->setObjectName(QStringLiteral("agentCard"));
    m_card->setAccessibleName(tr("Agent card"));
    m_card->setOpenLinks(false);
    m_card->setPlaceholderText(tr("Select an agent in the roster."));

    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("agentMessages"));
    m_view->setAccessibleName(tr("Last messages of the agent"));
    m_view->setModel(m_messages);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->setShowGrid(false);
    m_view->setWordWrap(false);
    m_view->hideColumn(FeedModel::Sender);
    m_view->horizontalHeader()->setSectionResizeMode(FeedModel::Text, QHeaderView::Stretch);
    connect(m_messages, &QAbstractItemModel::rowsInserted, m_view, &QTableView::scrollToBottom);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_card);
    auto *messagesBox = new QWidget(this);
    auto *messagesLayout = new QVBoxLayout(messagesBox);
    messagesLayout->setContentsMargins(0, 0, 0, 0);
    messagesLayout->addWidget(new QLabel(tr("Last messages"), messagesBox));
    messagesLayout->addWidget(m_view);
    splitter->addWidget(messagesBox);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    connect(roster, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                const int row = m_roster->rowOf(m_id);
                if (row < topLeft.row() || row > bottomRight.row())
                    return;
                // The age column ticks every second; only a real change or a new record (a
                // heartbeat: "Last record") re-renders.
                const wire::Presence *p = m_roster->presenceById(m_id);
                if (topLeft.column() != RosterModel::HeartbeatAge || (p && p->ts != m_renderedTs))
                    render();
            });
    connect(roster, &QAbstractItemModel::modelReset, this, &AgentDetailPane::render);
}

void AgentDetailPane::showAgent(const QString &id)
{
    m_id = id;
    m_messages->setSenders({id});
    render();
}

QString AgentDetailPane::cardText() const
{
    return m_card->toPlainText();
}

void AgentDetailPane::render()
{
    const wire::Presence *p = m_roster->presenceById(m_id);
    if (!p) {
        m_renderedTs = 0;
        m_card->setHtml(QString());
        return;
    }
    m_renderedTs = p->ts;
    const wire::AgentCard &card = p->card;
    QString html =
        QStringLiteral("<h3><span style=\"color:%1\">%2</span> %3</h3><table cellspacing=4>")
            .arg(PresenceStyle::colour(p->status).name(), PresenceStyle::glyph(p->status),
                 esc(card.name.isEmpty() ? card.id : card.name));
    html += row(tr("Id"), esc(card.id));
    html += row(tr("Kind"), card.kind == wire::AgentKind::Agent ? tr("agent") : tr("endpoint"));
    html += row(tr("Status"), esc(PresenceStyle::label(p->status)));
    if (p->activity && !p->activity->isEmpty())
        html += row(tr("Activity"), esc(*p->activity));
    if (card.role)
        html += row(tr("Role", "agent role"), esc(*card.role));
    if (card.description)
        html += row(tr("Description"), esc(*card.description));
    if (card.tags && !card.tags->isEmpty())
        html += row(tr("Tags"), esc(card.tags->join(QStringLiteral(", "))));
    if (card.skills && !card.skills->isEmpty()) {
        QStringList skills;
        for (const wire::AgentSkill &skill : *card.skills) {
            QString line = esc(skill.name.isEmpty() ? skill.id : skill.name);
            if (skill.description)
                line += QStringLiteral(" — ") + esc(*skill.description);
            skills.append(line);
        }
        html += row(tr("Skills"), skills.join(QStringLiteral("<br>")));
    }
    const wire::JsonObject meta = card.meta.value_or(wire::JsonObject());
    for (const wire::JsonMember &member : meta.members())
        html +=
            row(tr("meta.%1").arg(member.key),
                esc(member.value.isString() ? member.value.toString() : jsonText(member.value)));
    if (p->attention) {
        const QString attention = wire::attentionToken(*p->attention);
        html += row(tr("Attention"), esc(attention));
    }
    if (!p->channelModes.isEmpty()) {
        QStringList modes;
        for (const wire::ChannelModeEntry &entry : p->channelModes)
            modes.append(esc(
                QStringLiteral("#%1: %2").arg(entry.channel, wire::channelModeToken(entry.mode))));
        html += row(tr("Channel modes"), modes.join(QStringLiteral("<br>")));
    }
    if (card.protocolVersion)
        html += row(tr("Protocol"), esc(*card.protocolVersion));
    html +=
        row(tr("Last record"),
            esc(QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(p->ts)).toString(Qt::ISODate)));
    html += QStringLiteral("</table>");
    m_card->setHtml(html);
}

} // namespace cotal::ui
