package dev.tasklens.benchmarks;

import static dev.tasklens.benchmarks.TypicalRequests.ACCESS_KEY_ID;
import static dev.tasklens.benchmarks.TypicalRequests.AT;
import static dev.tasklens.benchmarks.TypicalRequests.CREDENTIALS;
import static dev.tasklens.benchmarks.TypicalRequests.SECRET_KEY;

import com.baidubce.auth.BceV1Signer;
import com.baidubce.auth.DefaultBceCredentials;
import com.baidubce.auth.SignOptions;
import com.baidubce.http.HttpMethodName;
import com.baidubce.internal.InternalRequest;
import com.huaweicloud.sdk.core.auth.AKSKSigner;
import com.huaweicloud.sdk.core.auth.BasicCredentials;
import com.huaweicloud.sdk.core.http.HttpMethod;
import com.huaweicloud.sdk.core.http.HttpRequest;
import com.tencentcloudapi.cls.producer.util.QcloudClsSignature;
import com.tencentcloudapi.common.CommonClient;
import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.profile.ClientProfile;
import com.tencentcloudapi.common.profile.HttpProfile;
import dev.tasklens.signing.Signature;
import dev.tasklens.signing.bce.BceSigner;
import dev.tasklens.signing.cls.ClsSigner;
import dev.tasklens.signing.huawei.HuaweiSigner;
import dev.tasklens.signing.tc3.Tc3Signer;
import java.lang.reflect.Method;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * For each scheme: {@code <scheme>Ours} (our signer), {@code <scheme>Sdk} (the official SDK's
 * signer), and two floors that do every digest and HMAC the scheme defines for one signature, key
 * derivation included, and no string work at all: {@code <scheme>Floor} writes them plainly with
 * {@code javax.crypto} (look up, key, run), {@code <scheme>TightFloor} reuses JCA objects made
 * once. Our signers cache derived keys where the scheme allows it, so they can come near a floor
 * or pass it. Each op signs one typical request at a fixed time.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SigningBenchmarks {

    private final Tc3Signer tc3 = Tc3Signer.create();
    private final ClsSigner cls = ClsSigner.create();
    private final HuaweiSigner huawei = HuaweiSigner.create();
    private final BceSigner bce = BceSigner.create();

    private CommonClient tencentSdk;
    private Method tencentSdkSigner;
    private HashMap<String, String> tencentSdkHeaders;
    private Map<String, String> clsParams;
    private Map<String, String> clsHeaders;
    private BasicCredentials huaweiCredentials;
    private static final URI BCE_PATH_URI = URI.create("https://" + TypicalRequests.VOD_HOST + "/v2/tasks");
    private DefaultBceCredentials bceCredentials;
    private SignOptions bceOptions;

    private MessageDigest sha256;
    private MessageDigest sha1;
    private Mac hmacSha256;
    private Mac hmacSha1;
    private byte[] secret;
    private byte[] tc3Secret;
    private byte[] tc3Date;
    private byte[] tc3Service;
    private byte[] tc3Request;
    private byte[] tc3Canonical;
    private byte[] tc3StringToSign;
    private byte[] clsKeyTime;
    private byte[] clsCanonical;
    private byte[] clsStringToSign;
    private byte[] huaweiCanonical;
    private byte[] huaweiStringToSign;
    private byte[] bceAuthPrefix;
    private byte[] bceCanonical;

    @Setup
    public void setUp() throws Exception {
        HttpProfile http = new HttpProfile();
        http.setEndpoint(TypicalRequests.MPS_HOST);
        tencentSdk = new CommonClient("mps", "2019-06-12", new Credential(ACCESS_KEY_ID, SECRET_KEY),
                "ap-guangzhou", new ClientProfile(ClientProfile.SIGN_TC3_256, http));
        tencentSdkSigner = tencentSdk.getClass().getSuperclass()
                .getDeclaredMethod("getAuthorization", HashMap.class, byte[].class);
        tencentSdkSigner.setAccessible(true);
        tencentSdkHeaders = new HashMap<>();
        tencentSdkHeaders.put("Content-Type", TypicalRequests.MPS_CONTENT_TYPE);
        tencentSdkHeaders.put("X-TC-Timestamp", Long.toString(AT.getEpochSecond()));

        clsParams = new LinkedHashMap<>();
        clsParams.put("shipper_id", "3a9c1f2e-5b7d-4c8e-9f01-23456789abcd");
        clsParams.put("start_time", "2026-11-21 00:00:00");
        clsParams.put("end_time", "2026-11-21 23:59:59");
        clsHeaders = Map.of("Host", TypicalRequests.CLS_HOST);

        huaweiCredentials = new BasicCredentials().withAk(ACCESS_KEY_ID).withSk(SECRET_KEY);

        bceCredentials = new DefaultBceCredentials(ACCESS_KEY_ID, SECRET_KEY);
        bceOptions = new SignOptions();
        bceOptions.setTimestamp(Date.from(AT));

        // The floor hashes inputs of exactly the sizes our signers produce.
        Signature tc3Signature = tc3.sign(TypicalRequests.mps(), CREDENTIALS, AT);
        tc3Canonical = bytes(tc3Signature.canonicalRequest());
        tc3StringToSign = bytes(tc3Signature.stringToSign());
        tc3Secret = bytes("TC3" + SECRET_KEY);
        tc3Date = bytes("2026-11-22");
        tc3Service = bytes("mps");
        tc3Request = bytes("tc3_request");
        Signature clsSignature = cls.sign(TypicalRequests.cls(), CREDENTIALS, AT);
        clsCanonical = bytes(clsSignature.canonicalRequest());
        clsStringToSign = bytes(clsSignature.stringToSign());
        clsKeyTime = bytes(AT.getEpochSecond() - 60 + ";" + (AT.getEpochSecond() + 300));
        Signature huaweiSignature = huawei.sign(TypicalRequests.ies(), CREDENTIALS, AT);
        huaweiCanonical = bytes(huaweiSignature.canonicalRequest());
        huaweiStringToSign = bytes(huaweiSignature.stringToSign());
        bceCanonical = bytes(bce.sign(TypicalRequests.vod(), CREDENTIALS, AT).canonicalRequest());
        bceAuthPrefix = bytes("bce-auth-v1/" + ACCESS_KEY_ID + "/" + AT + "/1800");
        secret = bytes(SECRET_KEY);

        sha256 = MessageDigest.getInstance("SHA-256");
        sha1 = MessageDigest.getInstance("SHA-1");
        hmacSha256 = Mac.getInstance("HmacSHA256");
        hmacSha1 = Mac.getInstance("HmacSHA1");
    }

    /** An HMAC as plain javax.crypto code writes it: look the algorithm up, key it, run it. */
    private static byte[] plainHmac(String algorithm, byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            return mac.doFinal(data);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A digest as plain java.security code writes it. */
    private static byte[] plainDigest(String algorithm, byte[] data) {
        try {
            return MessageDigest.getInstance(algorithm).digest(data);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] hmac(Mac mac, byte[] key, byte[] data) {
        try {
            mac.init(new SecretKeySpec(key, mac.getAlgorithm()));
        } catch (java.security.InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
        return mac.doFinal(data);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    // ---- TC3-HMAC-SHA256 (MPS DescribeTasks) ----

    @Benchmark
    public Signature tc3Ours() {
        return tc3.sign(TypicalRequests.mps(), CREDENTIALS, AT);
    }

    @Benchmark
    public Object tc3Sdk() throws Exception {
        return tencentSdkSigner.invoke(tencentSdk, tencentSdkHeaders, TypicalRequests.MPS_BODY);
    }

    /** SHA-256 of the body and of the canonical request; the three key-derivation HMACs and the signature HMAC. */
    @Benchmark
    public byte[] tc3TightFloor() {
        sha256.digest(TypicalRequests.MPS_BODY);
        sha256.digest(tc3Canonical);
        byte[] key = hmac(hmacSha256, tc3Secret, tc3Date);
        key = hmac(hmacSha256, key, tc3Service);
        key = hmac(hmacSha256, key, tc3Request);
        return hmac(hmacSha256, key, tc3StringToSign);
    }

    /** The same operations as {@link #tc3TightFloor()}, written plainly with javax.crypto. */
    @Benchmark
    public byte[] tc3Floor() {
        plainDigest("SHA-256", TypicalRequests.MPS_BODY);
        plainDigest("SHA-256", tc3Canonical);
        byte[] key = plainHmac("HmacSHA256", tc3Secret, tc3Date);
        key = plainHmac("HmacSHA256", key, tc3Service);
        key = plainHmac("HmacSHA256", key, tc3Request);
        return plainHmac("HmacSHA256", key, tc3StringToSign);
    }

    // ---- CLS HMAC-SHA1 (shipping tasks) ----

    @Benchmark
    public Signature clsOurs() {
        return cls.sign(TypicalRequests.cls(), CREDENTIALS, AT);
    }

    @Benchmark
    public String clsSdk() throws Exception {
        return QcloudClsSignature.buildSignature(ACCESS_KEY_ID, SECRET_KEY, "GET", "/tasks", clsParams, clsHeaders,
                300_000L);
    }

    /** SHA-1 of the HttpString; the SignKey HMAC and the signature HMAC. */
    @Benchmark
    public byte[] clsTightFloor() {
        sha1.digest(clsCanonical);
        byte[] signKey = hmac(hmacSha1, secret, clsKeyTime);
        return hmac(hmacSha1, signKey, clsStringToSign);
    }

    /** The same operations as {@link #clsTightFloor()}, written plainly with javax.crypto. */
    @Benchmark
    public byte[] clsFloor() {
        plainDigest("SHA-1", clsCanonical);
        byte[] signKey = plainHmac("HmacSHA1", secret, clsKeyTime);
        return plainHmac("HmacSHA1", signKey, clsStringToSign);
    }

    // ---- Huawei SDK-HMAC-SHA256 (MetaStudio import/export tasks) ----

    @Benchmark
    public Signature huaweiOurs() {
        return huawei.sign(TypicalRequests.ies(), CREDENTIALS, AT);
    }

    @Benchmark
    public Map<String, String> huaweiSdk() {
        return AKSKSigner.getInstance().sign(huaweiRequest(), huaweiCredentials);
    }

    private static HttpRequest huaweiRequest() {
        return HttpRequest.newBuilder().withEndpoint("https://" + TypicalRequests.IES_HOST)
                .withPath(TypicalRequests.IES_PATH).withMethod(HttpMethod.GET)
                .addHeader("Content-Type", "application/json")
                .addHeader("X-Project-Id", "0a1b2c3d4e5f60718293a4b5c6d7e8f9")
                .addHeader("X-Sdk-Date", "20261122T120000Z")
                .addQueryParam("offset", List.of("0")).addQueryParam("limit", List.of("100")).build();
    }

    /** SHA-256 of the (empty) body and of the canonical request; the signature HMAC with the SK. */
    @Benchmark
    public byte[] huaweiTightFloor() {
        sha256.digest();
        sha256.digest(huaweiCanonical);
        return hmac(hmacSha256, secret, huaweiStringToSign);
    }

    /** The same operations as {@link #huaweiTightFloor()}, written plainly with javax.crypto. */
    @Benchmark
    public byte[] huaweiFloor() {
        plainDigest("SHA-256", new byte[0]);
        plainDigest("SHA-256", huaweiCanonical);
        return plainHmac("HmacSHA256", secret, huaweiStringToSign);
    }

    // ---- bce-auth-v1 (VOD task list) ----

    @Benchmark
    public Signature bceOurs() {
        return bce.sign(TypicalRequests.vod(), CREDENTIALS, AT);
    }

    @Benchmark
    public Object bceSdk() {
        InternalRequest request = bceRequest();
        new BceV1Signer().sign(request, bceCredentials, bceOptions);
        return request;
    }

    private static InternalRequest bceRequest() {
        InternalRequest request = new InternalRequest(HttpMethodName.GET, BCE_PATH_URI);
        request.addHeader("Content-Type", "application/json");
        request.addHeader("x-bce-date", AT.toString());
        request.addParameter("maxSize", "100");
        request.addParameter("status", "FAILED");
        return request;
    }

    /** The signing-key HMAC and the signature HMAC of the canonical request. */
    @Benchmark
    public byte[] bceTightFloor() {
        byte[] signingKey = hmac(hmacSha256, secret, bceAuthPrefix);
        return hmac(hmacSha256, signingKey, bceCanonical);
    }

    /** The same operations as {@link #bceTightFloor()}, written plainly with javax.crypto. */
    @Benchmark
    public byte[] bceFloor() {
        byte[] signingKey = plainHmac("HmacSHA256", secret, bceAuthPrefix);
        return plainHmac("HmacSHA256", signingKey, bceCanonical);
    }
}
