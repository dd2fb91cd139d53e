package dev.tasklens.kafka.connect;

import dev.tasklens.domain.InvalidQueryException;
import dev.tasklens.domain.SourceId;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One source partition of the connector: a source, listed as one account, in one scope (a CLS
 * shipper, a MetaStudio project). Its Connect partition is {@code {source, account, scope}}, three
 * strings in that key order, whatever JVM writes it: a partition map whose key order changed
 * between workers would not find its stored offset. Its offset is the watch position.
 *
 * @param source the source
 * @param account the account's name, as the connector configuration names it
 * @param scope the scope parameters, sorted by name
 */
public record WatchedPartition(SourceId source, String account, SortedMap<String, String> scope) {

    /** The partition key of the source id. */
    public static final String SOURCE = "source";
    /** The partition key of the account name. */
    public static final String ACCOUNT = "account";
    /** The partition key of the scope, written {@code name=value&name=value} (URL-encoded, sorted). */
    public static final String SCOPE = "scope";
    /** The offset key of the watch position. */
    public static final String POSITION = "position";

    /**
     * Checks and freezes the parts.
     *
     * @param source see the record component
     * @param account see the record component
     * @param scope see the record component
     */
    public WatchedPartition {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(account, "account");
        scope = Collections.unmodifiableSortedMap(new TreeMap<>(Objects.requireNonNull(scope, "scope")));
    }

    /**
     * The Connect source partition: {@code source}, {@code account}, {@code scope}, in that order.
     *
     * @return a new map
     */
    public Map<String, Object> partition() {
        Map<String, Object> partition = new LinkedHashMap<>();
        partition.put(SOURCE, source.value());
        partition.put(ACCOUNT, account);
        partition.put(SCOPE, scopeText());
        return partition;
    }

    /**
     * The scope as the partition writes it.
     *
     * @return {@code name=value&name=value}, URL-encoded and sorted by name; empty for no scope
     */
    public String scopeText() {
        StringBuilder text = new StringBuilder();
        scope.forEach((name, value) -> {
            if (text.length() > 0) {
                text.append('&');
            }
            text.append(encode(name)).append('=').append(encode(value));
        });
        return text.toString();
    }

    /**
     * A partition as Connect hands it back (the offsets REST API, the offset reader).
     *
     * @param partition the map
     * @return the partition, or empty when the map is not one of ours (other keys, missing ones)
     */
    public static Optional<WatchedPartition> from(Map<String, ?> partition) {
        if (partition == null || !partition.keySet().equals(java.util.Set.of(SOURCE, ACCOUNT, SCOPE))
                || !(partition.get(SOURCE) instanceof String source) || !(partition.get(ACCOUNT) instanceof String account)
                || !(partition.get(SCOPE) instanceof String scope)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new WatchedPartition(SourceId.of(source), account, parseScope(scope)));
        } catch (IllegalArgumentException | InvalidQueryException e) {
            return Optional.empty();
        }
    }

    /**
     * This partition in one token of a task's configuration: {@code source|account|scope}.
     *
     * @return the token
     */
    String encode() {
        return source.value() + "|" + account + "|" + scopeText();
    }

    /**
     * A partition from its token.
     *
     * @param token as {@link #encode()} wrote it
     * @return the partition
     * @throws IllegalArgumentException if it is not such a token
     */
    static WatchedPartition decode(String token) {
        String[] parts = token.split("\\|", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a partition token: " + token);
        }
        return new WatchedPartition(SourceId.of(parts[0]), parts[1], parseScope(parts[2]));
    }

    /**
     * Scope parameters from {@code name=value&name=value}.
     *
     * @param text the text, URL-encoded
     * @return the parameters
     * @throws IllegalArgumentException if a pair has no {@code =} or a name repeats
     */
    static SortedMap<String, String> parseScope(String text) {
        SortedMap<String, String> scope = new TreeMap<>();
        if (text.isEmpty()) {
            return scope;
        }
        for (String pair : text.split("&", -1)) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("'" + pair + "' is not name=value");
            }
            String name = URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8);
            if (scope.put(name, URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8)) != null) {
                throw new IllegalArgumentException("scope parameter '" + name + "' is given twice");
            }
        }
        return scope;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** The partition as the key of a record or a log line: {@code source/account/scope}. */
    @Override
    public String toString() {
        return source.value() + "/" + account + (scope.isEmpty() ? "" : "/" + scopeText());
    }
}
