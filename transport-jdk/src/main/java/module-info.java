/** The default HTTP transport of tasklens, on {@code java.net.http}. */
module dev.tasklens.transport.jdk {
    requires transitive dev.tasklens.ports;
    requires java.net.http;

    exports dev.tasklens.transport.jdk;
}
