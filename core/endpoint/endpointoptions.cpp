#include "core/endpoint/endpointoptions.h"

namespace cotal::endpoint {

EndpointOptions EndpointOptions::agent(nats::ConnectionOptions connection, QString space,
                                       wire::AgentCard card, QStringList channels)
{
    EndpointOptions options;
    options.connection = std::move(connection);
    options.space = std::move(space);
    options.card = std::move(card);
    options.channels = std::move(channels);
    return options;
}

EndpointOptions EndpointOptions::observer(nats::ConnectionOptions connection, QString space)
{
    EndpointOptions options;
    options.connection = std::move(connection);
    options.space = std::move(space);
    options.card.name = QStringLiteral("cotal-console");
    options.card.kind = wire::AgentKind::Endpoint;
    options.channels.clear();
    options.registerPresence = false;
    options.consume = false;
    return options;
}

EndpointOptions EndpointOptions::adminConsole(nats::ConnectionOptions connection, QString space)
{
    EndpointOptions options = observer(std::move(connection), std::move(space));
    options.observeAll = true;
    return options;
}

} // namespace cotal::endpoint
