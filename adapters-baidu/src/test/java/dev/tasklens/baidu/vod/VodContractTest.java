package dev.tasklens.baidu.vod;

import dev.tasklens.emulators.Emulator;
import dev.tasklens.emulators.baidu.VodApi;
import dev.tasklens.emulators.data.EmulatedTask;
import dev.tasklens.emulators.faults.FaultPlan;
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

/** Baidu VOD's task list passes the provider contract suite against its emulator, in memory. */
class VodContractTest extends TaskSourceContract {

    static final String ACCESS_KEY = "46bd9968a6194b4bbdf0341f2286ccce";
    static final String SECRET_KEY = "example-bce-secret";

    static ContractSubject vodSubject(List<EmulatedTask> tasks, FaultPlan faults, Wiring wiring, boolean sockets) {
        Emulator emulator = Emulator.start(new VodApi(tasks, Map.of(ACCESS_KEY, SECRET_KEY), wiring.clock()), faults);
        HttpTransport transport = sockets ? JdkHttpTransport.builder().requestTimeout(Duration.ofSeconds(5)).build()
                : emulator.inMemoryTransport(Duration.ofSeconds(5));
        VodTaskSource source = VodTaskSource.builder()
                .endpoint(URI.create(emulator.baseUri() + "/"))
                .credentials(CredentialsProvider.of(Credentials.of(ACCESS_KEY,
                        wiring.validCredentials() ? SECRET_KEY : "wrong-secret")))
                .transport(transport)
                .resilience(wiring.resilience())
                .clock(wiring.clock())
                .build();
        return ContractSubject.of(source, emulator, transport);
    }

    @Override
    protected ContractSubject subject(List<EmulatedTask> tasks, FaultPlan faults, Wiring wiring) {
        return vodSubject(tasks, faults, wiring, false);
    }
}
