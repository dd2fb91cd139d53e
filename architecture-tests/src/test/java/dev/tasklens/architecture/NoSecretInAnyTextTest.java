package dev.tasklens.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.tasklens.adapters.credentials.CredentialsChain;
import dev.tasklens.adapters.credentials.RefreshingCredentials;
import dev.tasklens.domain.SourceId;
import dev.tasklens.domain.TaskQuery;
import dev.tasklens.domain.TaskStatus;
import dev.tasklens.domain.TokenSeal;
import dev.tasklens.ports.credentials.Credentials;
import dev.tasklens.ports.credentials.CredentialsProvider;
import dev.tasklens.ports.http.HttpHeaders;
import dev.tasklens.ports.http.HttpRequest;
import dev.tasklens.ports.http.HttpResponse;
import dev.tasklens.ports.listing.SourceListing;
import dev.tasklens.ports.resilience.ClockSkew;
import dev.tasklens.ports.resilience.RateLimiter;
import dev.tasklens.ports.resilience.Resilience;
import dev.tasklens.ports.resilience.RetryPolicy;
import dev.tasklens.ports.source.SourceSettings;
import dev.tasklens.signing.SignableRequest;
import dev.tasklens.signing.SigningCredentials;
import dev.tasklens.signing.tc3.Tc3Signer;
import dev.tasklens.tencent.TencentSettings;
import dev.tasklens.tencent.mps.MpsTaskSource;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A canary secret and session token never show in the text of any public type that can hold a
 * credential, nor in an exception made from a provider message that echoes them. The list of types
 * is checked against the code: a new public type with a credential field fails here until its
 * {@code toString()} is shown safe.
 */
class NoSecretInAnyTextTest {

    private static final String SECRET = "CANARYsecret7f3a9c1e55";
    private static final String TOKEN = "CANARYtoken0b2d4e6f88";
    private static final Credentials CREDENTIALS = Credentials.temporary("AKIDEXAMPLE0123456789", SECRET, TOKEN,
            Instant.parse("2026-11-22T13:00:00Z"));

    /** Field types and names that hold a credential. */
    private static final Set<String> CREDENTIAL_TYPES = Set.of(Credentials.class.getName(),
            SigningCredentials.class.getName(), SourceSettings.class.getName(), TokenSeal.class.getName());
    private static final Pattern CREDENTIAL_NAMES = Pattern.compile(
            "(?i).*(secret|sessionToken|securityToken|password|iamToken|kooDriveToken|accessToken)$");

    /** Every public type holding a credential, and how to make one holding the canary. */
    private static Map<String, Supplier<Object>> holders() {
        Map<String, Supplier<Object>> holders = new LinkedHashMap<>();
        holders.put(Credentials.class.getName(), () -> CREDENTIALS);
        holders.put(SigningCredentials.class.getName(), () -> SigningCredentials.temporary("AKIDEXAMPLE0123456789",
                SECRET, TOKEN));
        holders.put(SourceSettings.class.getName(), () -> new SourceSettings(Map.of("TENCENTCLOUD_SECRET_KEY", SECRET,
                "TENCENTCLOUD_SESSION_TOKEN", TOKEN), Map.of()));
        holders.put(TokenSeal.class.getName(), () -> TokenSeal.boundTo("x").withKey(SECRET.getBytes(
                StandardCharsets.UTF_8)));
        holders.put(TencentSettings.class.getName(), () -> new TencentSettings(CredentialsProvider.of(CREDENTIALS),
                Optional.empty(), Optional.empty(), Optional.empty()));
        holders.put(dev.tasklens.huawei.HuaweiSettings.class.getName(), () -> new dev.tasklens.huawei.HuaweiSettings(
                CredentialsProvider.of(CREDENTIALS), Optional.of(TOKEN), Optional.of("p1"), Optional.empty(),
                Optional.empty(), Optional.of(SECRET), Optional.of("u1"), Optional.empty(), Optional.empty()));
        holders.put(dev.tasklens.baidu.BaiduSettings.class.getName(), () -> new dev.tasklens.baidu.BaiduSettings(
                CredentialsProvider.of(CREDENTIALS), Optional.empty(), Optional.empty()));
        holders.put(HttpRequest.class.getName(), () -> HttpRequest.get(URI.create("https://a.example/"))
                .header("Authorization", SECRET).header("X-TC-Token", TOKEN).header("x-bce-security-token", TOKEN)
                .header("X-Security-Token", TOKEN).header("X-Cls-Token", TOKEN).build());
        holders.put(HttpHeaders.class.getName(), () -> HttpHeaders.of("Authorization", SECRET, "X-TC-Token", TOKEN));
        holders.put(dev.tasklens.signing.Signature.class.getName(), () -> Tc3Signer.create().sign(
                SignableRequest.builder("POST", URI.create("https://mps.tencentcloudapi.com/"))
                        .header("Content-Type", "application/json").body("{}").build(),
                SigningCredentials.temporary("AKIDEXAMPLE0123456789", SECRET, TOKEN), Instant.now()));
        // The credentials chains: what they hold once they have found temporary keys, and the
        // credential services' replies and keys (nested records, which the scan below skips).
        holders.put(CredentialsChain.class.getName(), () -> {
            CredentialsChain chain = CredentialsChain.of(java.util.List.of(() -> CredentialsChain.Lookup.found(
                    CREDENTIALS, "instance role r")));
            chain.credentials();
            return chain;
        });
        holders.put(RefreshingCredentials.class.getName(), () -> RefreshingCredentials.of("instance role r",
                () -> CREDENTIALS, Clock.fixed(Instant.parse("2026-11-22T12:00:00Z"), ZoneOffset.UTC),
                java.time.Duration.ofMinutes(5)).fetchNow());
        holders.put(CredentialsProvider.class.getName() + " (environment)", () -> CredentialsProvider.fromEnvironment(
                Map.of("ID", "AKIDEXAMPLE0123456789", "KEY", SECRET, "TOKEN", TOKEN), "ID", "KEY",
                Optional.of("TOKEN")));
        holders.put(dev.tasklens.emulators.KeyRing.Key.class.getName(), () -> new dev.tasklens.emulators.KeyRing.Key(
                "AKIDtmp", SECRET, Optional.of(TOKEN), Optional.empty()));
        holders.put(dev.tasklens.emulators.KeyRing.class.getName(), () -> dev.tasklens.emulators.KeyRing.of(
                Map.of("AKIDEXAMPLE0123456789", SECRET)));
        holders.put(dev.tasklens.tencent.credentials.CvmRoleCredentials.RoleKeys.class.getName(),
                () -> new dev.tasklens.tencent.credentials.CvmRoleCredentials.RoleKeys("Success", "AKIDtmp", SECRET,
                        TOKEN, 1L));
        holders.put(dev.tasklens.tencent.credentials.TkeWebIdentityCredentials.Keys.class.getName(),
                () -> new dev.tasklens.tencent.credentials.TkeWebIdentityCredentials.Keys(TOKEN, "AKIDtmp", SECRET));
        holders.put(dev.tasklens.tencent.credentials.TkeWebIdentityCredentials.Body.class.getName(),
                () -> new dev.tasklens.tencent.credentials.TkeWebIdentityCredentials.Body(
                        new dev.tasklens.tencent.credentials.TkeWebIdentityCredentials.Keys(TOKEN, "AKIDtmp", SECRET),
                        1L, null, "r-1"));
        holders.put(dev.tasklens.huawei.credentials.EcsMetadataCredentials.Keys.class.getName(),
                () -> new dev.tasklens.huawei.credentials.EcsMetadataCredentials.Keys("TMPAK", SECRET, TOKEN,
                        "2026-11-22T13:00:00.000000Z"));
        holders.put(dev.tasklens.huawei.credentials.EcsMetadataCredentials.Reply.class.getName(),
                () -> new dev.tasklens.huawei.credentials.EcsMetadataCredentials.Reply(
                        new dev.tasklens.huawei.credentials.EcsMetadataCredentials.Keys("TMPAK", SECRET, TOKEN,
                                "2026-11-22T13:00:00.000000Z")));
        return holders;
    }

    @Test
    void noPublicTypeThatHoldsACredentialShowsItInItsText() {
        holders().forEach((type, make) -> assertThat(String.valueOf(make.get())).as(type)
                .doesNotContain(SECRET).doesNotContain(TOKEN));
    }

    @Test
    void everyPublicTypeWithACredentialFieldIsCoveredAbove() {
        JavaClasses main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(TasklensRules.ROOT);
        Set<String> holding = new TreeSet<>();
        for (JavaClass type : main) {
            if (!type.getModifiers().contains(JavaModifier.PUBLIC)) {
                continue;
            }
            for (JavaField field : type.getFields()) {
                if (!field.getModifiers().contains(JavaModifier.STATIC)
                        && (CREDENTIAL_TYPES.contains(field.getRawType().getName())
                                || CREDENTIAL_NAMES.matcher(field.getName()).matches())) {
                    holding.add(type.getName());
                }
            }
        }

        assertThat(holders().keySet()).containsAll(holding.stream()
                .filter(name -> !name.contains("$")).filter(name -> !isBehaviour(name)).toList());
    }

    /** Services that hold credentials but are not values: they have no toString of their own to leak. */
    private static boolean isBehaviour(String type) {
        return type.endsWith("TaskSource") || type.endsWith("Signer") || type.endsWith(".TaskLens")
                || type.endsWith("Emulator") || type.endsWith("Api") || type.endsWith(".Pager")
                || type.endsWith("Listing") || type.endsWith(".TaskWatch");
    }

    @Test
    void aProviderMessageThatEchoesTheRequestCarriesNoSecretIntoTheException() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-22T12:00:00Z"), ZoneOffset.UTC);
        MpsTaskSource source = MpsTaskSource.builder()
                .credentials(CredentialsProvider.of(CREDENTIALS))
                .transport(request -> HttpResponse.of(200, HttpHeaders.of("Content-Type", "application/json"),
                        "{\"Response\":{\"Error\":{\"Code\":\"AuthFailure.TokenFailure\",\"Message\":\"bad token "
                                + TOKEN + " for key " + SECRET + "\"},\"RequestId\":\"r-1\"}}"))
                .resilience(Resilience.of(RetryPolicy.none(), RateLimiter.unlimited(), new ClockSkew(clock),
                        duration -> { }, () -> 0))
                .build();

        assertThatThrownBy(() -> SourceListing.of(source, clock).list(TaskQuery.forSource(SourceId.TENCENT_MPS)
                .status(TaskStatus.FAILED).build()).stream().toList())
                .hasMessageContaining("bad token *** for key ***")
                .hasMessageNotContaining(TOKEN).hasMessageNotContaining(SECRET);
    }
}
