/**
 * Tencent Cloud credentials found as {@code tencentcloud-sdk-java}'s
 * {@code DefaultCredentialsProvider} (3.1.1481) finds them: environment, profile file, CVM
 * instance role, TKE web identity.
 */
package dev.tasklens.tencent.credentials;
