package dev.tasklens.domain;

import java.util.Objects;

/**
 * How many items one page may hold, as the provider documents it.
 *
 * @param defaultSize the page size used when the query sets none
 * @param maxSize the largest page size the provider accepts
 * @param parameter the provider's name for the page-size parameter, quoted in error messages
 *     (for example {@code DescribeTasks Limit})
 */
public record PageSizeLimits(int defaultSize, int maxSize, String parameter) {

    /**
     * Checks that {@code 1 <= defaultSize <= maxSize}.
     *
     * @param defaultSize see the record component
     * @param maxSize see the record component
     * @param parameter see the record component
     * @throws IllegalArgumentException if the sizes are out of order
     */
    public PageSizeLimits {
        Objects.requireNonNull(parameter, "parameter");
        if (defaultSize < 1 || defaultSize > maxSize) {
            throw new IllegalArgumentException("page size limits need 1 <= default <= max, got default "
                    + defaultSize + " and max " + maxSize);
        }
    }

    /**
     * Limits for an API that takes a page-size parameter.
     *
     * @param defaultSize the size tasklens asks for when the query sets none
     * @param maxSize the largest size the provider accepts
     * @param parameter the provider's parameter name, quoted in error messages
     * @return the limits
     */
    public static PageSizeLimits of(int defaultSize, int maxSize, String parameter) {
        return new PageSizeLimits(defaultSize, maxSize, parameter);
    }

    /**
     * Limits for an API that has no page size: one reply holds everything.
     *
     * @return limits that accept any positive size and send none
     */
    public static PageSizeLimits none() {
        return new PageSizeLimits(Integer.MAX_VALUE, Integer.MAX_VALUE, "none: one reply holds the whole list");
    }

    /**
     * Whether the provider has a page-size parameter at all.
     *
     * @return false for {@link #none()}
     */
    public boolean isSettable() {
        return maxSize != Integer.MAX_VALUE;
    }

    /**
     * The range as a person reads it, for messages.
     *
     * @return for example {@code 1..100 (DescribeTasks Limit)}
     */
    public String describe() {
        return isSettable() ? "1.." + maxSize + " (" + parameter + ")" : "any (" + parameter + ")";
    }
}
