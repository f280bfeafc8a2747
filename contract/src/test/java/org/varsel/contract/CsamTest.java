package org.varsel.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CsamTest {
    private static final String BODY = """
      {"external_id":"x-1","observed_at":"2026-01-01T00:00:00Z","url":"https://example.org/a","platform":"web",
       "kind":"image","author":{"handle":"@h","id":"42","display_name":"MARKER name"},"text":"MARKER text",
       "language":"en","tlp":"RED","labels":{"category":"csam","confidence":70,"target_groups":["MARKER"],
       "disarm":["T0049"]},"media":"MARKER bytes"}
      """;

    private static Signal parse(String body) {
        ParseOutcome outcome = SignalCodec.parse(
                body.getBytes(StandardCharsets.UTF_8), "partner:a", Instant.parse("2026-02-01T00:00:00Z"));
        return ((ParseOutcome.Accepted) outcome).signal();
    }

    @Test
    void stripKeepsOnlyTheUrlAndMetadata() {
        Signal signal = parse(BODY);
        assertThat(Csam.isCsam(signal)).isTrue();
        Signal stripped = Csam.strip(signal);
        String json = SignalCodec.toJson(stripped).toString();
        assertThat(json).doesNotContain("MARKER").contains("https://example.org/a", "@h", "\"42\"", "RED", "\"csam\"");
        assertThat(stripped.text()).isNull();
        assertThat(stripped.extensionsJson()).isNull();
        assertThat(stripped.id()).isEqualTo(signal.id());
        // the stripped body is a valid signal that parses to the same stripped signal
        assertThat(parse(new String(Csam.strippedBody(signal), StandardCharsets.UTF_8)))
                .isEqualTo(stripped);
    }

    @Test
    void otherSignalsAreLeftAlone() {
        Signal signal = parse(BODY.replace("\"csam\"", "\"child-grooming\""));
        assertThat(Csam.isCsam(signal)).isFalse();
        assertThat(Csam.strip(signal)).isSameAs(signal);
    }

    @Test
    void bytesThatAreNotASignalAreRecognisedAndReducedToMetadata() {
        byte[] invalid = "{\"url\":\"https://example.org/b\",\"text\":\"MARKER\",\"labels\":{\"category\":\"csam\"}}"
                .getBytes(StandardCharsets.UTF_8);
        byte[] broken = "{\"labels\": {\"category\": \"CSAM\"}, \"text\": \"MARKER".getBytes(StandardCharsets.UTF_8);
        assertThat(Csam.labelledInBytes(invalid)).isTrue();
        assertThat(Csam.labelledInBytes(broken)).isTrue();
        assertThat(Csam.labelledInBytes("{\"labels\":{\"category\":\"incitement\"}}".getBytes(StandardCharsets.UTF_8)))
                .isFalse();
        assertThat(new String(Csam.strippedBytes(invalid), StandardCharsets.UTF_8))
                .isEqualTo("{\"url\":\"https://example.org/b\",\"labels\":{\"category\":\"csam\"}}");
        assertThat(new String(Csam.strippedBytes(broken), StandardCharsets.UTF_8))
                .isEqualTo("{\"labels\":{\"category\":\"csam\"}}");
    }
}
