package dev.tasklens.domain.archfixture;

import dev.tasklens.ports.http.HttpTransport;

/** Breaks HEXAGON: the domain may not know the ports. */
public class DomainUsingAPort {
    public HttpTransport transport;
}
