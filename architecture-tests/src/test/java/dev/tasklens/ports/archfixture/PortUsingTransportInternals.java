package dev.tasklens.ports.archfixture;

import dev.tasklens.transport.internal.TransportDetail;

/** Breaks NO_MODULE_USES_ANOTHER_MODULES_INTERNALS. */
public class PortUsingTransportInternals {
    public TransportDetail detail;
}
