package org.varsel.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SignalCodecTest {
    static final Instant RECEIVED = Instant.parse("2026-11-20T12:00:00Z");
    static final String EXAMPLE = """
      {"external_id": "a-1", "kind": "post", "observed_at": "2026-11-20T10:15:00Z",
       "url": "https://x.com/someone/status/1", "platform": "x", "author": {"handle": "someone"},
       "text": "They are vermin and must be driven out", "language": "en", "tlp": "AMBER",
       "labels": {"category": "incitement", "disarm": ["T0049"], "confidence": 80}}
      """;

    static ParseOutcome parse(String json) {
        return SignalCodec.parse(json.getBytes(StandardCharsets.UTF_8), "partner:ngo-a", RECEIVED);
    }

    static Signal accepted(String json) {
        ParseOutcome outcome = parse(json);
        assertThat(outcome).isInstanceOf(ParseOutcome.Accepted.class);
        return ((ParseOutcome.Accepted) outcome).signal();
    }

    static String reason(String json) {
        ParseOutcome outcome = parse(json);
        assertThat(outcome).isInstanceOf(ParseOutcome.Rejected.class);
        return ((ParseOutcome.Rejected) outcome).reason();
    }

    @Test
    void acceptsTheDocumentedExample() {
        Signal signal = accepted(EXAMPLE);
        assertThat(signal.externalId()).isEqualTo("a-1");
        assertThat(signal.observedAt()).isEqualTo(Instant.parse("2026-11-20T10:15:00Z"));
        assertThat(signal.authorHandle()).contains("someone");
        assertThat(signal.tlp()).isEqualTo(Tlp.AMBER);
        assertThat(signal.labels().category()).isEqualTo("incitement");
        assertThat(signal.labels().disarm()).containsExactly("T0049");
        assertThat(signal.labels().confidence()).isEqualTo(80);
        assertThat(signal.extensionsJson()).isNull();
    }

    @Test
    void defaultsTlpToGreenAndKindToPost() {
        Signal signal =
                accepted("{\"external_id\":\"b\",\"observed_at\":\"2026-11-20T10:15:00+01:00\",\"text\":\"hi\"}");
        assertThat(signal.tlp()).isEqualTo(Tlp.GREEN);
        assertThat(signal.kind()).isEqualTo("post");
        assertThat(signal.observedAt()).isEqualTo(Instant.parse("2026-11-20T09:15:00Z"));
    }

    @Test
    void takesTheSourceFromCredentialsNeverFromTheBody() {
        Signal signal = accepted("{\"external_id\":\"b\",\"observed_at\":\"2026-11-20T10:15:00Z\",\"text\":\"hi\","
                + "\"source\":\"partner:someone-else\",\"id\":\"sig-forged\"}");
        assertThat(signal.source()).isEqualTo("partner:ngo-a");
        assertThat(signal.id()).isEqualTo(SignalIds.of("partner:ngo-a", "b"));
        ObjectNode written = SignalCodec.toJson(signal);
        assertThat(written.get("source").asText()).isEqualTo("partner:ngo-a");
        assertThat(written.get("id").asText()).isEqualTo(signal.id());
    }

    @Test
    void keepsUnknownFieldsAndWritesThemBack() {
        Signal signal =
                accepted("{\"external_id\":\"b\",\"observed_at\":\"2026-11-20T10:15:00Z\",\"url\":\"https://t.me/x/1\","
                        + "\"reach\":{\"views\":1200},\"ngo_case\":\"C-77\"}");
        ObjectNode written = SignalCodec.toJson(signal);
        assertThat(written.get("reach").get("views").asInt()).isEqualTo(1200);
        assertThat(written.get("ngo_case").asText()).isEqualTo("C-77");
        assertThat(ContractSchemas.SIGNAL_V1.violations(written)).isEmpty();
    }

    @Test
    void givesTheSameIdToTheSameSignalFromTheSameSourceOnly() {
        assertThat(SignalIds.of("partner:a", "1")).isEqualTo(SignalIds.of("partner:a", "1"));
        assertThat(SignalIds.of("partner:a", "1")).isNotEqualTo(SignalIds.of("partner:b", "1"));
        assertThat(SignalIds.of("partner:a", "1")).matches("sig-[0-9a-f]{24}");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "missing external_id | {\"observed_at\":\"2026-11-20T10:15:00Z\",\"text\":\"x\"} | external_id",
                "missing observed_at | {\"external_id\":\"a\",\"text\":\"x\"} | observed_at",
                "neither text nor url | {\"external_id\":\"a\",\"observed_at\":\"2026-11-20T10:15:00Z\"} | text",
                "timestamp without offset | {\"external_id\":\"a\",\"observed_at\":\"2026-11-20 10:15\",\"text\":\"x\"} | observed_at",
                "timestamp nonsense | {\"external_id\":\"a\",\"observed_at\":\"yesterday\",\"text\":\"x\"} | observed_at",
                "timestamp in the future | {\"external_id\":\"a\",\"observed_at\":\"2027-01-01T00:00:00Z\",\"text\":\"x\"} | in the future",
                "timestamp before 1990 | {\"external_id\":\"a\",\"observed_at\":\"1970-01-01T00:00:00Z\",\"text\":\"x\"} | before 1990",
                "unknown TLP | {\"external_id\":\"a\",\"observed_at\":\"2026-11-20T10:15:00Z\",\"text\":\"x\",\"tlp\":\"WHITE\"} | tlp",
                "confidence above 100 | {\"external_id\":\"a\",\"observed_at\":\"2026-11-20T10:15:00Z\",\"text\":\"x\",\"labels\":{\"confidence\":101}} | confidence",
                "malformed DISARM id | {\"external_id\":\"a\",\"observed_at\":\"2026-11-20T10:15:00Z\",\"text\":\"x\",\"labels\":{\"disarm\":[\"T49\"]}} | disarm",
                "url not http | {\"external_id\":\"a\",\"observed_at\":\"2026-11-20T10:15:00Z\",\"url\":\"javascript:alert(1)\"} | url",
                "text not a string | {\"external_id\":\"a\",\"observed_at\":\"2026-11-20T10:15:00Z\",\"text\":42} | text",
                "not an object | [1,2,3] | JSON object",
                "truncated JSON | {\"external_id\":\"a\", | not JSON",
                "two documents | {\"external_id\":\"a\"} {} | not JSON",
            })
    void rejectsWithAReasonNamingTheProblem(String name, String json, String reasonMentions) {
        assertThat(reason(json)).contains(reasonMentions);
    }

    @Test
    void rejectsInvalidUtf8WithTheOffset() {
        byte[] bytes = "{\"external_id\":\"a\",\"text\":\"x\u00e6\"}".getBytes(StandardCharsets.ISO_8859_1);
        ParseOutcome outcome = SignalCodec.parse(bytes, "partner:a", RECEIVED);
        assertThat(((ParseOutcome.Rejected) outcome).reason())
                .isEqualTo("not valid UTF-8: malformed byte 0xe6 at offset 28");
    }

    @Test
    void rejectsOversizedAndEmptyRecordsAndRecordsWithoutSource() {
        byte[] huge = ("{\"external_id\":\"a\",\"observed_at\":\"2026-11-20T10:15:00Z\",\"text\":\""
                        + "x".repeat(70_000) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(((ParseOutcome.Rejected) SignalCodec.parse(huge, "partner:a", RECEIVED)).reason())
                .startsWith("too large");
        assertThat(((ParseOutcome.Rejected) SignalCodec.parse(new byte[0], "partner:a", RECEIVED)).reason())
                .startsWith("empty record");
        assertThat(((ParseOutcome.Rejected) SignalCodec.parse(EXAMPLE.getBytes(StandardCharsets.UTF_8), null, RECEIVED))
                        .reason())
                .startsWith("no source");
    }

    @Test
    void replacesNulAndLoneSurrogatesSoEveryStoreAcceptsTheText() {
        Signal signal = accepted(
                "{\"external_id\":\"a\",\"observed_at\":\"2026-11-20T10:15:00Z\",\"text\":\"a\\u0000b\\ud800c\\ud83d\\ude00\","
                        + "\"x\\u0000\":\"\\udfff\"}");
        assertThat(signal.text()).isEqualTo("a\uFFFDb\uFFFDc\uD83D\uDE00");
        assertThat(signal.extensionsJson()).doesNotContain("\\u0000").contains("\uFFFD");
    }

    @Test
    void readsTheEventTimeOfARawSignalOnlyWhereParsingWouldAcceptIt() {
        assertThat(SignalCodec.observedAt(EXAMPLE.getBytes(StandardCharsets.UTF_8), RECEIVED))
                .contains(Instant.parse("2026-11-20T10:15:00Z"));
        assertThat(
                        observedAt(
                                "{\"labels\": {\"observed_at\": \"2026-11-20T10:00:00Z\"}, \"observed_at\": \"2026-11-20T11:00:00+01:00\"}"))
                .as("nested fields are skipped; offsets are honoured")
                .contains(Instant.parse("2026-11-20T10:00:00Z"));
        assertThat(observedAt("{\"observed_at\": \"2026-11-20T13:00:01Z\"}"))
                .as("beyond the clock skew")
                .isEmpty();
        assertThat(observedAt("{\"observed_at\": \"1989-12-31T23:59:59Z\"}"))
                .as("before 1990")
                .isEmpty();
        assertThat(observedAt("{\"observed_at\": \"2026-11-20 10:00\"}"))
                .as("no offset")
                .isEmpty();
        assertThat(observedAt("{\"observed_at\": 1763632800}")).as("a number").isEmpty();
        assertThat(observedAt("[\"observed_at\"]")).as("not an object").isEmpty();
        assertThat(observedAt("{\"observed_at\": \"2026-11-20T10:15:00Z\""))
                .as("truncated after the field")
                .isPresent();
        assertThat(observedAt("{\"text\": \"unterminated")).as("not JSON").isEmpty();
    }

    static java.util.Optional<Instant> observedAt(String json) {
        return SignalCodec.observedAt(json.getBytes(StandardCharsets.UTF_8), RECEIVED);
    }
}
