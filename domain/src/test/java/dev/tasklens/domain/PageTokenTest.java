package dev.tasklens.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Base64;
import java.util.zip.CRC32;
import dev.tasklens.properties.Gen;
import dev.tasklens.properties.Property;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class PageTokenTest {

    private static final TaskQuery QUERY = TaskQuery.forSource(SourceId.TENCENT_CLS)
            .scope("shipper_id", "shipper-1")
            .status(TaskStatus.FAILED)
            .createdAfter(Instant.parse("2026-11-20T00:00:00Z"))
            .build();

    @TestFactory
    Stream<DynamicTest> aProviderTokenSurvivesPrintingAndParsing() {
        return Property.forAll(300, Gen.anyStrings(1, 300), Gen.longs(0, 1_000_000), (providerToken, skip) -> {
            PageToken token = PageToken.of(QUERY, PagePosition.token(providerToken), skip);

            PageToken parsed = PageToken.parse(token.value());

            assertThat(parsed).isEqualTo(token);
            assertThat(parsed.position()).isEqualTo(PagePosition.token(providerToken));
            assertThat(parsed.skip()).isEqualTo(skip);
            assertThat(parsed.isFor(QUERY)).isTrue();
            assertThat(token.value()).matches("[A-Za-z0-9_-]+");
        });
    }

    @TestFactory
    Stream<DynamicTest> anOffsetSurvivesPrintingAndParsing() {
        return Property.forAll(100, Gen.longs(0, Long.MAX_VALUE), offset -> {
            PageToken token = PageToken.of(QUERY, PagePosition.offset(offset), 0);

            assertThat(PageToken.parse(token.value()).position()).isEqualTo(PagePosition.offset(offset));
        });
    }

    @TestFactory
    Stream<DynamicTest> anAlteredCharacterIsRefusedOrChangesNothing() {
        return Property.forAll(300, Gen.ints(0, 200), Gen.ints(0, 63), (at, replacement) -> {
            PageToken token = PageToken.of(QUERY, PagePosition.token("scroll-token-123"), 7);
            String text = token.value();
            int index = at % text.length();
            char substitute = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".charAt(replacement);
            String altered = text.substring(0, index) + substitute + text.substring(index + 1);

            try {
                // Base64's last character may carry unused bits; changing only those changes no byte.
                assertThat(PageToken.parse(altered)).isEqualTo(token);
            } catch (InvalidQueryException refused) {
                assertThat(refused).hasMessageStartingWith("the resume token is not valid");
            }
        });
    }

    @Test
    void aCutTokenIsRefusedWithAHint() {
        String text = PageToken.of(QUERY, PagePosition.token("abc"), 0).value();

        assertThatThrownBy(() -> PageToken.parse(text.substring(0, text.length() - 6)))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("cut or altered")
                .hasMessageContaining("exactly as tasklens printed it");
    }

    @Test
    void textThatIsNotBase64IsRefused() {
        assertThatThrownBy(() -> PageToken.parse("not a token!"))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessage("the resume token is not valid: it is not base64url text; was it cut or altered when"
                        + " copied? Pass the token exactly as"
                        + " tasklens printed it, or start without one");
    }

    @Test
    void anUnknownVersionIsRefusedByName() {
        byte[] bytes = Base64.getUrlDecoder().decode(PageToken.of(QUERY, PagePosition.start(), 0).value());
        bytes[0] = 9;
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 4);
        ByteBuffer.wrap(bytes, bytes.length - 4, 4).putInt((int) crc.getValue());

        assertThatThrownBy(() -> PageToken.parse(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes)))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("version 9 is not one this tasklens reads");
    }

    @Test
    void aTokenOfTheEarlierFormatIsRefusedSayingToStartAgain() {
        // Version 1: version, fingerprint, kind START, skip, CRC-32 of what precedes it.
        ByteBuffer old = ByteBuffer.allocate(1 + 16 + 1 + 8 + 4);
        old.put((byte) 1).put(new byte[16]).put((byte) 0).putLong(3);
        CRC32 crc = new CRC32();
        crc.update(old.array(), 0, old.position());
        old.putInt((int) crc.getValue());

        assertThatThrownBy(() -> PageToken.parse(Base64.getUrlEncoder().withoutPadding().encodeToString(old.array())))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("made by an earlier tasklens version")
                .hasMessageContaining("start the listing again");
    }

    @Test
    void aTokenIsBoundToTheEndpointAndAccountItWasMadeFor() {
        PageToken token = PageToken.of(QUERY, PagePosition.token("abc"), 0, java.util.OptionalInt.empty(),
                TokenSeal.boundTo("https://a.example AKIDONE"));

        token.checkSeal(TokenSeal.boundTo("https://a.example AKIDONE"), SourceId.TENCENT_CLS);
        TokenSeal otherAccount = TokenSeal.boundTo("https://a.example AKIDTWO");
        assertThatThrownBy(() -> PageToken.parse(token.value()).checkSeal(otherAccount, SourceId.TENCENT_CLS))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("made for another endpoint or account");
    }

    @Test
    void aKeyedTokenIsRefusedWhenForgedAlteredOrUnsigned() {
        byte[] key = "a service's own 32-byte token key".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        TokenSeal keyed = TokenSeal.boundTo("x").withKey(key);
        PageToken token = PageToken.of(QUERY, PagePosition.token("abc"), 2, java.util.OptionalInt.empty(), keyed);
        PageToken parsed = PageToken.parse(token.value());
        parsed.checkSeal(keyed, SourceId.TENCENT_CLS);

        byte[] bytes = Base64.getUrlDecoder().decode(token.value());
        bytes[bytes.length - 40] ^= 1; // inside the body: the skip
        String altered = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        PageToken unsigned = PageToken.of(QUERY, PagePosition.token("abc"), 2, java.util.OptionalInt.empty(),
                TokenSeal.boundTo("x"));
        byte[] otherKey = "another service's 32-byte token key".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        PageToken forged = PageToken.of(QUERY, PagePosition.token("abc"), 2, java.util.OptionalInt.empty(),
                TokenSeal.boundTo("x").withKey(otherKey));

        assertThatThrownBy(() -> PageToken.parse(altered).checkSeal(keyed, SourceId.TENCENT_CLS))
                .isInstanceOf(InvalidQueryException.class).hasMessageContaining("signature does not match");
        assertThatThrownBy(() -> forged.checkSeal(keyed, SourceId.TENCENT_CLS))
                .isInstanceOf(InvalidQueryException.class).hasMessageContaining("signature does not match");
        assertThatThrownBy(() -> unsigned.checkSeal(keyed, SourceId.TENCENT_CLS))
                .isInstanceOf(InvalidQueryException.class).hasMessageContaining("is not signed");
        assertThat(keyed.toString()).doesNotContain("service").contains("***");
    }

    @Test
    void aTokenOfAnotherQueryIsRefusedWhenTheQueryIsBuilt() {
        PageToken token = PageToken.of(QUERY, PagePosition.token("abc"), 0);
        TaskQuery.Builder other = QUERY.toBuilder().status(TaskStatus.RUNNING).resumeFrom(token);

        assertThatThrownBy(other::build)
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("the resume token was made by a different query");
    }

    @Test
    void pageSizeAndLimitDoNotBindTheToken() {
        PageToken token = PageToken.of(QUERY, PagePosition.token("abc"), 0);

        TaskQuery resumed = QUERY.toBuilder().pageSize(5).limit(10).resumeFrom(token.value()).build();

        assertThat(resumed.resumeFrom()).contains(token);
    }

    @Test
    void scopeValuesCannotImitateEachOther() {
        TaskQuery a = TaskQuery.forSource(SourceId.HUAWEI_IES).scope("a", "1|b:2").build();
        TaskQuery b = TaskQuery.forSource(SourceId.HUAWEI_IES).scope("a", "1").scope("b", "2").build();

        assertThat(PageToken.of(a, PagePosition.start(), 0).isFor(b)).isFalse();
    }
}
