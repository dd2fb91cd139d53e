/**
 * The provider contract suite and the JUnit extension that starts emulators, for the tests of
 * those who add a provider; and a reverse proxy, with chaos if asked, to put in front of them. JUnit instantiates the suite's classes by reflection, so they are open.
 */
module dev.tasklens.testkit {
    requires transitive dev.tasklens.emulators;
    requires transitive org.junit.jupiter.api;
    requires transitive org.junit.jupiter.params;
    requires org.assertj.core;
    requires jdk.httpserver;

    exports dev.tasklens.testkit.contract;
    exports dev.tasklens.testkit.junit;
    exports dev.tasklens.testkit.proxy;
    opens dev.tasklens.testkit.contract;
    opens dev.tasklens.testkit.junit;
}
