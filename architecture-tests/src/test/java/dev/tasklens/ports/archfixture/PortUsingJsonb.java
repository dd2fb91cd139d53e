package dev.tasklens.ports.archfixture;

import jakarta.json.bind.Jsonb;

/** Breaks PORTS_DEPEND_ONLY_ON_THE_DOMAIN and JSON_B_AND_GUICE_ONLY_IN_ADAPTERS_CLIENT_AND_CLI. */
public class PortUsingJsonb {
    public Jsonb jsonb;
}
