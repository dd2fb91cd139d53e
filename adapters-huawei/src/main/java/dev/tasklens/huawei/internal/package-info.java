/** The Huawei adapters' wire records, their small JSON-B deserializers and the shared error mapping; not API. */
package dev.tasklens.huawei.internal;
