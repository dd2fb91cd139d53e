/** The listing use case: what the core offers to drivers (the client facade, the CLI). */
package dev.tasklens.ports.listing;
