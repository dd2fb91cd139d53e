package dev.tasklens.signing.oracle;

import com.tencentcloudapi.common.CommonClient;
import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.profile.ClientProfile;
import com.tencentcloudapi.common.profile.HttpProfile;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.HashMap;

/**
 * The official Tencent Cloud SDK's TC3 signer ({@code AbstractClient.getAuthorization}, private,
 * reached by reflection): what the SDK puts in {@code Authorization} for a POST with this host,
 * content type, body, timestamp and credentials.
 */
public final class OfficialTencentSdk {

    private final Credential credential = new Credential("placeholder-id", "placeholder-key");
    private final HttpProfile httpProfile = new HttpProfile();
    private final CommonClient client;
    private final Method getAuthorization;

    public OfficialTencentSdk() {
        ClientProfile profile = new ClientProfile(ClientProfile.SIGN_TC3_256, httpProfile);
        this.client = new CommonClient("mps", "2019-06-12", credential, "ap-guangzhou", profile);
        try {
            this.getAuthorization = client.getClass().getSuperclass()
                    .getDeclaredMethod("getAuthorization", HashMap.class, byte[].class);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("the SDK's TC3 signer moved; update the oracle", e);
        }
        getAuthorization.setAccessible(true);
    }

    /** The SDK's Authorization header for a POST. */
    public synchronized String authorization(String host, String contentType, byte[] body, long timestamp,
            String secretId, String secretKey) {
        httpProfile.setEndpoint(host);
        credential.setSecretId(secretId);
        credential.setSecretKey(secretKey);
        HashMap<String, String> headers = new HashMap<>();
        headers.put("Content-Type", contentType);
        headers.put("X-TC-Timestamp", Long.toString(timestamp));
        try {
            return (String) getAuthorization.invoke(client, headers, body);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("the SDK's TC3 signer failed", e);
        }
    }
}
