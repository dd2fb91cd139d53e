/** Huawei Cloud MetaStudio import/export tasks ({@code huawei.ies}, seed 002) as a task source. */
package dev.tasklens.huawei.ies;
