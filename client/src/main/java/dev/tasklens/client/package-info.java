/** The TaskLens facade: where users start. */
package dev.tasklens.client;
