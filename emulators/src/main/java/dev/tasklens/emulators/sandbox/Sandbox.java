package dev.tasklens.emulators.sandbox;

import dev.tasklens.emulators.ApiHandler;
import dev.tasklens.emulators.baidu.VodApi;
import dev.tasklens.emulators.huawei.IesApi;
import dev.tasklens.emulators.huawei.KooDriveApi;
import dev.tasklens.emulators.Emulator;
import dev.tasklens.emulators.KeyRing;
import dev.tasklens.emulators.TemporaryKeys;
import dev.tasklens.emulators.data.ChurningCatalog;
import dev.tasklens.emulators.huawei.EcsMetadataApi;
import dev.tasklens.emulators.tencent.CvmMetadataApi;
import dev.tasklens.emulators.tencent.StsApi;
import dev.tasklens.emulators.data.SeededTasks;
import dev.tasklens.emulators.data.TaskCatalog;
import dev.tasklens.emulators.faults.FaultPlan;
import dev.tasklens.emulators.tencent.ClsApi;
import dev.tasklens.emulators.tencent.MpsApi;
import dev.tasklens.ports.http.HttpResponse;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Every provider emulator on loopback with seeded demo data, served to demo credentials: the whole
 * path of a listing (signing, HTTP, paging, mapping) runs with no account. It can hold many tasks,
 * answer slowly and misbehave on request ({@link Builder#latency}, {@link Builder#faults}), and it
 * says everything a client needs to reach it: {@link #endpoints()}, {@link #credentials()},
 * {@link #scopes()} and {@link #environment()}.
 *
 * <pre>{@code
 * try (Sandbox sandbox = Sandbox.builder().tasks(10_000).latency(Duration.ofMillis(50)).start()) {
 *     URI mps = sandbox.endpoints().get("tencent.mps");
 * }
 * }</pre>
 */
public final class Sandbox implements AutoCloseable {

    /** The demo SecretId the Tencent emulators accept; not a real key. */
    public static final String TENCENT_SECRET_ID = "AKIDSANDBOXDEMO00000";
    /** The demo SecretKey the Tencent emulators accept; not a real key. */
    public static final String TENCENT_SECRET_KEY = "sandbox-demo-secret-not-a-real-key";
    /** The demo access key id the Baidu emulator accepts; not a real key. */
    public static final String BAIDU_ACCESS_KEY_ID = "sandboxdemo0000000000000000000000";
    /** The demo secret access key the Baidu emulator accepts; not a real key. */
    public static final String BAIDU_SECRET_ACCESS_KEY = "sandbox-demo-bce-secret-not-real";
    /** The demo AK the Huawei emulators accept; not a real key. */
    public static final String HUAWEI_AK = "SANDBOXDEMOHUAWEIAK00";
    /** The demo SK the Huawei emulators accept; not a real key. */
    public static final String HUAWEI_SK = "sandbox-demo-huawei-sk-not-real";
    /** The demo IAM project of the MetaStudio emulator. */
    public static final String HUAWEI_PROJECT_ID = "0sandbox0demo0project0id00000000";
    /** The CAM role bound to the emulated CVM instance. */
    public static final String TENCENT_ROLE = "tasklens-sandbox-role";
    /** The OIDC provider of the emulated TKE cluster. */
    public static final String TKE_PROVIDER_ID = "sandbox-oidc-provider";
    /** The role the emulated TKE pod's web identity may assume. */
    public static final String TKE_ROLE_ARN = "qcs::cam::uin/100000000001:roleName/tasklens-sandbox-role";
    /** The emulated TKE pod's OIDC token; not a real token. */
    public static final String TKE_WEB_IDENTITY_TOKEN = "sandbox-web-identity-token";

    /** The demo KooDrive access token; not a real token. */
    public static final String KOODRIVE_TOKEN = "sandbox-demo-koodrive-token";
    /** The demo KooDrive user. */
    public static final String KOODRIVE_USER_ID = "1000000000000000001";
    /** The CLS shipping rule the demo tasks belong to. */
    public static final String CLS_SHIPPER = "sandbox-shipper";
    /**
     * The most tasks the CLS emulator holds: CLS answers a whole window in one reply (seed 000), so
     * a larger list would be one reply of many megabytes, which no client reads in one piece.
     */
    public static final int CLS_MAX_TASKS = 20_000;

    /** One provider's demo credentials, as a client reads them and as its environment names them. */
    private record Provider(String name, Map<String, String> credentials, Map<String, String> environment) {
    }

    /** One API the sandbox serves. */
    private record Api(String source, Provider provider, int defaultTasks, int maxTasks, Duration window, long seed,
            Map<String, String> scope, HandlerFactory handler) {
    }

    @FunctionalInterface
    private interface HandlerFactory {
        ApiHandler create(Supplier<TaskCatalog> tasks, KeyRing keys, Map<String, String> secrets, Clock clock);
    }

    private static final Provider TENCENT = new Provider("tencent",
            orderedMap("id", TENCENT_SECRET_ID, "secret", TENCENT_SECRET_KEY),
            orderedMap("TENCENTCLOUD_SECRET_ID", TENCENT_SECRET_ID, "TENCENTCLOUD_SECRET_KEY", TENCENT_SECRET_KEY));

    private static final Provider BAIDU = new Provider("baidu",
            orderedMap("id", BAIDU_ACCESS_KEY_ID, "secret", BAIDU_SECRET_ACCESS_KEY),
            orderedMap("BCE_ACCESS_KEY_ID", BAIDU_ACCESS_KEY_ID, "BCE_SECRET_ACCESS_KEY", BAIDU_SECRET_ACCESS_KEY));

    private static final Provider HUAWEI = new Provider("huawei",
            orderedMap("id", HUAWEI_AK, "secret", HUAWEI_SK),
            orderedMap("HUAWEICLOUD_SDK_AK", HUAWEI_AK, "HUAWEICLOUD_SDK_SK", HUAWEI_SK));
    private static final Provider KOODRIVE = new Provider("koodrive",
            orderedMap("token", KOODRIVE_TOKEN, "userId", KOODRIVE_USER_ID),
            orderedMap("KOODRIVE_ACCESS_TOKEN", KOODRIVE_TOKEN, "KOODRIVE_USER_ID", KOODRIVE_USER_ID));

    /** Every API, in the order of their ports. */
    private static final List<Api> APIS = List.of(
            new Api("tencent.mps", TENCENT, 240, Integer.MAX_VALUE, Duration.ofDays(6), 2026, Map.of(),
                    (tasks, keys, secrets, clock) -> new MpsApi(tasks, keys, clock)),
            new Api("tencent.cls", TENCENT, 120, CLS_MAX_TASKS, Duration.ofDays(2), 614,
                    Map.of("shipper_id", CLS_SHIPPER), (tasks, keys, secrets, clock) -> new ClsApi(tasks, keys, clock)),
            new Api("baidu.vod", BAIDU, 180, Integer.MAX_VALUE, Duration.ofDays(6), 4004, Map.of(),
                    (tasks, keys, secrets, clock) -> new VodApi(tasks, secrets, clock)),
            new Api("huawei.ies", HUAWEI, 150, Integer.MAX_VALUE, Duration.ofDays(6), 2002,
                    Map.of("project_id", HUAWEI_PROJECT_ID), (tasks, keys, secrets, clock) -> new IesApi(tasks,
                            HUAWEI_PROJECT_ID, keys, Optional.empty(), clock)),
            new Api("huawei.koodrive", KOODRIVE, 130, Integer.MAX_VALUE, Duration.ofDays(6), 2003, Map.of(),
                    (tasks, keys, secrets, clock) -> new KooDriveApi(tasks, KOODRIVE_TOKEN, KOODRIVE_USER_ID, clock)));

    private final Map<String, Emulator> emulators = new LinkedHashMap<>();
    private final Map<String, ApiHandler> handlers = new LinkedHashMap<>();
    private final Map<String, ChurningCatalog> churning = new LinkedHashMap<>();
    private final Optional<Thread> churner;
    private final Map<String, Api> served = new LinkedHashMap<>();
    private final Map<String, Integer> taskCounts = new LinkedHashMap<>();
    private final Map<String, KeyRing> rings = new LinkedHashMap<>();
    private final Map<String, Supplier<TaskCatalog>> catalogs = new LinkedHashMap<>();
    private final Map<String, Emulator> credentialServices = new LinkedHashMap<>();
    private Optional<CvmMetadataApi> cvmMetadata = Optional.empty();
    private Optional<StsApi> sts = Optional.empty();
    private Optional<EcsMetadataApi> ecsMetadata = Optional.empty();

    private Sandbox(Builder builder) {
        Set<String> only = builder.only.isEmpty() ? sourceIds() : builder.only;
        int next = builder.port;
        try {
            for (Api api : APIS) {
                int port = builder.port == 0 ? 0 : next++;
                if (!only.contains(api.source())) {
                    continue;
                }
                int count = Math.min(builder.tasks.orElse(api.defaultTasks()), api.maxTasks());
                TaskCatalog seeded = SeededTasks.catalog(api.seed(), count, builder.clock.instant(), api.window());
                Supplier<TaskCatalog> tasks = () -> seeded;
                if (builder.churn > 0) {
                    ChurningCatalog changing = new ChurningCatalog(seeded.toList(), builder.seed + api.seed(), "churn-");
                    churning.put(api.source(), changing);
                    tasks = changing;
                }
                catalogs.put(api.source(), tasks);
                Map<String, String> pair = api.provider().credentials();
                Map<String, String> secrets = pair.containsKey("id") ? Map.of(pair.get("id"), pair.get("secret"))
                        : Map.of();
                // One ring per cloud: keys its credential services issue work on each of its APIs.
                KeyRing keys = rings.computeIfAbsent(api.provider().name(), name -> KeyRing.of(secrets));
                ApiHandler handler = api.handler().create(tasks, keys, secrets, builder.clock);
                FaultPlan faults = FaultPlan.parse(builder.faults, builder.seed + api.seed());
                emulators.put(api.source(), Emulator.builder(handler).faults(faults).latency(builder.latency)
                        .port(port).journalLimit(1_000).basePath(builder.basePath).start());
                handlers.put(api.source(), handler);
                served.put(api.source(), api);
                taskCounts.put(api.source(), count);
            }
            startCredentialServices(builder);
        } catch (RuntimeException e) {
            emulators.values().forEach(Emulator::close);
            credentialServices.values().forEach(Emulator::close);
            throw e;
        }
        churner = churning.isEmpty() ? Optional.empty() : Optional.of(new Churner(builder).start());
    }

    /**
     * The services that hand out each cloud's temporary keys, for the clouds served: Tencent's CVM
     * metadata service and STS (when MPS or CLS is served), Huawei's ECS metadata service (when
     * MetaStudio is), each on a free port.
     */
    private void startCredentialServices(Builder builder) {
        if (rings.containsKey("tencent")) {
            CvmMetadataApi metadata = new CvmMetadataApi(TENCENT_ROLE, new TemporaryKeys(rings.get("tencent"),
                    "AKIDtmp", builder.keyLife, builder.clock));
            StsApi service = new StsApi(TKE_PROVIDER_ID, TKE_WEB_IDENTITY_TOKEN, TKE_ROLE_ARN,
                    new TemporaryKeys(rings.get("tencent"), "AKIDsts", builder.keyLife, builder.clock), builder.clock);
            credentialServices.put("tencent.metadata", Emulator.builder(metadata).start());
            credentialServices.put("tencent.sts", Emulator.builder(service).start());
            cvmMetadata = Optional.of(metadata);
            sts = Optional.of(service);
        }
        if (rings.containsKey("huawei")) {
            EcsMetadataApi metadata = new EcsMetadataApi(new TemporaryKeys(rings.get("huawei"), "TMPAK",
                    builder.keyLife, builder.clock), builder.clock);
            credentialServices.put("huawei.metadata", Emulator.builder(metadata).start());
            ecsMetadata = Optional.of(metadata);
        }
    }

    /**
     * Makes about the asked number of changes a second across the churning sources, a tenth of a
     * second at a time, until its time is up or the sandbox closes; each change is appended to the
     * journal when there is one.
     */
    private final class Churner implements Runnable {
        private final double perTick;
        private final Optional<Instant> until;
        private final Optional<java.nio.file.Path> journal;
        private final Clock clock;
        private final java.util.SplittableRandom random;
        private final List<String> sources = new ArrayList<>(churning.keySet());

        Churner(Builder builder) {
            this.perTick = builder.churn / 10.0;
            this.clock = builder.clock;
            this.until = builder.churnFor.map(span -> builder.clock.instant().plus(span));
            this.journal = builder.journal;
            this.random = new java.util.SplittableRandom(builder.seed);
        }

        Thread start() {
            Thread thread = new Thread(this, "tasklens-sandbox-churn");
            thread.setDaemon(true);
            thread.start();
            return thread;
        }

        @Override
        public void run() {
            double owed = 0;
            try (java.io.Writer out = journal.isPresent() ? java.nio.file.Files.newBufferedWriter(journal.get(),
                    java.nio.charset.StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND) : java.io.Writer.nullWriter()) {
                while (!Thread.currentThread().isInterrupted()
                        && until.map(end -> clock.instant().isBefore(end)).orElse(true)) {
                    owed += perTick;
                    Map<String, Integer> counts = new LinkedHashMap<>();
                    for (; owed >= 1; owed--) {
                        counts.merge(sources.get(random.nextInt(sources.size())), 1, Integer::sum);
                    }
                    Instant now = clock.instant();
                    for (Map.Entry<String, Integer> count : counts.entrySet()) {
                        for (ChurningCatalog.Change change : churning.get(count.getKey()).churn(count.getValue(), now)) {
                            out.write("{\"source\":\"" + count.getKey() + "\",\"id\":\"" + change.id()
                                    + "\",\"status\":\"" + change.status() + "\",\"at\":\"" + change.at() + "\"}\n");
                        }
                    }
                    out.flush();
                    Thread.sleep(100);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.io.IOException e) {
                throw new UncheckedIOException("could not append to the churn journal", e);
            } finally {
                churnEnded = true;
            }
        }
    }

    private volatile boolean churnEnded;

    /**
     * Whether the churn has ended (its time is up), or there was none.
     *
     * @return true once no more changes will be made
     */
    public boolean churnEnded() {
        return churner.isEmpty() || churnEnded;
    }

    /**
     * Ends the churn now, if there is one, and returns once its last change is made (and journaled):
     * a test can then take a clean listing that no later change will contradict, whatever the
     * machine's speed.
     *
     * @throws InterruptedException if interrupted while waiting for the churn to stop
     */
    public void endChurn() throws InterruptedException {
        if (churner.isPresent()) {
            churner.get().interrupt();
            churner.get().join();
        }
    }

    /**
     * A builder with the defaults: a few hundred tasks per source, no latency, no faults, free ports.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The ids of every source a sandbox can serve.
     *
     * @return the source ids, such as {@code tencent.mps}
     */
    public static Set<String> sourceIds() {
        Set<String> ids = new LinkedHashSet<>();
        APIS.forEach(api -> ids.add(api.source()));
        return Collections.unmodifiableSet(ids);
    }

    /**
     * Where each source's emulator listens.
     *
     * @return source id to the URI its API is served at ({@code http://127.0.0.1:PORT/}, with the
     *     base path if one was set)
     */
    public Map<String, URI> endpoints() {
        Map<String, URI> endpoints = new LinkedHashMap<>();
        emulators.forEach((source, emulator) -> endpoints.put(source, emulator.apiUri()));
        return Collections.unmodifiableMap(endpoints);
    }

    /**
     * The reply a source's provider gives when it throttles a request (its own status, error code
     * and body), as a proxy in front of the sandbox would pass it on.
     *
     * @param source a source the sandbox serves
     * @return the reply
     * @throws IllegalArgumentException if the sandbox does not serve the source
     */
    public HttpResponse throttledReply(String source) {
        return handler(source).throttled();
    }

    /**
     * The reply a source's provider gives for a server error.
     *
     * @param source a source the sandbox serves
     * @param status the HTTP status, such as 503
     * @return the reply
     * @throws IllegalArgumentException if the sandbox does not serve the source
     */
    public HttpResponse serverErrorReply(String source, int status) {
        return handler(source).serverError(status);
    }

    private ApiHandler handler(String source) {
        ApiHandler handler = handlers.get(source);
        if (handler == null) {
            throw new IllegalArgumentException("the sandbox does not serve '" + source + "'; it serves "
                    + handlers.keySet());
        }
        return handler;
    }

    /**
     * What a source holds now, read from the emulator's data rather than through any client: the
     * truth a test compares a listing, a watch or a connector's records with.
     *
     * @param source a source the sandbox serves
     * @return task id to status name ({@code PENDING}, {@code RUNNING}, {@code SUCCEEDED}, {@code FAILED})
     * @throws IllegalArgumentException if the sandbox does not serve the source
     */
    public Map<String, String> statuses(String source) {
        Supplier<TaskCatalog> catalog = catalogs.get(source);
        if (catalog == null) {
            throw new IllegalArgumentException("the sandbox does not serve '" + source + "'; it serves "
                    + catalogs.keySet());
        }
        return catalog.get().statuses();
    }

    /**
     * How many tasks each source holds.
     *
     * @return source id to task count
     */
    public Map<String, Integer> taskCounts() {
        return Collections.unmodifiableMap(taskCounts);
    }

    /**
     * The demo credentials of each provider served: {@code id}/{@code secret} pairs, and KooDrive's
     * {@code token}/{@code userId}.
     *
     * @return provider name ({@code tencent}, {@code baidu}, {@code huawei}, {@code koodrive}) to its
     *     credentials
     */
    public Map<String, Map<String, String>> credentials() {
        Map<String, Map<String, String>> credentials = new LinkedHashMap<>();
        served.values().forEach(api -> credentials.put(api.provider().name(), api.provider().credentials()));
        return Collections.unmodifiableMap(credentials);
    }

    /**
     * The scope parameters a listing of each source needs ({@code shipper_id} for CLS).
     *
     * @return source id to parameter name to value; empty for a source that needs none
     */
    public Map<String, Map<String, String>> scopes() {
        Map<String, Map<String, String>> scopes = new LinkedHashMap<>();
        served.values().forEach(api -> scopes.put(api.source(), api.scope()));
        return Collections.unmodifiableMap(scopes);
    }

    /**
     * The demo credentials as the providers' usual environment variables, which every adapter reads.
     *
     * @return variable name to value
     */
    public Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        served.values().forEach(api -> environment.putAll(api.provider().environment()));
        return Collections.unmodifiableMap(environment);
    }

    /**
     * Where each cloud's credential services are served: {@code tencent.metadata} (a CVM instance's
     * metadata service, with role {@value #TENCENT_ROLE}), {@code tencent.sts}
     * ({@code AssumeRoleWithWebIdentity} for the TKE identity of {@link #TKE_PROVIDER_ID}) and
     * {@code huawei.metadata} (an ECS instance's metadata service with an agency). Their keys work on
     * the cloud's APIs here until they expire, which they do after the builder's key life.
     *
     * @return service name to its base URI
     */
    public Map<String, URI> credentialServices() {
        Map<String, URI> services = new LinkedHashMap<>();
        credentialServices.forEach((name, emulator) -> services.put(name, emulator.apiUri()));
        return Collections.unmodifiableMap(services);
    }

    /**
     * The variables that point the credentials chains at these credential services
     * ({@code TASKLENS_METADATA_ENDPOINT_TENCENT}, {@code TASKLENS_STS_ENDPOINT_TENCENT},
     * {@code TASKLENS_METADATA_ENDPOINT_HUAWEI}). With them, and without the key variables of
     * {@link #environment()}, a listing signs with an instance role's keys; the TKE variables
     * ({@code TKE_REGION}, {@code TKE_PROVIDER_ID}, {@code TKE_ROLE_ARN}) are included, and
     * {@code TKE_WEB_IDENTITY_TOKEN_FILE} must name a file holding {@link #TKE_WEB_IDENTITY_TOKEN}.
     *
     * @return variable name to value
     */
    public Map<String, String> credentialServiceEnvironment() {
        Map<String, String> environment = new LinkedHashMap<>();
        if (credentialServices.containsKey("tencent.metadata")) {
            environment.put("TASKLENS_METADATA_ENDPOINT_TENCENT", credentialServices.get("tencent.metadata").apiUri()
                    .toString());
            environment.put("TASKLENS_STS_ENDPOINT_TENCENT", credentialServices.get("tencent.sts").apiUri().toString());
            environment.put("TKE_REGION", "ap-guangzhou");
            environment.put("TKE_PROVIDER_ID", TKE_PROVIDER_ID);
            environment.put("TKE_ROLE_ARN", TKE_ROLE_ARN);
        }
        if (credentialServices.containsKey("huawei.metadata")) {
            environment.put("TASKLENS_METADATA_ENDPOINT_HUAWEI", credentialServices.get("huawei.metadata").apiUri()
                    .toString());
        }
        return Collections.unmodifiableMap(environment);
    }

    /**
     * The emulated CVM metadata service, when Tencent is served: a test counts the keys it issued.
     *
     * @return the service
     */
    public Optional<CvmMetadataApi> cvmMetadata() {
        return cvmMetadata;
    }

    /**
     * The emulated Tencent STS, when Tencent is served.
     *
     * @return the service
     */
    public Optional<StsApi> sts() {
        return sts;
    }

    /**
     * The emulated ECS metadata service, when MetaStudio is served.
     *
     * @return the service
     */
    public Optional<EcsMetadataApi> ecsMetadata() {
        return ecsMetadata;
    }

    /** Stops every emulator and frees their ports. */
    @Override
    public void close() {
        churner.ifPresent(Thread::interrupt);
        emulators.values().forEach(Emulator::close);
        credentialServices.values().forEach(Emulator::close);
    }

    private static Map<String, String> orderedMap(String k1, String v1, String k2, String v2) {
        Map<String, String> map = new LinkedHashMap<>();
        map.put(k1, v1);
        map.put(k2, v2);
        return Collections.unmodifiableMap(map);
    }

    /** What a sandbox serves and how. */
    public static final class Builder {

        private Optional<Integer> tasks = Optional.empty();
        private Duration latency = Duration.ZERO;
        private String faults = "";
        private long seed;
        private Set<String> only = Set.of();
        private int port;
        private Clock clock = Clock.systemUTC();
        private Duration keyLife = Duration.ofHours(1);
        private String basePath = "/";
        private int churn;
        private Optional<Duration> churnFor = Optional.empty();
        private Optional<java.nio.file.Path> journal = Optional.empty();

        private Builder() {
        }

        /**
         * Changes tasks while serving them: about this many changes a second across the sources (new
         * tasks appear; open ones move on, some to failure), on a schedule drawn from the seed.
         *
         * @param perSecond 0 (the default, no churn) to 10,000
         * @return this builder
         * @throws IllegalArgumentException outside that range
         */
        public Builder churn(int perSecond) {
            if (perSecond < 0 || perSecond > 10_000) {
                throw new IllegalArgumentException("churn is 0 to 10000 changes a second, got " + perSecond);
            }
            this.churn = perSecond;
            return this;
        }

        /**
         * Stops the churn after a while (it runs until the sandbox closes otherwise).
         *
         * @param span positive
         * @return this builder
         * @throws IllegalArgumentException if not positive
         */
        public Builder churnFor(Duration span) {
            if (span.isNegative() || span.isZero()) {
                throw new IllegalArgumentException("a churn's span must be positive, got " + span);
            }
            this.churnFor = Optional.of(span);
            return this;
        }

        /**
         * Appends one JSON line per change the churn makes: {@code {"source","id","status","at"}}.
         *
         * @param file the journal file, created if absent
         * @return this builder
         */
        public Builder journal(java.nio.file.Path file) {
            this.journal = Optional.of(Objects.requireNonNull(file, "file"));
            return this;
        }

        /**
         * Serves every API under a path, as gateways mounted behind a proxy's path prefix are.
         *
         * @param path such as {@code /some/prefix/}; {@code /} by default
         * @return this builder
         * @throws IllegalArgumentException if the path does not start with {@code /}
         */
        public Builder basePath(String path) {
            this.basePath = Emulator.checkBasePath(path);
            return this;
        }

        /**
         * How many tasks each source holds, instead of its few hundred demo tasks; CLS holds at most
         * {@link #CLS_MAX_TASKS}.
         *
         * @param count 0 to 10,000,000
         * @return this builder
         * @throws IllegalArgumentException outside that range
         */
        public Builder tasks(int count) {
            if (count < 0 || count > 10_000_000) {
                throw new IllegalArgumentException("a sandbox holds 0 to 10000000 tasks per source, got " + count);
            }
            this.tasks = Optional.of(count);
            return this;
        }

        /**
         * A delay added to every reply.
         *
         * @param latency 0 to 60 s; zero by default
         * @return this builder
         */
        public Builder latency(Duration latency) {
            this.latency = Emulator.checkLatency(latency);
            return this;
        }

        /**
         * Faults to inject, as {@link FaultPlan#parse(String, long)} reads them
         * ({@code throttle=0.3,error=0.1,drop=0.05,slow=0.05}); each provider's throttling reply is its
         * own.
         *
         * @param spec the spec; blank for none
         * @param seed the seed that replays them
         * @return this builder
         * @throws IllegalArgumentException if the spec is wrong, saying how
         */
        public Builder faults(String spec, long seed) {
            FaultPlan.parse(spec, seed);
            this.faults = spec;
            this.seed = seed;
            return this;
        }

        /**
         * Serves only these sources.
         *
         * @param sources source ids from {@link Sandbox#sourceIds()}; empty for all
         * @return this builder
         * @throws IllegalArgumentException naming an unknown source and the known ones
         */
        public Builder only(Set<String> sources) {
            for (String source : sources) {
                if (!sourceIds().contains(source)) {
                    throw new IllegalArgumentException("the sandbox has no source '" + source + "'; it serves "
                            + String.join(", ", sourceIds()));
                }
            }
            this.only = Set.copyOf(sources);
            return this;
        }

        /**
         * The first loopback port; each source served takes the next one, in the order of
         * {@link Sandbox#sourceIds()}.
         *
         * @param port 1..65535, or 0 (the default) for free ports
         * @return this builder
         */
        public Builder port(int port) {
            if (port < 0 || port > 65535 - APIS.size()) {
                throw new IllegalArgumentException("port " + port + " is not 0.." + (65535 - APIS.size()));
            }
            this.port = port;
            return this;
        }

        /**
         * How long the temporary keys of the credential services work (an hour by default): a
         * short life makes a listing outlive its keys.
         *
         * @param life positive
         * @return this builder
         */
        public Builder temporaryKeyLife(Duration life) {
            if (Objects.requireNonNull(life, "life").isNegative() || life.isZero()) {
                throw new IllegalArgumentException("a temporary key's life must be positive, got " + life);
            }
            this.keyLife = life;
            return this;
        }

        /**
         * The emulators' clock, which their data and signature checks follow.
         *
         * @param clock the clock; the system's UTC clock by default
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Starts every emulator.
         *
         * @return the running sandbox
         * @throws UncheckedIOException if a port cannot be bound
         */
        public Sandbox start() {
            return new Sandbox(this);
        }
    }
}
