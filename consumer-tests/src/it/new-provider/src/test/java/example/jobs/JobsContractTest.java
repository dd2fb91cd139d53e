package example.jobs;

import dev.tasklens.emulators.Emulator;
import dev.tasklens.emulators.data.EmulatedTask;
import dev.tasklens.emulators.faults.FaultPlan;
import dev.tasklens.ports.http.HttpTransport;
import dev.tasklens.testkit.contract.ContractSubject;
import dev.tasklens.testkit.contract.TaskSourceContract;
import dev.tasklens.testkit.contract.Wiring;
import java.time.Duration;
import java.util.List;

/** The ACME source passes the provider contract suite against its emulator. */
class JobsContractTest extends TaskSourceContract {

    @Override
    protected ContractSubject subject(List<EmulatedTask> tasks, FaultPlan faults, Wiring wiring) {
        Emulator emulator = Emulator.start(new JobsApi(tasks, "good-token"), faults);
        HttpTransport transport = emulator.inMemoryTransport(Duration.ofSeconds(5));
        JobsTaskSource source = new JobsTaskSource(emulator.baseUri(),
                wiring.validCredentials() ? "good-token" : "stolen-token", transport, wiring.resilience());
        return ContractSubject.of(source, emulator, transport);
    }
}
