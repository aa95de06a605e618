#include "core/delivery/daemoncredentials.h"

#include <QFile>

namespace cotal::delivery {

wire::Result<wire::UserCreds> readUserCreds(const nats::ConnectionOptions &connection)
{
    QByteArray text = connection.credsText;
    if (text.isEmpty()) {
        QFile file(connection.credsFile);
        if (!file.open(QIODevice::ReadOnly))
            return wire::wireError(
                wire::WireErrorCode::InvalidField,
                QStringLiteral("cannot read the credentials %1").arg(connection.credsFile));
        text = file.readAll();
    }
    wire::Result<wire::UserCreds> creds = wire::parseCreds(text);
    text.fill('\0');
    return creds;
}

} // namespace cotal::delivery
