/**
 * The Tencent Cloud sources of tasklens and their Guice module, which {@code TaskLens} finds with
 * {@link java.util.ServiceLoader}. Guice reads the module and JSON-B the wire records by
 * reflection, so those packages are open; the {@code internal} package is not exported.
 */
module dev.tasklens.tencent {
    requires transitive dev.tasklens.ports;
    requires transitive dev.tasklens.adapters;
    requires dev.tasklens.signing;
    requires transitive com.google.guice;

    exports dev.tasklens.tencent;
    exports dev.tasklens.tencent.cls;
    exports dev.tasklens.tencent.credentials;
    exports dev.tasklens.tencent.mps;

    opens dev.tasklens.tencent;
    opens dev.tasklens.tencent.internal;
    opens dev.tasklens.tencent.credentials;

    provides com.google.inject.Module with dev.tasklens.tencent.TencentModule;
}
