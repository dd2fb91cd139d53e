package dev.tasklens.adapters.credentials;

import dev.tasklens.ports.credentials.CredentialsFileException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An INI credentials file, as the clouds' SDKs and CLIs write them: {@code [section]} headers,
 * {@code key = value} lines, comment lines starting with {@code #} or {@code ;}. Tencent Cloud's
 * {@code ~/.tencentcloud/credentials} ({@code [default]} with {@code secret_id} and
 * {@code secret_key}) and Huawei Cloud's {@code ~/.huaweicloud/credentials} ({@code [basic]} with
 * {@code ak} and {@code sk}) are such files.
 *
 * <p>A line that is none of these makes the whole file malformed: the error names the file and the
 * line number, never the line, which may hold a secret. A value may be wrapped in double quotes.
 * Keys before the first section belong to the section {@code ""}.
 */
public final class ProfileFile {

    private static final Pattern SECTION = Pattern.compile("\\[\\s*([^\\]\\s][^\\]]*?)\\s*]\\s*");
    private static final Pattern ENTRY = Pattern.compile("([A-Za-z0-9_.\\-]+)\\s*=\\s*(.*?)\\s*");

    private final Path path;
    private final Map<String, Map<String, String>> sections;

    private ProfileFile(Path path, Map<String, Map<String, String>> sections) {
        this.path = path;
        this.sections = sections;
    }

    /**
     * Reads a profile file.
     *
     * @param path the file
     * @return the file, or empty when there is no such file (the next link of a chain is then tried)
     * @throws CredentialsFileException if it is there but cannot be read, is not UTF-8, or is malformed
     */
    public static Optional<ProfileFile> read(Path path) {
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        if (Files.isDirectory(path)) {
            throw new CredentialsFileException(path, "is a directory, not a credentials file");
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty(); // removed since the check: as if never there
        } catch (CharacterCodingException e) {
            throw new CredentialsFileException(path, "is not UTF-8 text; save it as UTF-8");
        } catch (IOException e) {
            throw new CredentialsFileException(path, "cannot be read (" + e.getClass().getSimpleName()
                    + "); check its permissions");
        }
        return Optional.of(parse(path, lines));
    }

    static ProfileFile parse(Path path, List<String> lines) {
        Map<String, Map<String, String>> sections = new HashMap<>();
        String section = "";
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1).strip();
            }
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            Matcher header = SECTION.matcher(line);
            if (header.matches()) {
                section = header.group(1);
                sections.computeIfAbsent(section, name -> new HashMap<>());
                continue;
            }
            Matcher entry = ENTRY.matcher(line);
            if (!entry.matches()) {
                throw new CredentialsFileException(path, "line " + (i + 1) + " is neither a [section], a key = value"
                        + " line nor a comment; fix or remove it");
            }
            String value = entry.group(2);
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            }
            sections.computeIfAbsent(section, name -> new HashMap<>()).put(entry.group(1), value);
        }
        return new ProfileFile(path, sections);
    }

    /**
     * The file read.
     *
     * @return its path
     */
    public Path path() {
        return path;
    }

    /**
     * Whether the file has a section.
     *
     * @param section the section's name
     * @return true when a {@code [section]} header is in the file
     */
    public boolean has(String section) {
        return sections.containsKey(section);
    }

    /**
     * A value.
     *
     * @param section the section
     * @param key the key
     * @return the value, or empty when the key is not in the section or is blank
     */
    public Optional<String> value(String section, String key) {
        return Optional.ofNullable(sections.getOrDefault(section, Map.of()).get(key)).filter(text -> !text.isBlank());
    }

    /**
     * A value that must be there.
     *
     * @param section the section
     * @param key the key
     * @return the value
     * @throws CredentialsFileException naming the file, the section and the key when it is missing or blank
     */
    public String require(String section, String key) {
        return value(section, key).orElseThrow(() -> new CredentialsFileException(path, (has(section)
                ? "section [" + section + "] has no " + key : "has no [" + section + "] section")
                + "; add [" + section + "] with " + key + " = ..."));
    }

    /** The path and the section names; never a value. */
    @Override
    public String toString() {
        return "ProfileFile[" + path + ", sections=" + new java.util.TreeSet<>(sections.keySet()) + "]";
    }
}
