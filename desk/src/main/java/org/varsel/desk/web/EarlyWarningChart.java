package org.varsel.desk.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An early warning's trend as geometry for an inline SVG (computed here, drawn by the template): one bar per period,
 * raised periods marked, the baseline mean and the threshold as lines across them. The incident page and the period
 * report draw the same chart.
 */
public record EarlyWarningChart(
        String caption,
        int width,
        int height,
        int plot,
        List<Bar> bars,
        String baseline,
        String threshold,
        String firstLabel,
        String lastLabel,
        int max) {
    public static final int WIDTH = 640;
    public static final int HEIGHT = 140;
    private static final int PLOT = HEIGHT - 20;
    private static final int MAX_SLOT = 40;

    /** One period: where its bar goes, whether it was raised, and what its tooltip says. */
    public record Bar(int x, int y, int width, int height, boolean raised, int count, String label) {}

    /** The chart of an incident's {@code trend}; empty when it has none. */
    public static EarlyWarningChart of(JsonNode trend) {
        List<JsonNode> points = new ArrayList<>();
        trend.path("series").forEach(points::add);
        double top = 1;
        for (JsonNode point : points) {
            top = Math.max(
                    top,
                    Math.max(
                            point.path("count").asDouble(),
                            point.path("threshold").asDouble()));
        }
        int slot = points.isEmpty() ? WIDTH : Math.max(1, Math.min(MAX_SLOT, WIDTH / points.size()));
        List<Bar> bars = new ArrayList<>();
        List<String> baseline = new ArrayList<>();
        List<String> threshold = new ArrayList<>();
        List<String> days = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            JsonNode point = points.get(i);
            int count = Math.max(0, point.path("count").asInt());
            double mean = point.path("baseline").asDouble();
            double bar = point.path("threshold").asDouble();
            int height = (int) Math.round(count / top * PLOT);
            String start = point.path("start").asText();
            String day = start.substring(0, Math.min(10, start.length()));
            days.add(day);
            bars.add(new Bar(
                    i * slot + 1,
                    PLOT - height,
                    Math.max(1, slot - 2),
                    height,
                    count >= bar,
                    count,
                    String.format(
                            Locale.ROOT, "%s: %d signals; baseline %.1f, raised at %.1f", day, count, mean, bar)));
            int middle = i * slot + slot / 2;
            baseline.add(middle + "," + y(mean, top));
            threshold.add(middle + "," + y(bar, top));
        }
        String unit = "P7D".equals(trend.path("period").asText()) ? "week" : "day";
        String region =
                trend.path("region").isTextual() ? " in " + trend.path("region").asText() : "";
        String caption = trend.path("target_group").asText("") + region + ", per " + unit;
        String first = days.isEmpty() ? "" : days.get(0);
        String last = days.isEmpty() ? "" : days.get(days.size() - 1);
        return new EarlyWarningChart(
                caption,
                WIDTH,
                HEIGHT,
                PLOT,
                bars,
                String.join(" ", baseline),
                String.join(" ", threshold),
                first,
                last,
                (int) Math.ceil(top));
    }

    private static String y(double value, double top) {
        return String.format(Locale.ROOT, "%.1f", PLOT - value / top * PLOT);
    }

    public boolean isEmpty() {
        return bars.isEmpty();
    }
}
