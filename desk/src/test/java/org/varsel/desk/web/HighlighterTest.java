package org.varsel.desk.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.varsel.contract.Json;

class HighlighterTest {

    @Test
    void splitsTheTextAtMatchedTermsAndMarksThem() throws Exception {
        List<Highlighter.Segment> segments = Highlighter.segments(
                "they are vermin, vermin",
                terms("[{\"term\":\"vermin\",\"start\":9,\"end\":15},{\"term\":\"vermin\",\"start\":17,\"end\":23}]"));
        assertThat(segments)
                .containsExactly(
                        new Highlighter.Segment("they are ", false, ""),
                        new Highlighter.Segment("vermin", true, "vermin"),
                        new Highlighter.Segment(", ", false, ""),
                        new Highlighter.Segment("vermin", true, "vermin"));
    }

    @Test
    void ignoresOffsetsOutOfRangeReversedOrOverlapping() throws Exception {
        List<Highlighter.Segment> segments = Highlighter.segments(
                "abcdef",
                terms(
                        "[{\"start\":4,\"end\":99},{\"start\":3,\"end\":2},{\"start\":-1,\"end\":2},{\"start\":1,\"end\":4},"
                                + "{\"start\":2,\"end\":3}]"));
        assertThat(segments).extracting(Highlighter.Segment::text).containsExactly("a", "bcd", "ef");
        assertThat(segments.get(1).match()).isTrue();
    }

    @Test
    void theSegmentsAlwaysJoinBackToTheWholeText() throws Exception {
        Random random = new Random(7);
        for (int round = 0; round < 500; round++) {
            String text =
                    "<script>alert(1)</script> ".repeat(1 + random.nextInt(3)).substring(random.nextInt(5));
            StringBuilder json = new StringBuilder("[");
            for (int i = 0; i < random.nextInt(6); i++) {
                json.append(i == 0 ? "" : ",")
                        .append("{\"term\":\"t\",\"start\":")
                        .append(random.nextInt(text.length() + 4) - 2)
                        .append(",\"end\":")
                        .append(random.nextInt(text.length() + 4) - 2)
                        .append('}');
            }
            json.append(']');
            StringBuilder joined = new StringBuilder();
            Highlighter.segments(text, terms(json.toString())).forEach(segment -> joined.append(segment.text()));
            assertThat(joined.toString()).isEqualTo(text);
        }
    }

    private static JsonNode terms(String json) throws Exception {
        return Json.mapper().readTree(json);
    }
}
