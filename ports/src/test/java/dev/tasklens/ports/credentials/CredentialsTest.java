package dev.tasklens.ports.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import dev.tasklens.properties.Gen;
import dev.tasklens.properties.Property;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class CredentialsTest {

    @TestFactory
    Stream<DynamicTest> toStringNeverShowsTheSecretOrTheToken() {
        Gen<String> alpha = Gen.strings(Gen.ALPHA, 12, 40);
        return Property.forAll(200, alpha, alpha, (secret, token) -> {
            Credentials credentials = Credentials.temporary("AKIDEXAMPLE12345", secret, token,
                    Instant.parse("2026-11-22T13:00:00Z"));

            assertThat(credentials.toString()).doesNotContain(secret).doesNotContain(token)
                    .contains("AKID****2345", "secret=***", "sessionToken=***");
        });
    }

    @Test
    void aBlankSecretIsRefusedWithoutEchoingAnything() {
        assertThatThrownBy(() -> Credentials.of("AKIDEXAMPLE12345", " "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the secret key of access key AKID****2345 is blank; set it");
    }

    @Test
    void expiryIsJudgedAtTheGivenInstant() {
        Instant end = Instant.parse("2026-11-22T13:00:00Z");
        Credentials credentials = Credentials.temporary("AKIDEXAMPLE12345", "s3cr3t", "tok", end);

        assertThat(credentials.isExpiredAt(end.minusSeconds(1))).isFalse();
        assertThat(credentials.isExpiredAt(end)).isTrue();
        assertThat(Credentials.of("AKIDEXAMPLE12345", "s").isExpiredAt(Instant.MAX)).isFalse();
    }

    @Test
    void environmentCredentialsNeedBothVariables() {
        Map<String, String> env = Map.of("TENCENTCLOUD_SECRET_ID", "AKIDEXAMPLE12345",
                "TENCENTCLOUD_SECRET_KEY", "secret", "TENCENTCLOUD_SESSION_TOKEN", "tok");

        Optional<Credentials> found = CredentialsProvider.fromEnvironment(env, "TENCENTCLOUD_SECRET_ID",
                "TENCENTCLOUD_SECRET_KEY", Optional.of("TENCENTCLOUD_SESSION_TOKEN")).credentials();
        Optional<Credentials> missing = CredentialsProvider.fromEnvironment(Map.of("TENCENTCLOUD_SECRET_ID", "x"),
                "TENCENTCLOUD_SECRET_ID", "TENCENTCLOUD_SECRET_KEY", Optional.empty()).credentials();

        assertThat(found).hasValueSatisfying(c -> {
            assertThat(c.id()).isEqualTo("AKIDEXAMPLE12345");
            assertThat(c.sessionToken()).contains("tok");
        });
        assertThat(missing).isEmpty();
    }
}
