package org.varsel.pipeline.correlate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.varsel.pipeline.analysis.AnalysedSignal;

/** One key's state in a baseline detector: the current bucket, the rolling baseline, and the open incident if any. */
public class BurstState {
  public long bucket;
  public Map<String, Boolean> bucketAccounts = new HashMap<>();
  public double baseline;
  public boolean warm;
  public List<AnalysedSignal> pending = new ArrayList<>();
  public IncidentDraft incident;

  public BurstState() {}
}
