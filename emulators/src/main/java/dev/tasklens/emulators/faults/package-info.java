/** Faults an emulator injects, and seeded, replayable plans of them. */
package dev.tasklens.emulators.faults;
