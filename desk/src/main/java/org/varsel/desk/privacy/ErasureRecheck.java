package org.varsel.desk.privacy;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.varsel.contract.KafkaLogin;
import org.varsel.desk.db.Database;

/**
 * Works the open erasure requests of the {@link ErasureRegister}: erases their subjects from the desk again (the
 * pipeline may still emit an incident version from its state, a rebuild may read one back from the incidents topic),
 * records when the pipeline's state and each Kafka topic can hold the person's data no longer, and closes a request
 * once every store is erased or past that time.
 *
 * <p>A topic's time is the request's time plus the pipeline's state bound (the pipeline may write the person's posts
 * into topics until its state forgets them) plus the topic's own bound ({@link TopicBounds}).
 */
public final class ErasureRecheck {
    private static final Logger LOG = LoggerFactory.getLogger(ErasureRecheck.class);
    static final String KAFKA = "kafka:";

    private final Database database;
    private final Erasure erasure;
    private final String kafkaBootstrap;
    private final KafkaLogin kafkaLogin;
    private final List<String> topics;
    private final Duration pipelineState;

    /**
     * @param topics the topics that can hold a person's data (raw signals, dead letters, incidents, shadow hits, hotline)
     * @param pipelineState how long the pipeline's state can keep a person's posts ({@code pipeline.incidents.state-ttl})
     */
    public ErasureRecheck(
            Database database,
            String kafkaBootstrap,
            KafkaLogin kafkaLogin,
            List<String> topics,
            Duration pipelineState) {
        this.database = database;
        this.erasure = new Erasure(database);
        this.kafkaBootstrap = kafkaBootstrap;
        this.kafkaLogin = kafkaLogin;
        this.topics = List.copyOf(topics);
        this.pipelineState = pipelineState;
    }

    /** One pass over the open requests at {@code now}; returns how many it closed. */
    public int run(Instant now) throws SQLException {
        List<ErasureRegister.Open> open;
        try (Connection connection = database.dataSource().getConnection()) {
            open = ErasureRegister.openRequests(connection);
        }
        if (open.isEmpty()) {
            return 0;
        }
        Optional<Map<String, TopicBounds.Bound>> bounds;
        try {
            bounds = Optional.of(TopicBounds.read(kafkaBootstrap, kafkaLogin, topics));
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            // the topics stay pending: the next pass asks the broker again
            LOG.warn("erasure re-check: cannot read the topics' retention from {}: {}", kafkaBootstrap, e.toString());
            bounds = Optional.empty();
        }
        int closed = 0;
        for (ErasureRegister.Open request : open) {
            Optional<Map<String, TopicBounds.Bound>> known = bounds;
            closed += database.inTransaction(connection -> settle(connection, request, known, now)) ? 1 : 0;
        }
        return closed;
    }

    private boolean settle(
            Connection connection,
            ErasureRegister.Open request,
            Optional<Map<String, TopicBounds.Bound>> bounds,
            Instant now)
            throws SQLException {
        Erasure.Report again = erasure.eraseAgain(connection, request);
        if (again.changes().values().stream().anyMatch(count -> count > 0)) {
            LOG.info("erasure request {}: erased again what came back: {}", request.id(), again.changes());
            ErasureRegister.record(
                    connection,
                    request.id(),
                    ErasureRegister.DESK,
                    "erased",
                    Optional.empty(),
                    "erased again at " + now + ": " + again.changes());
        }
        Instant stateForgets = request.requestedAt().plus(pipelineState);
        ErasureRegister.record(
                connection,
                request.id(),
                ErasureRegister.PIPELINE_STATE,
                passed(stateForgets, now),
                Optional.of(stateForgets),
                "state TTL " + pipelineState);
        for (String topic : topics) {
            if (bounds.isEmpty()) {
                ErasureRegister.pending(connection, request.id(), KAFKA + topic);
                continue;
            }
            TopicBounds.Bound bound = bounds.get().get(topic);
            if (bound == null) {
                // fail closed: a topic the desk's principal may not describe looks absent too
                ErasureRegister.record(
                        connection,
                        request.id(),
                        KAFKA + topic,
                        "pending",
                        Optional.empty(),
                        "the broker does not show this topic to the desk (absent, or no Describe right): its retention is unknown");
            } else if (bound.atMost().isEmpty()) {
                ErasureRegister.record(
                        connection, request.id(), KAFKA + topic, "unbounded", Optional.empty(), bound.detail());
            } else {
                Instant gone = stateForgets.plus(bound.atMost().get());
                ErasureRegister.record(
                        connection, request.id(), KAFKA + topic, passed(gone, now), Optional.of(gone), bound.detail());
            }
        }
        return ErasureRegister.closeIfDone(connection, request.id());
    }

    private static String passed(Instant due, Instant now) {
        return due.isAfter(now) ? "expires" : "expired";
    }
}
