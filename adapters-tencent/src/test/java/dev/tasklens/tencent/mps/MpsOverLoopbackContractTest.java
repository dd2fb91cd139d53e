package dev.tasklens.tencent.mps;

import dev.tasklens.testkit.contract.ContractSubject;
import dev.tasklens.testkit.contract.TaskSourceContract;
import dev.tasklens.testkit.contract.Wiring;
import dev.tasklens.emulators.data.EmulatedTask;
import dev.tasklens.emulators.faults.FaultPlan;
import java.util.List;

/** MPS DescribeTasks passes the provider contract suite over the JDK transport on loopback. */
class MpsOverLoopbackContractTest extends TaskSourceContract {

    @Override
    protected ContractSubject subject(List<EmulatedTask> tasks, FaultPlan faults, Wiring wiring) {
        return MpsContractTest.mpsSubject(tasks, faults, wiring, true);
    }
}
