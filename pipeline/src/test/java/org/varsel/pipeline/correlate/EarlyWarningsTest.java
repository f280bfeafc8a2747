package org.varsel.pipeline.correlate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.varsel.pipeline.correlate.Posts.post;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.varsel.contract.Incident;
import org.varsel.contract.IncidentKind;

/** Early warning on generated weeks: a slow sustained rise against one group opens a warning; a spike or noise does not. */
class EarlyWarningsTest {
    static final EarlyWarningSettings SETTINGS = EarlyWarningSettings.defaults();
    static final CorrelationKeys KEYS = new CorrelationKeys(CorrelationSettings.defaults());
    /** A Monday: the first generated week. */
    static final Instant WEEK0 = Instant.parse("2026-03-02T00:00:00Z");

    static final List<Integer> BASELINE_WEEKS = List.of(9, 11, 10, 12, 8, 10, 11, 9, 10, 10);

    static DetectorRun<TrendState> weekly(List<Posts> posts) {
        DetectorRun<TrendState> run =
                new DetectorRun<>(new EarlyWarnings(SETTINGS, EarlyWarningSettings.WEEK), Duration.ofMinutes(5));
        posts.stream()
                .sorted((a, b) -> a.analysed()
                        .signal()
                        .observedAt()
                        .compareTo(b.analysed().signal().observedAt()))
                .forEach(p -> run.feed(KEYS.earlyWarning(p.analysed())));
        return run.finish();
    }

    /** {@code count} threats against {@code group} in week {@code week}, each from its own account, spread over the week. */
    static List<Posts> week(String group, int week, int count) {
        List<Posts> posts = new ArrayList<>();
        Instant start = WEEK0.plus(Duration.ofDays(7L * week));
        for (int i = 0; i < count; i++) {
            Instant at = start.plus(Duration.ofMinutes((long) (7 * 24 * 60 * (i + 0.5) / count)));
            posts.add(post(group + "-" + week + "-" + i)
                    .by(group + "-account-" + week + "-" + i)
                    .at(at)
                    .text("they must be driven out, week " + week + " post " + i)
                    .ruleAgainst("threat-expel", "threat", List.of(group), "hallmark:threat"));
        }
        return posts;
    }

    static List<Posts> weeks(String group, List<Integer> counts) {
        List<Posts> posts = new ArrayList<>();
        for (int w = 0; w < counts.size(); w++) {
            posts.addAll(week(group, w, counts.get(w)));
        }
        return posts;
    }

    static List<Integer> concat(List<Integer> first, List<Integer> then) {
        List<Integer> all = new ArrayList<>(first);
        all.addAll(then);
        return all;
    }

    @Test
    void aSlowSustainedRiseAgainstOneGroupOpensAnEarlyWarningWithItsTrendAndExamples() {
        List<Integer> rise = List.of(12, 14, 17, 19, 22, 24, 27);
        List<Posts> posts = weeks("migrants", concat(BASELINE_WEEKS, rise));
        posts.addAll(weeks("journalists", concat(BASELINE_WEEKS, List.of(10, 9, 11, 10, 12, 9, 10))));

        Map<String, Incident> incidents = weekly(posts).latest();

        assertThat(incidents).hasSize(1);
        Incident warning = incidents.values().iterator().next();
        assertThat(warning.kind()).isEqualTo(IncidentKind.EARLY_WARNING);
        assertThat(warning.targetGroups()).containsExactly("migrants");
        Incident.Trend trend = warning.trend();
        assertThat(trend.targetGroup()).isEqualTo("migrants");
        assertThat(trend.region()).isNull();
        assertThat(trend.period()).isEqualTo("P7D");
        assertThat(trend.series())
                .extracting(Incident.TrendPoint::start)
                .allSatisfy(start ->
                        assertThat(start.atZone(ZoneOffset.UTC).getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY));
        assertThat(trend.series()).extracting(Incident.TrendPoint::count).containsSubsequence(rise);
        // the baseline stays at the level before the rise: the raised weeks do not raise their own bar
        Incident.TrendPoint last =
                trend.series().stream().filter(p -> p.count() == 27).findFirst().orElseThrow();
        assertThat(last.baseline()).isBetween(9.0, 13.0);
        assertThat(last.raised()).isTrue();
        long raisedInARow =
                trend.series().stream().filter(Incident.TrendPoint::raised).count();
        assertThat(raisedInARow).isGreaterThanOrEqualTo(SETTINGS.sustainedPeriods());
        // examples come from the raised weeks only, and the count is every signal of them
        Instant riseStarted = Instant.parse(warning.evidence().coordination().get("rise_started"));
        assertThat(warning.evidence().signals())
                .isNotEmpty()
                .allSatisfy(s -> assertThat(s.observedAt()).isAfterOrEqualTo(riseStarted));
        int raisedSignals = trend.series().stream()
                .filter(p -> !p.start().isBefore(riseStarted))
                .mapToInt(Incident.TrendPoint::count)
                .sum();
        assertThat(warning.signalCount()).isEqualTo(raisedSignals);
        assertThat(warning.explanation()).contains("migrants", "weeks in a row", "a single spike does not");
    }

    @Test
    void aSingleSpikeDoesNotOpenAnEarlyWarning() {
        List<Integer> counts = concat(BASELINE_WEEKS, List.of(60));
        counts.addAll(List.of(10, 11, 9, 10, 12, 10));

        Map<String, Incident> incidents = weekly(weeks("migrants", counts)).latest();

        assertThat(incidents).isEmpty();
    }

    @Test
    void twoRaisedWeeksAreStillNotASustainedRise() {
        Map<String, Incident> incidents = weekly(weeks("migrants", concat(BASELINE_WEEKS, List.of(30, 30, 10, 11, 9))))
                .latest();

        assertThat(incidents).isEmpty();
    }

    @Test
    void aSteadyNoisyBaselineOpensNothingOverAYear() {
        Random random = new Random(22);
        List<Integer> counts =
                IntStream.range(0, 52).mapToObj(w -> poisson(random, 10)).toList();

        Map<String, Incident> incidents = weekly(weeks("migrants", counts)).latest();

        assertThat(incidents).isEmpty();
    }

    @Test
    void aRiseInOneRegionWarnsForTheGroupThereAndForTheGroupOverall() {
        List<Posts> posts = weeks("migrants", concat(BASELINE_WEEKS, List.of(12, 14, 17, 19, 22, 24, 27)));
        posts.forEach(p -> p.region("North Region"));

        Map<String, Incident> incidents = weekly(posts).latest();

        assertThat(incidents.values())
                .extracting(i -> i.trend().region())
                .containsExactlyInAnyOrder(null, "north region");
        assertThat(incidents.values()).allSatisfy(i -> assertThat(i.kind()).isEqualTo(IncidentKind.EARLY_WARNING));
    }

    @Test
    void onlyThreatsAndDehumanisationNamingAGroupCount() {
        assertThat(KEYS.earlyWarning(
                        post(1).ruleAgainst("threat-expel", "threat", List.of()).analysed()))
                .isEmpty();
        assertThat(KEYS.earlyWarning(post(2).ruleAgainst("insult", "harassment", List.of("migrants"))
                        .analysed()))
                .isEmpty();
        assertThat(KEYS.earlyWarning(
                        post(3).ruleAgainst("vermin", "hate", List.of("Migrants"), "hallmark:dehumanisation")
                                .analysed()))
                .extracting(KeyedSignal::key)
                .containsExactly("migrants");
        assertThat(KEYS.earlyWarning(post(4).labelled(null, 30, "residents").analysed()))
                .isEmpty();
        assertThat(KEYS.earlyWarning(
                        post(5).labelled("harassment", 30, "residents").analysed()))
                .isEmpty();
        assertThat(KEYS.earlyWarning(post(6).labelled("threat", 30, "Residents").analysed()))
                .extracting(KeyedSignal::key)
                .containsExactly("residents");
    }

    /** Knuth's method: fine for a mean of 10. */
    static int poisson(Random random, double mean) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int k = 0;
        while (product > limit) {
            product *= random.nextDouble();
            k++;
        }
        return k;
    }
}
