/**
 * {@code TaskLens}: the adapters found with {@link java.util.ServiceLoader} (each provides a Guice
 * module), the JDK transport and the defaults.
 */
module dev.tasklens.client {
    requires transitive dev.tasklens.ports;
    requires transitive com.google.guice;
    requires dev.tasklens.transport.jdk;

    exports dev.tasklens.client;
    opens dev.tasklens.client to com.google.guice;

    uses com.google.inject.Module;
}
