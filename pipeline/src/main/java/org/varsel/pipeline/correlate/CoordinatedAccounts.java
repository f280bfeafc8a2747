package org.varsel.pipeline.correlate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.varsel.contract.IncidentKind;
import org.varsel.pipeline.analysis.AnalysedSignal;
import org.varsel.pipeline.correlate.CoordinationState.Cluster;
import org.varsel.pipeline.incident.IncidentIds;

/**
 * Many accounts posting the same thing: co-similar text (key = content key of the MinHash, membership checked with
 * the full signature against the cluster's first post) and co-link (key = canonical URL). An incident opens when at
 * least {@code minAccounts} distinct accounts post within {@code window}; later signals of the cluster join it until
 * it has been quiet for {@code idle} of event time.
 */
public final class CoordinatedAccounts implements Detector<CoordinationState> {
  /** Distinct texts tracked under one content key (a content-key collision of unrelated texts). */
  static final int MAX_CLUSTERS_PER_KEY = 8;
  /** Signals kept per cluster while it waits for enough accounts. */
  static final int MAX_PENDING = 256;

  private final IncidentKind kind;
  private final int minAccounts;
  private final long window;
  private final double jaccard;
  private final long idle;
  private final long timelineBucket;
  private final UpdatePolicy policy;
  private final Map<String, String> facts;
  private final MinHash minHash;

  private CoordinatedAccounts(IncidentKind kind, int minAccounts, Duration window, double jaccard, CorrelationSettings s,
      Map<String, String> facts) {
    this.kind = kind;
    this.minAccounts = minAccounts;
    this.window = window.toMillis();
    this.jaccard = jaccard;
    this.idle = s.idleTimeout().toMillis();
    this.timelineBucket = s.baselineBucket().toMillis();
    this.policy = new UpdatePolicy(s.updateInterval().toMillis());
    this.minHash = new MinHash(s.coSimilarHashes());
    this.facts = new HashMap<>(facts);
    this.facts.put("min_accounts", Integer.toString(minAccounts));
    this.facts.put("window", window.toString());
  }

  public static CoordinatedAccounts coSimilarText(CorrelationSettings s) {
    return new CoordinatedAccounts(IncidentKind.CO_SIMILAR_TEXT, s.coSimilarMinAccounts(), s.coSimilarWindow(), s.coSimilarJaccard(), s,
        Map.of("jaccard_threshold", Double.toString(s.coSimilarJaccard()), "hashes", Integer.toString(s.coSimilarHashes()),
            "shingle_words", Integer.toString(s.coSimilarShingleWords())));
  }

  public static CoordinatedAccounts coLink(CorrelationSettings s) {
    return new CoordinatedAccounts(IncidentKind.CO_LINK, s.coLinkMinAccounts(), s.coLinkWindow(), 0.0, s, Map.of());
  }

  @Override
  public CoordinationState onSignal(CoordinationState state, KeyedSignal input, long watermark, Updates updates) {
    CoordinationState current = state == null ? new CoordinationState() : state;
    Cluster cluster = clusterFor(current, input);
    if (cluster == null) {
      return current; // every cluster under this key is an open incident and the text fits none: see MAX_CLUSTERS_PER_KEY
    }
    long now = Math.max(input.at(), watermark);
    if (cluster.incident != null) {
      cluster.incident.add(input.signal());
      policy.afterJoin(cluster.incident, now, updates);
      wake(cluster, cluster.incident.lastSeen + idle, updates);
      return current;
    }
    cluster.pending.add(input.signal());
    if (cluster.pending.size() > MAX_PENDING) {
      cluster.pending.sort(Comparator.comparing(p -> p.signal().observedAt()));
      cluster.pending.remove(0);
    }
    prune(cluster, watermark);
    if (cluster.pending.isEmpty()) {
      // Older than watermark - window and no open incident to join: it cannot complete a window any more.
      current.clusters.remove(cluster);
      return current.clusters.isEmpty() ? null : current;
    }
    if (reachesAccounts(cluster.pending)) {
      open(cluster, input.key(), now, updates);
    } else {
      wake(cluster, latest(cluster.pending) + window + 1, updates);
    }
    return current;
  }

  @Override
  public CoordinationState onTimer(CoordinationState state, String key, long time, Updates updates) {
    if (state == null) {
      return null;
    }
    Iterator<Cluster> clusters = state.clusters.iterator();
    while (clusters.hasNext()) {
      Cluster cluster = clusters.next();
      if (cluster.wakeAt != 0 && cluster.wakeAt <= time) {
        cluster.wakeAt = 0;
      }
      IncidentDraft incident = cluster.incident;
      if (incident == null) {
        prune(cluster, time);
        if (cluster.pending.isEmpty()) {
          clusters.remove();
        } else {
          wake(cluster, latest(cluster.pending) + window + 1, updates);
        }
      } else if (time >= incident.lastSeen + idle) {
        policy.close(incident, Math.min(time, incident.lastSeen + idle), updates);
        clusters.remove();
      } else {
        policy.onTimer(incident, time, updates);
        wake(cluster, incident.lastSeen + idle, updates);
      }
    }
    return state.clusters.isEmpty() ? null : state;
  }

  private Cluster clusterFor(CoordinationState state, KeyedSignal input) {
    for (Cluster cluster : state.clusters) {
      if (jaccard <= 0 || minHash.similarity(cluster.representative, input.signature()) >= jaccard) {
        return cluster;
      }
    }
    if (state.clusters.size() >= MAX_CLUSTERS_PER_KEY) {
      // Make room by forgetting the waiting cluster that was active longest ago; open incidents are never dropped.
      Cluster stalest = null;
      for (Cluster cluster : state.clusters) {
        if (cluster.incident == null && (stalest == null || latest(cluster.pending) < latest(stalest.pending))) {
          stalest = cluster;
        }
      }
      if (stalest == null) {
        return null;
      }
      state.clusters.remove(stalest);
    }
    Cluster cluster = new Cluster();
    cluster.representative = input.signature();
    cluster.subject = kind == IncidentKind.CO_LINK ? input.key() : IncidentDraft.excerpt(input.signal().signal().text());
    state.clusters.add(cluster);
    return cluster;
  }

  /** Drops waiting signals that can no longer share a window with any signal still to come on time. */
  private void prune(Cluster cluster, long watermark) {
    if (watermark == Long.MIN_VALUE) {
      return;
    }
    cluster.pending.removeIf(p -> p.signal().observedAt().toEpochMilli() < watermark - window);
  }

  /** Whether some stretch of {@code window} holds signals from at least {@code minAccounts} distinct accounts. */
  boolean reachesAccounts(List<AnalysedSignal> pending) {
    List<AnalysedSignal> sorted = new ArrayList<>(pending);
    sorted.sort(Comparator.comparing(p -> p.signal().observedAt()));
    Map<String, Integer> inWindow = new HashMap<>();
    int left = 0;
    for (AnalysedSignal right : sorted) {
      inWindow.merge(right.accountKey(), 1, Integer::sum);
      long end = right.signal().observedAt().toEpochMilli();
      while (end - sorted.get(left).signal().observedAt().toEpochMilli() > window) {
        String account = sorted.get(left++).accountKey();
        inWindow.computeIfPresent(account, (k, n) -> n == 1 ? null : n - 1);
      }
      if (inWindow.size() >= minAccounts) {
        return true;
      }
    }
    return false;
  }

  private void open(Cluster cluster, String key, long now, Updates updates) {
    cluster.pending.sort(Comparator.comparing((AnalysedSignal p) -> p.signal().observedAt()).thenComparing(p -> p.signal().id()));
    String first = cluster.pending.get(0).signal().id();
    IncidentDraft incident = IncidentDraft.open(kind, IncidentIds.of(kind, key + "|" + first), cluster.subject, minAccounts, timelineBucket);
    incident.coordination.putAll(facts);
    incident.coordination.put(kind == IncidentKind.CO_LINK ? "shared_url" : "shared_text", cluster.subject);
    if (kind == IncidentKind.CO_SIMILAR_TEXT) {
      incident.coordination.put("content_key", key);
    }
    cluster.pending.forEach(incident::add);
    cluster.pending = new ArrayList<>();
    cluster.incident = incident;
    updates.emit(incident.emit(now));
    wake(cluster, incident.lastSeen + idle, updates);
  }

  /**
   * Asks to be woken at {@code at} unless the cluster's timer is already due earlier: the times a cluster needs only
   * move later (its latest signal), and an early wake-up re-asks for the later time.
   */
  private static void wake(Cluster cluster, long at, Updates updates) {
    if (cluster.wakeAt == 0 || at < cluster.wakeAt) {
      cluster.wakeAt = at;
      updates.wakeAt(at);
    }
  }

  private static long latest(List<AnalysedSignal> pending) {
    long latest = Long.MIN_VALUE;
    for (AnalysedSignal p : pending) {
      latest = Math.max(latest, p.signal().observedAt().toEpochMilli());
    }
    return latest;
  }
}
