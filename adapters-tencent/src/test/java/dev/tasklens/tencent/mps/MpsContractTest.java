package dev.tasklens.tencent.mps;

import dev.tasklens.ports.credentials.Credentials;
import dev.tasklens.ports.credentials.CredentialsProvider;
import dev.tasklens.ports.http.HttpTransport;
import dev.tasklens.testkit.contract.ContractSubject;
import dev.tasklens.testkit.contract.TaskSourceContract;
import dev.tasklens.testkit.contract.Wiring;
import dev.tasklens.emulators.data.EmulatedTask;
import dev.tasklens.emulators.Emulator;
import dev.tasklens.emulators.faults.FaultPlan;
import dev.tasklens.emulators.tencent.MpsApi;
import dev.tasklens.transport.jdk.JdkHttpTransport;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** MPS DescribeTasks passes the provider contract suite against its emulator, in memory. */
class MpsContractTest extends TaskSourceContract {

    static final String SECRET_ID = "AKIDEXAMPLE0123456789";
    static final String SECRET_KEY = "example-mps-secret";

    static ContractSubject mpsSubject(List<EmulatedTask> tasks, FaultPlan faults, Wiring wiring, boolean sockets) {
        Emulator emulator = Emulator.start(new MpsApi(tasks, Map.of(SECRET_ID, SECRET_KEY), wiring.clock()), faults);
        HttpTransport transport = sockets ? JdkHttpTransport.builder().requestTimeout(Duration.ofSeconds(5)).build()
                : emulator.inMemoryTransport(Duration.ofSeconds(5));
        MpsTaskSource source = MpsTaskSource.builder()
                .endpoint(URI.create(emulator.baseUri() + "/"))
                .credentials(CredentialsProvider.of(Credentials.of(SECRET_ID,
                        wiring.validCredentials() ? SECRET_KEY : "wrong-secret")))
                .transport(transport)
                .resilience(wiring.resilience())
                .build();
        return ContractSubject.of(source, emulator, transport);
    }

    @Override
    protected ContractSubject subject(List<EmulatedTask> tasks, FaultPlan faults, Wiring wiring) {
        return mpsSubject(tasks, faults, wiring, false);
    }
}
