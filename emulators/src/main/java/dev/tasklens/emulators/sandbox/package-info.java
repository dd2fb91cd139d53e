/**
 * The sandbox: every provider emulator on loopback with seeded demo data and demo credentials,
 * optionally large, slow or faulty, with everything a client needs to reach it.
 */
package dev.tasklens.emulators.sandbox;
