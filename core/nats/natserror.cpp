#include "core/nats/natserror.h"

namespace cotal::nats {

QString NatsError::describe() const
{
    QString text = message;
    if (!operation.isEmpty() || !subject.isEmpty())
        text += QStringLiteral(" (%1 %2)").arg(operation, subject);
    if (apiErrorCode != 0)
        text += QStringLiteral(" [err_code %1]").arg(apiErrorCode);
    return text;
}

} // namespace cotal::nats
