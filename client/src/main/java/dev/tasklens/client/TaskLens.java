package dev.tasklens.client;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.TypeLiteral;
import com.google.inject.util.Modules;
import dev.tasklens.domain.InvalidQueryException;
import dev.tasklens.domain.SourceDescriptor;
import dev.tasklens.domain.SourceId;
import dev.tasklens.domain.Task;
import dev.tasklens.domain.TaskQuery;
import dev.tasklens.domain.TokenSeal;
import dev.tasklens.domain.paging.Pager;
import dev.tasklens.ports.http.HttpTransport;
import dev.tasklens.domain.paging.Concurrency;
import dev.tasklens.ports.listing.SourceListing;
import dev.tasklens.ports.resilience.RetryPolicy;
import dev.tasklens.ports.resilience.Sleeper;
import dev.tasklens.ports.credentials.CredentialLookup;
import dev.tasklens.ports.credentials.CredentialsOrigin;
import dev.tasklens.ports.source.SourceSettings;
import dev.tasklens.ports.source.TaskSource;
import dev.tasklens.transport.jdk.JdkHttpTransport;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Where users start: lists tasks from any source whose adapter is on the class path.
 * <pre>{@code
 * try (TaskLens lens = TaskLens.create()) {
 *     lens.list(TaskQuery.forSource(SourceId.TENCENT_MPS).status(TaskStatus.FAILED).build())
 *         .stream().forEach(task -> ...);
 * }
 * }</pre>
 *
 * <p>{@link #create()} finds every adapter's Guice module with {@link ServiceLoader} (each adapter
 * registers one under {@code META-INF/services/com.google.inject.Module}) and builds one injector
 * with working defaults: the JDK HTTP transport, the default retry policy, the system clock, real
 * sleeping, and credentials from each provider's usual environment variables. The
 * {@link Builder} replaces any of them without Guice code; {@link Builder#module(Module)} adds or
 * overrides modules for those who use Guice.
 */
public final class TaskLens implements AutoCloseable {

    private final Map<SourceId, TaskSource> sources;
    private final Clock clock;
    /** The variable that, set to {@code 1}, keeps the credentials chains away from metadata services. */
    public static final String NO_METADATA = "TASKLENS_NO_METADATA";

    private final List<HttpTransport> ownTransports;
    private final TokenSeal seal;
    private final Concurrency concurrency;
    private final Optional<String> tokensBoundTo;
    private final Sleeper sleeper;

    private TaskLens(Map<SourceId, TaskSource> sources, Clock clock, List<HttpTransport> ownTransports,
            TokenSeal seal, Concurrency concurrency, Optional<String> tokensBoundTo, Sleeper sleeper) {
        this.sleeper = sleeper;
        this.seal = seal;
        this.concurrency = concurrency;
        this.tokensBoundTo = tokensBoundTo;
        this.sources = Collections.unmodifiableMap(new TreeMap<>(sources));
        this.clock = clock;
        this.ownTransports = List.copyOf(ownTransports);
    }

    /**
     * A TaskLens with every adapter on the class path and the defaults.
     *
     * @return the facade; close it to release its HTTP connections
     */
    public static TaskLens create() {
        return builder().build();
    }

    /**
     * Starts a configured TaskLens.
     *
     * @return a builder holding the defaults
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The sources this TaskLens can list, by id.
     *
     * @return the descriptors, sorted by id
     */
    public List<SourceDescriptor> sources() {
        return sources.values().stream().map(TaskSource::descriptor).collect(Collectors.toList());
    }

    /**
     * Where a source's credentials come from ({@code env}, {@code profile default (PATH)},
     * {@code instance role NAME}), looking for them now if that was not done yet; or where it
     * looked when it found none. Never a key or a token.
     *
     * @param source the source
     * @return whether credentials were found, and where
     * @throws InvalidQueryException if no adapter provides the source
     * @throws dev.tasklens.ports.credentials.CredentialsFileException if a credentials file is
     *     there but cannot be used
     */
    public CredentialsOrigin credentialsOrigin(SourceId source) {
        TaskSource found = sources.get(Objects.requireNonNull(source, "source"));
        if (found == null) {
            throw new InvalidQueryException(source, "no adapter on the class path provides this source;"
                    + " known sources: " + sources.keySet());
        }
        return found.credentialsOrigin();
    }

    /**
     * A source's description.
     *
     * @param id the source id
     * @return the descriptor, if an adapter provides the source
     */
    public Optional<SourceDescriptor> source(SourceId id) {
        return Optional.ofNullable(sources.get(id)).map(TaskSource::descriptor);
    }

    /**
     * Lists one source, lazily: nothing is fetched until the result is consumed.
     *
     * @param query the query
     * @return a single-use listing: {@code stream()}, {@code pages()} and {@code resumeToken()}
     * @throws InvalidQueryException if no adapter provides the source or the query breaks its rules
     */
    public Pager<Task> list(TaskQuery query) {
        TaskSource source = sources.get(query.source());
        if (source == null) {
            throw new InvalidQueryException(query.source(), "no adapter on the class path provides this source;"
                    + " known sources: " + sources.keySet() + ". Add the provider's tasklens-adapters jar");
        }
        SourceListing listing = SourceListing.of(source, clock, seal).withConcurrency(concurrency);
        return tokensBoundTo.map(listing::withTokensBoundTo).orElse(listing).list(query);
    }

    /**
     * Watches one source: polls it at the query's interval, through its retries and rate limit, and
     * reports the changes between listings ({@link TaskWatch}). The watch's position is bound like
     * resume tokens, to the source's endpoint and account, and to the watch's scope.
     *
     * @param query what to watch
     * @return the running watch; close it to stop
     * @throws InvalidQueryException if no adapter provides the source, its scope breaks the source's
     *     rules, or the position to resume from cannot be read
     */
    public TaskWatch watch(WatchQuery query) {
        TaskSource source = watched(query);
        TokenSeal bound = watchSeal(query, source);
        return new TaskWatch(query, source.descriptor(), listing -> {
            Pager<Task> pager = list(listing);
            return pager.stream().onClose(pager::close);
        }, bound, clock, sleeper,
                () -> java.util.concurrent.ThreadLocalRandom.current().nextDouble());
    }

    /**
     * Checks a watch query as {@link #watch} would, without starting it: the source, its scope, and
     * the position to resume from (that it reads, is intact and was made for this source, endpoint,
     * account and scope). For a tool that stores positions elsewhere and is handed one back (the
     * Kafka Connect offsets REST API).
     *
     * @param query the query
     * @throws InvalidQueryException saying what is wrong
     */
    public void checkWatch(WatchQuery query) {
        TaskSource source = watched(query);
        TokenSeal bound = watchSeal(query, source);
        query.resumeFrom().ifPresent(text -> dev.tasklens.domain.watch.WatchPosition.read(text, query.source(), bound));
    }

    private TaskSource watched(WatchQuery query) {
        TaskSource source = sources.get(query.source());
        if (source == null) {
            throw new InvalidQueryException(query.source(), "no adapter on the class path provides this source;"
                    + " known sources: " + sources.keySet() + ". Add the provider's tasklens-adapters jar");
        }
        TaskQuery.Builder probe = TaskQuery.forSource(source.descriptor());
        query.scope().forEach(probe::scope);
        source.descriptor().check(probe.build(), clock.instant());
        return source;
    }

    /** A position is the state of one source, account and scope: bound to all three. */
    private TokenSeal watchSeal(WatchQuery query, TaskSource source) {
        return seal.boundAlsoTo(tokensBoundTo.map(name -> name + " " + query.source().value())
                .orElseGet(source::tokenBinding)).boundAlsoTo("scope " + new TreeMap<>(query.scope()));
    }

    /**
     * Lists several sources at once, each on its own thread; tasks arrive as they are fetched, and
     * a failing source does not stop the others.
     *
     * @param queries one query per source
     * @return the combined listing
     * @throws InvalidQueryException if a query names an unknown source or breaks its rules (before
     *     any request)
     */
    public MultiListing listAll(List<TaskQuery> queries) {
        List<Pager<Task>> pagers = new ArrayList<>();
        List<SourceId> ids = new ArrayList<>();
        for (TaskQuery query : queries) {
            pagers.add(list(query));
            ids.add(query.source());
        }
        return new MultiListing(ids, pagers);
    }

    /** The first cause an adapter threw, or a plain account of the wiring failure. */
    private static RuntimeException unwrap(RuntimeException wiring) {
        Throwable cause = wiring;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
            if (cause instanceof IllegalArgumentException || cause instanceof dev.tasklens.domain.TaskLensException) {
                return (RuntimeException) cause;
            }
        }
        return new IllegalStateException("the adapters could not be wired: " + cause.getMessage(), wiring);
    }

    /** Releases the HTTP transport this TaskLens created (a transport passed in stays open). */
    @Override
    public void close() {
        ownTransports.forEach(HttpTransport::close);
    }

    /** Configures a {@link TaskLens}. Not thread-safe. */
    public static final class Builder {
        private Optional<HttpTransport> transport = Optional.empty();
        private TokenSeal seal = TokenSeal.none();
        private Clock clock = Clock.systemUTC();
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private Sleeper sleeper = Sleeper.system();
        private final List<Module> modules = new ArrayList<>();
        private boolean discover = true;
        private Map<String, String> environment = System.getenv();
        private final Map<SourceId, URI> endpoints = new TreeMap<>();
        private Concurrency concurrency = Concurrency.of(Concurrency.DEFAULT_PAGES);
        private Optional<String> tokensBoundTo = Optional.empty();
        private boolean metadata = true;
        private Optional<java.nio.file.Path> home = Optional.empty();

        private Builder() {
        }

        /**
         * Uses this HTTP transport (default: a {@code JdkHttpTransport} the TaskLens closes).
         *
         * @param value the transport; the caller closes it
         * @return this builder
         */
        public Builder transport(HttpTransport value) {
            this.transport = Optional.of(Objects.requireNonNull(value, "transport"));
            return this;
        }

        /**
         * Uses this clock (default: the system clock, UTC).
         *
         * @param value the clock
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * Uses this retry policy (default: {@link RetryPolicy#defaults()}).
         *
         * @param value the policy
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy value) {
            this.retryPolicy = Objects.requireNonNull(value, "retry policy");
            return this;
        }

        /**
         * Bounds each call to a provider, all its attempts and waits together (default 50 s, {@link
         * RetryPolicy#DEFAULT_DEADLINE}): a listing against a server that stalls fails within it, and
         * throttling is retried until it passes. Changes the retry policy's deadline.
         *
         * @param value positive
         * @return this builder
         * @throws IllegalArgumentException if the value is not positive
         */
        public Builder callTimeout(Duration value) {
            this.retryPolicy = retryPolicy.withDeadline(value);
            return this;
        }

        /**
         * Bounds each attempt at a call, connection, headers and body together (default 15 s, {@link
         * RetryPolicy#DEFAULT_ATTEMPT_TIMEOUT}). Changes the retry policy's attempt timeout.
         *
         * @param value positive
         * @return this builder
         * @throws IllegalArgumentException if the value is not positive
         */
        public Builder attemptTimeout(Duration value) {
            this.retryPolicy = retryPolicy.withAttemptTimeout(value);
            return this;
        }

        /**
         * Binds resume tokens to a name (and each source's id) instead of each source's endpoint and
         * account: for a place whose address changes from run to run while its tasks stay the same,
         * such as a sandbox on a free port. A token made here is refused by any other place.
         *
         * @param name such as {@code sandbox}, not blank
         * @return this builder
         * @throws IllegalArgumentException if the name is blank
         */
        public Builder tokensBoundTo(String name) {
            if (Objects.requireNonNull(name, "name").isBlank()) {
                throw new IllegalArgumentException("a name to bind tokens to cannot be blank");
            }
            this.tokensBoundTo = Optional.of(name);
            return this;
        }

        /**
         * Uses this sleeper between retries and between a watch's polls (default: real sleeping).
         *
         * @param value the sleeper
         * @return this builder
         */
        public Builder sleeper(Sleeper value) {
            this.sleeper = Objects.requireNonNull(value, "sleeper");
            return this;
        }

        /**
         * Adds a Guice module: an adapter's module with explicit settings (it replaces the
         * discovered module of the same class), or overrides of the defaults.
         *
         * @param module the module
         * @return this builder
         */
        public Builder module(Module module) {
            modules.add(Objects.requireNonNull(module, "module"));
            return this;
        }

        /**
         * Reads credentials and regions from these variables instead of the process environment
         * (the names are each provider's usual ones; {@code tasklens sources} lists them).
         *
         * @param variables the variables
         * @return this builder
         */
        public Builder environment(Map<String, String> variables) {
            this.environment = Map.copyOf(Objects.requireNonNull(variables, "environment"));
            return this;
        }

        /**
         * Sends a source's requests to this endpoint instead of its default (an emulator, a
         * regional host, a proxy). Without code, the environment variable
         * {@code TASKLENS_ENDPOINT_<SOURCE>} does the same ({@code TASKLENS_ENDPOINT_TENCENT_MPS} for
         * {@code tencent.mps}); an endpoint set here wins.
         *
         * @param source the source
         * @param uri the endpoint
         * @return this builder
         */
        public Builder endpoint(SourceId source, URI uri) {
            endpoints.put(Objects.requireNonNull(source, "source"), Objects.requireNonNull(uri, "endpoint"));
            return this;
        }

        /**
         * Never calls a cloud's instance metadata service for credentials: for machines outside
         * the cloud, where the chains would otherwise wait for it. The variable
         * {@value TaskLens#NO_METADATA}{@code =1} does the same without code.
         *
         * @return this builder
         */
        public Builder noMetadata() {
            this.metadata = false;
            return this;
        }

        /**
         * The home directory the credentials chains read profile files under
         * ({@code ~/.tencentcloud/credentials}, {@code ~/.huaweicloud/credentials}).
         *
         * @param directory the directory; {@code HOME} from the environment, else {@code user.home}, by default
         * @return this builder
         */
        public Builder home(java.nio.file.Path directory) {
            this.home = Optional.of(Objects.requireNonNull(directory, "home"));
            return this;
        }

        /**
         * Does not look for adapters on the class path: only the modules given are used.
         *
         * @return this builder
         */
        public Builder withoutDiscovery() {
            this.discover = false;
            return this;
        }

        /**
         * Signs resume tokens with HMAC-SHA256 under this key, for a service that hands tokens to its
         * own clients: a token it did not make, or one altered, is refused. Without a key, tokens
         * carry a checksum against damage only. Either way a token is bound to its query, endpoint
         * and account.
         *
         * @param key at least 16 bytes, kept secret by the service
         * @return this builder
         * @throws IllegalArgumentException if the key is shorter than 16 bytes
         */
        public Builder tokenKey(byte[] key) {
            this.seal = TokenSeal.none().withKey(key);
            return this;
        }

        /**
         * How many pages one listing fetches at once ({@value Concurrency#DEFAULT_PAGES} by default).
         * A query is then split into the partitions its source declares (status requests, slices
         * of the window), each one page ahead of the consumer; the source's rate limiter still
         * paces every request. 1 lists the query whole, one page at a time, on the caller's thread.
         *
         * @param pages 1..{@value Concurrency#MAX_PAGES}
         * @return this builder
         * @throws IllegalArgumentException if out of range, saying the range
         */
        public Builder concurrency(int pages) {
            this.concurrency = pages == 1 ? Concurrency.sequential() : Concurrency.of(pages);
            return this;
        }

        /**
         * Builds the TaskLens and its sources.
         *
         * @return the facade
         */
        public TaskLens build() {
            Map<String, URI> fromEnvironment = EndpointVariables.read(environment);
            Map<SourceId, URI> chosenEndpoints = new TreeMap<>();
            fromEnvironment.forEach((id, uri) -> chosenEndpoints.put(SourceId.of(id), uri));
            chosenEndpoints.putAll(endpoints);
            HttpTransport http = transport.orElseGet(() -> new TransportOnFirstUse(JdkHttpTransport::create));
            List<HttpTransport> owned = new ArrayList<>();
            if (transport.isEmpty()) {
                owned.add(http);
            }
            Optional<HttpTransport> metadataTransport = Optional.empty();
            if (metadata && !"1".equals(environment.getOrDefault(NO_METADATA, "").strip())) {
                // Link-local, plain HTTP, never through a proxy; off the cloud nobody answers, so
                // connecting gets 1 s (the whole exchange gets 2 s, set on each request).
                HttpTransport forMetadata = new TransportOnFirstUse(() -> JdkHttpTransport.builder()
                        .noProxy().allowPlainHttp()
                        .connectTimeout(java.time.Duration.ofSeconds(1)).build());
                owned.add(forMetadata);
                metadataTransport = Optional.of(forMetadata);
            }
            java.nio.file.Path homeDirectory = home.orElseGet(() -> java.nio.file.Path.of(Optional
                    .ofNullable(environment.get("HOME")).filter(value -> !value.isBlank())
                    .orElse(System.getProperty("user.home"))));
            CredentialLookup lookup = new CredentialLookup(homeDirectory, metadataTransport);
            Set<Class<?>> given = modules.stream().map(Object::getClass).collect(Collectors.toSet());
            List<Module> discovered = new ArrayList<>();
            if (discover) {
                ServiceLoader.load(Module.class).stream()
                        .filter(provider -> !given.contains(provider.type()))
                        .map(ServiceLoader.Provider::get)
                        .forEach(discovered::add);
            }
            Module defaults = new AbstractModule() {
                @Override
                protected void configure() {
                    bind(HttpTransport.class).toInstance(http);
                    bind(Clock.class).toInstance(clock);
                    bind(RetryPolicy.class).toInstance(retryPolicy);
                    bind(Sleeper.class).toInstance(sleeper);
                    bind(SourceSettings.class).toInstance(new SourceSettings(environment, chosenEndpoints, lookup));
                }
            };
            // The caller's modules may override the defaults (a transport, a clock) and add adapters.
            Set<TaskSource> found;
            try {
                Injector injector = Guice.createInjector(Modules.override(defaults).with(modules),
                        Modules.combine(discovered));
                found = injector.getInstance(Key.get(new TypeLiteral<Set<TaskSource>>() { }));
            } catch (com.google.inject.ProvisionException | com.google.inject.CreationException e) {
                // An adapter that refuses its settings (a region that is no region) says why in one
                // line, not in Guice's page of provisioning detail.
                throw unwrap(e);
            }
            Map<SourceId, TaskSource> byId = new TreeMap<>();
            for (TaskSource source : found) {
                TaskSource previous = byId.put(source.descriptor().id(), source);
                if (previous != null) {
                    throw new IllegalStateException("two adapters provide source " + source.descriptor().id()
                            + "; keep one of them on the class path");
                }
            }
            EndpointVariables.checkNamed(fromEnvironment, byId.keySet());
            return new TaskLens(byId, clock, owned, seal,
                    concurrency, tokensBoundTo, sleeper);
        }
    }
}
