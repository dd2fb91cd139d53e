package dev.tasklens.cli;

import java.util.List;
import java.util.Map;

/**
 * The environment variables each provider's adapter reads: the key pair, then the session token,
 * then anything else (the region).
 */
final class ProviderEnvironment {

    static final Map<String, List<String>> VARIABLES = Map.of(
            "tencent", List.of("TENCENTCLOUD_SECRET_ID", "TENCENTCLOUD_SECRET_KEY", "TENCENTCLOUD_SESSION_TOKEN",
                    "TENCENTCLOUD_REGION"),
            "huawei", List.of("HUAWEICLOUD_SDK_AK", "HUAWEICLOUD_SDK_SK", "HUAWEICLOUD_SDK_SECURITY_TOKEN",
                    "HUAWEICLOUD_SDK_PROJECT_ID", "HUAWEICLOUD_SDK_REGION", "HUAWEICLOUD_SDK_IAM_TOKEN"),
            "huawei.koodrive", List.of("KOODRIVE_ACCESS_TOKEN", "KOODRIVE_USER_ID", "KOODRIVE_SITE"),
            "baidu", List.of("BCE_ACCESS_KEY_ID", "BCE_SECRET_ACCESS_KEY", "BCE_SESSION_TOKEN", "BCE_REGION"));

    /** The variable holding each provider's region, where it has one. */
    static final Map<String, String> REGION = Map.of("tencent", "TENCENTCLOUD_REGION", "baidu", "BCE_REGION",
            "huawei", "HUAWEICLOUD_SDK_REGION");

    /** The variables of a source: its own where it has its own (KooDrive), else its provider's. */
    static List<String> of(String source) {
        return VARIABLES.getOrDefault(source, VARIABLES.getOrDefault(source.substring(0, Math.max(0,
                source.indexOf('.'))), List.of()));
    }

    private ProviderEnvironment() {
    }

    /** Whether the environment holds a key pair for the provider. */
    static boolean hasCredentials(String provider, Map<String, String> environment) {
        return holdsKeyPair(VARIABLES.getOrDefault(provider, List.of()), environment);
    }

    /** Whether the first two variables (the key pair, or KooDrive's token and user) are set. */
    private static boolean holdsKeyPair(List<String> names, Map<String, String> environment) {
        return names.size() >= 2 && names.subList(0, 2).stream()
                .allMatch(name -> environment.get(name) != null && !environment.get(name).isBlank());
    }
}
