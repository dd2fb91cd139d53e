package dev.tasklens.ports.archfixture;

import com.google.inject.Injector;

/** Breaks JSON_B_AND_GUICE_ONLY_IN_ADAPTERS_CLIENT_AND_CLI with Guice. */
public class PortUsingGuice {
    public Injector injector;
}
