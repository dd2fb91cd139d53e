package dev.tasklens.emulators;

import dev.tasklens.emulators.internal.EmulatorJson;
import dev.tasklens.emulators.faults.HostileReply;
import dev.tasklens.ports.http.HttpResponse;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import dev.tasklens.emulators.data.EmulatedTask;
import jakarta.json.JsonNumber;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/** Writes the hostile replies of the catalogue, most of them from the provider's real reply. */
final class HostileReplies {

    private static final Pattern PAGE_TOKEN = Pattern.compile("(?i).*(token|cursor|marker).*");
    private static final String TERMINAL_ATTACK = "\u001B]0;owned\u0007\u001B[2J\u202E";
    private static final BigDecimal HUGE = new BigDecimal("9".repeat(5_000));
    private static final BigDecimal HUGE_EXPONENT = new BigDecimal("1e2000000000");
    private static final BigDecimal TWO_TO_THE_64 = new BigDecimal(java.math.BigInteger.ONE.shiftLeft(64));

    private final AtomicLong freshTokens = new AtomicLong();

    /** The hostile form of the reply to a request, made from the handler's own reply where it can be. */
    HttpResponse write(HostileReply kind, ApiHandler handler, EmulatorRequest request) {
        return switch (kind) {
            case DEEP_NESTING -> json(handler.handle(request), "[".repeat(100_000));
            case EMPTY_OBJECT -> json(handler.handle(request), "{}");
            case ENDLESS_EMPTY_PAGES -> endless(handler, request, List.of());
            case ENDLESS_OLD_PAGES -> endless(handler, request, oldest(handler.catalogue()));
            case ENDLESS_PAGES_OUTSIDE_THE_QUERY -> endless(handler, request, oldest(handler.catalogue()).stream()
                    .map(HostileReplies::longBefore).toList());
            case OFFSET_READ_AS_ITEM_COUNT -> handler.offsetReadAsItemCount(request)
                    .orElseGet(() -> handler.handle(request));
            case STALLED_BODY -> handler.handle(request);
            default -> transform(kind, handler.handle(request));
        };
    }

    private HttpResponse endless(ApiHandler handler, EmulatorRequest request, List<EmulatedTask> tasks) {
        return handler.pageWithFreshToken(request, "hostile-" + freshTokens.incrementAndGet(), tasks)
                .orElseGet(() -> handler.handle(request));
    }

    /** A few real tasks of the API, the same on every call. */
    private static List<EmulatedTask> oldest(List<EmulatedTask> catalogue) {
        return catalogue.subList(0, Math.min(5, catalogue.size()));
    }

    /** The task as if created four hundred days before it was: outside any window a provider keeps. */
    private static EmulatedTask longBefore(EmulatedTask task) {
        Duration back = Duration.ofDays(400);
        return new EmulatedTask(task.id() + "-old", task.name(), task.type(), task.status(),
                task.createdAt().minus(back), task.startedAt().map(at -> at.minus(back)),
                task.finishedAt().map(at -> at.minus(back)));
    }

    private static HttpResponse json(HttpResponse like, String body) {
        return HttpResponse.of(200, like.headers(), body);
    }

    private static HttpResponse transform(HostileReply kind, HttpResponse real) {
        JsonValue parsed;
        try (JsonReader reader = EmulatorJson.provider().createReader(new ByteArrayInputStream(real.body()))) {
            parsed = reader.readValue();
        } catch (RuntimeException notJson) {
            return real;
        }
        return HttpResponse.of(real.status(), real.headers(), rewrite(kind, parsed, "").toString());
    }

    private static JsonValue rewrite(HostileReply kind, JsonValue value, String name) {
        switch (value.getValueType()) {
            case OBJECT -> {
                JsonObjectBuilder object = EmulatorJson.provider().createObjectBuilder();
                for (Map.Entry<String, JsonValue> field : value.asJsonObject().entrySet()) {
                    object.add(field.getKey(), rewrite(kind, field.getValue(), field.getKey()));
                }
                return object.build();
            }
            case ARRAY -> {
                if (kind == HostileReply.NULL_LISTS) {
                    return JsonValue.NULL;
                }
                JsonArrayBuilder array = EmulatorJson.provider().createArrayBuilder();
                value.asJsonArray().forEach(item -> array.add(rewrite(kind, item, name)));
                return array.build();
            }
            case STRING -> {
                String text = ((JsonString) value).getString();
                return switch (kind) {
                    case HUGE_NUMBERS -> EmulatorJson.provider().createValue(HUGE);
                    case HUGE_EXPONENTS -> EmulatorJson.provider().createValue(HUGE_EXPONENT);
                    case CONTROL_CHARACTERS -> PAGE_TOKEN.matcher(name).matches() ? value
                            : EmulatorJson.provider().createValue(text + TERMINAL_ATTACK);
                    default -> value;
                };
            }
            case NUMBER -> {
                JsonNumber number = (JsonNumber) value;
                if (!number.isIntegral()) {
                    return value;
                }
                BigDecimal whole = number.bigDecimalValue();
                return switch (kind) {
                    case OUT_OF_RANGE_NUMBERS -> EmulatorJson.provider().createValue(whole.add(TWO_TO_THE_64));
                    case FRACTIONAL_NUMBERS -> EmulatorJson.provider().createValue(whole.add(new BigDecimal("0.9")));
                    case EXPONENT_NUMBERS -> EmulatorJson.provider().createValue(
                            new BigDecimal(whole.unscaledValue(), -1));
                    default -> value;
                };
            }
            default -> {
                return value;
            }
        }
    }
}
