/**
 * Tencent Cloud task sources: {@link dev.tasklens.tencent.mps.MpsTaskSource} (MPS
 * {@code DescribeTasks}) and the CLS shipping tasks. Everything Tencent-specific lives below this
 * package.
 */
package dev.tasklens.tencent;
