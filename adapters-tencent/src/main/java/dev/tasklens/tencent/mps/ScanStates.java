package dev.tasklens.tencent.mps;

import dev.tasklens.domain.InvalidQueryException;
import dev.tasklens.domain.SourceId;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Where each status scan stands, as one page position: per scan, empty when it has finished,
 * else the {@code ScrollToken} to send next (empty text at its start). Written as the scans'
 * states joined by commas, {@code ~} for a finished scan and each token URL-encoded.
 */
final class ScanStates {

    private static final String DONE = "~";

    private ScanStates() {
    }

    static List<Optional<String>> start(int scans) {
        return new ArrayList<>(Collections.nCopies(scans, Optional.of("")));
    }

    static String encode(List<Optional<String>> states) {
        List<String> parts = new ArrayList<>();
        for (Optional<String> state : states) {
            parts.add(state.map(token -> URLEncoder.encode(token, StandardCharsets.UTF_8)).orElse(DONE));
        }
        return "scans:" + String.join(",", parts);
    }

    static List<Optional<String>> decode(String position, int scans, SourceId source) {
        if (!position.startsWith("scans:")) {
            throw notOurs(position, source);
        }
        String[] parts = position.substring("scans:".length()).split(",", -1);
        if (parts.length != scans) {
            throw notOurs(position, source);
        }
        List<Optional<String>> states = new ArrayList<>();
        for (String part : parts) {
            try {
                states.add(part.equals(DONE) ? Optional.empty()
                        : Optional.of(URLDecoder.decode(part, StandardCharsets.UTF_8)));
            } catch (IllegalArgumentException e) {
                throw notOurs(position, source);
            }
        }
        return states;
    }

    private static InvalidQueryException notOurs(String position, SourceId source) {
        String shown = position.length() > 60 ? position.substring(0, 57) + "..." : position;
        return new InvalidQueryException(source, "the page position '" + shown + "' is not one this source"
                + " made for this query; resume with the token tasklens printed for it");
    }
}
