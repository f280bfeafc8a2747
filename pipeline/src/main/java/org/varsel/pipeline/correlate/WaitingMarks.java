package org.varsel.pipeline.correlate;

import java.util.Arrays;
import org.varsel.pipeline.correlate.CoordinationState.Cluster;

/**
 * When and by whom each waiting signal of a cluster was posted, as two parallel arrays in the cluster's head: enough
 * to prune the window and count distinct accounts without reading the signals themselves.
 */
final class WaitingMarks {
    private WaitingMarks() {}

    /** A 64-bit FNV-1a hash of an account key: distinct accounts among a few hundred never collide in practice. */
    static long accountHash(String accountKey) {
        return MinHash.fnv1a(accountKey);
    }

    static void append(Cluster cluster, long at, long account) {
        int n = cluster.waitingTimes.length;
        cluster.waitingTimes = Arrays.copyOf(cluster.waitingTimes, n + 1);
        cluster.waitingAccounts = Arrays.copyOf(cluster.waitingAccounts, n + 1);
        cluster.waitingTimes[n] = at;
        cluster.waitingAccounts[n] = account;
    }

    /** Removes the mark with the earliest event time. */
    static void removeOldest(Cluster cluster) {
        int earliest = 0;
        for (int i = 1; i < cluster.waitingTimes.length; i++) {
            if (cluster.waitingTimes[i] < cluster.waitingTimes[earliest]) {
                earliest = i;
            }
        }
        int oldest = earliest;
        keep(cluster, i -> i != oldest);
    }

    /** Removes the marks of signals posted before {@code cutoff}. */
    static void removeBefore(Cluster cluster, long cutoff) {
        keep(cluster, i -> cluster.waitingTimes[i] >= cutoff);
    }

    static void clear(Cluster cluster) {
        cluster.waitingTimes = new long[0];
        cluster.waitingAccounts = new long[0];
    }

    /** The latest event time among the marks, {@code Long.MIN_VALUE} when there are none. */
    static long latest(Cluster cluster) {
        long latest = Long.MIN_VALUE;
        for (long at : cluster.waitingTimes) {
            latest = Math.max(latest, at);
        }
        return latest;
    }

    private static void keep(Cluster cluster, java.util.function.IntPredicate keep) {
        int n = cluster.waitingTimes.length;
        long[] times = new long[n];
        long[] accounts = new long[n];
        int kept = 0;
        for (int i = 0; i < n; i++) {
            if (keep.test(i)) {
                times[kept] = cluster.waitingTimes[i];
                accounts[kept++] = cluster.waitingAccounts[i];
            }
        }
        if (kept < n) {
            cluster.waitingTimes = Arrays.copyOf(times, kept);
            cluster.waitingAccounts = Arrays.copyOf(accounts, kept);
        }
    }
}
