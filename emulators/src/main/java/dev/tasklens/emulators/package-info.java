/**
 * The emulator framework: an {@link dev.tasklens.emulators.ApiHandler} per provider API,
 * served on loopback by {@link dev.tasklens.emulators.Emulator} or handed requests
 * directly through its in-memory transport, with faults applied from a plan and every request
 * journaled.
 */
package dev.tasklens.emulators;
