package dev.tasklens.huawei.koodrive;

import dev.tasklens.emulators.data.EmulatedTask;
import dev.tasklens.emulators.faults.FaultPlan;
import dev.tasklens.testkit.contract.ContractSubject;
import dev.tasklens.testkit.contract.TaskSourceContract;
import dev.tasklens.testkit.contract.Wiring;
import java.util.List;

/** KooDrive's task list passes the provider contract suite over the JDK transport on loopback. */
class KooDriveOverLoopbackContractTest extends TaskSourceContract {

    @Override
    protected ContractSubject subject(List<EmulatedTask> tasks, FaultPlan faults, Wiring wiring) {
        return KooDriveContractTest.kooDriveSubject(tasks, faults, wiring, true);
    }
}
