/**
 * Test support for tasklens and for people adding a provider: the provider contract suite every
 * {@code TaskSource} must pass ({@code contract}) and the JUnit 5 extension that runs an emulator
 * for it ({@code junit}). The emulators themselves, their fault plans and seeded data are the
 * {@code tasklens-emulators} artifact, which carries no test library.
 */
package dev.tasklens.testkit;
