package org.varsel.pipeline.correlate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.varsel.pipeline.analysis.AnalysedSignal;

/**
 * One key's state in a baseline detector: the buckets event time has not closed yet, the rolling baseline of the
 * closed ones, and the open incident if any.
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

  /** The distinct accounts of one bucket and the signals waiting in it for an incident. */
  public static class OpenBucket {
    public long index;
    public Map<String, Boolean> accounts = new HashMap<>();
    public List<AnalysedSignal> pending = new ArrayList<>();

    public OpenBucket() {}
  }
}
