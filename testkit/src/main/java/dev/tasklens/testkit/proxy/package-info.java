/**
 * A reverse proxy in front of an emulator, as a company gateway sits in front of a provider, and
 * the chaos it can add: throttling, server errors, cut connections and delays.
 */
package dev.tasklens.testkit.proxy;
