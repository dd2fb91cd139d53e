package dev.tasklens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code sign --verbose} shows what was signed without the session token: BCE, Huawei and CLS sign
 * the token's header, so their canonical requests hold its value. The header line the request must
 * carry still goes to stdout, since the request cannot be sent without it.
 */
class SignVerboseMasksTheSessionTokenTest {

    private static final String TOKEN = "sts-session-token-0123456789abcdef";

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "bce, BCE_ACCESS_KEY_ID, BCE_SECRET_ACCESS_KEY, BCE_SESSION_TOKEN, https://vod.bj.baidubce.com/v2/tasks",
        "huawei, HUAWEICLOUD_SDK_AK, HUAWEICLOUD_SDK_SK, HUAWEICLOUD_SDK_SECURITY_TOKEN,"
                + " https://metastudio.cn-north-4.myhuaweicloud.com/v2/p1/ies/task",
        "cls, TENCENTCLOUD_SECRET_ID, TENCENTCLOUD_SECRET_KEY, TENCENTCLOUD_SESSION_TOKEN,"
                + " https://ap-guangzhou.cls.tencentcs.com/shipper/tasks",
    })
    void theCanonicalRequestShowsTheTokenMasked(String scheme, String idVariable, String secretVariable,
            String tokenVariable, String url) {
        CliTest.Run run = CliTest.run(Map.of(idVariable, "AKIDEXAMPLE0123456789", secretVariable,
                "example-secret-key-0123", tokenVariable, TOKEN), "sign", "--scheme", scheme, "GET", url,
                "--verbose", "--time", "2026-11-22T12:00:00Z");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.err()).contains("canonical request:", "***").doesNotContain(TOKEN, "example-secret-key-0123");
        assertThat(run.out()).contains(TOKEN);
    }
}
