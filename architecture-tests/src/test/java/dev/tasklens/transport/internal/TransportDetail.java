package dev.tasklens.transport.internal;

/** An internal class of another module, for PortUsingTransportInternals. */
public class TransportDetail {
}
