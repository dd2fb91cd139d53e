/** Helpers of the Tencent adapters: JSON reading and API 3.0 error mapping. Not API. */
package dev.tasklens.tencent.internal;
