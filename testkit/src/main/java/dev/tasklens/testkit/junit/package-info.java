/**
 * JUnit 5 support: {@link dev.tasklens.testkit.junit.EmulatorExtension} starts an emulator of the
 * {@code tasklens-emulators} engine for a test class or for each test, and stops it after.
 */
package dev.tasklens.testkit.junit;
