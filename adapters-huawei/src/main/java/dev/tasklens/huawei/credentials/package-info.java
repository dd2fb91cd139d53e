/**
 * Huawei Cloud credentials found as {@code huaweicloud-sdk-core}'s
 * {@code CredentialProviderChain} (3.1.192) finds them: environment, profile file, ECS metadata.
 */
package dev.tasklens.huawei.credentials;
