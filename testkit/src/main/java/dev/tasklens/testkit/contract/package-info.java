/**
 * The provider contract suite (TCK): {@link dev.tasklens.testkit.contract.TaskSourceContract} is
 * an abstract JUnit 5 test class that a new provider extends, wiring its {@code TaskSource} to its
 * emulator; passing it is what proves the provider.
 */
package dev.tasklens.testkit.contract;
