package dev.tasklens.huawei.ies;

import dev.tasklens.emulators.data.EmulatedTask;
import dev.tasklens.emulators.faults.FaultPlan;
import dev.tasklens.testkit.contract.ContractSubject;
import dev.tasklens.testkit.contract.TaskSourceContract;
import dev.tasklens.testkit.contract.Wiring;
import java.util.List;

/** MetaStudio SearchTask passes the provider contract suite over the JDK transport on loopback. */
class IesOverLoopbackContractTest extends TaskSourceContract {

    @Override
    protected ContractSubject subject(List<EmulatedTask> tasks, FaultPlan faults, Wiring wiring) {
        return IesContractTest.iesSubject(tasks, faults, wiring, true);
    }
}
