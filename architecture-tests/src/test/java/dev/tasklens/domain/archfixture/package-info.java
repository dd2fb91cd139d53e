/**
 * Deliberately wrong classes, in the packages the architecture rules guard, each breaking one
 * rule. {@code ArchitectureRulesCatchViolationsTest} asserts that every rule fails on them. They
 * live in test sources, so the rules' check of the real code never sees them.
 */
package dev.tasklens.domain.archfixture;
