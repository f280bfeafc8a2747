package org.varsel.pipeline.correlate;

import java.util.ArrayList;
import java.util.List;

/** One key's state in a coordination detector: its clusters (one per distinct text under a co-similar key). */
public class CoordinationState {
  public List<Cluster> clusters = new ArrayList<>();

  public CoordinationState() {}

  /** Signals that look alike (same URL; text similar to the representative), waiting for enough accounts or in an incident. */
  public static class Cluster {
    public long[] representative = new long[0];
    public String subject;
    public List<org.varsel.pipeline.analysis.AnalysedSignal> pending = new ArrayList<>();
    public IncidentDraft incident;
    /** The cluster's own pending timer (prune or close), 0 when none: one timer per cluster, not one per signal. */
    public long wakeAt;

    public Cluster() {}
  }
}
