/** SDK-HMAC-SHA256, the AK/SK signature of Huawei Cloud APIs (MetaStudio import/export tasks, ...). */
package dev.tasklens.signing.huawei;
