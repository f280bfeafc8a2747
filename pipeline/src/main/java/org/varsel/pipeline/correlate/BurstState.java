package org.varsel.pipeline.correlate;

import java.util.ArrayList;
import java.util.List;

/**
 * The head of one key's state in a baseline detector: the buckets event time has not closed yet, the rolling baseline
 * of the closed ones, and the open incident if any. A bucket's distinct accounts are the member set
 * {@code "b" + index}, its waiting signals the key's waiting list under group {@code index}; the open incident's
 * accounts are the member set {@code "i"}.
 */
public class BurstState {
    /** Buckets the watermark has not passed yet (a few: out-of-orderness / bucket + 1). */
    public List<OpenBucket> openBuckets = new ArrayList<>();
    /** The last bucket whose count is in the baseline. */
    public long closedThrough = Long.MIN_VALUE;

    public double baseline;
    public boolean warm;
    public IncidentDraft incident;
    /** The bucket the open incident started in: earlier buckets closing later do not judge it. */
    public long incidentBucket;

    public BurstState() {}

    OpenBucket bucket(long index) {
        for (OpenBucket open : openBuckets) {
            if (open.index == index) {
                return open;
            }
        }
        OpenBucket open = new OpenBucket();
        open.index = index;
        openBuckets.add(open);
        return open;
    }

    /** How many distinct accounts one bucket has, and how many of its signals wait for an incident. */
    public static class OpenBucket {
        public long index;
        public int accounts;
        public int waiting;

        public OpenBucket() {}
    }
}
