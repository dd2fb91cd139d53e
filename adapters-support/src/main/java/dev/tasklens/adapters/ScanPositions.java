package dev.tasklens.adapters;

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
 * Where each scan of a listing stands, as one page position, for a provider that takes one
 * status per request (Tencent MPS {@code Status}, Baidu VOD {@code status}): per scan, empty when
 * it has finished, else the provider's page token to send next (empty text at its start). Written
 * as the scans' states joined by commas, {@code ~} for a finished scan and each token URL-encoded.
 * The scans run one after another, each page from one scan, so a resume token's count of
 * delivered items refers to that scan alone.
 */
public final class ScanPositions {

    private static final String DONE = "~";

    private ScanPositions() {
    }

    /**
     * Every scan at its start.
     *
     * @param scans how many scans
     * @return the states, each at its start
     */
    public static List<Optional<String>> start(int scans) {
        return new ArrayList<>(Collections.nCopies(scans, Optional.of("")));
    }

    /**
     * The page position that holds these states.
     *
     * @param states per scan: the token to send next, or empty once finished
     * @return the position text
     */
    public static String encode(List<Optional<String>> states) {
        List<String> parts = new ArrayList<>();
        for (Optional<String> state : states) {
            parts.add(state.map(token -> URLEncoder.encode(token, StandardCharsets.UTF_8)).orElse(DONE));
        }
        return "scans:" + String.join(",", parts);
    }

    /**
     * Reads a page position written by {@link #encode}.
     *
     * @param position the position text
     * @param scans how many scans the query has
     * @param source the source, for the error
     * @return the states
     * @throws InvalidQueryException if the position is not one written for this many scans
     */
    public static List<Optional<String>> decode(String position, int scans, SourceId source) {
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

    /**
     * The first scan that has not finished.
     *
     * @param states the states
     * @return its index, or the number of scans when all have finished
     */
    public static int current(List<Optional<String>> states) {
        int scan = 0;
        while (scan < states.size() && states.get(scan).isEmpty()) {
            scan++;
        }
        return scan;
    }
}
