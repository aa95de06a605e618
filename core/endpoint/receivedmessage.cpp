#include "core/endpoint/receivedmessage.h"

namespace cotal::endpoint {

QString Anomaly::reasonToken() const
{
    switch (reason) {
    case Reason::MalformedJson:
        return QStringLiteral("malformed-json");
    case Reason::SenderMismatch:
        return QStringLiteral("sender-mismatch");
    case Reason::MalformedSubject:
        return QStringLiteral("malformed-subject");
    case Reason::ForgedPresence:
        return QStringLiteral("forged-presence");
    }
    return QStringLiteral("unknown");
}

quint64 AnomalyCounters::count(Anomaly::Reason reason) const
{
    switch (reason) {
    case Anomaly::Reason::MalformedJson:
        return malformedJson;
    case Anomaly::Reason::SenderMismatch:
        return senderMismatch;
    case Anomaly::Reason::MalformedSubject:
        return malformedSubject;
    case Anomaly::Reason::ForgedPresence:
        return forgedPresence;
    }
    return 0;
}

} // namespace cotal::endpoint
