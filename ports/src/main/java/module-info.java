/**
 * The ports of the hexagon: what the core needs from the outside (task sources, an HTTP
 * transport, credentials, resilience) and what it offers (listing tasks). The domain only.
 */
module dev.tasklens.ports {
    requires transitive dev.tasklens.domain;

    exports dev.tasklens.ports.credentials;
    exports dev.tasklens.ports.http;
    exports dev.tasklens.ports.listing;
    exports dev.tasklens.ports.reply;
    exports dev.tasklens.ports.resilience;
    exports dev.tasklens.ports.source;
}
