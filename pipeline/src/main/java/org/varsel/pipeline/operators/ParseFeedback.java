package org.varsel.pipeline.operators;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.varsel.contract.ContractSchemas;
import org.varsel.contract.DeadLetter;
import org.varsel.contract.Feedback;
import org.varsel.contract.Json;
import org.varsel.pipeline.io.FeedbackRecord;

/** Parses the desk's verdicts (feedback.v1); a record that is not one leaves by {@link #DEAD_LETTERS} with its reason. */
public final class ParseFeedback extends ProcessFunction<FeedbackRecord, Feedback> {
    public static final OutputTag<DeadLetter> DEAD_LETTERS =
            new OutputTag<>("feedback-dead-letters", TypeInformation.of(DeadLetter.class));

    @Override
    public void processElement(FeedbackRecord record, Context context, Collector<Feedback> out) {
        try {
            JsonNode json = Json.mapper().readTree(record.json());
            if (json == null || json.isMissingNode()) {
                throw new IllegalArgumentException("empty record");
            }
            List<String> violations = ContractSchemas.FEEDBACK_V1.violations(json);
            if (!violations.isEmpty()) {
                context.output(
                        DEAD_LETTERS,
                        record.deadLetter("not feedback.v1: " + String.join("; ", violations), Instant.now()));
                return;
            }
            out.collect(Json.mapper().treeToValue(json, Feedback.class));
        } catch (Exception e) {
            context.output(DEAD_LETTERS, record.deadLetter("not feedback.v1: " + e.getMessage(), Instant.now()));
        }
    }
}
