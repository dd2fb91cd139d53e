/**
 * Request signing for the task APIs of Tencent Cloud, Huawei Cloud and Baidu AI Cloud, with the
 * JDK alone. One signer per scheme:
 * {@link dev.tasklens.signing.tc3.Tc3Signer} (TC3-HMAC-SHA256),
 * {@code ClsSigner} (the legacy CLS HMAC-SHA1 signature),
 * {@code HuaweiSigner} (SDK-HMAC-SHA256, AK/SK) and
 * {@code BceSigner} (bce-auth-v1). Each takes a {@link
 * dev.tasklens.signing.SignableRequest}, {@link dev.tasklens.signing.SigningCredentials} and an
 * instant, and returns a {@link dev.tasklens.signing.Signature}: the headers to add, and the
 * canonical request and string to sign for debugging a mismatch.
 *
 * <p>The signatures equal those of the providers' official Java SDKs byte for byte (checked by
 * differential tests); where an SDK departs from its published specification, the signer follows
 * the SDK and its Javadoc says so.
 */
package dev.tasklens.signing;
