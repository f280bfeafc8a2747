package org.varsel.pipeline.correlate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.varsel.contract.Incident;
import org.varsel.contract.IncidentKind;

/**
 * Early warning per target group (key: a target group, or a target group in a region): threatening and dehumanising
 * signals are counted per event-time period (a UTC day, or an ISO week from Monday). When the watermark closes a
 * period, its count is judged against the mean and spread of the previous {@code baselinePeriods} periods: it is raised
 * at {@code max(minCount, mean + sigmas × spread)}, the spread being the sample standard deviation but at least
 * √mean (a Poisson count's own noise). {@code sustainedPeriods} raised periods in a row open an early-warning
 * incident with the series and its example signals; one raised period (a spike) does not. Raised periods stay out of
 * the baseline while the run lasts, so that a slow rise does not raise its own bar; the warning closes with the first
 * period that is not raised. This is a Shewhart chart with a run rule (Western Electric rules), docs/incidents.md.
 */
public final class EarlyWarnings implements Detector<TrendState> {
    /** The member set of the open warning's accounts. */
    private static final String INCIDENT_ACCOUNTS = "i";
    /** Example signals kept per period. */
    static final int EXAMPLES_PER_PERIOD = 5;
    /** Judged periods shown in a trend. */
    static final int MAX_SERIES = 52;
    /** ISO weeks start on Monday; the epoch (1970-01-01) was a Thursday. */
    private static final long WEEK_OFFSET_MILLIS = Duration.ofDays(3).toMillis();

    private final EarlyWarningSettings settings;
    private final Duration period;
    private final long periodMillis;
    private final long offsetMillis;

    public EarlyWarnings(EarlyWarningSettings settings, Duration period) {
        this.settings = settings;
        this.period = period;
        this.periodMillis = period.toMillis();
        this.offsetMillis = period.equals(EarlyWarningSettings.WEEK) ? WEEK_OFFSET_MILLIS : 0;
    }

    long index(long at) {
        return Math.floorDiv(at + offsetMillis, periodMillis);
    }

    long start(long index) {
        return index * periodMillis - offsetMillis;
    }

    @Override
    public void onSignal(KeyState<TrendState> state, KeyedSignal input, long watermark, Updates updates) {
        TrendState current = Objects.requireNonNullElseGet(state.head(), TrendState::new);
        if (current.targetGroup == null) {
            EarlyWarningKey key = EarlyWarningKey.parse(input.key());
            current.targetGroup = key.targetGroup();
            current.region = key.region().orElse(null);
        }
        // A signal behind the watermark counts in the earliest period still open: judged periods stay judged.
        long index = current.closedThrough == Long.MIN_VALUE
                ? index(input.at())
                : Math.max(index(input.at()), current.closedThrough + 1);
        int open = current.openPeriods.size();
        TrendState.OpenPeriod period = current.period(index);
        if (current.openPeriods.size() > open) {
            updates.wakeAt(start(index + 1)); // it is judged when event time passes its end
        }
        period.count++;
        if (period.examples < EXAMPLES_PER_PERIOD) {
            state.addWaiting(new Waiting(index, input.signal()));
            period.examples++;
        }
        state.setHead(current);
    }

    @Override
    public void onTimer(KeyState<TrendState> state, String key, long time, Updates updates) {
        TrendState current = state.head();
        if (current == null) {
            return;
        }
        WaitingSignals waiting = new WaitingSignals(state);
        judgeBefore(state, current, index(time), key, waiting, time, updates);
        waiting.flush();
        if (current.openPeriods.isEmpty()
                && current.run.isEmpty()
                && current.incident == null
                && current.history.stream().allMatch(count -> count == 0)) {
            state.clear(); // nothing against this group for a whole baseline window: it starts afresh
            return;
        }
        if (current.openPeriods.isEmpty()) {
            // a run must be judged even when the signals stop; a quiet key is looked at again when its window is all
            // zeros
            long next = current.run.isEmpty()
                    ? current.closedThrough + settings.baselinePeriods() + 1
                    : current.closedThrough + 1;
            updates.wakeAt(start(next + 1));
        }
        state.setHead(current);
    }

    /** Judges, in order, every period before {@code index}; a period without signals counts zero. */
    private void judgeBefore(
            KeyState<TrendState> keyState,
            TrendState state,
            long index,
            String key,
            WaitingSignals waiting,
            long now,
            Updates updates) {
        List<TrendState.OpenPeriod> closing = new ArrayList<>(
                state.openPeriods.stream().filter(p -> p.index < index).toList());
        closing.sort(Comparator.comparingLong(p -> p.index));
        state.openPeriods.removeAll(closing);
        long next = state.closedThrough == Long.MIN_VALUE
                ? closing.isEmpty() ? index : closing.get(0).index
                : state.closedThrough + 1;
        for (TrendState.OpenPeriod period : closing) {
            for (; next < period.index; next++) {
                judge(keyState, state, next, 0, key, waiting, now, updates);
            }
            judge(keyState, state, period.index, period.count, key, waiting, now, updates);
            next = period.index + 1;
        }
        for (; next < index; next++) {
            judge(keyState, state, next, 0, key, waiting, now, updates);
        }
    }

    private void judge(
            KeyState<TrendState> keyState,
            TrendState state,
            long index,
            int count,
            String key,
            WaitingSignals waiting,
            long now,
            Updates updates) {
        TrendBaseline baseline = TrendBaseline.of(state.history, settings);
        TrendState.Point point = new TrendState.Point();
        point.index = index;
        point.count = count;
        point.baseline = baseline.mean();
        point.threshold = baseline.threshold();
        state.series.add(point);
        if (state.series.size() > MAX_SERIES) {
            state.series.remove(0);
        }
        state.closedThrough = index;
        if (baseline.judges() && count >= baseline.threshold()) {
            state.run.add(count);
            state.runSignals += count;
            if (state.incident != null) {
                IncidentDraft.AccountSet accounts = keyState.accounts(INCIDENT_ACCOUNTS);
                waiting.take(group -> group == index).forEach(signal -> state.incident.add(signal, accounts));
                state.incident.signalCount = state.runSignals;
                emit(state, now, updates);
            } else if (state.run.size() >= settings.sustainedPeriods()) {
                open(keyState, state, key, index, waiting, now, updates);
            }
            return;
        }
        if (state.incident != null) {
            emit(state, now, updates); // the last update shows the period that ended it
            state.incident = null;
            keyState.dropMembers(INCIDENT_ACCOUNTS);
        }
        waiting.drop(group -> group <= index);
        state.history.addAll(state.run);
        state.history.add(count);
        state.run.clear();
        state.runSignals = 0;
        while (state.history.size() > settings.baselinePeriods()) {
            state.history.remove(0);
        }
    }

    private void open(
            KeyState<TrendState> keyState,
            TrendState state,
            String key,
            long index,
            WaitingSignals waiting,
            long now,
            Updates updates) {
        long first = index - state.run.size() + 1;
        Instant runStart = Instant.ofEpochMilli(start(first));
        IncidentDraft draft = IncidentDraft.open(
                IncidentKind.EARLY_WARNING,
                IncidentIds.of(
                        IncidentKind.EARLY_WARNING, key + "@" + EarlyWarningSettings.label(period) + "@" + runStart),
                key,
                settings.minCount(),
                periodMillis);
        TrendBaseline baseline = TrendBaseline.of(state.history, settings);
        draft.coordination.put("target_group", state.targetGroup);
        if (state.region != null) {
            draft.coordination.put("region", state.region);
        }
        draft.coordination.put("period", EarlyWarningSettings.label(period));
        draft.coordination.put("rise_started", runStart.toString());
        draft.coordination.put("raised_periods", Integer.toString(state.run.size()));
        draft.coordination.put("baseline_mean", TwoDecimals.of(baseline.mean()));
        draft.coordination.put("baseline_spread", TwoDecimals.of(baseline.spread()));
        draft.coordination.put("period_threshold", TwoDecimals.of(baseline.threshold()));
        draft.coordination.put("baseline_periods", Integer.toString(settings.baselinePeriods()));
        draft.coordination.put("sigmas", Double.toString(settings.sigmas()));
        draft.coordination.put("sustained_periods", Integer.toString(settings.sustainedPeriods()));
        draft.coordination.put("min_count", Integer.toString(settings.minCount()));
        IncidentDraft.AccountSet accounts = keyState.accounts(INCIDENT_ACCOUNTS);
        waiting.take(group -> group >= first && group <= index).forEach(signal -> draft.add(signal, accounts));
        waiting.drop(group -> group < first);
        draft.signalCount = state.runSignals;
        state.incident = draft;
        emit(state, now, updates);
    }

    private void emit(TrendState state, long now, Updates updates) {
        FindingUpdate update = state.incident.emitFinding(Math.max(now, state.incident.lastSeen));
        updates.emit(new FindingUpdate(update.incident().withTrend(trend(state)), update.accounts(), update.signals()));
    }

    private Incident.Trend trend(TrendState state) {
        List<Incident.TrendPoint> points = new ArrayList<>();
        for (TrendState.Point point : state.series) {
            points.add(new Incident.TrendPoint(
                    Instant.ofEpochMilli(start(point.index)), point.count, point.baseline, point.threshold));
        }
        return new Incident.Trend(
                state.targetGroup,
                state.region,
                EarlyWarningSettings.label(period),
                settings.sustainedPeriods(),
                TrendBaseline.METHOD,
                points);
    }
}
