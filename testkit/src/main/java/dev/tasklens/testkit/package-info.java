/**
 * Test support for tasklens and for people adding a provider: emulators of provider APIs on
 * loopback ({@code emulator}), seeded and replayable fault plans ({@code faults}), seeded task
 * data ({@code data}) and the provider contract suite every {@code TaskSource} must pass
 * ({@code contract}).
 */
package dev.tasklens.testkit;
