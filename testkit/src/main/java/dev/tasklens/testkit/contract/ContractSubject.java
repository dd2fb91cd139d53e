package dev.tasklens.testkit.contract;

import dev.tasklens.domain.TaskQuery;
import dev.tasklens.ports.source.TaskSource;
import dev.tasklens.emulators.Emulator;
import dev.tasklens.emulators.RequestJournal;
import dev.tasklens.ports.http.HttpTransport;
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

    /**
     * The usual subject: a source that talks to an emulator through a transport, queried with no
     * scope; closing it closes the transport, then the emulator.
     *
     * @param source the source
     * @param emulator the emulator it talks to
     * @param transport the transport it sends through (in memory or over a socket)
     * @return the subject
     */
    public static ContractSubject of(TaskSource source, Emulator emulator, HttpTransport transport) {
        return new ContractSubject(source, () -> TaskQuery.forSource(source.descriptor()), emulator.journal(), () -> {
            transport.close();
            emulator.close();
        });
    }

    /**
     * The same subject, with every query carrying this scope (a source whose scope is required).
     *
     * @param key the scope key
     * @param value its value
     * @return a new subject
     */
    public ContractSubject withScope(String key, String value) {
        Supplier<TaskQuery.Builder> plain = queries;
        return new ContractSubject(source, () -> plain.get().scope(key, value), journal, resources);
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
