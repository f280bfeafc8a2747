package org.varsel.desk.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Splits a signal's text at its matched rule terms, so the template can escape every piece and mark the matches:
 * the text is never trusted as markup, whatever the offsets say.
 */
public final class Highlighter {
    private Highlighter() {}

    /** A run of the text; {@code term} is set when it is a rule match. */
    public record Segment(String text, boolean match, String term) {}

    /** The text cut at valid, non-overlapping [start, end) ranges (UTF-16 units); bad ranges are ignored. */
    public static List<Segment> segments(String text, JsonNode matchedTerms) {
        List<int[]> ranges = new ArrayList<>();
        List<String> terms = new ArrayList<>();
        for (JsonNode match : matchedTerms) {
            int start = match.path("start").asInt(-1);
            int end = match.path("end").asInt(-1);
            if (start >= 0 && end > start && end <= text.length()) {
                ranges.add(new int[] {start, end, terms.size()});
                terms.add(match.path("term").asText(""));
            }
        }
        ranges.sort(Comparator.<int[]>comparingInt(r -> r[0]).thenComparingInt(r -> -r[1]));
        List<Segment> segments = new ArrayList<>();
        int at = 0;
        for (int[] range : ranges) {
            if (range[0] < at) {
                continue;
            }
            if (range[0] > at) {
                segments.add(new Segment(text.substring(at, range[0]), false, ""));
            }
            segments.add(new Segment(text.substring(range[0], range[1]), true, terms.get(range[2])));
            at = range[1];
        }
        if (at < text.length()) {
            segments.add(new Segment(text.substring(at), false, ""));
        }
        return segments;
    }
}
