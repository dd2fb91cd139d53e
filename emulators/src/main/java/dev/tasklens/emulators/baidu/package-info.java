/**
 * The emulator of Baidu AI Cloud VOD {@code GET /v2/tasks} (seed 004), with bce-auth-v1 verified
 * as the gateway does.
 */
package dev.tasklens.emulators.baidu;
