package org.varsel.pipeline.correlate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.varsel.contract.IncidentKind;
import org.varsel.pipeline.analysis.AnalysedSignal;

/**
 * A key used by far more accounts than usual: hashtag push (key = hashtag) and surge (key = {@code category:x} or
 * {@code target:y}). Event time is cut in buckets; the baseline is an EWMA of distinct accounts per bucket, updated
 * when the watermark closes a bucket. An incident opens as soon as a bucket reaches
 * {@code max(minAccounts, factor × baseline)} distinct accounts; the key's signals join it while each following bucket
 * keeps at least half of that rule (against the adapting baseline), and it closes with the first bucket below.
 */
public final class BaselineBursts implements Detector<BurstState> {
    /** Accounts counted exactly per bucket: far above any threshold, it only bounds memory. */
    static final int MAX_BUCKET_ACCOUNTS = 10_000;
    /** The member set of the open incident's accounts. */
    private static final String INCIDENT_ACCOUNTS = "i";
    /** Signals of one bucket kept to open an incident with. */
    static final int MAX_PENDING = 256;
    /** A baseline below this (and nothing open or waiting) is forgotten: the key starts afresh. */
    static final double FORGET_BELOW = 0.05;

    private final IncidentKind kind;
    private final int minAccounts;
    private final double factor;
    private final long bucketMillis;
    private final double alpha;
    private final UpdatePolicy policy;
    private final String bucketLabel;

    private BaselineBursts(IncidentKind kind, int minAccounts, double factor, CorrelationSettings s) {
        this.kind = kind;
        this.minAccounts = minAccounts;
        this.factor = factor;
        this.bucketMillis = s.baselineBucket().toMillis();
        this.alpha = s.baselineAlpha();
        this.policy = new UpdatePolicy(s.updateInterval().toMillis());
        this.bucketLabel = s.baselineBucket().toString();
    }

    public static BaselineBursts hashtagPush(CorrelationSettings s) {
        return new BaselineBursts(IncidentKind.HASHTAG_PUSH, s.hashtagPushMinAccounts(), s.hashtagPushFactor(), s);
    }

    public static BaselineBursts surge(CorrelationSettings s) {
        return new BaselineBursts(IncidentKind.SURGE, s.surgeMinAccounts(), s.surgeFactor(), s);
    }

    @Override
    public void onSignal(KeyState<BurstState> state, KeyedSignal input, long watermark, Updates updates) {
        BurstState current = Objects.requireNonNullElseGet(state.head(), BurstState::new); // one read of the head
        // A signal behind the watermark counts in the earliest bucket still open: closed buckets stay closed.
        long bucket = current.closedThrough == Long.MIN_VALUE
                ? Math.floorDiv(input.at(), bucketMillis)
                : Math.max(Math.floorDiv(input.at(), bucketMillis), current.closedThrough + 1);
        int buckets = current.openBuckets.size();
        BurstState.OpenBucket open = current.bucket(bucket);
        if (current.openBuckets.size() > buckets) {
            updates.wakeAt((bucket + 1) * bucketMillis); // once per bucket: it closes when event time passes its end
        }
        if (open.accounts < MAX_BUCKET_ACCOUNTS
                && state.addMember(bucketAccounts(bucket), input.signal().accountKey())) {
            open.accounts++;
        }
        long now = Math.max(input.at(), watermark);
        if (current.incident != null) {
            // Signals of buckets before the burst (a partition far behind the others) are its baseline, not the burst;
            // signals of buckets after the next one to be judged (a partition far ahead) wait until the burst reaches
            // them.
            if (bucket >= current.incidentBucket && bucket <= joinable(current)) {
                current.incident.add(input.signal(), state.accounts(INCIDENT_ACCOUNTS));
                policy.afterJoin(current.incident, now, updates);
            } else if (bucket > joinable(current)) {
                keepWaiting(state, open, input.signal());
            }
            state.setHead(current);
            return;
        }
        keepWaiting(state, open, input.signal());
        int threshold = Baseline.threshold(current.baseline, minAccounts, factor);
        if (open.accounts >= threshold) {
            WaitingSignals waiting = new WaitingSignals(state);
            open(new Pass(state, current, input.key(), waiting, updates), bucket, threshold, now);
            waiting.flush();
        }
        state.setHead(current);
    }

    /** The member set of a bucket's distinct accounts. */
    private static String bucketAccounts(long bucket) {
        return "b" + bucket;
    }

    /** The last bucket whose signals join the open burst now: the one after the last judged, or the burst's own. */
    private static long joinable(BurstState state) {
        return state.closedThrough == Long.MIN_VALUE
                ? state.incidentBucket
                : Math.max(state.incidentBucket, state.closedThrough + 1);
    }

    /** Keeps the first MAX_PENDING signals of a bucket for an incident it may open. */
    private static void keepWaiting(KeyState<BurstState> state, BurstState.OpenBucket open, AnalysedSignal signal) {
        if (open.waiting < MAX_PENDING) {
            state.addWaiting(new Waiting(open.index, signal));
            open.waiting++;
        }
    }

    @Override
    public void onTimer(KeyState<BurstState> state, String key, long time, Updates updates) {
        BurstState current = state.head();
        if (current == null) {
            return;
        }
        WaitingSignals waiting = new WaitingSignals(state);
        closeBucketsBefore(new Pass(state, current, key, waiting, updates), Math.floorDiv(time, bucketMillis));
        if (current.incident != null) {
            policy.onTimer(current.incident, time, updates);
            updates.wakeAt((Math.floorDiv(time, bucketMillis) + 1) * bucketMillis);
        } else if (current.openBuckets.isEmpty()) {
            if (current.baseline < FORGET_BELOW) {
                // every closed bucket and the closed incident dropped their member sets
                state.clearWithoutMembers();
                return;
            }
            long quiet = Baseline.bucketsUntilBelow(current.baseline, FORGET_BELOW, alpha);
            updates.wakeAt((current.closedThrough + 1 + Math.max(1, quiet)) * bucketMillis);
        }
        waiting.flush();
        state.setHead(current);
    }

    /** Closes, in order, every bucket before {@code bucket}: each updates the baseline and judges an open incident. */
    private void closeBucketsBefore(Pass pass, long bucket) {
        BurstState state = pass.state();
        long next = state.closedThrough == Long.MIN_VALUE ? Long.MIN_VALUE : state.closedThrough + 1;
        List<BurstState.OpenBucket> closing = new ArrayList<>();
        for (BurstState.OpenBucket open : state.openBuckets) {
            if (open.index < bucket) {
                closing.add(open);
            }
        }
        closing.sort(Comparator.comparingLong(b -> b.index));
        for (BurstState.OpenBucket closed : closing) {
            if (next != Long.MIN_VALUE && closed.index > next) {
                closeEmpty(pass, next, closed.index - next);
            }
            state.openBuckets.remove(closed);
            pass.store().dropMembers(bucketAccounts(closed.index));
            if (closed.waiting > 0) {
                pass.waiting().drop(group -> group == closed.index);
            }
            closeOne(pass, closed.index, closed.accounts);
            next = closed.index + 1;
            admitNextBucket(pass, next);
        }
        if (next != Long.MIN_VALUE && bucket > next) {
            closeEmpty(pass, next, bucket - next);
        }
    }

    /**
     * After a bucket is judged, the next one becomes current: its waiting signals join a burst that goes on, or, when
     * there is none, may open one of their own (a partition ahead of the watermark already filled it).
     */
    private void admitNextBucket(Pass pass, long bucket) {
        BurstState state = pass.state();
        for (BurstState.OpenBucket open : List.copyOf(state.openBuckets)) {
            if (open.index != bucket || open.waiting == 0) {
                continue;
            }
            if (state.incident != null && bucket >= state.incidentBucket) {
                IncidentDraft.AccountSet accounts = pass.store().accounts(INCIDENT_ACCOUNTS);
                pass.waiting().take(group -> group == bucket).forEach(signal -> state.incident.add(signal, accounts));
                open.waiting = 0;
            } else if (state.incident == null) {
                int threshold = Baseline.threshold(state.baseline, minAccounts, factor);
                if (open.accounts >= threshold) {
                    long latest = pass.waiting().of(group -> group == bucket).stream()
                            .mapToLong(p -> p.signal().observedAt().toEpochMilli())
                            .max()
                            .orElse(0);
                    open(pass, bucket, threshold, latest);
                }
            }
        }
    }

    private void closeOne(Pass pass, long bucket, int observed) {
        BurstState state = pass.state();
        boolean burst = state.incident != null && bucket >= state.incidentBucket;
        if (burst && !stillBursting(observed, state.baseline)) {
            closeIncident(pass, (bucket + 1) * bucketMillis);
        }
        // A key's first bucket sets its baseline (an average that starts at zero would call a steady hashtag a push),
        // unless that bucket was a burst already: then it counts as one bucket of an average that starts at zero.
        state.baseline = state.warm || burst ? Baseline.next(state.baseline, observed, alpha) : observed;
        state.warm = true;
        state.closedThrough = bucket;
    }

    private void closeEmpty(Pass pass, long firstBucket, long buckets) {
        BurstState state = pass.state();
        if (state.incident != null && firstBucket + buckets - 1 >= state.incidentBucket) {
            closeIncident(pass, (firstBucket + 1) * bucketMillis);
        }
        state.baseline = Baseline.decay(state.baseline, buckets, alpha);
        state.closedThrough = firstBucket + buckets - 1;
    }

    /**
     * An open burst goes on while a bucket keeps at least half the opening rule (half of {@code minAccounts} and half of
     * {@code factor} times the baseline, which keeps adapting): a push that levels off becomes the new normal.
     */
    boolean stillBursting(int observed, double baseline) {
        return observed > 0 && 2 * observed >= Baseline.threshold(baseline, minAccounts, factor);
    }

    private void closeIncident(Pass pass, long at) {
        BurstState state = pass.state();
        policy.close(state.incident, Math.max(at, state.incident.lastSeen), pass.updates());
        state.incident = null;
        pass.store().dropMembers(INCIDENT_ACCOUNTS);
    }

    private void open(Pass pass, long bucket, int threshold, long now) {
        BurstState state = pass.state();
        String key = pass.key();
        Instant bucketStart = Instant.ofEpochMilli(bucket * bucketMillis);
        IncidentDraft incident =
                IncidentDraft.open(kind, IncidentIds.of(kind, key + "@" + bucketStart), key, threshold, bucketMillis);
        incident.coordination.put(kind == IncidentKind.HASHTAG_PUSH ? "hashtag" : "surge_key", key);
        incident.coordination.put("min_accounts", Integer.toString(minAccounts));
        incident.coordination.put("factor", Double.toString(factor));
        incident.coordination.put("alpha", Double.toString(alpha));
        incident.coordination.put("bucket", bucketLabel);
        incident.coordination.put("opening_bucket", bucketStart.toString());
        incident.coordination.put("opening_bucket_accounts", Integer.toString(state.bucket(bucket).accounts));
        incident.coordination.put("baseline_per_bucket", TwoDecimals.of(state.baseline));
        incident.coordination.put("bucket_threshold", Integer.toString(threshold));
        // The burst takes the waiting signals of its bucket and later ones; an earlier bucket, not yet closed, is not
        // part
        // of it: its waiting signals are dropped.
        IncidentDraft.AccountSet accounts = pass.store().accounts(INCIDENT_ACCOUNTS);
        List<AnalysedSignal> burst = pass.waiting().take(group -> group >= bucket);
        pass.waiting().drop(group -> true);
        burst.forEach(signal -> incident.add(signal, accounts));
        state.openBuckets.forEach(open -> open.waiting = 0);
        state.incident = incident;
        state.incidentBucket = bucket;
        pass.updates().emit(incident.emitFinding(now));
    }

    /** One signal's or one timer's work on a key: its stored state, its head, its waiting signals, where updates go. */
    private record Pass(
            KeyState<BurstState> store, BurstState state, String key, WaitingSignals waiting, Updates updates) {}
}
