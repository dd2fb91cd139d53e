/**
 * The ports of the hexagon: what the core needs from the outside (task sources, an HTTP
 * transport, credentials) and what it offers (listing tasks). Depends on the domain only.
 */
package dev.tasklens.ports;
