package dev.tasklens.baidu.vod;

import dev.tasklens.emulators.data.EmulatedTask;
import dev.tasklens.emulators.faults.FaultPlan;
import dev.tasklens.testkit.contract.ContractSubject;
import dev.tasklens.testkit.contract.TaskSourceContract;
import dev.tasklens.testkit.contract.Wiring;
import java.util.List;

/** Baidu VOD's task list passes the provider contract suite over the JDK transport on loopback. */
class VodOverLoopbackContractTest extends TaskSourceContract {

    @Override
    protected ContractSubject subject(List<EmulatedTask> tasks, FaultPlan faults, Wiring wiring) {
        return VodContractTest.vodSubject(tasks, faults, wiring, true);
    }
}
