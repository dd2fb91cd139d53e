/**
 * Helpers of the signers: hashing, HMAC, hex, percent-encoding and query parsing. Not API:
 * another module must not use this package, and it may change in any release.
 */
package dev.tasklens.signing.internal;
