/**
 * What every adapter needs: signed requests, the source builder, JSON-B replies read into records,
 * and the strict deserializers JSON-B instantiates by reflection (hence the package is open).
 */
module dev.tasklens.adapters {
    requires transitive dev.tasklens.ports;
    requires transitive dev.tasklens.signing;
    requires transitive jakarta.json.bind;
    requires transitive jakarta.json;

    exports dev.tasklens.adapters;
    exports dev.tasklens.adapters.credentials;
    opens dev.tasklens.adapters;
}
