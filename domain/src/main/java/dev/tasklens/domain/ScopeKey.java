package dev.tasklens.domain;

import java.util.Objects;
import java.util.Set;

/**
 * A source-specific query parameter that a source accepts, such as CLS {@code shipper_id}.
 *
 * @param name the parameter's name as used in {@link TaskQuery#scope()}
 * @param description what it is, quoted in error messages and help
 * @param required whether every query of the source must set it
 * @param values the values the provider documents, when it names them all; empty for any value
 */
public record ScopeKey(String name, String description, boolean required, Set<String> values) {

    /**
     * Checks the parts.
     *
     * @param name see the record component
     * @param description see the record component
     * @param required see the record component
     * @param values see the record component
     * @throws IllegalArgumentException if the name is blank
     */
    public ScopeKey {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        values = Set.copyOf(Objects.requireNonNull(values, "values"));
        if (name.isBlank()) {
            throw new IllegalArgumentException("a scope key needs a name");
        }
    }

    /**
     * A key that takes any value.
     *
     * @param name the parameter's name
     * @param description what it is
     * @param required whether every query must set it
     */
    public ScopeKey(String name, String description, boolean required) {
        this(name, description, required, Set.of());
    }

    /**
     * An optional parameter whose values the provider documents in full: any other value is refused
     * before a request is sent.
     *
     * @param name the parameter's name
     * @param description what it is
     * @param values every value the provider documents
     * @return the key
     */
    public static ScopeKey oneOf(String name, String description, String... values) {
        return new ScopeKey(name, description, false, Set.of(values));
    }

    /**
     * Whether a value is one this key takes.
     *
     * @param value the value given
     * @return true if the key takes any value, or names this one
     */
    public boolean takes(String value) {
        return values.isEmpty() || values.contains(value);
    }

    /**
     * A parameter every query must set.
     *
     * @param name the parameter's name
     * @param description what it is
     * @return the key
     */
    public static ScopeKey required(String name, String description) {
        return new ScopeKey(name, description, true);
    }

    /**
     * A parameter a query may set.
     *
     * @param name the parameter's name
     * @param description what it is
     * @return the key
     */
    public static ScopeKey optional(String name, String description) {
        return new ScopeKey(name, description, false);
    }
}
