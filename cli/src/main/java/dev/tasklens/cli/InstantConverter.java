package dev.tasklens.cli;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads an instant as a person types it, saying what is expected when it is something else. */
final class InstantConverter implements ITypeConverter<Instant> {

    /** The years an instant may fall in: a signature or a window outside them is a typing mistake. */
    static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    @Override
    public Instant convert(String text) {
        Instant instant;
        try {
            instant = Instant.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("'" + text + "' is not an instant; write it in ISO 8601 UTC, such as"
                    + " 2026-11-20T00:00:00Z");
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new TypeConversionException("'" + text + "' is outside the years 1970 to 9999");
        }
        return instant;
    }
}
