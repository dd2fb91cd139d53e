package dev.tasklens.signing;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** The awkward inputs every scheme's differential test draws from. */
public final class Generators {

    private Generators() {
    }

    /** Text with the characters that break naive encoders: space, + ~ * / %, non-ASCII, empty. */
    public static Arbitrary<String> awkwardText() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars(" +~*/%&=?#:;@!$'(),[]").ofMaxLength(6)
                        .flatMap(special -> Arbitraries.strings().alpha().numeric().ofMaxLength(6)
                                .map(plain -> plain + special)),
                Arbitraries.of("", " ", "a b", "a+b", "~tilde", "*star", "a/b", "100%", "%2F", "中文", "Ünïcödé",
                        "emoji😀", "x=y", "2017-10-10 00:00:00"),
                Arbitraries.strings().ofMaxLength(10));
    }

    /** Names of query parameters: mostly plain, sometimes awkward. */
    public static Arbitrary<String> parameterNames() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z').ofMinLength(1).ofMaxLength(8),
                Arbitraries.of("start_time", "end_time", "shipper_id", "maxSize", "marker", "a b", "x~y", "k*",
                        "名字", "a+b", "UPPER", "lower", "Mixed"));
    }

    /** Header values with surrounding and inner whitespace, upper case and non-ASCII-free text. */
    public static Arbitrary<String> headerValues() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(20),
                Arbitraries.of("  padded  ", "inner   spaces", "\tTab", "UPPER", "mIxEd", "a,b", "x=y; z"));
    }

    /** Bodies: empty, ASCII JSON, non-ASCII text, arbitrary bytes. */
    public static Arbitrary<byte[]> bodies() {
        return Arbitraries.oneOf(
                Arbitraries.just(new byte[0]),
                Arbitraries.of("{\"Status\":\"FINISH\",\"Limit\":\"5\"}", "{\"Limit\":100,\"ScrollToken\":\"\"}",
                        "{\"名称\":\"任务\"}").map(text -> text.getBytes(StandardCharsets.UTF_8)),
                Arbitraries.strings().ofMaxLength(200).map(text -> text.getBytes(StandardCharsets.UTF_8)),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(300));
    }

    /** Unix seconds from 2001 to 2100. */
    public static Arbitrary<Long> epochSeconds() {
        return Arbitraries.longs().between(1_000_000_000L, 4_102_444_800L);
    }

    /** Access key ids as the providers issue them. */
    public static Arbitrary<String> accessKeyIds() {
        return Arbitraries.strings().withCharRange('A', 'Z').withCharRange('a', 'z').numeric()
                .ofMinLength(8).ofMaxLength(40);
    }

    /** Secrets: ASCII as issued, sometimes with symbols. */
    public static Arbitrary<String> secrets() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(48),
                Arbitraries.strings().alpha().numeric().ofLength(32));
    }
}
