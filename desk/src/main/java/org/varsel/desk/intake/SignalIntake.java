package org.varsel.desk.intake;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.varsel.contract.Csam;
import org.varsel.contract.KafkaLogin;
import org.varsel.contract.ParseOutcome;
import org.varsel.contract.RawSignalHeaders;
import org.varsel.contract.Signal;
import org.varsel.contract.SignalCodec;
import org.varsel.contract.SignalIds;
import org.varsel.desk.db.Database;
import org.varsel.desk.incident.IncidentStore;
import org.varsel.desk.kafka.DurableProducer;

/**
 * Takes signals from one source into {@code varsel.signals.raw}. Each body is validated with the contract's
 * {@link SignalCodec} (so intake and pipeline agree), gets a receipt keyed by (source, external id), and is
 * answered as accepted only once Kafka has acknowledged it (acks=all, idempotent producer). A replay of an
 * acknowledged signal is recognised by its receipt and not sent again; a receipt that was never acknowledged
 * (Kafka failed) is sent again on the next try. The record's body stays the bytes given here, except for a signal
 * labelled CSAM: only its stripped form ({@link Csam#strip}) is sent and fingerprinted.
 */
public final class SignalIntake implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SignalIntake.class);

    private static final String INSERT_RECEIPTS = """
      INSERT INTO signal_receipt (source, external_id, signal_id, fingerprint, tlp, observed_at, received_at)
      SELECT ?, r.external_id, r.signal_id, r.fingerprint, r.tlp, r.observed_at::timestamptz, ?
      FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
           AS r(external_id, signal_id, fingerprint, tlp, observed_at)
      ON CONFLICT DO NOTHING
      RETURNING signal_id
      """;
    private static final String EXISTING = """
      SELECT signal_id, fingerprint, published_at IS NOT NULL FROM signal_receipt WHERE signal_id = ANY(?)
      """;
    // where the record landed tells later whether the pipeline has gone past it (SignalStatuses: analysed, not flagged)
    private static final String MARK_PUBLISHED = """
      UPDATE signal_receipt r SET published_at = now(), kafka_partition = a.kafka_partition, kafka_offset = a.kafka_offset
      FROM unnest(?::text[], ?::int[], ?::bigint[]) AS a(signal_id, kafka_partition, kafka_offset)
      WHERE r.signal_id = a.signal_id AND r.published_at IS NULL
      """;

    private static final IntakeOutcome.Rejected CSAM_WITHOUT_URL = new IntakeOutcome.Rejected(
            IntakeOutcome.Reason.INVALID,
            "a signal labelled csam must give its url: Varsel keeps only where the material is, never its content "
                    + "(docs/child-safety.md)",
            List.of(new IntakeOutcome.FieldError("$.url", "required for labels.category csam")));

    private static final IntakeOutcome.Unavailable UNAVAILABLE =
            new IntakeOutcome.Unavailable("Kafka did not acknowledge the signal in time; send it again");

    private final Database database;
    private final KafkaProducer<byte[], byte[]> producer;
    private final String topic;
    private final Duration publishTimeout;
    private final MeterRegistry metrics;

    public SignalIntake(
            Database database,
            String bootstrapServers,
            KafkaLogin login,
            String topic,
            Duration publishTimeout,
            MeterRegistry metrics) {
        this.database = database;
        this.metrics = metrics;
        this.topic = topic;
        this.publishTimeout = publishTimeout;
        this.producer = new KafkaProducer<>(
                producerProperties(bootstrapServers, login, publishTimeout),
                new ByteArraySerializer(),
                new ByteArraySerializer());
    }

    static Properties producerProperties(String bootstrapServers, KafkaLogin login, Duration publishTimeout) {
        // A partner's request must not hang: past the publish timeout it is answered 503.
        Properties properties = DurableProducer.properties(
                bootstrapServers, login, "desk-intake", publishTimeout.dividedBy(2), publishTimeout);
        // a partner waits for each acknowledgement: do not hold a lone record back; bulk sends batch by themselves
        properties.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        properties.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        return properties;
    }

    /**
     * Takes the bodies, all from one source ({@code partner:<id>} or {@code feed:<name>}, from credentials or
     * configuration, never from a body); returns one outcome per body, in order.
     *
     * @throws SQLException when the database cannot keep receipts; nothing of this call was acknowledged
     */
    public List<IntakeOutcome> take(String source, List<byte[]> bodies) throws SQLException {
        Instant receivedAt = Instant.now();
        IntakeOutcome[] outcomes = new IntakeOutcome[bodies.size()];
        // the first body per signal id stands for the others in this call
        Map<String, Candidate> firsts = new LinkedHashMap<>();
        List<Candidate> repeats = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            ParseOutcome parsed = parse(bodies.get(i), source, receivedAt);
            if (parsed instanceof ParseOutcome.Rejected rejected) {
                outcomes[i] = IntakeOutcome.Rejected.fromCodec(rejected.reason());
            } else if (parsed instanceof ParseOutcome.Accepted accepted
                    && Csam.isCsam(accepted.signal())
                    && !Csam.hasUrl(accepted.signal())) {
                outcomes[i] = CSAM_WITHOUT_URL;
            } else if (parsed instanceof ParseOutcome.Accepted accepted) {
                // CSAM is never content: what goes to Kafka (and the receipt's fingerprint) is the stripped signal
                boolean csam = Csam.isCsam(accepted.signal());
                Signal signal = csam ? Csam.strip(accepted.signal()) : accepted.signal();
                byte[] body = csam ? Csam.strippedBody(signal) : bodies.get(i);
                Candidate candidate = new Candidate(i, signal, body, fingerprint(signal));
                if (firsts.putIfAbsent(candidate.signal().id(), candidate) != null) {
                    repeats.add(candidate);
                }
            }
        }
        if (!firsts.isEmpty()) {
            List<Candidate> toSend = receipts(source, receivedAt, firsts, outcomes);
            send(toSend, receivedAt, outcomes);
        }
        for (Candidate repeat : repeats) {
            Candidate first = firsts.get(repeat.signal().id());
            IntakeOutcome firstOutcome = outcomes[first.index()];
            outcomes[repeat.index()] = !repeat.fingerprint().equals(first.fingerprint())
                    ? conflict(repeat.signal())
                    : firstOutcome instanceof IntakeOutcome.Accepted
                            ? new IntakeOutcome.Accepted(repeat.signal().id(), true)
                            : firstOutcome;
        }
        count(outcomes);
        return List.of(outcomes);
    }

    /** Each outcome once, by what became of it and, for a rejection, why: what /metrics shows of intake. */
    private void count(IntakeOutcome[] outcomes) {
        for (IntakeOutcome outcome : outcomes) {
            String name;
            String reason = "";
            if (outcome instanceof IntakeOutcome.Accepted accepted) {
                name = accepted.duplicate() ? "duplicate" : "accepted";
            } else if (outcome instanceof IntakeOutcome.Rejected rejected) {
                name = "rejected";
                reason = rejected.kind().name().toLowerCase(Locale.ROOT);
            } else {
                name = "unavailable";
            }
            Counter.builder("varsel.intake.signals")
                    .description("Signals intake took, by outcome (and reason, if rejected)")
                    .tag("outcome", name)
                    .tag("reason", reason)
                    .register(metrics)
                    .increment();
        }
    }

    private static ParseOutcome parse(byte[] body, String source, Instant receivedAt) {
        try {
            return SignalCodec.parse(body, source, receivedAt);
        } catch (RuntimeException bug) {
            // the fuzz test hunts for these: a bug of ours is a rejection with a reason, never a 500
            LOG.warn("intake: the codec failed on a body from {}: {}", source, bug.toString());
            return new ParseOutcome.Rejected(
                    "could not be read: " + bug.getClass().getSimpleName());
        }
    }

    /** Writes the receipts that are new; decides for the others (replay, conflict, or never acknowledged). */
    private List<Candidate> receipts(
            String source, Instant receivedAt, Map<String, Candidate> firsts, IntakeOutcome[] outcomes)
            throws SQLException {
        return database.inTransaction(connection -> {
            List<String> inserted = insertReceipts(connection, source, receivedAt, firsts.values());
            List<Candidate> toSend = new ArrayList<>();
            List<String> others = new ArrayList<>(firsts.keySet());
            for (String id : inserted) {
                toSend.add(firsts.get(id));
            }
            others.removeAll(inserted);
            if (!others.isEmpty()) {
                try (PreparedStatement query = connection.prepareStatement(EXISTING)) {
                    query.setArray(1, connection.createArrayOf("text", others.toArray()));
                    try (ResultSet rows = query.executeQuery()) {
                        while (rows.next()) {
                            Candidate candidate = firsts.get(rows.getString(1));
                            if (!rows.getString(2).equals(candidate.fingerprint())) {
                                outcomes[candidate.index()] = conflict(candidate.signal());
                            } else if (rows.getBoolean(3)) {
                                outcomes[candidate.index()] = new IntakeOutcome.Accepted(
                                        candidate.signal().id(), true);
                            } else {
                                toSend.add(candidate);
                            }
                        }
                    }
                }
            }
            return toSend;
        });
    }

    private static List<String> insertReceipts(
            Connection connection, String source, Instant receivedAt, Iterable<Candidate> candidates)
            throws SQLException {
        List<String> externalIds = new ArrayList<>();
        List<String> signalIds = new ArrayList<>();
        List<String> fingerprints = new ArrayList<>();
        List<String> tlps = new ArrayList<>();
        List<String> observedAts = new ArrayList<>();
        for (Candidate candidate : candidates) {
            externalIds.add(candidate.signal().externalId());
            signalIds.add(candidate.signal().id());
            fingerprints.add(candidate.fingerprint());
            tlps.add(candidate.signal().tlp().label());
            observedAts.add(candidate.signal().observedAt().toString());
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT_RECEIPTS)) {
            insert.setString(1, source);
            insert.setObject(2, receivedAt.atOffset(ZoneOffset.UTC));
            insert.setArray(3, connection.createArrayOf("text", externalIds.toArray()));
            insert.setArray(4, connection.createArrayOf("text", signalIds.toArray()));
            insert.setArray(5, connection.createArrayOf("text", fingerprints.toArray()));
            insert.setArray(6, connection.createArrayOf("text", tlps.toArray()));
            insert.setArray(7, connection.createArrayOf("text", observedAts.toArray()));
            List<String> inserted = new ArrayList<>();
            try (ResultSet rows = insert.executeQuery()) {
                while (rows.next()) {
                    inserted.add(rows.getString(1));
                }
            }
            return inserted;
        }
    }

    /** Sends and waits for Kafka's acknowledgements; only acknowledged signals are marked published and accepted. */
    private void send(List<Candidate> toSend, Instant receivedAt, IntakeOutcome[] outcomes) throws SQLException {
        if (toSend.isEmpty()) {
            return;
        }
        List<Sent> pending = new ArrayList<>();
        Throwable firstFailure = null;
        byte[] receivedHeader = receivedAt.toString().getBytes(StandardCharsets.UTF_8);
        for (Candidate candidate : toSend) {
            Signal signal = candidate.signal();
            ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(
                    topic,
                    SignalIds.rawKey(signal.source(), signal.externalId()).getBytes(StandardCharsets.UTF_8),
                    candidate.body());
            record.headers().add(RawSignalHeaders.SOURCE, signal.source().getBytes(StandardCharsets.UTF_8));
            record.headers().add(RawSignalHeaders.RECEIVED_AT, receivedHeader);
            try {
                pending.add(new Sent(candidate, producer.send(record)));
            } catch (RuntimeException e) {
                firstFailure = firstFailure == null ? e : firstFailure;
                outcomes[candidate.index()] = UNAVAILABLE;
            }
        }
        long deadline = System.nanoTime() + publishTimeout.toNanos();
        List<String> acknowledged = new ArrayList<>();
        List<Integer> partitions = new ArrayList<>();
        List<Long> offsets = new ArrayList<>();
        for (Sent sent : pending) {
            Candidate candidate = sent.candidate();
            try {
                RecordMetadata landed = sent.ack().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                acknowledged.add(candidate.signal().id());
                partitions.add(landed.partition());
                offsets.add(landed.offset());
                outcomes[candidate.index()] =
                        new IntakeOutcome.Accepted(candidate.signal().id(), false);
            } catch (ExecutionException | TimeoutException e) {
                firstFailure = firstFailure == null ? e : firstFailure;
                outcomes[candidate.index()] = UNAVAILABLE;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                firstFailure = firstFailure == null ? e : firstFailure;
                outcomes[candidate.index()] = UNAVAILABLE;
            }
        }
        if (firstFailure != null) {
            LOG.warn(
                    "intake: Kafka did not acknowledge {} of {} raw signal(s): {}",
                    toSend.size() - acknowledged.size(),
                    toSend.size(),
                    firstFailure.toString());
        }
        if (!acknowledged.isEmpty()) {
            database.inTransaction(connection -> {
                try (PreparedStatement update = connection.prepareStatement(MARK_PUBLISHED)) {
                    update.setArray(1, connection.createArrayOf("text", acknowledged.toArray()));
                    update.setArray(2, connection.createArrayOf("int4", partitions.toArray()));
                    update.setArray(3, connection.createArrayOf("int8", offsets.toArray()));
                    return update.executeUpdate();
                }
            });
        }
    }

    private static IntakeOutcome.Rejected conflict(Signal signal) {
        return new IntakeOutcome.Rejected(
                IntakeOutcome.Reason.CONFLICT,
                "external_id '" + signal.externalId() + "' was sent before with different content; signals cannot be "
                        + "changed, send a new external_id",
                List.of(new IntakeOutcome.FieldError("$.external_id", "already used for a different signal")));
    }

    /** SHA-256 of the signal as the codec understood it: equal for equal content, whatever the whitespace. */
    private static String fingerprint(Signal signal) {
        try {
            byte[] canonical = SignalCodec.toJson(signal).toString().getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }

    private record Candidate(int index, Signal signal, byte[] body, String fingerprint) {}

    private record Sent(Candidate candidate, Future<RecordMetadata> ack) {}

    /** Deletes the receipts of these signals (an erasure), in the caller's transaction; returns how many. */
    public static int deleteReceipts(Connection connection, Set<String> signalIds) throws SQLException {
        return Database.update(
                connection,
                "DELETE FROM signal_receipt WHERE signal_id = ANY (?)",
                connection.createArrayOf("text", signalIds.toArray()));
    }

    /**
     * Deletes the receipts from before the cutoff, except those of signals in the evidence of an incident retention
     * keeps ({@link IncidentStore#KEPT}), in the caller's transaction; returns how many.
     */
    public static int deleteUnkeptReceivedBefore(Connection connection, Instant cutoff) throws SQLException {
        return Database.update(
                connection,
                "DELETE FROM signal_receipt r WHERE r.received_at < ? AND NOT EXISTS (SELECT 1 FROM incident i WHERE "
                        + "i.payload -> 'evidence' -> 'signals' @> jsonb_build_array(jsonb_build_object('signal_id', r.signal_id))"
                        + " AND " + IncidentStore.KEPT + ")",
                Timestamp.from(cutoff));
    }
}
