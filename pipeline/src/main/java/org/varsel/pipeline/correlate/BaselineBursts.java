package org.varsel.pipeline.correlate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import org.varsel.contract.IncidentKind;
import org.varsel.pipeline.analysis.AnalysedSignal;
import org.varsel.pipeline.incident.IncidentIds;

/**
 * A key used by far more accounts than usual: hashtag push (key = hashtag) and surge (key = {@code category:x} or
 * {@code target:y}). Event time is cut in buckets; the baseline is an EWMA of distinct accounts per bucket. An incident
 * opens when the current bucket reaches {@code max(minAccounts, factor × baseline)} distinct accounts; the signals of
 * the key join it while each following bucket keeps at least half of that rule (against the adapting baseline), and
 * it closes with the first bucket below.
 */
public final class BaselineBursts implements Detector<BurstState> {
  /** Accounts counted exactly per bucket: far above any threshold, it only bounds memory. */
  static final int MAX_BUCKET_ACCOUNTS = 10_000;
  /** Signals of the current bucket kept to open an incident with. */
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
    long bucket = Math.floorDiv(input.at(), bucketMillis);
    BurstState current = state;
    if (current == null) {
      current = new BurstState();
      current.bucket = bucket;
    } else if (bucket > current.bucket) {
      roll(current, bucket, updates);
    }
    // A late signal (an earlier bucket) counts in the current bucket: buckets already closed stay closed.
    if (current.bucketAccounts.size() < MAX_BUCKET_ACCOUNTS) {
      current.bucketAccounts.put(input.signal().accountKey(), Boolean.TRUE);
    }
    long now = Math.max(input.at(), watermark);
    if (current.incident != null) {
      current.incident.add(input.signal());
      policy.afterJoin(current.incident, now, updates);
    } else {
      current.pending.add(input.signal());
      if (current.pending.size() > MAX_PENDING) {
        current.pending.remove(0);
      }
      int threshold = Baseline.threshold(current.baseline, minAccounts, factor);
      if (current.bucketAccounts.size() >= threshold) {
        open(current, input.key(), threshold, now, updates);
      }
    }
    updates.wakeAt((current.bucket + 1) * bucketMillis);
    return current;
  }

  @Override
  public BurstState onTimer(BurstState state, String key, long time, Updates updates) {
    if (state == null) {
      return null;
    }
    long bucket = Math.floorDiv(time, bucketMillis);
    if (bucket > state.bucket) {
      roll(state, bucket, updates);
    }
    if (state.incident != null) {
      policy.onTimer(state.incident, time, updates);
      updates.wakeAt((state.bucket + 1) * bucketMillis);
      return state;
    }
    if (state.pending.isEmpty() && state.baseline < FORGET_BELOW) {
      return null;
    }
    long quiet = Baseline.bucketsUntilBelow(state.baseline, FORGET_BELOW, alpha);
    updates.wakeAt((state.bucket + Math.max(1, quiet)) * bucketMillis);
    return state;
  }

  /** Closes the current bucket (and any empty ones after it) and moves to {@code bucket}. */
  private void roll(BurstState state, long bucket, Updates updates) {
    int observed = state.bucketAccounts.size();
    boolean burst = state.incident != null;
    if (state.incident != null) {
      long closedAt = (state.bucket + 1) * bucketMillis;
      if (!stillBursting(observed, state.baseline)) {
        closeIncident(state, closedAt, updates);
      } else if (bucket > state.bucket + 1) {
        closeIncident(state, closedAt + bucketMillis, updates);
      }
    }
    // A key's first bucket sets its baseline (an average that starts at zero would call a steady hashtag a push),
    // unless that bucket was a burst already: then it counts as one bucket of an average that starts at zero.
    double afterBucket = state.warm || burst ? Baseline.next(state.baseline, observed, alpha) : observed;
    state.warm = true;
    state.baseline = Baseline.decay(afterBucket, bucket - state.bucket - 1, alpha);
    state.bucket = bucket;
    state.bucketAccounts = new HashMap<>();
    state.pending = new ArrayList<>();
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

  private void open(BurstState state, String key, int threshold, long now, Updates updates) {
    Instant bucketStart = Instant.ofEpochMilli(state.bucket * bucketMillis);
    IncidentDraft incident = IncidentDraft.open(kind, IncidentIds.of(kind, key + "@" + bucketStart), key, threshold, bucketMillis);
    incident.coordination.put(kind == IncidentKind.HASHTAG_PUSH ? "hashtag" : "surge_key", key);
    incident.coordination.put("min_accounts", Integer.toString(minAccounts));
    incident.coordination.put("factor", Double.toString(factor));
    incident.coordination.put("alpha", Double.toString(alpha));
    incident.coordination.put("bucket", bucketLabel);
    incident.coordination.put("opening_bucket", bucketStart.toString());
    incident.coordination.put("opening_bucket_accounts", Integer.toString(state.bucketAccounts.size()));
    incident.coordination.put("baseline_per_bucket", String.format(Locale.ROOT, "%.2f", state.baseline));
    incident.coordination.put("bucket_threshold", Integer.toString(threshold));
    state.pending.sort(Comparator.comparing((AnalysedSignal p) -> p.signal().observedAt()).thenComparing(p -> p.signal().id()));
    state.pending.forEach(incident::add);
    state.pending = new ArrayList<>();
    state.incident = incident;
    updates.emit(incident.emit(now));
  }
}
