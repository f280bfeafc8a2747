package org.varsel.desk.report;

import java.util.ArrayList;
import java.util.List;

/** A trend as bar geometry for an inline SVG (computed here, drawn by the template), scaled to its dimension's peak. */
public record TrendChart(String value, long total, int width, int height, List<Bar> bars, long max) {
    public static final int WIDTH = 560;
    public static final int HEIGHT = 48;
    private static final int MAX_SLOT = 40;

    /** One bucket: where its bar goes and what its tooltip says. */
    public record Bar(int x, int y, int width, int height, String label) {}

    static TrendChart of(Trend trend, long peak) {
        long max = Math.max(1, peak);
        List<Trend.Count> counts = trend.counts();
        int slot = counts.isEmpty() ? WIDTH : Math.max(1, Math.min(MAX_SLOT, WIDTH / counts.size()));
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < counts.size(); i++) {
            Trend.Count count = counts.get(i);
            int height = (int) Math.round((double) count.incidents() / max * HEIGHT);
            bars.add(new Bar(
                    i * slot + 1,
                    HEIGHT - height,
                    Math.max(1, slot - 2),
                    height,
                    count.start() + ": " + count.incidents() + (count.incidents() == 1 ? " incident" : " incidents")));
        }
        return new TrendChart(trend.value(), trend.total(), WIDTH, HEIGHT, bars, max);
    }
}
