/**
 * The Huawei Cloud sources of tasklens and their Guice module, which {@code TaskLens} finds with
 * {@link java.util.ServiceLoader}. Guice reads the module and JSON-B the wire records by
 * reflection, so those packages are open; the {@code internal} package is not exported.
 */
module dev.tasklens.huawei {
    requires transitive dev.tasklens.ports;
    requires transitive dev.tasklens.adapters;
    requires dev.tasklens.signing;
    requires transitive com.google.guice;

    exports dev.tasklens.huawei;
    exports dev.tasklens.huawei.credentials;
    exports dev.tasklens.huawei.ies;
    exports dev.tasklens.huawei.koodrive;

    opens dev.tasklens.huawei;
    opens dev.tasklens.huawei.internal;
    opens dev.tasklens.huawei.credentials;

    provides com.google.inject.Module with dev.tasklens.huawei.HuaweiModule;
}
