package org.varsel.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedbackContractTest {

    private static Feedback dismissal() {
        return new Feedback(
                Feedback.SCHEMA,
                "5e0c7a8e-7f32-4d6a-9a37-0c1f2b9f1d11",
                "inc-abc123",
                3,
                "dismissed",
                "counter-speech quoting the slur",
                List.of("r-vermin"),
                "doccat-2025-03",
                List.of("dehumanisation"),
                "ana",
                Instant.parse("2025-03-01T10:31:07Z"));
    }

    @Test
    void aVerdictValidatesAgainstFeedbackV1() throws Exception {
        JsonNode json = Json.mapper().valueToTree(dismissal());
        assertThat(ContractSchemas.FEEDBACK_V1.violations(json)).isEmpty();
        assertThat(json.get("decided_at").asText()).isEqualTo("2025-03-01T10:31:07Z");
        assertThat(json.get("rule_ids").get(0).asText()).isEqualTo("r-vermin");
    }

    @Test
    void feedbackV1RefusesAnUnknownVerdictAndUnknownFields() throws Exception {
        ObjectNode json = Json.mapper().valueToTree(dismissal());
        json.put("verdict", "maybe");
        json.put("extra", 1);
        assertThat(ContractSchemas.FEEDBACK_V1.violations(json))
                .anyMatch(v -> v.contains("verdict"))
                .anyMatch(v -> v.contains("extra"));
        assertThatThrownBy(() -> new Feedback(
                        Feedback.SCHEMA,
                        "e",
                        "inc-1",
                        1,
                        "maybe",
                        null,
                        List.of(),
                        null,
                        List.of(),
                        "ana",
                        Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
