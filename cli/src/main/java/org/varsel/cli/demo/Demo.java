package org.varsel.cli.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.varsel.cli.local.JobTopics;
import org.varsel.cli.local.LocalPipelineEnvironment;
import org.varsel.contract.KafkaAccess;
import org.varsel.contract.Tlp;
import org.varsel.contract.Topics;
import org.varsel.desk.Desk;
import org.varsel.desk.auth.Credentials;
import org.varsel.desk.auth.Role;
import org.varsel.desk.config.DeskConfig;
import org.varsel.desk.config.DeskSettings;
import org.varsel.desk.pipeline.PipelineWatchConfig;
import org.varsel.local.LocalKafka;
import org.varsel.local.LocalPostgres;
import org.varsel.local.PostgresDatabase;
import org.varsel.pipeline.PipelineJob;
import org.varsel.pipeline.io.RawSignalPublisher;
import org.varsel.pipeline.privacy.PrivacySettings;
import org.varsel.pipeline.settings.PipelineKeys;
import org.varsel.pipeline.settings.PipelineSettings;

/**
 * The whole system on one machine: a Kafka broker (SCRAM logins, one principal per part, ACLs), PostgreSQL (or a
 * given server), the desk, and the pipeline on a local Flink MiniCluster, with demo partners and an analyst. {@link #close()} stops everything, newest first.
 */
public final class Demo implements AutoCloseable {
    /** Where the demo runs and what it starts with. {@code jdbcUrl} empty: an embedded PostgreSQL. */
    public record Options(
            Path stateDirectory,
            String httpHost,
            int httpPort,
            Optional<String> jdbcUrl,
            String dbUser,
            String dbPassword,
            int parallelism,
            Optional<DemoSample> sample) {}

    private final Deque<AutoCloseable> running = new ArrayDeque<>();
    private final PrintStream progress;
    private LocalKafka kafka;
    private DemoKafkaLogins kafkaLogins;
    private Path kafkaLoginsFile;
    private Desk desk;
    private JobClient job;
    private DemoCredentials credentials;
    private int samplePublished;
    private Path credentialsFile;
    private String httpHost;
    private PostgresDatabase database;

    private Demo(PrintStream progress) {
        this.progress = progress;
    }

    public static Demo start(Options options, PrintStream progress) throws Exception {
        Demo demo = new Demo(progress);
        try {
            demo.startAll(options);
            return demo;
        } catch (Exception | Error e) {
            demo.close();
            throw e;
        }
    }

    private void startAll(Options options) throws Exception {
        Path runDirectory = options.stateDirectory().resolve("demo");
        httpHost = options.httpHost();
        progress.println("Starting Kafka broker (KRaft, its own JVM, SASL/SCRAM logins and ACLs, loopback only) ...");
        kafkaLogins = DemoKafkaLogins.generate();
        kafkaLoginsFile = options.stateDirectory().resolve("demo-kafka-logins.properties");
        kafkaLogins.writeTo(kafkaLoginsFile);
        kafka = LocalKafka.builder()
                .baseDirectory(runDirectory)
                .scram(kafkaLogins.admin(), kafkaLogins.all())
                .start();
        running.push(kafka);
        Map<String, String> pipelineKeys = new HashMap<>(kafkaLogins.pipelineSettings());
        // a key of this demo run only: pseudonyms are stable while it runs (docs/privacy.md); the desk searches handles
        // with it
        String handleKey = PrivacySettings.generateKey();
        pipelineKeys.putAll(Map.of(
                PipelineKeys.KAFKA_BOOTSTRAP,
                kafka.bootstrapServers(),
                PipelineKeys.CHECKPOINT_INTERVAL,
                "PT2S",
                PrivacySettings.HANDLE_KEY,
                handleKey,
                PipelineKeys.PARALLELISM,
                Integer.toString(options.parallelism())));
        PipelineSettings settings = PipelineSettings.from(pipelineKeys);
        JobTopics.create(kafka, settings, 2);
        kafka.createTopics(2, Topics.FEEDBACK);
        // each principal may do its part and nothing else (docs/operations.md)
        kafka.grant(KafkaAccess.standard());
        try (var admin = kafka.admin()) {
            TopicRetention.apply(admin, TopicRetention.CONFIG.keySet()); // as in the cluster (docs/privacy.md)
        }
        progress.println("  Kafka            " + kafka.bootstrapServers() + " (logins in " + kafkaLoginsFile + ")");

        String jdbcUrl;
        String dbUser = options.dbUser();
        String dbPassword = options.dbPassword();
        if (options.jdbcUrl().isPresent()) {
            jdbcUrl = options.jdbcUrl().get();
            progress.println("  PostgreSQL       " + jdbcUrl + " (given)");
        } else {
            progress.println("Starting PostgreSQL (embedded binaries, password authentication, loopback only) ...");
            LocalPostgres postgres = LocalPostgres.builder()
                    .baseDirectory(runDirectory)
                    .passwordAuthentication()
                    .start();
            running.push(postgres);
            // the desk connects as the owner of its database, not as the superuser
            database = postgres.createDatabaseOwnedBy("varsel", "varsel_desk");
            jdbcUrl = database.jdbcUrl();
            dbUser = database.user();
            dbPassword = database.password();
            progress.println("  PostgreSQL       " + jdbcUrl + " (as " + dbUser + ")");
        }

        progress.println("Starting the desk ...");
        int flinkRestPort = freePort();
        Map<String, String> deskKeys = DeskSettings.embedded(jdbcUrl, dbUser, dbPassword, kafka.bootstrapServers());
        deskKeys.putAll(kafkaLogins.deskSettings());
        deskKeys.put(DeskConfig.HTTP_HOST, options.httpHost());
        deskKeys.put(DeskConfig.HTTP_PORT, Integer.toString(options.httpPort()));
        deskKeys.putAll(Map.of(
                PipelineWatchConfig.FLINK_REST_URL,
                "http://127.0.0.1:" + flinkRestPort,
                PipelineWatchConfig.JOB_NAME,
                PipelineJob.JOB_NAME,
                PipelineWatchConfig.KAFKA_GROUP,
                settings.kafkaGroup(),
                PipelineWatchConfig.RAW_TOPIC,
                settings.rawTopic(),
                PipelineWatchConfig.POLL_INTERVAL,
                "PT2S"));
        deskKeys.put(DeskConfig.HANDLE_KEY, handleKey);
        desk = Desk.start(DeskSettings.fromMap(deskKeys));
        running.push(desk);
        credentialsFile = options.stateDirectory().resolve("demo-credentials.json");
        if (options.jdbcUrl().isPresent()) {
            // an external database is somebody's real desk: the demo does not plant accounts with known passwords in it
            progress.println("  Accounts         none created in the given database; add them with ./varsel user add"
                    + " and ./varsel partner add");
        } else {
            credentials = createCredentials(desk.credentials());
            credentials.writeTo(credentialsFile);
        }
        progress.println("  Desk             " + deskUrl());

        progress.println(
                "Starting the pipeline on a local Flink MiniCluster (parallelism " + options.parallelism() + ") ...");
        StreamExecutionEnvironment env = LocalPipelineEnvironment.serving(
                options.parallelism(), runDirectory.resolve("checkpoints"), flinkRestPort);
        job = PipelineJob.start(env, settings);
        running.push(() -> job.cancel().get());
        progress.println(
                "  Pipeline         job " + job.getJobID() + ", Flink REST API http://127.0.0.1:" + flinkRestPort);

        if (options.sample().isPresent()) {
            try (RawSignalPublisher publisher =
                    new RawSignalPublisher(kafka.bootstrapServers(), kafkaLogins.intake(), Topics.SIGNALS_RAW)) {
                samplePublished = options.sample().get().publish(publisher, Instant.now());
            }
            progress.println("  Sample           " + samplePublished + " signals published to " + Topics.SIGNALS_RAW);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static DemoCredentials createCredentials(Credentials store) throws Exception {
        String ngoA = store.createPartner("ngo-a", "Demo NGO A", Optional.of("desk@ngo-a.example"), Tlp.AMBER, "demo")
                .token();
        String ngoB = store.createPartner("ngo-b", "Demo NGO B", Optional.of("desk@ngo-b.example"), Tlp.GREEN, "demo")
                .token();
        return new DemoCredentials(
                List.of(
                        new DemoCredentials.Partner("ngo-a", "Demo NGO A", ngoA),
                        new DemoCredentials.Partner("ngo-b", "Demo NGO B", ngoB)),
                user(store, "analyst", Role.ANALYST),
                user(store, "lead", Role.LEAD));
    }

    private static DemoCredentials.Analyst user(Credentials store, String name, Role role) throws Exception {
        String password = randomPassword();
        String token = store.createUser(name, password.toCharArray(), role, Optional.empty(), "demo")
                .token();
        return new DemoCredentials.Analyst(name, password, token);
    }

    private static String randomPassword() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The desk's address; a desk listening on every interface is shown as localhost. */
    public String deskUrl() {
        String host = "0.0.0.0".equals(httpHost) || "::".equals(httpHost) ? "localhost" : httpHost;
        return "http://" + host + ":" + desk.port();
    }

    /** The pipeline job (a test stops it to see the desk's health turn red). */
    public JobClient pipelineJob() {
        return job;
    }

    public String kafkaBootstrap() {
        return kafka.bootstrapServers();
    }

    /** The broker's SCRAM logins, generated at this start. */
    public DemoKafkaLogins kafkaLogins() {
        return kafkaLogins;
    }

    /** Where the broker's logins are written (owner-only). */
    public Path kafkaLoginsFile() {
        return kafkaLoginsFile;
    }

    /** The accounts the demo created; empty when it runs on a given database (--jdbc-url). */
    public Optional<DemoCredentials> credentials() {
        return Optional.ofNullable(credentials);
    }

    public Path credentialsFile() {
        return credentialsFile;
    }

    /** The embedded database and the desk's own role on it; empty with a given database (--jdbc-url). */
    public Optional<PostgresDatabase> database() {
        return Optional.ofNullable(database);
    }

    public int samplePublished() {
        return samplePublished;
    }

    @Override
    public synchronized void close() {
        while (!running.isEmpty()) {
            AutoCloseable next = running.pop();
            try {
                next.close();
            } catch (Exception e) {
                progress.println("  (while stopping: " + e.getMessage() + ")");
            }
        }
    }
}
