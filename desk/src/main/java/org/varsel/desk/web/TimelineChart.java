package org.varsel.desk.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** An incident's signals per time bucket as bar geometry for an inline SVG (computed here, drawn by the template). */
public record TimelineChart(int width, int height, List<Bar> bars, String firstLabel, String lastLabel, int max) {
    public static final int WIDTH = 640;
    public static final int HEIGHT = 120;
    private static final int PLOT = HEIGHT - 20;
    private static final int MAX_SLOT = 40;

    /** One bucket: where its bar goes and what its tooltip says. */
    public record Bar(int x, int y, int width, int height, String label) {}

    public static TimelineChart of(JsonNode timeline) {
        List<JsonNode> buckets = new ArrayList<>();
        timeline.forEach(buckets::add);
        int max = 1;
        for (JsonNode bucket : buckets) {
            max = Math.max(max, bucket.path("count").asInt());
        }
        List<Bar> bars = new ArrayList<>();
        int slot = buckets.isEmpty() ? WIDTH : Math.max(1, Math.min(MAX_SLOT, WIDTH / buckets.size()));
        for (int i = 0; i < buckets.size(); i++) {
            JsonNode bucket = buckets.get(i);
            int count = Math.max(0, bucket.path("count").asInt());
            int height = (int) Math.round((double) count / max * PLOT);
            bars.add(new Bar(
                    i * slot + 1,
                    PLOT - height,
                    Math.max(1, slot - 2),
                    height,
                    bucket.path("start").asText() + ": " + count + (count == 1 ? " signal" : " signals")));
        }
        String first = buckets.isEmpty() ? "" : buckets.get(0).path("start").asText();
        String last = buckets.isEmpty()
                ? ""
                : buckets.get(buckets.size() - 1).path("start").asText();
        return new TimelineChart(WIDTH, HEIGHT, bars, first, last, max);
    }

    public boolean isEmpty() {
        return bars.isEmpty();
    }
}
