package dev.tasklens.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.tasklens.domain.archfixture.DomainPrinting;
import dev.tasklens.domain.archfixture.DomainUsingALibrary;
import dev.tasklens.domain.archfixture.DomainUsingAPort;
import dev.tasklens.domain.archfixture.cyclea.A;
import dev.tasklens.domain.archfixture.cycleb.B;
import dev.tasklens.emulators.archfixture.EmulatorReadingAnAdapter;
import dev.tasklens.huawei.archfixture.HuaweiThing;
import dev.tasklens.ports.archfixture.PortUsingAnAdapter;
import dev.tasklens.ports.archfixture.PortUsingGuice;
import dev.tasklens.ports.archfixture.PortUsingJsonb;
import dev.tasklens.ports.archfixture.PortUsingTransportInternals;
import dev.tasklens.signing.archfixture.SigningUsingTheDomain;
import dev.tasklens.tencent.archfixture.TencentUsingHuawei;
import dev.tasklens.tencent.archfixture.TencentUsingTheClient;
import dev.tasklens.transport.internal.TransportDetail;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The real code keeps every rule; each rule, run on a deliberately wrong fixture, fails, so no
 * rule can pass only because it matches nothing.
 */
class ArchitectureRulesTest {

    private static JavaClasses mainCode;

    @BeforeAll
    static void importMainCode() {
        mainCode = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(TasklensRules.ROOT);
    }

    @Test
    void theImportSeesEveryModuleUnderTest() {
        assertThat(mainCode.contain(dev.tasklens.domain.Task.class)).isTrue();
        assertThat(mainCode.contain(dev.tasklens.domain.paging.Pager.class)).isTrue();
        assertThat(mainCode.contain(dev.tasklens.ports.source.TaskSource.class)).isTrue();
        assertThat(mainCode.contain(dev.tasklens.signing.tc3.Tc3Signer.class)).isTrue();
        assertThat(mainCode.contain(dev.tasklens.transport.jdk.JdkHttpTransport.class)).isTrue();
        assertThat(mainCode.contain(dev.tasklens.emulators.Emulator.class)).isTrue();
        assertThat(mainCode.contain(dev.tasklens.testkit.contract.TaskSourceContract.class)).isTrue();
        assertThat(mainCode.contain(dev.tasklens.tencent.mps.MpsTaskSource.class)).isTrue();
        assertThat(mainCode.contain(dev.tasklens.client.TaskLens.class)).isTrue();
        assertThat(mainCode.contain(dev.tasklens.cli.Main.class)).isTrue();
        assertThat(mainCode.contain(DomainPrinting.class)).as("fixtures are test code").isFalse();
    }

    @TestFactory
    Stream<DynamicTest> theMainCodeKeepsEveryRule() {
        return TasklensRules.ALL.stream().map(rule -> DynamicTest.dynamicTest(rule.getDescription(),
                () -> rule.check(mainCode)));
    }

    @Nested
    class EachRuleCatchesAViolation {

        private void assertFails(ArchRule rule, Class<?>... fixture) {
            EvaluationResult result = rule.evaluate(new ClassFileImporter().importClasses(fixture));
            assertThat(result.hasViolation()).as("rule '%s' must fail on %s", rule.getDescription(),
                    java.util.Arrays.toString(fixture)).isTrue();
            assertThat(result.getFailureReport().toString()).contains("because");
        }

        @Test
        void domainUsingALibrary() {
            assertFails(TasklensRules.DOMAIN_DEPENDS_ONLY_ON_THE_JDK, DomainUsingALibrary.class);
        }

        @Test
        void signingUsingTheDomain() {
            assertFails(TasklensRules.SIGNING_DEPENDS_ONLY_ON_THE_JDK, SigningUsingTheDomain.class);
        }

        @Test
        void portUsingJsonb() {
            assertFails(TasklensRules.PORTS_DEPEND_ONLY_ON_THE_DOMAIN, PortUsingJsonb.class);
        }

        @Test
        void domainUsingAPort() {
            assertFails(TasklensRules.HEXAGON, DomainUsingAPort.class, dev.tasklens.ports.http.HttpTransport.class);
        }

        @Test
        void portUsingAnAdapter() {
            assertFails(TasklensRules.HEXAGON, PortUsingAnAdapter.class, HuaweiThing.class);
        }

        @Test
        void adapterUsingAnotherAdapter() {
            assertFails(TasklensRules.HEXAGON, TencentUsingHuawei.class, HuaweiThing.class);
        }

        @Test
        void adapterUsingTheClient() {
            assertFails(TasklensRules.NO_ADAPTER_DEPENDS_ON_A_DRIVER_OR_A_TRANSPORT, TencentUsingTheClient.class);
        }

        @Test
        void emulatorReadingAnAdapter() {
            assertFails(TasklensRules.EMULATORS_ARE_WRITTEN_FROM_THE_DOCUMENTS, EmulatorReadingAnAdapter.class);
        }

        @Test
        void portUsingJsonbOrGuice() {
            assertFails(TasklensRules.JSON_B_AND_GUICE_ONLY_IN_ADAPTERS_CLIENT_AND_CLI, PortUsingJsonb.class);
            assertFails(TasklensRules.JSON_B_AND_GUICE_ONLY_IN_ADAPTERS_CLIENT_AND_CLI, PortUsingGuice.class);
        }

        @Test
        void domainPrinting() {
            assertFails(TasklensRules.NOTHING_OUTSIDE_THE_CLI_WRITES_TO_STANDARD_STREAMS, DomainPrinting.class);
        }

        @Test
        void portUsingTransportInternals() {
            assertFails(TasklensRules.NO_MODULE_USES_ANOTHER_MODULES_INTERNALS, PortUsingTransportInternals.class,
                    TransportDetail.class);
        }

        @Test
        void packagesInACycle() {
            assertFails(TasklensRules.NO_PACKAGE_CYCLES, A.class, B.class);
        }
    }
}
