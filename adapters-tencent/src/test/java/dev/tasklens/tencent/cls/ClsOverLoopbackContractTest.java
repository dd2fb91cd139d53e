package dev.tasklens.tencent.cls;

import dev.tasklens.testkit.contract.ContractSubject;
import dev.tasklens.testkit.contract.TaskSourceContract;
import dev.tasklens.testkit.contract.Wiring;
import dev.tasklens.emulators.data.EmulatedTask;
import dev.tasklens.emulators.faults.FaultPlan;
import java.util.List;

/** CLS shipping tasks pass the provider contract suite over the JDK transport on loopback. */
class ClsOverLoopbackContractTest extends TaskSourceContract {

    @Override
    protected ContractSubject subject(List<EmulatedTask> tasks, FaultPlan faults, Wiring wiring) {
        return ClsContractTest.clsSubject(tasks, faults, wiring, true);
    }
}
