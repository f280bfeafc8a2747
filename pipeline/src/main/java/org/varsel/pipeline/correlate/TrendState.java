package org.varsel.pipeline.correlate;

import java.util.ArrayList;
import java.util.List;

/**
 * The head of one target group's (and region's) state in the early-warning detector: the periods event time has not
 * closed yet, the counts of the closed ones the baseline is taken from, the current run of raised periods, the series
 * shown as the trend, and the open warning if any. A period's example signals wait under group {@code index}.
 */
public class TrendState {
    public String targetGroup;
    /** The region the key's signals name, or null for all regions. */
    public String region;

    public List<OpenPeriod> openPeriods = new ArrayList<>();
    /** The last period judged. */
    public long closedThrough = Long.MIN_VALUE;
    /** Counts of the latest closed periods outside a raised run, oldest first: the baseline window. */
    public List<Integer> history = new ArrayList<>();
    /** Counts of the raised periods in a row so far (they join the history when the run ends). */
    public List<Integer> run = new ArrayList<>();
    /** Judged periods, oldest first, capped: the trend an early warning shows. */
    public List<Point> series = new ArrayList<>();

    public IncidentDraft incident;
    /** Signals of the raised run (all of them, not only the examples). */
    public int runSignals;

    public TrendState() {}

    OpenPeriod period(long index) {
        for (OpenPeriod open : openPeriods) {
            if (open.index == index) {
                return open;
            }
        }
        OpenPeriod open = new OpenPeriod();
        open.index = index;
        openPeriods.add(open);
        return open;
    }

    /** A period still open: its count and how many of its signals wait as examples. */
    public static class OpenPeriod {
        public long index;
        public int count;
        public int examples;

        public OpenPeriod() {}
    }

    /** A judged period: its count against the baseline and threshold it was judged by. */
    public static class Point {
        public long index;
        public int count;
        public double baseline;
        public double threshold;

        public Point() {}
    }
}
