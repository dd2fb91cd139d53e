package dev.tasklens.tencent.cls;

import dev.tasklens.ports.credentials.Credentials;
import dev.tasklens.ports.credentials.CredentialsProvider;
import dev.tasklens.ports.http.HttpTransport;
import dev.tasklens.testkit.contract.ContractSubject;
import dev.tasklens.testkit.contract.TaskSourceContract;
import dev.tasklens.testkit.contract.Wiring;
import dev.tasklens.emulators.data.EmulatedTask;
import dev.tasklens.emulators.Emulator;
import dev.tasklens.emulators.faults.FaultPlan;
import dev.tasklens.emulators.tencent.ClsApi;
import dev.tasklens.transport.jdk.JdkHttpTransport;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** CLS shipping tasks pass the provider contract suite against their emulator, in memory. */
class ClsContractTest extends TaskSourceContract {

    static final String SECRET_ID = "AKIDEXAMPLECLS0123456";
    static final String SECRET_KEY = "example-cls-secret";

    static ContractSubject clsSubject(List<EmulatedTask> tasks, FaultPlan faults, Wiring wiring, boolean sockets) {
        Emulator emulator = Emulator.start(new ClsApi(tasks, Map.of(SECRET_ID, SECRET_KEY), wiring.clock()), faults);
        HttpTransport transport = sockets ? JdkHttpTransport.builder().requestTimeout(Duration.ofSeconds(5)).build()
                : emulator.inMemoryTransport(Duration.ofSeconds(5));
        ClsTaskSource source = ClsTaskSource.builder()
                .endpoint(emulator.baseUri())
                .credentials(CredentialsProvider.of(Credentials.of(SECRET_ID,
                        wiring.validCredentials() ? SECRET_KEY : "wrong-secret")))
                .transport(transport)
                .resilience(wiring.resilience())
                .clock(wiring.clock())
                .build();
        return ContractSubject.of(source, emulator, transport).withScope("shipper_id", "shipper-1");
    }

    @Override
    protected ContractSubject subject(List<EmulatedTask> tasks, FaultPlan faults, Wiring wiring) {
        return clsSubject(tasks, faults, wiring, false);
    }
}
