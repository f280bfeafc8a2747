package org.varsel.pipeline.correlate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.varsel.contract.IncidentKind;
import org.varsel.pipeline.analysis.AnalysedSignal;
import org.varsel.pipeline.correlate.CoordinationState.Cluster;

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

    private CoordinatedAccounts(
            IncidentKind kind,
            int minAccounts,
            Duration window,
            double jaccard,
            CorrelationSettings s,
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
        return new CoordinatedAccounts(
                IncidentKind.CO_SIMILAR_TEXT,
                s.coSimilarMinAccounts(),
                s.coSimilarWindow(),
                s.coSimilarJaccard(),
                s,
                Map.of(
                        "jaccard_threshold",
                        Double.toString(s.coSimilarJaccard()),
                        "hashes",
                        Integer.toString(s.coSimilarHashes()),
                        "shingle_words",
                        Integer.toString(s.coSimilarShingleWords())));
    }

    public static CoordinatedAccounts coLink(CorrelationSettings s) {
        return new CoordinatedAccounts(IncidentKind.CO_LINK, s.coLinkMinAccounts(), s.coLinkWindow(), 0.0, s, Map.of());
    }

    @Override
    public void onSignal(KeyState<CoordinationState> state, KeyedSignal input, long watermark, Updates updates) {
        CoordinationState current =
                Objects.requireNonNullElseGet(state.head(), CoordinationState::new); // one read of the head
        WaitingSignals waiting = new WaitingSignals(state);
        Cluster cluster = clusterFor(current, input, waiting);
        if (cluster == null) {
            // every cluster under this key is an open incident and the text fits none: see MAX_CLUSTERS_PER_KEY
            save(state, current, waiting);
            return;
        }
        long now = Math.max(input.at(), watermark);
        if (cluster.incident != null) {
            cluster.incident.add(input.signal(), state.accounts(incidentAccounts(cluster)));
            policy.afterJoin(cluster.incident, now, updates);
            wake(cluster, cluster.incident.lastSeen + idle, updates);
            save(state, current, waiting);
            return;
        }
        state.addWaiting(new Waiting(cluster.group, input.signal()));
        cluster.appended++;
        WaitingMarks.append(
                cluster, input.at(), WaitingMarks.accountHash(input.signal().accountKey()));
        if (cluster.waitingCount() > MAX_PENDING) {
            WaitingMarks.removeOldest(cluster);
        }
        prune(cluster, watermark);
        if (cluster.waitingCount() == 0) {
            // Older than watermark - window and no open incident to join: it cannot complete a window any more.
            forget(cluster, current, waiting);
        } else if (reachesAccounts(cluster)) {
            open(state, cluster, input.key(), watermark, now, waiting, updates);
        } else {
            wake(cluster, WaitingMarks.latest(cluster) + window + 1, updates);
            if (cluster.appended > 2 * MAX_PENDING) {
                compact(cluster, input.key(), watermark, waiting);
            }
        }
        save(state, current, waiting);
    }

    @Override
    public void onTimer(KeyState<CoordinationState> state, String key, long time, Updates updates) {
        CoordinationState current = state.head();
        if (current == null) {
            return;
        }
        WaitingSignals waiting = new WaitingSignals(state);
        for (Cluster cluster : List.copyOf(current.clusters)) {
            if (cluster.wakeAt != 0 && cluster.wakeAt <= time) {
                cluster.wakeAt = 0;
            }
            IncidentDraft incident = cluster.incident;
            if (incident == null) {
                prune(cluster, time);
                if (cluster.waitingCount() == 0) {
                    forget(cluster, current, waiting);
                } else {
                    wake(cluster, WaitingMarks.latest(cluster) + window + 1, updates);
                }
            } else if (time >= incident.lastSeen + idle) {
                policy.close(incident, Math.min(time, incident.lastSeen + idle), updates);
                state.dropMembers(incidentAccounts(cluster));
                current.clusters.remove(cluster);
            } else {
                policy.onTimer(incident, time, updates);
                wake(cluster, incident.lastSeen + idle, updates);
            }
        }
        save(state, current, waiting);
    }

    private static void save(KeyState<CoordinationState> state, CoordinationState current, WaitingSignals waiting) {
        if (current.clusters.isEmpty()) {
            // a cluster's only member set (its incident's accounts) is dropped when the incident closes
            state.clearWithoutMembers();
        } else {
            waiting.flush();
            state.setHead(current);
        }
    }

    /** The member set holding the accounts of a cluster's incident. */
    private static String incidentAccounts(Cluster cluster) {
        return "i" + cluster.group;
    }

    private Cluster clusterFor(CoordinationState state, KeyedSignal input, WaitingSignals waiting) {
        for (Cluster cluster : state.clusters) {
            if (jaccard <= 0 || minHash.similarity(cluster.representative, input.signature()) >= jaccard) {
                return cluster;
            }
        }
        if (state.clusters.size() >= MAX_CLUSTERS_PER_KEY) {
            // Make room by forgetting the waiting cluster that was active longest ago; open incidents are never
            // dropped.
            Cluster stalest = null;
            for (Cluster cluster : state.clusters) {
                if (cluster.incident == null
                        && (stalest == null || WaitingMarks.latest(cluster) < WaitingMarks.latest(stalest))) {
                    stalest = cluster;
                }
            }
            if (stalest == null) {
                return null;
            }
            forget(stalest, state, waiting);
        }
        Cluster cluster = new Cluster();
        cluster.group = state.nextGroup++;
        cluster.representative = input.signature();
        state.clusters.add(cluster);
        return cluster;
    }

    /** Forgets a cluster that has no incident, and its waiting signals. */
    private static void forget(Cluster cluster, CoordinationState state, WaitingSignals waiting) {
        state.clusters.remove(cluster);
        if (!state.clusters.isEmpty()) {
            waiting.drop(group -> group == cluster.group);
        }
    }

    /** Drops waiting signals that can no longer share a window with any signal still to come on time. */
    private void prune(Cluster cluster, long watermark) {
        if (watermark != Long.MIN_VALUE) {
            WaitingMarks.removeBefore(cluster, watermark - window);
        }
    }

    /** The waiting signals (in event-time order) that the cluster's marks still count: in the window, the newest MAX_PENDING. */
    private List<AnalysedSignal> stillWaiting(List<AnalysedSignal> signals, long watermark) {
        List<AnalysedSignal> inWindow = new ArrayList<>();
        for (AnalysedSignal signal : signals) {
            if (watermark == Long.MIN_VALUE || signal.signal().observedAt().toEpochMilli() >= watermark - window) {
                inWindow.add(signal);
            }
        }
        // the newest MAX_PENDING, as the marks keep them
        return inWindow.size() <= MAX_PENDING
                ? inWindow
                : new ArrayList<>(inWindow.subList(inWindow.size() - MAX_PENDING, inWindow.size()));
    }

    /** Rewrites a cluster's waiting signals to those its marks still count, when appends have piled up. */
    private void compact(Cluster cluster, String key, long watermark, WaitingSignals waiting) {
        cluster.subject = subject(cluster, key, waiting); // its first post may be compacted away
        List<AnalysedSignal> kept = stillWaiting(waiting.take(group -> group == cluster.group), watermark);
        kept.forEach(signal -> waiting.put(cluster.group, signal));
        cluster.appended = kept.size();
    }

    /** Whether some stretch of {@code window} holds signals from at least {@code minAccounts} distinct accounts. */
    boolean reachesAccounts(Cluster cluster) {
        int n = cluster.waitingCount();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, Comparator.comparingLong(i -> cluster.waitingTimes[i]));
        Map<Long, Integer> inWindow = new HashMap<>();
        int left = 0;
        for (int right = 0; right < n; right++) {
            inWindow.merge(cluster.waitingAccounts[order[right]], 1, Integer::sum);
            long end = cluster.waitingTimes[order[right]];
            while (end - cluster.waitingTimes[order[left]] > window) {
                long account = cluster.waitingAccounts[order[left++]];
                inWindow.computeIfPresent(account, (k, c) -> c == 1 ? null : c - 1);
            }
            if (inWindow.size() >= minAccounts) {
                return true;
            }
        }
        return false;
    }

    private void open(
            KeyState<CoordinationState> state,
            Cluster cluster,
            String key,
            long watermark,
            long now,
            WaitingSignals waiting,
            Updates updates) {
        String subject = subject(cluster, key, waiting);
        List<AnalysedSignal> signals = stillWaiting(waiting.take(group -> group == cluster.group), watermark);
        String first = signals.get(0).signal().id();
        IncidentDraft incident =
                IncidentDraft.open(kind, IncidentIds.of(kind, key + "|" + first), subject, minAccounts, timelineBucket);
        incident.coordination.putAll(facts);
        incident.coordination.put(kind == IncidentKind.CO_LINK ? "shared_url" : "shared_text", subject);
        if (kind == IncidentKind.CO_SIMILAR_TEXT) {
            incident.coordination.put("content_key", key);
        }
        IncidentDraft.AccountSet accounts = state.accounts(incidentAccounts(cluster));
        signals.forEach(signal -> incident.add(signal, accounts));
        WaitingMarks.clear(cluster);
        cluster.appended = 0;
        cluster.incident = incident;
        updates.emit(incident.emitFinding(now));
        wake(cluster, incident.lastSeen + idle, updates);
    }

    /**
     * What the cluster's incident is about: the shared URL (the key), or the excerpt of the cluster's first post. The
     * head does not keep it (it doubled the text every waiting cluster holds, most of them a text posted once): the
     * first post stays in the waiting list until the cluster opens or compacts it, which is when it is read. A head
     * from before that keeps it (a restore) still says it.
     */
    private String subject(Cluster cluster, String key, WaitingSignals waiting) {
        if (cluster.subject != null) {
            return cluster.subject;
        }
        if (kind == IncidentKind.CO_LINK) {
            return key;
        }
        AnalysedSignal first = waiting.firstAdded(cluster.group);
        return first == null ? null : IncidentDraft.excerpt(first.signal().text());
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
}
