/**
 * JMH benchmarks of the signers: ours, the official SDK's, and a floor that does only the
 * unavoidable hashing and HMACs with {@code javax.crypto}, for one typical request per scheme.
 */
package dev.tasklens.benchmarks;
