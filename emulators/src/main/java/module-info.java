/**
 * The provider side of the wire: the emulator engine, fault plans, seeded task data, one emulator
 * per provider API, and the sandbox. Serves HTTP with the JDK's {@code com.sun.net.httpserver}.
 */
module dev.tasklens.emulators {
    requires transitive dev.tasklens.ports;
    requires dev.tasklens.signing;
    requires jakarta.json;
    requires jdk.httpserver;

    exports dev.tasklens.emulators;
    exports dev.tasklens.emulators.baidu;
    exports dev.tasklens.emulators.data;
    exports dev.tasklens.emulators.faults;
    exports dev.tasklens.emulators.huawei;
    exports dev.tasklens.emulators.sandbox;
    exports dev.tasklens.emulators.tencent;
}
