/** TC3-HMAC-SHA256, the signature of Tencent Cloud API 3.0 (MPS {@code DescribeTasks}, ...). */
package dev.tasklens.signing.tc3;
