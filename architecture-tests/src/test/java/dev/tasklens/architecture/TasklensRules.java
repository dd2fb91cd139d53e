package dev.tasklens.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.onionArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.util.List;
import java.util.Optional;

/**
 * The boundaries of DESIGN.md as ArchUnit rules. Each says why it exists, so a failure explains
 * itself. Rules about modules that do not exist yet allow an empty match: they start to bite the
 * day the module appears.
 */
final class TasklensRules {

    static final String ROOT = "dev.tasklens";
    /** The provider adapters, one top-level package each (DESIGN.md: adapters-tencent, -huawei, -baidu). */
    static final List<String> ADAPTERS = List.of("tencent", "huawei", "baidu");
    /** What an adapter must never see: the composition roots and the transport implementations. */
    static final List<String> DRIVERS_AND_TRANSPORTS = List.of("client", "cli", "transport");

    private TasklensRules() {
    }

    static final ArchRule DOMAIN_DEPENDS_ONLY_ON_THE_JDK = classes()
            .that().resideInAPackage("dev.tasklens.domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax.crypto..",
                    "dev.tasklens.domain..")
            .because("the domain is the pure language of tasks: no I/O, no framework, nothing a user would"
                    + " have to carry along (the JDK's javax.crypto signs resume tokens)");

    static final ArchRule SIGNING_DEPENDS_ONLY_ON_THE_JDK = classes()
            .that().resideInAPackage("dev.tasklens.signing..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax.crypto..", "dev.tasklens.signing..")
            .because("signing is published to be reused alone: it may need nothing but the JDK, not even the"
                    + " tasklens domain")
            .allowEmptyShould(true);

    static final ArchRule PORTS_DEPEND_ONLY_ON_THE_DOMAIN = classes()
            .that().resideInAPackage("dev.tasklens.ports..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.tasklens.domain..",
                    "dev.tasklens.ports..")
            .because("ports are the contract between the core and its adapters; they may speak only the"
                    + " domain's language");

    static final ArchRule HEXAGON = onionArchitecture()
            .domainModels("dev.tasklens.domain")
            .domainServices("dev.tasklens.domain.paging..", "dev.tasklens.domain.watch..")
            .applicationServices("dev.tasklens.ports..")
            .adapter("tencent", "dev.tasklens.tencent..")
            .adapter("huawei", "dev.tasklens.huawei..")
            .adapter("baidu", "dev.tasklens.baidu..")
            .adapter("transport", "dev.tasklens.transport..")
            .adapter("adapter support", "dev.tasklens.adapters..")
            .adapter("emulators", "dev.tasklens.emulators..")
            .adapter("testkit", "dev.tasklens.testkit..")
            .withOptionalLayers(true)
            // The composition roots see everything by design: they wire the hexagon together.
            .ignoreDependency(JavaClass.Predicates.resideInAnyPackage("dev.tasklens.client..", "dev.tasklens.cli.."),
                    DescribedPredicate.alwaysTrue())
            // The contract suite runs against the emulators by design (DESIGN.md: testkit sits on emulators).
            .ignoreDependency(JavaClass.Predicates.resideInAPackage("dev.tasklens.testkit.."),
                    JavaClass.Predicates.resideInAPackage("dev.tasklens.emulators.."))
            // Every adapter builds on the shared adapter support; it knows no adapter itself.
            .ignoreDependency(JavaClass.Predicates.resideInAnyPackage(packagesOf(ADAPTERS)),
                    JavaClass.Predicates.resideInAPackage("dev.tasklens.adapters.."))
            .because("the core never knows its adapters, and one provider's adapter never knows another's:"
                    + " that is what lets a user add a provider without touching the others");

    static final ArchRule NO_ADAPTER_DEPENDS_ON_A_DRIVER_OR_A_TRANSPORT = noClasses()
            .that().resideInAnyPackage(packagesOf(ADAPTERS))
            .should().dependOnClassesThat().resideInAnyPackage(packagesOf(DRIVERS_AND_TRANSPORTS))
            .because("an adapter talks HTTP through the HttpTransport port and is wired by the client; it must"
                    + " work with any transport and under any composition root")
            .allowEmptyShould(true);

    static final ArchRule EMULATORS_ARE_WRITTEN_FROM_THE_DOCUMENTS = noClasses()
            .that().resideInAPackage("dev.tasklens.emulators..")
            .should().dependOnClassesThat().resideInAnyPackage(packagesOf(List.of("tencent", "huawei", "baidu",
                    "client", "cli", "testkit")))
            .because("an emulator is the provider's side of the wire, written from the provider's document: an"
                    + " emulator that reads our adapter shares its misunderstandings and passes every test"
                    + " against an API that does not exist");

    static final ArchRule JSON_B_AND_GUICE_ONLY_IN_ADAPTERS_CLIENT_AND_CLI = noClasses()
            .that().resideInAPackage("dev.tasklens..")
            .and().resideOutsideOfPackages(packagesOf(List.of("adapters", "tencent", "huawei", "baidu", "client",
                    "cli")))
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.json.bind..", "org.eclipse.yasson..",
                    "com.google.inject..")
            .because("frameworks stay at the edges: a user of the domain, the ports or signing must not be"
                    + " forced to carry JSON-B or Guice");

    static final ArchRule NOTHING_OUTSIDE_THE_CLI_WRITES_TO_STANDARD_STREAMS = noClasses()
            .that().resideInAPackage("dev.tasklens..")
            .and().resideOutsideOfPackage("dev.tasklens.cli..")
            .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
            .because("a library that prints corrupts its users' output; only the CLI owns the terminal");

    static final ArchRule NO_MODULE_USES_ANOTHER_MODULES_INTERNALS = noClasses()
            .that().resideInAPackage("dev.tasklens..")
            .should(useAnotherModulesInternalPackage())
            .because("'internal' packages are not API: another module that uses them breaks on any refactoring");

    static final ArchRule NO_PACKAGE_CYCLES = slices()
            .matching("dev.tasklens.(**)")
            .should().beFreeOfCycles()
            .because("packages in a cycle cannot be understood, tested or published apart");

    static final List<ArchRule> ALL = List.of(DOMAIN_DEPENDS_ONLY_ON_THE_JDK, SIGNING_DEPENDS_ONLY_ON_THE_JDK,
            PORTS_DEPEND_ONLY_ON_THE_DOMAIN, HEXAGON, NO_ADAPTER_DEPENDS_ON_A_DRIVER_OR_A_TRANSPORT,
            EMULATORS_ARE_WRITTEN_FROM_THE_DOCUMENTS,
            JSON_B_AND_GUICE_ONLY_IN_ADAPTERS_CLIENT_AND_CLI, NOTHING_OUTSIDE_THE_CLI_WRITES_TO_STANDARD_STREAMS,
            NO_MODULE_USES_ANOTHER_MODULES_INTERNALS, NO_PACKAGE_CYCLES);

    private static String[] packagesOf(List<String> modules) {
        return modules.stream().map(module -> ROOT + "." + module + "..").toArray(String[]::new);
    }

    /** The module a package belongs to: the first name below dev.tasklens. */
    static Optional<String> moduleOf(String packageName) {
        if (!packageName.startsWith(ROOT + ".")) {
            return Optional.empty();
        }
        String rest = packageName.substring(ROOT.length() + 1);
        int dot = rest.indexOf('.');
        return Optional.of(dot < 0 ? rest : rest.substring(0, dot));
    }

    private static boolean isInternal(String packageName) {
        return packageName.contains(".internal.") || packageName.endsWith(".internal");
    }

    private static ArchCondition<JavaClass> useAnotherModulesInternalPackage() {
        return new ArchCondition<>("use an internal package of another module") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                Optional<String> own = moduleOf(origin.getPackageName());
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    String target = dependency.getTargetClass().getPackageName();
                    Optional<String> targetModule = moduleOf(target);
                    if (isInternal(target) && targetModule.isPresent() && !targetModule.equals(own)) {
                        events.add(SimpleConditionEvent.satisfied(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }
}
