package org.varsel.desk.intake;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.varsel.contract.Json;

/**
 * Feeds a stream of signals to {@link SignalIntake} in chunks (at most {@value #CHUNK_LINES} lines or
 * {@value #CHUNK_BYTES} bytes in memory), writing one JSON line of result per input line as it goes. Stops at
 * the first line that cannot be read past, or when Kafka or the database is unavailable: everything before that
 * point is decided, and a resend is safe (accepted lines come back as duplicates).
 */
public final class BulkIntake {
    static final int CHUNK_LINES = 500;
    static final int CHUNK_BYTES = 4 * 1024 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(BulkIntake.class);

    private final SignalIntake intake;

    public BulkIntake(SignalIntake intake) {
        this.intake = intake;
    }

    /** Takes every signal of the input from the source; results, one JSON object per line, go to {@code results}. */
    public BulkReport take(String source, SignalLines input, OutputStream results) throws IOException {
        Counter counter = new Counter();
        List<SignalLines.Line> chunk = new ArrayList<>();
        long chunkBytes = 0;
        Optional<BulkReport.Stop> stop = Optional.empty();
        try {
            Optional<SignalLines.Line> line;
            while ((line = input.next()).isPresent()) {
                chunk.add(line.get());
                chunkBytes += line.get().body() == null ? 0 : line.get().body().length;
                if (chunk.size() >= CHUNK_LINES || chunkBytes >= CHUNK_BYTES) {
                    stop = flush(source, chunk, counter, results);
                    chunk.clear();
                    chunkBytes = 0;
                    if (stop.isPresent()) {
                        break;
                    }
                }
            }
        } catch (SignalLines.UnreadableInput e) {
            stop = Optional.of(new BulkReport.Stop(
                    e.line(),
                    e.tooLarge() ? BulkReport.StopKind.TOO_LARGE : BulkReport.StopKind.UNREADABLE,
                    e.getMessage()));
        }
        if (!chunk.isEmpty()) {
            Optional<BulkReport.Stop> unavailable = flush(source, chunk, counter, results);
            stop = stop.isPresent() ? stop : unavailable;
        }
        results.flush();
        BulkReport report = new BulkReport(
                counter.lines, counter.accepted, counter.duplicates, counter.rejected, counter.unavailable, stop);
        LOG.info(
                "intake: bulk from {}: {} line(s), {} accepted, {} duplicate(s), {} rejected{}",
                source,
                report.lines(),
                report.accepted(),
                report.duplicates(),
                report.rejected(),
                stop.map(s -> ", stopped at line " + s.line() + " (" + s.kind() + ")")
                        .orElse(""));
        return report;
    }

    private Optional<BulkReport.Stop> flush(
            String source, List<SignalLines.Line> chunk, Counter counter, OutputStream results) throws IOException {
        List<byte[]> bodies = new ArrayList<>();
        for (SignalLines.Line line : chunk) {
            if (line.body() != null) {
                bodies.add(line.body());
            }
        }
        List<IntakeOutcome> outcomes;
        String unavailableReason = null;
        try {
            outcomes = intake.take(source, bodies);
        } catch (SQLException e) {
            LOG.warn("intake: bulk from {}: the database is unavailable: {}", source, e.toString());
            unavailableReason = "the database is unavailable; send the lines from here on again";
            IntakeOutcome.Unavailable unavailable = new IntakeOutcome.Unavailable(unavailableReason);
            outcomes = bodies.stream().map(body -> (IntakeOutcome) unavailable).toList();
        }
        int next = 0;
        long firstUnavailable = -1;
        for (SignalLines.Line line : chunk) {
            IntakeOutcome outcome = line.body() == null
                    ? new IntakeOutcome.Rejected(
                            IntakeOutcome.Reason.UNREADABLE,
                            line.problem(),
                            List.of(new IntakeOutcome.FieldError("$", line.problem())))
                    : outcomes.get(next++);
            counter.count(outcome);
            if (outcome instanceof IntakeOutcome.Unavailable u && firstUnavailable < 0) {
                firstUnavailable = line.number();
                unavailableReason = u.reason();
            }
            results.write(result(line.number(), outcome).toString().getBytes(StandardCharsets.UTF_8));
            results.write('\n');
        }
        return firstUnavailable < 0
                ? Optional.empty()
                : Optional.of(
                        new BulkReport.Stop(firstUnavailable, BulkReport.StopKind.UNAVAILABLE, unavailableReason));
    }

    /** The result of one line: {@code {"line", "status", "id"}} or {@code {"line", "status", "reason", "errors"}}. */
    public static ObjectNode result(long line, IntakeOutcome outcome) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("line", line);
        describe(node, outcome);
        return node;
    }

    /** Puts the outcome's status and id or reason into the node. */
    public static void describe(ObjectNode node, IntakeOutcome outcome) {
        if (outcome instanceof IntakeOutcome.Accepted accepted) {
            node.put("status", accepted.duplicate() ? "duplicate" : "accepted");
            node.put("id", accepted.signalId());
        } else if (outcome instanceof IntakeOutcome.Rejected rejected) {
            node.put("status", "rejected");
            node.put("reason", rejected.reason());
            ArrayNode errors = node.putArray("errors");
            rejected.errors()
                    .forEach(error ->
                            errors.addObject().put("field", error.field()).put("reason", error.reason()));
        } else if (outcome instanceof IntakeOutcome.Unavailable unavailable) {
            node.put("status", "unavailable");
            node.put("reason", unavailable.reason());
        }
    }

    private static final class Counter {
        long lines;
        long accepted;
        long duplicates;
        long rejected;
        long unavailable;

        void count(IntakeOutcome outcome) {
            lines++;
            if (outcome instanceof IntakeOutcome.Accepted a) {
                if (a.duplicate()) {
                    duplicates++;
                } else {
                    accepted++;
                }
            } else if (outcome instanceof IntakeOutcome.Rejected) {
                rejected++;
            } else {
                unavailable++;
            }
        }
    }
}
