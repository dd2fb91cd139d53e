/**
 * The mechanics every cloud's credentials chain shares: profile files, a chain that settles on its
 * first link to find credentials, and temporary credentials refreshed before they expire. Each
 * adapter builds its cloud's chain from them, in the order its official SDK uses.
 */
package dev.tasklens.adapters.credentials;
