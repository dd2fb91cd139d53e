package dev.tasklens.benchmarks;

import dev.tasklens.signing.SignableRequest;
import dev.tasklens.signing.SigningCredentials;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * One request per scheme, shaped as the seed documents' list requests. Each op builds its request
 * anew, on both sides, as a program signing a listing's pages does.
 */
final class TypicalRequests {

    static final Instant AT = Instant.parse("2026-11-22T12:00:00Z");
    static final String ACCESS_KEY_ID = "AKID-EXAMPLE-not-a-real-key";
    static final String SECRET_KEY = "EXAMPLE-secret-key-not-a-real-one";
    static final SigningCredentials CREDENTIALS = SigningCredentials.of(ACCESS_KEY_ID, SECRET_KEY);

    /** Seed 001: MPS DescribeTasks, second page. */
    static final String MPS_HOST = "mps.tencentcloudapi.com";
    static final String MPS_CONTENT_TYPE = "application/json; charset=utf-8";
    static final byte[] MPS_BODY = "{\"Status\":\"FINISH\",\"Limit\":100,\"ScrollToken\":\"2c4e8f9a-task-000123\"}"
            .getBytes(StandardCharsets.UTF_8);
    static final URI MPS_URI = URI.create("https://" + MPS_HOST + "/");

    /** A new request each time, so that nothing (the body hash) is remembered from the last op. */
    static SignableRequest mps() {
        return SignableRequest.builder("POST", MPS_URI)
                .header("Content-Type", MPS_CONTENT_TYPE)
                .header("X-TC-Action", "DescribeTasks")
                .header("X-TC-Version", "2019-06-12")
                .body(MPS_BODY)
                .build();
    }

    /** Seed 000: CLS GET /tasks for one day. */
    static final String CLS_HOST = "ap-guangzhou.cls.tencentcs.com";
    static final URI CLS_URI = URI.create("https://" + CLS_HOST
            + "/tasks?shipper_id=3a9c1f2e-5b7d-4c8e-9f01-23456789abcd&start_time=2026-11-21+00%3A00%3A00"
            + "&end_time=2026-11-21+23%3A59%3A59");

    static SignableRequest cls() {
        return SignableRequest.builder("GET", CLS_URI).header("Host", CLS_HOST).build();
    }

    /** Seed 002: MetaStudio import/export tasks, first page of 100. */
    static final String IES_HOST = "metastudio.cn-north-4.myhuaweicloud.com";
    static final String IES_PATH = "/v2/0a1b2c3d4e5f60718293a4b5c6d7e8f9/ies/task";
    static final URI IES_URI = URI.create("https://" + IES_HOST + IES_PATH + "?offset=0&limit=100");

    static SignableRequest ies() {
        return SignableRequest.builder("GET", IES_URI)
                .header("Content-Type", "application/json")
                .header("X-Project-Id", "0a1b2c3d4e5f60718293a4b5c6d7e8f9")
                .build();
    }

    /** Seed 004: VOD GET /v2/tasks, failed tasks, 100 per page. */
    static final String VOD_HOST = "vod.bj.baidubce.com";
    static final URI VOD_URI = URI.create("https://" + VOD_HOST + "/v2/tasks?maxSize=100&status=FAILED");

    static SignableRequest vod() {
        return SignableRequest.builder("GET", VOD_URI).header("Content-Type", "application/json").build();
    }

    private TypicalRequests() {
    }
}
