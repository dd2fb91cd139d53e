package dev.tasklens.domain;

import java.util.Objects;

/**
 * Where in a list the next page starts: at the start, at a provider token (scroll token, marker
 * or cursor, opaque to tasklens), or at an item offset.
 */
public sealed interface PagePosition permits PagePosition.Start, PagePosition.Token, PagePosition.Offset {

    /**
     * The first page.
     *
     * @return the start position
     */
    static PagePosition start() {
        return Start.INSTANCE;
    }

    /**
     * The page a provider token points at.
     *
     * @param value the provider's token, exactly as it sent it; not empty
     * @return the position
     */
    static PagePosition token(String value) {
        return new Token(value);
    }

    /**
     * The page that starts at an item offset.
     *
     * @param value the number of items before the page, from 0
     * @return the position
     */
    static PagePosition offset(long value) {
        return new Offset(value);
    }

    /** The first page of a list. */
    enum Start implements PagePosition {
        /** The only instance. */
        INSTANCE;

        @Override
        public String toString() {
            return "start";
        }
    }

    /**
     * A position named by the provider's own token.
     *
     * @param value the token as the provider sent it; never empty
     */
    record Token(String value) implements PagePosition {
        /**
         * Checks the token is not empty.
         *
         * @param value see the record component
         * @throws IllegalArgumentException if it is empty
         */
        public Token {
            Objects.requireNonNull(value, "token");
            if (value.isEmpty()) {
                throw new IllegalArgumentException("a page token position needs a non-empty token");
            }
        }
    }

    /**
     * A position counted in items.
     *
     * @param value the number of items before the page, from 0
     */
    record Offset(long value) implements PagePosition {
        /**
         * Checks the offset is not negative.
         *
         * @param value see the record component
         * @throws IllegalArgumentException if it is negative
         */
        public Offset {
            if (value < 0) {
                throw new IllegalArgumentException("a page offset cannot be negative, got " + value);
            }
        }
    }
}
