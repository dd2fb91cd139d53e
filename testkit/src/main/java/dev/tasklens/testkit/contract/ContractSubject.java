package dev.tasklens.testkit.contract;

import dev.tasklens.domain.TaskQuery;
import dev.tasklens.ports.source.TaskSource;
import dev.tasklens.emulators.RequestJournal;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A source under test, wired to its emulator, as a provider's contract test hands it to the suite.
 *
 * @param source the source, talking to the emulator
 * @param queries a new query builder for the source, its required scope already set
 * @param journal the emulator's request journal
 * @param resources what to close after the test (the emulator, a transport)
 */
public record ContractSubject(TaskSource source, Supplier<TaskQuery.Builder> queries, RequestJournal journal,
        AutoCloseable resources) implements AutoCloseable {

    /**
     * Checks the parts.
     *
     * @param source see the record component
     * @param queries see the record component
     * @param journal see the record component
     * @param resources see the record component
     */
    public ContractSubject {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(queries, "queries");
        Objects.requireNonNull(journal, "journal");
        Objects.requireNonNull(resources, "resources");
    }

    /** Closes the resources; a failure to close fails the test. */
    @Override
    public void close() {
        try {
            resources.close();
        } catch (Exception e) {
            throw new IllegalStateException("closing the contract subject failed", e);
        }
    }
}
