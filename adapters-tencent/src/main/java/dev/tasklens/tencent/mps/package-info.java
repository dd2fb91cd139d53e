/** Tencent Cloud MPS {@code DescribeTasks} (API 3.0, version 2019-06-12; seed 001). */
package dev.tasklens.tencent.mps;
