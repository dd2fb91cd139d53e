package dev.tasklens.emulators.internal;

import jakarta.json.spi.JsonProvider;

/**
 * The one JSON-P provider the emulators write and read replies with. {@code EmulatorJson.provider().createObjectBuilder()}
 * and its siblings look the provider up through the service loader on every call, which cost more
 * than everything else an emulator does per task; an emulator of 100,000 tasks calls them millions
 * of times.
 */
public final class EmulatorJson {

    private static final JsonProvider PROVIDER = JsonProvider.provider();

    private EmulatorJson() {
    }

    /**
     * The provider, looked up once.
     *
     * @return the JSON-P provider
     */
    public static JsonProvider provider() {
        return PROVIDER;
    }
}
