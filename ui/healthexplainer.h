#pragma once

#include "core/space/deliveryhealth.h"
#include "core/wire/channelconfig.h"
#include "core/wire/memberrecord.h"
#include "ui/leasemodel.h"
#include "ui/membershipfeedmodel.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QMap>
#include <QStringList>

namespace cotal::ui {

// One statement about a channel's durable delivery, worded for the admin who must act on it.
struct HealthFinding
{
    enum class Severity
    {
        Ok,
        Info,
        Warning,
        Error,
    };

    Severity severity = Severity::Info;
    QString owner; // the member it is about; empty for the whole channel
    QString text;

    bool operator==(const HealthFinding &other) const = default;
};

struct ChannelHealth
{
    QString channel;
    wire::DeliveryClass deliveryClass = wire::DeliveryClass::Durable;
    HealthFinding::Severity worst = HealthFinding::Severity::Ok;
    QList<HealthFinding> findings;
};

// Cross-checks the lease, the durable memberships and presence per channel, on top of the
// per-member DeliveryHealth of delivery.md §10, and says why each degraded state is degraded.
class HealthExplainer final
{
    Q_DECLARE_TR_FUNCTIONS(cotal::ui::HealthExplainer)

public:
    struct Inputs
    {
        LeaseModel::LeaseStatus lease = LeaseModel::LeaseStatus::Absent;
        bool leaseReadFailed = false;
        ResponderStatus responder = ResponderStatus::Unknown;
        QList<wire::MembershipRecord> members;             // current records, tombstones too
        QMap<QString, wire::DeliveryClass> channelClasses; // effective class per channel
        QHash<QString, bool> online;                       // owner id → present and not offline
        QHash<QString, QString> names;                     // owner id → display name
        MembershipFeedModel::Freshness feed = MembershipFeedModel::Freshness::Absent;
        QHash<QString, QStringList> feedDurable; // agent id → the feed's durable arm
        qint64 now = 0;                          // epoch ms
    };

    // A pending activation older than this is stuck (a crash during catch-up), not in progress.
    static constexpr qint64 kStuckActivationMs = 60000;

    static QList<ChannelHealth> explain(const Inputs &inputs);
    static QString severityText(HealthFinding::Severity severity);
};

} // namespace cotal::ui
