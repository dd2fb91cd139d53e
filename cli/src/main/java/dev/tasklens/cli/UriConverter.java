package dev.tasklens.cli;

import java.net.URI;
import java.net.URISyntaxException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a URL as a person types it, saying what is expected when it is not one. */
final class UriConverter implements ITypeConverter<URI> {

    @Override
    public URI convert(String text) {
        try {
            return new URI(text.trim());
        } catch (URISyntaxException e) {
            throw new TypeConversionException("'" + text + "' is not a URL (" + e.getReason() + " at character "
                    + (e.getIndex() + 1) + "); write it such as https://mps.tencentcloudapi.com/");
        }
    }
}
