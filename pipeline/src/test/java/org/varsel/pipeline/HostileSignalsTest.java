package org.varsel.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.varsel.contract.DeadLetter;
import org.varsel.contract.IncidentCodec;
import org.varsel.pipeline.correlate.IncidentDraft;
import org.varsel.pipeline.io.RawSignal;
import org.varsel.pipeline.settings.PipelineSettings;

/**
 * Signals crafted to break what reads their text after enrichment (the correlation keys, the single-signal incidents,
 * the detectors, campaigns, the incident's JSON) go through the whole topology on a MiniCluster: none fails the job
 * and none vanishes. Each carries a partner's assessment (confidence 90) and most a grave threat, so each must open an
 * incident that holds it, or leave as a dead letter with its reason; the ordinary signal after them opens its own.
 */
class HostileSignalsTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK = PipelineEndToEndTest.miniCluster();

    static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
    static final String GRAVE = "Kill all the migrants at the border, every last one";
    static final String SKULL = "\uD83D\uDC80";

    /** Named hostile texts, each a regression case: what it is, the text. */
    static Map<String, String> hostileTexts() {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("lone-high-surrogates", "\uD83D " + GRAVE + " \uD83D");
        texts.put("lone-low-surrogates", "\uDC80\uDC80 " + GRAVE + " \uDFFF");
        texts.put("only-emoji", (SKULL + "\uD83D\uDD25").repeat(200));
        texts.put("nul-bytes", "Kill\u0000 all the migrants\u0000 at the border,\u0000 every last one\u0000");
        texts.put(
                "urls-that-break-parsers",
                GRAVE + " http://[::1:99999/%zz https://exa%mple.com/%E0%A4%A http://:80 www.. https://" + SKULL
                        + ".example/\uD83D http://example.com:-1/ https://a@b@c/ http://x/%00");
        texts.put("one-word-of-19900-letters", "a".repeat(19_900) + " " + GRAVE);
        texts.put("20-thousand-characters-of-one-word", "kill ".repeat(3_980) + GRAVE);
        texts.put("excerpt-cut-inside-a-pair", "x".repeat(IncidentDraft.EXCERPT_CHARS - 1) + SKULL + " " + GRAVE);
        texts.put("title-cut-inside-a-pair", "y".repeat(69) + SKULL + " " + GRAVE);
        texts.put(
                "hashtags-of-nothing",
                "# ## #" + SKULL + " #\uD83D #a\u0000b " + "#".repeat(2_000) + " #kill#kill#kill " + GRAVE);
        texts.put("controls-and-marks", "\u202E\u200B\uFEFF\u0301\u0301 " + GRAVE + " \u0007\u001B[31m\u202C");
        texts.put("combining-marks-only", "\u0301".repeat(5_000));
        return texts;
    }

    @Test
    void noCraftedSignalFailsTheJobOrVanishes() throws Exception {
        PipelineSettings settings = PipelineSettings.from(
                Map.of("pipeline.parallelism", "2", "pipeline.event-time.watermarks", "per-record"));
        List<RawSignal> records = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, String> hostile : hostileTexts().entrySet()) {
            records.add(
                    record(settings, records.size(), hostile.getKey(), T0.plusSeconds(60L * i++), hostile.getValue()));
        }
        String tooLarge = "one-megabyte-of-one-word";
        records.add(record(settings, records.size(), tooLarge, T0.plusSeconds(60L * i++), "a".repeat(1 << 20)));
        records.add(record(settings, records.size(), "ordinary-after", T0.plusSeconds(60L * i), GRAVE + " tonight"));

        PipelineOnCollections.Written written = PipelineOnCollections.run(settings, records);

        assertThat(written.deadLetters())
                .extracting(DeadLetter::reason)
                .singleElement()
                .asString()
                .startsWith("too large");
        Map<String, JsonNode> latest = IncidentsEndToEndTest.latestIncidents(
                written.incidents().stream().map(IncidentCodec::toJsonBytes).toList());
        List<String> held = latest.values().stream()
                .flatMap(incident -> incident.at("/evidence/signals").findValuesAsText("external_id").stream())
                .toList();
        List<String> expected = new ArrayList<>(hostileTexts().keySet());
        expected.add("ordinary-after");
        assertThat(held).as("the signals incidents hold").containsAll(expected);
    }

    static RawSignal record(PipelineSettings settings, int offset, String name, Instant at, String text) {
        String json = """
        {"external_id": "%s", "kind": "post", "observed_at": "%s", "platform": "x", "author": {"handle": "%s"},
         "text": %s, "language": "en", "tlp": "GREEN", "region": %s, "url": "https://example.com/%s",
         "labels": {"category": "incitement", "target_groups": ["migrants", %s], "confidence": 90}}
        """.formatted(
                        name,
                        at,
                        name + "-account",
                        escaped(text),
                        escaped("r".repeat(63) + SKULL),
                        name,
                        escaped(SKULL + "\uD83D\u0000"));
        return new RawSignal(
                json.getBytes(StandardCharsets.UTF_8),
                "partner:ngo-h",
                IncidentsEndToEndTest.RECEIVED,
                settings.rawTopic(),
                0,
                offset);
    }

    /** A JSON string of {@code text} in ASCII: every other character escaped, so lone surrogates arrive as written. */
    static String escaped(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
