/**
 * The Huawei Cloud adapters: MetaStudio import/export tasks ({@code huawei.ies}) and KooDrive tasks
 * ({@code huawei.koodrive}), their Guice module ({@link dev.tasklens.huawei.HuaweiModule}, found by
 * {@code ServiceLoader}) and {@link dev.tasklens.huawei.HuaweiSources} for wiring without Guice.
 */
package dev.tasklens.huawei;
