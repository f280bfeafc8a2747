package org.varsel.pipeline.correlate;

import java.util.ArrayList;
import java.util.List;

/**
 * The head of one key's state in a coordination detector: its clusters (one per distinct text under a co-similar
 * key). A cluster's waiting signals are in the key's waiting list under the cluster's group, its incident's accounts in
 * the member set {@code "i" + group}; here it keeps only when and by whom each waiting signal was posted.
 */
public class CoordinationState {
    public List<Cluster> clusters = new ArrayList<>();
    /** The group the next cluster gets. */
    public long nextGroup;

    public CoordinationState() {}

    /** Signals that look alike (same URL; text similar to the representative), waiting for enough accounts or in an incident. */
    public static class Cluster {
        public long group;
        public long[] representative = new long[0];
        /** Set only once the cluster's first post leaves the waiting list (or by a build before 2026-12-05 15:00). */
        public String subject;
        /** Event times of the waiting signals (parallel to {@link #waitingAccounts}), in arrival order. */
        public long[] waitingTimes = new long[0];
        /** 64-bit hashes of the waiting signals' account keys: distinct accounts are counted without reading the signals. */
        public long[] waitingAccounts = new long[0];
        /** Signals appended to the waiting list for this cluster since it was last compacted. */
        public int appended;

        public IncidentDraft incident;
        /** The cluster's own pending timer (prune or close), 0 when none: one timer per cluster, not one per signal. */
        public long wakeAt;

        public Cluster() {}

        int waitingCount() {
            return waitingTimes.length;
        }
    }
}
