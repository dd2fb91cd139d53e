/** The default {@link dev.tasklens.ports.http.HttpTransport}, on {@code java.net.http.HttpClient}. */
package dev.tasklens.transport.jdk;
