package dev.tasklens.huawei.koodrive;

import dev.tasklens.emulators.Emulator;
import dev.tasklens.emulators.data.EmulatedTask;
import dev.tasklens.emulators.data.TaskCatalog;
import dev.tasklens.emulators.faults.FaultPlan;
import dev.tasklens.emulators.huawei.KooDriveApi;
import dev.tasklens.ports.http.HttpTransport;
import dev.tasklens.testkit.contract.ContractSubject;
import dev.tasklens.testkit.contract.TaskSourceContract;
import dev.tasklens.testkit.contract.Wiring;
import dev.tasklens.transport.jdk.JdkHttpTransport;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/** KooDrive's task list passes the provider contract suite against its emulator, in memory. */
class KooDriveContractTest extends TaskSourceContract {

    static final String TOKEN = "example-koodrive-access-token";
    static final String USER = "1234567890";

    static ContractSubject kooDriveSubject(List<EmulatedTask> tasks, FaultPlan faults, Wiring wiring,
            boolean sockets) {
        Emulator emulator = Emulator.start(new KooDriveApi(TaskCatalog.of(tasks), TOKEN, USER, wiring.clock()), faults);
        HttpTransport transport = sockets ? JdkHttpTransport.builder().requestTimeout(Duration.ofSeconds(5)).build()
                : emulator.inMemoryTransport(Duration.ofSeconds(5));
        KooDriveTaskSource source = KooDriveTaskSource.builder()
                .endpoint(URI.create(emulator.baseUri() + "/"))
                .credentials(wiring.validCredentials() ? TOKEN : "wrong-token", USER)
                .transport(transport)
                .resilience(wiring.resilience())
                .clock(wiring.clock())
                .build();
        return ContractSubject.of(source, emulator, transport);
    }

    @Override
    protected ContractSubject subject(List<EmulatedTask> tasks, FaultPlan faults, Wiring wiring) {
        return kooDriveSubject(tasks, faults, wiring, false);
    }
}
