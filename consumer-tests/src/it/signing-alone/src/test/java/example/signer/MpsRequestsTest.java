package example.signer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tasklens.signing.Signature;
import dev.tasklens.signing.SigningCredentials;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MpsRequestsTest {

    @Test
    void signsAsTheTc3SpecificationSays() {
        // Expected value computed separately from Tencent Cloud's published TC3-HMAC-SHA256 steps.
        Signature signature = MpsRequests.describeTasks("{\"Status\":\"FINISH\",\"Limit\":100}",
                SigningCredentials.of("AKIDEXAMPLE", "example-secret-key"), Instant.parse("2026-11-29T10:00:00Z"));

        assertEquals("TC3-HMAC-SHA256 Credential=AKIDEXAMPLE/2026-11-29/mps/tc3_request, "
                + "SignedHeaders=content-type;host, "
                + "Signature=a34e4c1739834fe5cdd0c5b783eda6af75cd494499b61a836a422aed348ff91d",
                signature.headers().get("Authorization"));
        assertEquals("1795946400", signature.headers().get("X-TC-Timestamp"));
        assertFalse(signature.toString().contains("example-secret-key"));
    }

    @Test
    void theResolvedClassPathIsOneJar() throws Exception {
        String written;
        try (var in = MpsRequestsTest.class.getResourceAsStream("/runtime-classpath.txt")) {
            written = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
        List<String> jars = Arrays.stream(written.split(File.pathSeparator))
                .map(entry -> new File(entry).getName())
                .collect(Collectors.toList());
        assertEquals(1, jars.size(), jars::toString);
        assertTrue(jars.get(0).matches("tasklens-signing-.+\\.jar"), jars::toString);
    }
}
