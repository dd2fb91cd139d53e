package dev.tasklens.signing;

import dev.tasklens.properties.Gen;
import java.nio.charset.StandardCharsets;

/** The awkward inputs every scheme's differential test draws from. */
public final class Generators {

    private Generators() {
    }

    /**
     * A key pair as a provider issues it.
     *
     * @param id the access key id
     * @param secret the secret
     */
    public record Keys(String id, String secret) {
        @Override
        public String toString() {
            // A failing case is printed; these are generated, not real, but the habit holds.
            return "Keys[id=" + id + ", secret=" + secret.length() + " chars]";
        }
    }

    /** Text with the characters that break naive encoders: space, + ~ * / %, non-ASCII, empty. */
    public static Gen<String> awkwardText() {
        return Gen.oneOf(
                random -> Gen.strings(Gen.ALPHA + Gen.NUMERIC, 0, 6).next(random)
                        + Gen.strings(" +~*/%&=?#:;@!$'(),[]", 0, 6).next(random),
                Gen.of("", " ", "a b", "a+b", "~tilde", "*star", "a/b", "100%", "%2F", "中文", "Ünïcödé",
                        "emoji😀", "x=y", "2017-10-10 00:00:00"),
                Gen.anyStrings(0, 10));
    }

    /** Names of query parameters: mostly plain, sometimes awkward. */
    public static Gen<String> parameterNames() {
        return Gen.oneOf(
                Gen.strings(Gen.range('a', 'z') + Gen.range('A', 'Z'), 1, 8),
                Gen.of("start_time", "end_time", "shipper_id", "maxSize", "marker", "a b", "x~y", "k*",
                        "名字", "a+b", "UPPER", "lower", "Mixed"));
    }

    /** Header values with surrounding and inner whitespace, upper case and non-ASCII-free text. */
    public static Gen<String> headerValues() {
        return Gen.oneOf(
                Gen.strings(Gen.range(' ', '~'), 0, 20),
                Gen.of("  padded  ", "inner   spaces", "\tTab", "UPPER", "mIxEd", "a,b", "x=y; z"));
    }

    /** Bodies: empty, ASCII JSON, non-ASCII text, arbitrary bytes. */
    public static Gen<byte[]> bodies() {
        return Gen.oneOf(
                Gen.constant(new byte[0]),
                Gen.of("{\"Status\":\"FINISH\",\"Limit\":\"5\"}", "{\"Limit\":100,\"ScrollToken\":\"\"}",
                        "{\"名称\":\"任务\"}").map(text -> text.getBytes(StandardCharsets.UTF_8)),
                Gen.anyStrings(0, 200).map(text -> text.getBytes(StandardCharsets.UTF_8)),
                Gen.bytes(0, 300));
    }

    /** Unix seconds from 2001 to 2100. */
    public static Gen<Long> epochSeconds() {
        return Gen.longs(1_000_000_000L, 4_102_444_800L);
    }

    /** Access key ids as the providers issue them. */
    public static Gen<String> accessKeyIds() {
        return Gen.strings(Gen.range('A', 'Z') + Gen.range('a', 'z') + Gen.NUMERIC, 8, 40);
    }

    /** Secrets: ASCII as issued, sometimes with symbols. */
    public static Gen<String> secrets() {
        return Gen.oneOf(
                Gen.strings(Gen.range('!', '~'), 1, 48),
                Gen.strings(Gen.ALPHA + Gen.NUMERIC, 32, 32));
    }

    /** Key pairs: an access key id and a secret. */
    public static Gen<Keys> keys() {
        Gen<String> ids = accessKeyIds();
        Gen<String> secrets = secrets();
        return random -> new Keys(ids.next(random), secrets.next(random));
    }
}
