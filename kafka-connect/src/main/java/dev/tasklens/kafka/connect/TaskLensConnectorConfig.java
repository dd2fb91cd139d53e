package dev.tasklens.kafka.connect;

import dev.tasklens.domain.InvalidQueryException;
import dev.tasklens.domain.SourceDescriptor;
import dev.tasklens.domain.SourceId;
import dev.tasklens.domain.TaskQuery;
import dev.tasklens.domain.TaskStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;

/**
 * The connector's configuration: what to watch (sources, accounts, scopes, statuses), how often,
 * and where the records go. Every key is checked by {@link #definition()} and {@link #problems},
 * which {@code validate} reports field by field.
 *
 * <p>An account is a named set of the variables the tasklens library reads its credentials and
 * endpoints from: {@code tasklens.account.<name>.env.<VARIABLE>}, such as
 * {@code tasklens.account.prod.env.TENCENTCLOUD_SECRET_KEY=${file:/etc/kafka/secrets:tencent.key}}.
 * Every such key is a {@link Type#PASSWORD}: give secrets through a Connect config provider
 * ({@code ${env:...}}, {@code ${file:...}}) and they appear neither in the worker's logs nor in its
 * REST answers. An account with no variables finds credentials as the library does on the worker's
 * machine (profile files, instance roles).
 */
public final class TaskLensConnectorConfig {

    /** The topic the change records go to. */
    public static final String TOPIC = "topic";
    /** The sources to watch, such as {@code tencent.mps,huawei.ies}. */
    public static final String SOURCES = "tasklens.sources";
    /** The accounts' names; each is watched on every source. */
    public static final String ACCOUNTS = "tasklens.accounts";
    /** The prefix of an account's variables: {@code tasklens.account.<name>.env.<VARIABLE>}. */
    public static final String ACCOUNT_PREFIX = "tasklens.account.";
    /** The scopes: {@code source:name=value&name=value} entries, one partition each. */
    public static final String SCOPES = "tasklens.scopes";
    /** The statuses reported (all when empty). */
    public static final String STATUSES = "tasklens.statuses";
    /** How often each partition is polled. */
    public static final String POLL_INTERVAL_MS = "tasklens.poll.interval.ms";
    /** After how long an open task is reported {@code STALE} (0: never). */
    public static final String STALE_AFTER_MS = "tasklens.stale.after.ms";
    /** {@code string} ({@code source/account/id}) or {@code struct} keys. */
    public static final String KEY_FORMAT = "tasklens.key.format";
    /** How often an idle partition writes a heartbeat record that moves its offset (0: never). */
    public static final String HEARTBEAT_INTERVAL_MS = "tasklens.heartbeat.interval.ms";
    /** The topic of heartbeat records; {@code <topic>.heartbeats} when empty. */
    public static final String HEARTBEAT_TOPIC = "tasklens.heartbeat.topic";
    /** How many polls' records a task holds before its pollers wait. */
    public static final String QUEUE_POLLS = "tasklens.queue.polls";
    /** A task's partitions, written by the connector. */
    static final String TASK_PARTITIONS = "tasklens.task.partitions";

    private static final Pattern TOPIC_NAME = Pattern.compile("[a-zA-Z0-9._-]{1,249}");
    private static final Pattern ACCOUNT_NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    private static final Pattern VARIABLE = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final String GROUP = "tasklens";

    private final String topic;
    private final List<SourceId> sources;
    private final List<String> accounts;
    private final Map<String, Map<String, String>> environments;
    private final Map<SourceId, List<SortedMap<String, String>>> scopes;
    private final Set<TaskStatus> statuses;
    private final Duration pollInterval;
    private final Optional<Duration> staleAfter;
    private final KeyFormat keyFormat;
    private final Optional<Duration> heartbeatInterval;
    private final String heartbeatTopic;
    private final int queuePolls;

    /** How record keys are written. */
    public enum KeyFormat {
        /** {@code source/account/id}, a string. */
        STRING,
        /** A struct with {@code source}, {@code account} and {@code id}. */
        STRUCT
    }

    private TaskLensConnectorConfig(Map<String, String> props) {
        Map<String, Object> parsed = definition().parse(props);
        this.topic = (String) parsed.get(TOPIC);
        this.sources = ((List<?>) parsed.get(SOURCES)).stream().map(String::valueOf).map(String::strip)
                .map(SourceId::of).toList();
        this.accounts = ((List<?>) parsed.get(ACCOUNTS)).stream().map(String::valueOf).map(String::strip).toList();
        this.environments = environments(props, accounts);
        this.scopes = scopes(((List<?>) parsed.get(SCOPES)).stream().map(String::valueOf).toList());
        this.statuses = statuses(((List<?>) parsed.get(STATUSES)).stream().map(String::valueOf).toList());
        this.pollInterval = Duration.ofMillis((Long) parsed.get(POLL_INTERVAL_MS));
        long stale = (Long) parsed.get(STALE_AFTER_MS);
        this.staleAfter = stale == 0 ? Optional.empty() : Optional.of(Duration.ofMillis(stale));
        this.keyFormat = KeyFormat.valueOf(((String) parsed.get(KEY_FORMAT)).toUpperCase(Locale.ROOT));
        long heartbeat = (Long) parsed.get(HEARTBEAT_INTERVAL_MS);
        this.heartbeatInterval = heartbeat == 0 ? Optional.empty() : Optional.of(Duration.ofMillis(heartbeat));
        String heartbeats = ((String) parsed.get(HEARTBEAT_TOPIC)).strip();
        this.heartbeatTopic = heartbeats.isEmpty() ? topic + ".heartbeats" : heartbeats;
        this.queuePolls = (Integer) parsed.get(QUEUE_POLLS);
    }

    /**
     * Reads a configuration.
     *
     * @param props the connector's or a task's properties
     * @return the configuration
     * @throws ConfigException naming the key that is wrong and why
     */
    public static TaskLensConnectorConfig parse(Map<String, String> props) {
        return new TaskLensConnectorConfig(props);
    }

    /**
     * The keys every configuration has, with their types, defaults, validators and documentation.
     * The account variables ({@code tasklens.account.<name>.env.<VARIABLE>}) are named by the user:
     * {@link #definition(Map)} adds them.
     *
     * @return the definition
     */
    public static ConfigDef definition() {
        int order = 0;
        return new ConfigDef()
                .define(TOPIC, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, (name, value) -> {
                    if (value == null || !TOPIC_NAME.matcher((String) value).matches() || value.equals(".")
                            || value.equals("..")) {
                        throw new ConfigException(name, value, "a topic name is 1 to 249 letters, digits, '.', '_'"
                                + " or '-'");
                    }
                }, Importance.HIGH, "The topic the task changes go to.", GROUP, ++order, Width.MEDIUM, "Topic")
                .define(SOURCES, Type.LIST, ConfigDef.NO_DEFAULT_VALUE, (name, value) -> {
                    if (((List<?>) value).isEmpty()) {
                        throw new ConfigException(name, value, "name at least one source, such as tencent.mps");
                    }
                    for (Object source : (List<?>) value) {
                        try {
                            SourceId.of(String.valueOf(source).strip());
                        } catch (IllegalArgumentException | InvalidQueryException e) {
                            throw new ConfigException(name, value, e.getMessage());
                        }
                    }
                }, Importance.HIGH, "The sources to watch, such as tencent.mps,huawei.ies.", GROUP, ++order,
                        Width.LONG, "Sources")
                .define(ACCOUNTS, Type.LIST, "default", (name, value) -> {
                    List<?> names = (List<?>) value;
                    if (names.isEmpty()) {
                        throw new ConfigException(name, value, "name at least one account, such as default");
                    }
                    for (Object account : names) {
                        if (!ACCOUNT_NAME.matcher(String.valueOf(account).strip()).matches()) {
                            throw new ConfigException(name, value, "an account name is 1 to 64 lower-case letters,"
                                    + " digits, '_' or '-', starting with a letter or digit");
                        }
                    }
                    if (names.stream().map(String::valueOf).map(String::strip).distinct().count() != names.size()) {
                        throw new ConfigException(name, value, "an account is named twice");
                    }
                }, Importance.HIGH, "The accounts watched on every source. An account's credentials and endpoints"
                        + " are the variables tasklens.account.<name>.env.<VARIABLE> (passwords: give them through a"
                        + " config provider); an account with none finds them as tasklens does on the worker.",
                        GROUP, ++order, Width.LONG, "Accounts")
                .define(SCOPES, Type.LIST, "", (name, value) -> scopes(((List<?>) value).stream().map(String::valueOf)
                        .toList()), Importance.MEDIUM, "Scopes, one partition each: source:name=value&name=value,"
                        + " such as tencent.cls:shipper_id=abc. A source with none is watched without scope.",
                        GROUP, ++order, Width.LONG, "Scopes")
                .define(STATUSES, Type.LIST, "", (name, value) -> statuses(((List<?>) value).stream()
                        .map(String::valueOf).toList()), Importance.MEDIUM, "The statuses reported (PENDING,"
                        + " RUNNING, SUCCEEDED, FAILED); all when empty.", GROUP, ++order, Width.MEDIUM, "Statuses")
                .define(POLL_INTERVAL_MS, Type.LONG, 30_000L, ConfigDef.Range.between(1_000L, 86_400_000L),
                        Importance.MEDIUM, "How often each partition is polled (it is jittered), 1 s to 1 day.", GROUP,
                        ++order, Width.SHORT, "Poll interval (ms)")
                .define(STALE_AFTER_MS, Type.LONG, 0L, ConfigDef.Range.atLeast(0L), Importance.LOW,
                        "After how long an open task is reported STALE, once; 0 for never.", GROUP, ++order,
                        Width.SHORT, "Stale after (ms)")
                .define(KEY_FORMAT, Type.STRING, "string", ConfigDef.CaseInsensitiveValidString.in("string", "struct"),
                        Importance.LOW, "Record keys: string (source/account/id) or struct (source, account, id).",
                        GROUP, ++order, Width.SHORT, "Key format")
                .define(HEARTBEAT_INTERVAL_MS, Type.LONG, 0L, ConfigDef.Range.atLeast(0L), Importance.LOW,
                        "How often a partition with no change writes a heartbeat record that moves its offset"
                        + " forward; 0 for never.", GROUP, ++order, Width.SHORT, "Heartbeat interval (ms)")
                .define(HEARTBEAT_TOPIC, Type.STRING, "", Importance.LOW, "The heartbeats' topic; <topic>.heartbeats"
                        + " when empty.", GROUP, ++order, Width.MEDIUM, "Heartbeat topic")
                .define(QUEUE_POLLS, Type.INT, 16, ConfigDef.Range.between(1, 10_000), Importance.LOW,
                        "How many polls' records a task holds for Connect before its pollers wait.", GROUP, ++order,
                        Width.SHORT, "Queue (polls)")
                .defineInternal(TASK_PARTITIONS, Type.STRING, "", Importance.LOW);
    }

    /**
     * The definition with the account variables these properties name, each a {@link Type#PASSWORD}.
     *
     * @param props the properties
     * @return the definition
     */
    public static ConfigDef definition(Map<String, String> props) {
        ConfigDef definition = definition();
        for (String key : new java.util.TreeSet<>(props.keySet())) {
            if (key.startsWith(ACCOUNT_PREFIX) && !definition.names().contains(key)) {
                definition.define(key, Type.PASSWORD, null, Importance.HIGH, "An account variable: a credential,"
                        + " a region or an endpoint the tasklens library reads.");
            }
        }
        return definition;
    }

    /**
     * What is wrong beyond each key's own rules, by key: sources no adapter provides, scopes a source
     * does not take or lacks, account variables of accounts not named, and accounts whose
     * credentials a source cannot find.
     *
     * @param props the properties
     * @param known the sources the adapters on the class path provide
     * @param credentials for an account and a source, why no credentials are found (empty when they are)
     * @return key to messages; empty when all is well
     */
    public static Map<String, List<String>> problems(Map<String, String> props, Collection<SourceDescriptor> known,
            CredentialsCheck credentials) {
        Map<String, List<String>> problems = new LinkedHashMap<>();
        TaskLensConnectorConfig config;
        try {
            config = parse(props);
        } catch (ConfigException e) {
            return problems; // each key's own validator says it
        }
        Map<SourceId, SourceDescriptor> byId = new TreeMap<>();
        known.forEach(descriptor -> byId.put(descriptor.id(), descriptor));
        for (SourceId source : config.sources) {
            if (!byId.containsKey(source)) {
                add(problems, SOURCES, "no adapter in the plugin provides " + source + "; the sources are "
                        + byId.keySet());
            }
        }
        for (SourceId scoped : config.scopes.keySet()) {
            if (!config.sources.contains(scoped)) {
                add(problems, SCOPES, "a scope is given for " + scoped + ", which " + SOURCES + " does not name");
            }
        }
        for (WatchedPartition partition : config.partitions()) {
            SourceDescriptor descriptor = byId.get(partition.source());
            if (descriptor == null || !partition.account().equals(config.accounts.get(0))) {
                continue;
            }
            TaskQuery.Builder query = TaskQuery.forSource(descriptor);
            partition.scope().forEach(query::scope);
            try {
                descriptor.check(query.build(), Instant.now());
            } catch (InvalidQueryException e) {
                add(problems, SCOPES, e.getMessage() + " (give it as " + partition.source() + ":name=value)");
            }
        }
        for (String key : props.keySet()) {
            if (key.startsWith(ACCOUNT_PREFIX)) {
                Optional<String> account = accountOf(key);
                if (account.isEmpty()) {
                    add(problems, ACCOUNTS, "'" + key + "' is not " + ACCOUNT_PREFIX + "<name>.env.<VARIABLE>");
                } else if (!config.accounts.contains(account.get())) {
                    add(problems, ACCOUNTS, "'" + key + "' is for account '" + account.get() + "', which " + ACCOUNTS
                            + " does not name");
                }
            }
        }
        if (problems.isEmpty()) {
            for (String account : config.accounts) {
                for (SourceId source : config.sources) {
                    credentials.missing(account, config.environment(account), source).ifPresent(why -> add(problems,
                            ACCOUNTS, "account '" + account + "' has no credentials for " + source + ": " + why));
                }
            }
        }
        return problems;
    }

    /** Why an account has no credentials for a source. */
    @FunctionalInterface
    public interface CredentialsCheck {

        /**
         * Looks for an account's credentials for a source.
         *
         * @param account the account's name
         * @param environment its variables
         * @param source the source
         * @return why none are found, or empty when they are
         */
        Optional<String> missing(String account, Map<String, String> environment, SourceId source);
    }

    private static void add(Map<String, List<String>> problems, String key, String message) {
        problems.computeIfAbsent(key, name -> new ArrayList<>()).add(message);
    }

    /** The account of a {@code tasklens.account.<name>.env.<VARIABLE>} key. */
    private static Optional<String> accountOf(String key) {
        String rest = key.substring(ACCOUNT_PREFIX.length());
        int env = rest.indexOf(".env.");
        if (env <= 0 || !ACCOUNT_NAME.matcher(rest.substring(0, env)).matches()
                || !VARIABLE.matcher(rest.substring(env + ".env.".length())).matches()) {
            return Optional.empty();
        }
        return Optional.of(rest.substring(0, env));
    }

    private static Map<String, Map<String, String>> environments(Map<String, String> props, List<String> accounts) {
        Map<String, Map<String, String>> environments = new LinkedHashMap<>();
        accounts.forEach(account -> environments.put(account, new TreeMap<>()));
        props.forEach((key, value) -> {
            if (key.startsWith(ACCOUNT_PREFIX)) {
                accountOf(key).filter(environments::containsKey).ifPresent(account -> environments.get(account)
                        .put(key.substring(key.indexOf(".env.") + ".env.".length()), value));
            }
        });
        return environments;
    }

    private static Map<SourceId, List<SortedMap<String, String>>> scopes(List<String> entries) {
        Map<SourceId, List<SortedMap<String, String>>> scopes = new TreeMap<>();
        for (String entry : entries) {
            String text = entry.strip();
            int colon = text.indexOf(':');
            if (colon <= 0) {
                throw new ConfigException(SCOPES, entry, "a scope is source:name=value&name=value, such as"
                        + " tencent.cls:shipper_id=abc");
            }
            SourceId source;
            SortedMap<String, String> scope;
            try {
                source = SourceId.of(text.substring(0, colon));
                scope = WatchedPartition.parseScope(text.substring(colon + 1));
            } catch (IllegalArgumentException | InvalidQueryException e) {
                throw new ConfigException(SCOPES, entry, e.getMessage());
            }
            List<SortedMap<String, String>> ofSource = scopes.computeIfAbsent(source, id -> new ArrayList<>());
            if (ofSource.contains(scope)) {
                throw new ConfigException(SCOPES, entry, "this scope is given twice");
            }
            ofSource.add(scope);
        }
        return scopes;
    }

    private static Set<TaskStatus> statuses(List<String> names) {
        Set<TaskStatus> statuses = EnumSet.noneOf(TaskStatus.class);
        for (String name : names) {
            try {
                statuses.add(TaskStatus.valueOf(name.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException | InvalidQueryException e) {
                throw new ConfigException(STATUSES, name, "not a status; the statuses are "
                        + java.util.Arrays.toString(TaskStatus.values()));
            }
        }
        return statuses;
    }

    /**
     * Every partition: each account on each source, in each of the source's scopes (or none).
     *
     * @return the partitions, by account, then source, then scope
     */
    public List<WatchedPartition> partitions() {
        List<WatchedPartition> partitions = new ArrayList<>();
        for (String account : accounts) {
            for (SourceId source : sources) {
                for (SortedMap<String, String> scope : scopes.getOrDefault(source, List.of(new TreeMap<>()))) {
                    partitions.add(new WatchedPartition(source, account, scope));
                }
            }
        }
        return partitions;
    }

    /**
     * The topic of change records.
     *
     * @return the topic
     */
    public String topic() {
        return topic;
    }

    /**
     * The sources watched.
     *
     * @return the sources
     */
    public List<SourceId> sources() {
        return sources;
    }

    /**
     * The accounts' names.
     *
     * @return the names
     */
    public List<String> accounts() {
        return accounts;
    }

    /**
     * An account's variables.
     *
     * @param account the account
     * @return variable to value; empty for an account with none
     */
    public Map<String, String> environment(String account) {
        return java.util.Collections.unmodifiableMap(environments.getOrDefault(account, Map.of()));
    }

    /**
     * The statuses reported.
     *
     * @return the statuses; empty for all
     */
    public Set<TaskStatus> statuses() {
        return statuses;
    }

    /**
     * The poll interval.
     *
     * @return the interval
     */
    public Duration pollInterval() {
        return pollInterval;
    }

    /**
     * After how long an open task is reported stale.
     *
     * @return the age, if set
     */
    public Optional<Duration> staleAfter() {
        return staleAfter;
    }

    /**
     * How keys are written.
     *
     * @return the format
     */
    public KeyFormat keyFormat() {
        return keyFormat;
    }

    /**
     * How often an idle partition writes a heartbeat.
     *
     * @return the interval, if heartbeats are on
     */
    public Optional<Duration> heartbeatInterval() {
        return heartbeatInterval;
    }

    /**
     * The heartbeats' topic.
     *
     * @return the topic
     */
    public String heartbeatTopic() {
        return heartbeatTopic;
    }

    /**
     * How many polls a task holds.
     *
     * @return the count
     */
    public int queuePolls() {
        return queuePolls;
    }

    /** The keys and settings, never an account variable's value. */
    @Override
    public String toString() {
        return "TaskLensConnectorConfig[topic=" + topic + ", sources=" + sources + ", accounts=" + accounts
                + ", scopes=" + scopes + ", interval=" + pollInterval + "]";
    }
}
