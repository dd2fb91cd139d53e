/** Seeded, deterministic task data for emulators. */
package dev.tasklens.emulators.data;
