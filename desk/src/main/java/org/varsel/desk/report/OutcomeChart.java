package org.varsel.desk.report;

import java.util.ArrayList;
import java.util.List;
import org.varsel.desk.brief.report.TransparencyReport;

/**
 * What each platform did with the URLs reported to it in the period, as one stacked bar per platform (removed,
 * restricted, labelled, no action, awaiting), every bar on the scale of the platform with the most items; geometry
 * for an inline SVG, drawn by the template.
 */
public record OutcomeChart(int width, int height, List<PlatformBar> platforms) {
    public static final int WIDTH = 560;
    static final int BAR = 18;
    private static final int GAP = 6;

    /** One platform's bar: its items split by outcome. */
    public record PlatformBar(String platform, int y, int items, List<Segment> segments) {}

    /** One outcome's share of a bar; {@code outcome} is also its CSS class. */
    public record Segment(String outcome, int x, int width, int count, String label) {}

    static OutcomeChart of(TransparencyReport notices) {
        List<TransparencyReport.Row> perPlatform = notices.rows().stream()
                .filter(row -> row.category().equals(TransparencyReport.ALL))
                .toList();
        int most = perPlatform.stream()
                .mapToInt(TransparencyReport.Row::items)
                .max()
                .orElse(1);
        List<PlatformBar> bars = new ArrayList<>();
        for (TransparencyReport.Row row : perPlatform) {
            List<Segment> segments = new ArrayList<>();
            int x = 0;
            int[] counts = {row.removed(), row.restricted(), row.labelled(), row.noAction(), row.awaiting()};
            String[] outcomes = {"removed", "restricted", "labelled", "no-action", "awaiting"};
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] > 0) {
                    int w = Math.max(2, (int) Math.round((double) counts[i] / most * WIDTH));
                    segments.add(new Segment(
                            outcomes[i], x, w, counts[i], row.platform() + ": " + counts[i] + " " + outcomes[i]));
                    x += w;
                }
            }
            bars.add(new PlatformBar(row.platform(), bars.size() * (BAR + GAP), row.items(), segments));
        }
        return new OutcomeChart(WIDTH, Math.max(BAR, bars.size() * (BAR + GAP)), bars);
    }
}
