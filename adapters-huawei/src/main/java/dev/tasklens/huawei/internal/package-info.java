/** The Huawei adapters' wire records, and the error mapping they share; not API. */
package dev.tasklens.huawei.internal;
