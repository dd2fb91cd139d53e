package dev.tasklens.testkit.junit;

import dev.tasklens.emulators.ApiHandler;
import dev.tasklens.emulators.Emulator;
import dev.tasklens.emulators.faults.FaultPlan;
import java.util.Objects;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts an {@link Emulator} for JUnit 5 tests: registered on a {@code static} field with
 * {@code @RegisterExtension}, one emulator serves the whole class; on an instance field, each test
 * gets a fresh one. The handler and fault plan are made anew for each emulator.
 * <pre>{@code
 * @RegisterExtension
 * static EmulatorExtension mps = EmulatorExtension.of(() -> new MpsApi(tasks));
 * }</pre>
 */
public final class EmulatorExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback {

    private final Supplier<ApiHandler> handler;
    private final Supplier<FaultPlan> faults;
    private Emulator emulator;
    private boolean perClass;

    private EmulatorExtension(Supplier<ApiHandler> handler, Supplier<FaultPlan> faults) {
        this.handler = Objects.requireNonNull(handler, "handler");
        this.faults = Objects.requireNonNull(faults, "faults");
    }

    /**
     * An extension serving a handler without faults.
     *
     * @param handler makes the API handler
     * @return the extension
     */
    public static EmulatorExtension of(Supplier<ApiHandler> handler) {
        return new EmulatorExtension(handler, FaultPlan::none);
    }

    /**
     * An extension serving a handler with faults.
     *
     * @param handler makes the API handler
     * @param faults makes the fault plan
     * @return the extension
     */
    public static EmulatorExtension of(Supplier<ApiHandler> handler, Supplier<FaultPlan> faults) {
        return new EmulatorExtension(handler, faults);
    }

    /**
     * The running emulator.
     *
     * @return the emulator
     * @throws IllegalStateException outside a test
     */
    public Emulator emulator() {
        if (emulator == null) {
            throw new IllegalStateException("the emulator runs only during a test; register the extension with"
                    + " @RegisterExtension");
        }
        return emulator;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        perClass = true;
        emulator = Emulator.start(handler.get(), faults.get());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!perClass) {
            emulator = Emulator.start(handler.get(), faults.get());
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!perClass) {
            stop();
        }
    }

    private void stop() {
        if (emulator != null) {
            emulator.close();
            emulator = null;
        }
    }
}
