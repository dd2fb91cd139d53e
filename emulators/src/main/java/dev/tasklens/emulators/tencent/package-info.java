/**
 * Emulators of the Tencent Cloud task APIs: MPS {@code DescribeTasks} (API 3.0, TC3-HMAC-SHA256)
 * and the legacy CLS shipping-task list (CLS HMAC-SHA1), with the documents' quirks.
 */
package dev.tasklens.emulators.tencent;
