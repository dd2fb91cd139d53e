package dev.tasklens.domain;

import java.util.Objects;

/**
 * A source-specific query parameter that a source accepts, such as CLS {@code shipper_id}.
 *
 * @param name the parameter's name as used in {@link TaskQuery#scope()}
 * @param description what it is, quoted in error messages and help
 * @param required whether every query of the source must set it
 */
public record ScopeKey(String name, String description, boolean required) {

    /**
     * Checks the parts.
     *
     * @param name see the record component
     * @param description see the record component
     * @param required see the record component
     * @throws IllegalArgumentException if the name is blank
     */
    public ScopeKey {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a scope key needs a name");
        }
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
