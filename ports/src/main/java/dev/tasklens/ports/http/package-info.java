/**
 * The HTTP port: the project's own immutable request and response types and the one-method
 * {@link dev.tasklens.ports.http.HttpTransport}, so a transport is one small class.
 */
package dev.tasklens.ports.http;
