package dev.tasklens.huawei.ies;

import dev.tasklens.emulators.Emulator;
import dev.tasklens.emulators.data.EmulatedTask;
import dev.tasklens.emulators.data.TaskCatalog;
import dev.tasklens.emulators.faults.FaultPlan;
import dev.tasklens.emulators.huawei.IesApi;
import dev.tasklens.ports.credentials.Credentials;
import dev.tasklens.ports.credentials.CredentialsProvider;
import dev.tasklens.ports.http.HttpTransport;
import dev.tasklens.testkit.contract.ContractSubject;
import dev.tasklens.testkit.contract.TaskSourceContract;
import dev.tasklens.testkit.contract.Wiring;
import dev.tasklens.transport.jdk.JdkHttpTransport;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** MetaStudio SearchTask passes the provider contract suite against its emulator, in memory. */
class IesContractTest extends TaskSourceContract {

    static final String AK = "HPUAEXAMPLE0123456789";
    static final String SK = "example-huawei-secret";
    static final String PROJECT = "0a1b2c3d4e5f40718293a4b5c6d7e8f9";

    static ContractSubject iesSubject(List<EmulatedTask> tasks, FaultPlan faults, Wiring wiring, boolean sockets) {
        Emulator emulator = Emulator.start(new IesApi(TaskCatalog.of(tasks), PROJECT, Map.of(AK, SK), Optional.empty(),
                wiring.clock()), faults);
        HttpTransport transport = sockets ? JdkHttpTransport.builder().requestTimeout(Duration.ofSeconds(5)).build()
                : emulator.inMemoryTransport(Duration.ofSeconds(5));
        IesTaskSource source = IesTaskSource.builder()
                .endpoint(URI.create(emulator.baseUri() + "/"))
                .credentials(CredentialsProvider.of(Credentials.of(AK, wiring.validCredentials() ? SK : "wrong")))
                .projectId(PROJECT)
                .transport(transport)
                .resilience(wiring.resilience())
                .clock(wiring.clock())
                .build();
        return ContractSubject.of(source, emulator, transport);
    }

    @Override
    protected ContractSubject subject(List<EmulatedTask> tasks, FaultPlan faults, Wiring wiring) {
        return iesSubject(tasks, faults, wiring, false);
    }
}
