/**
 * Request signing, usable alone: TC3-HMAC-SHA256, the CLS HMAC-SHA1 signature, Huawei
 * SDK-HMAC-SHA256 and bce-auth-v1, each equal to its provider's official SDK. The JDK only; the
 * {@code internal} package is not exported.
 */
module dev.tasklens.signing {
    exports dev.tasklens.signing;
    exports dev.tasklens.signing.bce;
    exports dev.tasklens.signing.cls;
    exports dev.tasklens.signing.huawei;
    exports dev.tasklens.signing.tc3;
}
