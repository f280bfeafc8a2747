package org.varsel.pipeline.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The replay and demo writer of the raw topic strips CSAM-labelled bodies like intake does. */
class RawSignalPublisherCsamTest {
    private static final Instant NOW = Instant.parse("2026-02-01T00:00:00Z");

    private static String stripped(String body) {
        return new String(
                RawSignalPublisher.csamStripped(body.getBytes(StandardCharsets.UTF_8), "file:x", NOW),
                StandardCharsets.UTF_8);
    }

    @Test
    void aCsamSignalIsWrittenAsUrlAndMetadataOnly() {
        String out = stripped(
                "{\"external_id\":\"a\",\"observed_at\":\"2026-01-01T00:00:00Z\",\"url\":\"https://example.org/x\","
                        + "\"text\":\"MARKER\",\"labels\":{\"category\":\"csam\"},\"media\":\"MARKER\"}");
        assertThat(out).doesNotContain("MARKER").contains("https://example.org/x", "\"csam\"", "\"external_id\":\"a\"");
    }

    @Test
    void anInvalidOrBrokenCsamBodyKeepsOnlyPlainMetadataAndOtherBodiesAreUntouched() {
        assertThat(stripped(
                        "{\"url\":\"https://example.org/y\",\"text\":\"MARKER\",\"labels\":{\"category\":\"csam\"}}"))
                .isEqualTo("{\"url\":\"https://example.org/y\",\"labels\":{\"category\":\"csam\"}}");
        assertThat(stripped("{\"labels\":{\"category\":\"csam\"},\"text\":\"MARKER"))
                .doesNotContain("MARKER");
        String other = "{\"external_id\":\"b\",\"text\":\"hello\",\"labels\":{\"category\":\"incitement\"}}";
        assertThat(stripped(other)).isEqualTo(other);
    }
}
