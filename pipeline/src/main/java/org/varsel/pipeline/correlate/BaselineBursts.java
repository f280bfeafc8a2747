package org.varsel.pipeline.correlate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.varsel.contract.IncidentKind;
import org.varsel.pipeline.analysis.AnalysedSignal;
import org.varsel.pipeline.incident.IncidentIds;

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
  public BurstState onSignal(BurstState state, KeyedSignal input, long watermark, Updates updates) {
    BurstState current = state == null ? new BurstState() : state;
    // A signal behind the watermark counts in the earliest bucket still open: closed buckets stay closed.
    long bucket = current.closedThrough == Long.MIN_VALUE
        ? Math.floorDiv(input.at(), bucketMillis)
        : Math.max(Math.floorDiv(input.at(), bucketMillis), current.closedThrough + 1);
    BurstState.OpenBucket open = current.bucket(bucket);
    if (open.accounts.size() < MAX_BUCKET_ACCOUNTS) {
      open.accounts.put(input.signal().accountKey(), Boolean.TRUE);
    }
    updates.wakeAt((bucket + 1) * bucketMillis);
    long now = Math.max(input.at(), watermark);
    if (current.incident != null) {
      // Signals of buckets before the burst (a partition far behind the others) are its baseline, not the burst;
      // signals of buckets after the next one to be judged (a partition far ahead) wait until the burst reaches them.
      if (bucket >= current.incidentBucket && bucket <= joinable(current)) {
        current.incident.add(input.signal());
        policy.afterJoin(current.incident, now, updates);
      } else if (bucket > joinable(current)) {
        keepWaiting(open, input.signal());
      }
      return current;
    }
    keepWaiting(open, input.signal());
    int threshold = Baseline.threshold(current.baseline, minAccounts, factor);
    if (open.accounts.size() >= threshold) {
      open(current, input.key(), bucket, threshold, now, updates);
    }
    return current;
  }

  /** The last bucket whose signals join the open burst now: the one after the last judged, or the burst's own. */
  private static long joinable(BurstState state) {
    return state.closedThrough == Long.MIN_VALUE ? state.incidentBucket : Math.max(state.incidentBucket, state.closedThrough + 1);
  }

  private static void keepWaiting(BurstState.OpenBucket open, AnalysedSignal signal) {
    open.pending.add(signal);
    if (open.pending.size() > MAX_PENDING) {
      open.pending.remove(0);
    }
  }

  @Override
  public BurstState onTimer(BurstState state, String key, long time, Updates updates) {
    if (state == null) {
      return null;
    }
    closeBucketsBefore(state, Math.floorDiv(time, bucketMillis), key, updates);
    if (state.incident != null) {
      policy.onTimer(state.incident, time, updates);
      updates.wakeAt((Math.floorDiv(time, bucketMillis) + 1) * bucketMillis);
      return state;
    }
    if (!state.openBuckets.isEmpty()) {
      return state;
    }
    if (state.baseline < FORGET_BELOW) {
      return null;
    }
    long quiet = Baseline.bucketsUntilBelow(state.baseline, FORGET_BELOW, alpha);
    updates.wakeAt((state.closedThrough + 1 + Math.max(1, quiet)) * bucketMillis);
    return state;
  }

  /** Closes, in order, every bucket before {@code bucket}: each updates the baseline and judges an open incident. */
  private void closeBucketsBefore(BurstState state, long bucket, String key, Updates updates) {
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
        closeEmpty(state, next, closed.index - next, updates);
      }
      state.openBuckets.remove(closed);
      closeOne(state, closed.index, closed.accounts.size(), updates);
      next = closed.index + 1;
      admitNextBucket(state, next, key, updates);
    }
    if (next != Long.MIN_VALUE && bucket > next) {
      closeEmpty(state, next, bucket - next, updates);
    }
  }

  /**
   * After a bucket is judged, the next one becomes current: its waiting signals join a burst that goes on, or, when
   * there is none, may open one of their own (a partition ahead of the watermark already filled it).
   */
  private void admitNextBucket(BurstState state, long bucket, String key, Updates updates) {
    for (BurstState.OpenBucket open : state.openBuckets) {
      if (open.index != bucket || open.pending.isEmpty()) {
        continue;
      }
      if (state.incident != null && bucket >= state.incidentBucket) {
        open.pending.forEach(state.incident::add);
        open.pending = new ArrayList<>();
      } else if (state.incident == null) {
        int threshold = Baseline.threshold(state.baseline, minAccounts, factor);
        if (open.accounts.size() >= threshold) {
          long latest = open.pending.stream().mapToLong(p -> p.signal().observedAt().toEpochMilli()).max().orElse(0);
          open(state, key, bucket, threshold, latest, updates);
        }
      }
    }
  }

  private void closeOne(BurstState state, long bucket, int observed, Updates updates) {
    boolean burst = state.incident != null && bucket >= state.incidentBucket;
    if (burst && !stillBursting(observed, state.baseline)) {
      closeIncident(state, (bucket + 1) * bucketMillis, updates);
    }
    // A key's first bucket sets its baseline (an average that starts at zero would call a steady hashtag a push),
    // unless that bucket was a burst already: then it counts as one bucket of an average that starts at zero.
    state.baseline = state.warm || burst ? Baseline.next(state.baseline, observed, alpha) : observed;
    state.warm = true;
    state.closedThrough = bucket;
  }

  private void closeEmpty(BurstState state, long firstBucket, long buckets, Updates updates) {
    if (state.incident != null && firstBucket + buckets - 1 >= state.incidentBucket) {
      closeIncident(state, (firstBucket + 1) * bucketMillis, updates);
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

  private void closeIncident(BurstState state, long at, Updates updates) {
    policy.close(state.incident, Math.max(at, state.incident.lastSeen), updates);
    state.incident = null;
  }

  private void open(BurstState state, String key, long bucket, int threshold, long now, Updates updates) {
    Instant bucketStart = Instant.ofEpochMilli(bucket * bucketMillis);
    IncidentDraft incident = IncidentDraft.open(kind, IncidentIds.of(kind, key + "@" + bucketStart), key, threshold, bucketMillis);
    incident.coordination.put(kind == IncidentKind.HASHTAG_PUSH ? "hashtag" : "surge_key", key);
    incident.coordination.put("min_accounts", Integer.toString(minAccounts));
    incident.coordination.put("factor", Double.toString(factor));
    incident.coordination.put("alpha", Double.toString(alpha));
    incident.coordination.put("bucket", bucketLabel);
    incident.coordination.put("opening_bucket", bucketStart.toString());
    incident.coordination.put("opening_bucket_accounts", Integer.toString(state.bucket(bucket).accounts.size()));
    incident.coordination.put("baseline_per_bucket", String.format(Locale.ROOT, "%.2f", state.baseline));
    incident.coordination.put("bucket_threshold", Integer.toString(threshold));
    List<AnalysedSignal> waiting = new ArrayList<>();
    for (BurstState.OpenBucket open : state.openBuckets) {
      if (open.index >= bucket) { // an earlier bucket, not yet closed, is not part of the burst
        waiting.addAll(open.pending);
      }
      open.pending = new ArrayList<>();
    }
    waiting.sort(Comparator.comparing((AnalysedSignal p) -> p.signal().observedAt()).thenComparing(p -> p.signal().id()));
    waiting.forEach(incident::add);
    state.incident = incident;
    state.incidentBucket = bucket;
    updates.emit(incident.emit(now));
  }
}
