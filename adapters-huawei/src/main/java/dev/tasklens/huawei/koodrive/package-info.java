/** Huawei KooDrive's task list ({@code huawei.koodrive}, seed 003) as a task source. */
package dev.tasklens.huawei.koodrive;
