package org.varsel.pipeline.correlate;

import java.util.List;

/**
 * The baseline one early-warning period is judged against: mean and spread of the counts of the periods before it, and
 * the count that makes it raised. It judges only once the window is full.
 */
record TrendBaseline(double mean, double spread, double threshold, boolean judges) {
    static final String METHOD =
            "mean and sample standard deviation (at least the square root of the mean) of the previous"
                    + " periods outside a raised run; a period is raised at max(min count, mean + sigmas x spread); a run of raised periods"
                    + " opens the warning (Shewhart chart with a run rule)";

    static TrendBaseline of(List<Integer> history, EarlyWarningSettings settings) {
        int n = history.size();
        double mean = n == 0
                ? 0
                : history.stream().mapToInt(Integer::intValue).average().orElse(0);
        double squares = 0;
        for (int count : history) {
            squares += (count - mean) * (count - mean);
        }
        double sd = n < 2 ? 0 : Math.sqrt(squares / (n - 1));
        // A steady count has no spread of its own; a count of events still varies by about its square root (Poisson).
        double spread = Math.max(sd, Math.sqrt(mean));
        double threshold = Math.max(settings.minCount(), mean + settings.sigmas() * spread);
        return new TrendBaseline(mean, spread, threshold, n >= settings.baselinePeriods());
    }
}
