/** Credentials and where they come from; a secret never appears in any text. */
package dev.tasklens.ports.credentials;
