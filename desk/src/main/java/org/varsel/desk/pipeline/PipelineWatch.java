package org.varsel.desk.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.varsel.contract.Json;
import org.varsel.contract.KafkaLogin;
import org.varsel.desk.db.ClusterSingleton;
import org.varsel.desk.db.Database;
import org.varsel.desk.incident.IncidentStore;

/**
 * Looks at the pipeline every poll interval: the job's state and recent failures from Flink's REST API, the raw
 * topic's lag behind the pipeline group's committed offsets, and from the database when an incident update last
 * arrived and how many acknowledged signals the pipeline has not gone past. It writes the committed offsets to
 * {@code pipeline_progress}, from which partners' signal statuses tell "analysed, not flagged" from "received".
 */
public final class PipelineWatch implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PipelineWatch.class);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration RESTART_WINDOW = Duration.ofHours(1);

    private static final String SAVE_PROGRESS = """
      INSERT INTO pipeline_progress (kafka_partition, committed_offset, checked_at)
      SELECT p, o, now() FROM unnest(?::int[], ?::bigint[]) AS c(p, o)
      ON CONFLICT (kafka_partition) DO UPDATE SET committed_offset = EXCLUDED.committed_offset, checked_at = EXCLUDED.checked_at
      """;
    private static final String NOT_YET_ANALYSED = """
      SELECT count(*) FROM signal_receipt r LEFT JOIN pipeline_progress p ON p.kafka_partition = r.kafka_partition
      WHERE r.kafka_partition IS NOT NULL AND r.kafka_offset >= coalesce(p.committed_offset, 0)
      """;
    private static final String SAVE_JOB = "pipeline-progress";

    private final PipelineWatchConfig config;
    private final Database database;
    private final IncidentStore incidents;
    private final ClusterSingleton singleton;
    private final Clock clock;
    private final Admin admin;
    private final HttpClient http;
    private final ScheduledExecutorService timer;
    private volatile PipelineStatus status;
    private long committedBefore = -1;
    private Instant lastProgress;

    private PipelineWatch(
            PipelineWatchConfig config,
            String kafkaBootstrap,
            KafkaLogin login,
            Database database,
            IncidentStore incidents,
            Clock clock) {
        this.config = config;
        this.database = database;
        this.incidents = incidents;
        this.singleton = new ClusterSingleton(database);
        this.clock = clock;
        this.lastProgress = clock.instant();
        Properties properties = login.clientProperties(kafkaBootstrap);
        properties.put(AdminClientConfig.CLIENT_ID_CONFIG, "desk-pipeline-watch");
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Long.toString(REQUEST_TIMEOUT.toMillis()));
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(REQUEST_TIMEOUT.toMillis()));
        this.admin = Admin.create(properties);
        this.http = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "desk-pipeline-watch");
            thread.setDaemon(true);
            return thread;
        });
        this.status = PipelineStatus.nothingYet("unknown");
    }

    /** Starts looking at once and then every poll interval; a desk that watches no pipeline gets a watch that never looks. */
    public static Optional<PipelineWatch> start(
            PipelineWatchConfig config,
            String kafkaBootstrap,
            KafkaLogin login,
            Database database,
            IncidentStore incidents) {
        if (!config.watched()) {
            return Optional.empty();
        }
        PipelineWatch watch = new PipelineWatch(config, kafkaBootstrap, login, database, incidents, Clock.systemUTC());
        watch.timer.scheduleWithFixedDelay(watch::look, 0, config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        return Optional.of(watch);
    }

    /** The status of an optional watch: without one, {@code not-watched}. */
    public static PipelineStatus statusOf(Optional<PipelineWatch> watch) {
        return watch.map(PipelineWatch::status).orElseGet(PipelineStatus::notWatched);
    }

    public PipelineStatus status() {
        return status;
    }

    private void look() {
        try {
            Instant now = clock.instant();
            Job job = job(now);
            Progress progress = progress(now);
            status = new PipelineStatus(
                    job.state(),
                    job.id(),
                    job.restartsLastHour(),
                    job.lastFailure(),
                    progress.lag(),
                    progress.stalled(),
                    lastIncidentUpdate(),
                    notYetAnalysed(progress),
                    Optional.of(now));
        } catch (RuntimeException e) {
            // the watch must keep looking whatever one look ran into
            LOG.warn("pipeline watch: {}", e.toString());
        }
    }

    private record Job(String state, Optional<String> id, int restartsLastHour, Optional<String> lastFailure) {}

    private Job job(Instant now) {
        JsonNode overview;
        try {
            overview = get("/jobs/overview");
        } catch (IOException e) {
            return new Job("unreachable", Optional.empty(), 0, Optional.of(config.flinkRestUrl() + ": " + e));
        }
        JsonNode newest = null;
        for (JsonNode job : overview.path("jobs")) {
            if (job.path("name").asText().equals(config.jobName())
                    && (newest == null
                            || job.path("start-time").asLong()
                                    > newest.path("start-time").asLong())) {
                newest = job;
            }
        }
        if (newest == null) {
            return new Job("not-found", Optional.empty(), 0, Optional.empty());
        }
        String id = newest.path("jid").asText();
        int restarts = 0;
        Optional<String> lastFailure = Optional.empty();
        long newestFailure = Long.MIN_VALUE;
        try {
            for (JsonNode failure : get("/jobs/" + id + "/exceptions?maxExceptions=100")
                    .path("exceptionHistory")
                    .path("entries")) {
                long at = failure.path("timestamp").asLong();
                if (at >= now.minus(RESTART_WINDOW).toEpochMilli()) {
                    restarts++;
                }
                if (at > newestFailure) {
                    newestFailure = at;
                    lastFailure = Optional.of(failure.path("exceptionName").asText());
                }
            }
        } catch (IOException e) {
            lastFailure = Optional.of("exception history unavailable: " + e);
        }
        return new Job(
                newest.path("state").asText().toLowerCase(java.util.Locale.ROOT),
                Optional.of(id),
                restarts,
                lastFailure);
    }

    private JsonNode get(String path) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(config.flinkRestUrl() + path))
                .timeout(REQUEST_TIMEOUT)
                .build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IOException("GET " + path + " answered " + response.statusCode());
            }
            return Json.mapper().readTree(response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private record Progress(Map<Integer, Long> committed, OptionalLong lag, boolean stalled) {}

    private Progress progress(Instant now) {
        try {
            List<TopicPartition> partitions = admin
                    .describeTopics(List.of(config.rawTopic()))
                    .allTopicNames()
                    .get(REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .get(config.rawTopic())
                    .partitions()
                    .stream()
                    .map(p -> new TopicPartition(config.rawTopic(), p.partition()))
                    .toList();
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(config.kafkaGroup())
                    .partitionsToOffsetAndMetadata()
                    .get(REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            Map<TopicPartition, Long> earliest = offsets(partitions, OffsetSpec.earliest());
            Map<TopicPartition, Long> latest = offsets(partitions, OffsetSpec.latest());
            Map<Integer, Long> committed = new HashMap<>();
            long lag = 0;
            long committedTotal = 0;
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata commit = offsets.get(partition);
                long position = commit == null ? earliest.get(partition) : commit.offset();
                committed.put(partition.partition(), position);
                committedTotal += position;
                lag += Math.max(0, latest.get(partition) - position);
            }
            if (committedTotal != committedBefore) {
                committedBefore = committedTotal;
                lastProgress = now;
            }
            boolean stalled = lag > 0 && Duration.between(lastProgress, now).compareTo(config.lagStall()) > 0;
            return new Progress(committed, OptionalLong.of(lag), stalled);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.warn(
                    "pipeline watch: cannot read the offsets of {} on {}: {}",
                    config.kafkaGroup(),
                    config.rawTopic(),
                    e.toString());
            return new Progress(Map.of(), OptionalLong.empty(), false);
        }
    }

    private Map<TopicPartition, Long> offsets(List<TopicPartition> partitions, OffsetSpec spec) throws Exception {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(p -> request.put(p, spec));
        Map<TopicPartition, Long> result = new HashMap<>();
        admin.listOffsets(request)
                .all()
                .get(REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .forEach((partition, info) -> result.put(partition, info.offset()));
        return result;
    }

    /**
     * Saves the committed offsets (one replica per poll interval: {@link ClusterSingleton}) and counts the acknowledged
     * signals at or past the saved ones; empty if either is unknown.
     */
    private OptionalLong notYetAnalysed(Progress progress) {
        if (progress.committed().isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            singleton.runIfDue(
                    SAVE_JOB,
                    config.pollInterval(),
                    () -> database.inTransaction(connection -> {
                        try (PreparedStatement save = connection.prepareStatement(SAVE_PROGRESS)) {
                            save.setArray(
                                    1,
                                    connection.createArrayOf(
                                            "int4",
                                            progress.committed().keySet().toArray()));
                            save.setArray(
                                    2,
                                    connection.createArrayOf(
                                            "int8",
                                            progress.committed().values().toArray()));
                            return save.executeUpdate();
                        }
                    }));
            try (Connection connection = database.dataSource().getConnection();
                    PreparedStatement count = connection.prepareStatement(NOT_YET_ANALYSED);
                    ResultSet rows = count.executeQuery()) {
                rows.next();
                return OptionalLong.of(rows.getLong(1));
            }
        } catch (Exception e) {
            LOG.warn("pipeline watch: cannot save the pipeline's progress: {}", e.toString());
            return OptionalLong.empty();
        }
    }

    private Optional<Instant> lastIncidentUpdate() {
        try {
            return incidents.lastStored();
        } catch (SQLException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        admin.close(Duration.ofSeconds(5));
    }
}
