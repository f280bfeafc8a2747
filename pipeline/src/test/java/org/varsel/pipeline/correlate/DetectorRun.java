package org.varsel.pipeline.correlate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.varsel.contract.Incident;

/**
 * Runs a detector the way the Flink operator does, without Flink: per-key state, a watermark that trails the
 * highest event time by {@code outOfOrderness}, event-time timers fired in order, and the end of input (watermark
 * at +∞) at the end.
 */
final class DetectorRun<S> {
  final List<Incident> emitted = new ArrayList<>();
  final Map<String, S> states = new HashMap<>();
  private final Detector<S> detector;
  private final long outOfOrderness;
  private final Map<String, TreeSet<Long>> timers = new HashMap<>();
  private long maxSeen = Long.MIN_VALUE;
  private long watermark = Long.MIN_VALUE;
  private long firing = Long.MIN_VALUE;

  DetectorRun(Detector<S> detector, Duration outOfOrderness) {
    this.detector = detector;
    this.outOfOrderness = outOfOrderness.toMillis();
  }

  DetectorRun<S> feed(List<KeyedSignal> inputs) {
    inputs.forEach(this::feed);
    return this;
  }

  DetectorRun<S> feed(KeyedSignal input) {
    maxSeen = Math.max(maxSeen, input.at());
    advance(maxSeen - outOfOrderness - 1);
    store(input.key(), detector.onSignal(states.get(input.key()), input, watermark, updates(input.key())));
    return this;
  }

  DetectorRun<S> finish() {
    advance(Long.MAX_VALUE);
    return this;
  }

  void advance(long to) {
    if (to <= watermark) {
      return;
    }
    watermark = to;
    while (true) {
      String dueKey = null;
      long due = Long.MAX_VALUE;
      for (Map.Entry<String, TreeSet<Long>> e : timers.entrySet()) {
        if (!e.getValue().isEmpty() && e.getValue().first() <= watermark && e.getValue().first() < due) {
          due = e.getValue().first();
          dueKey = e.getKey();
        }
      }
      if (dueKey == null) {
        return;
      }
      timers.get(dueKey).pollFirst();
      firing = due;
      store(dueKey, detector.onTimer(states.get(dueKey), dueKey, due, updates(dueKey)));
      firing = Long.MIN_VALUE;
    }
  }

  private void store(String key, S state) {
    if (state == null) {
      states.remove(key);
    } else {
      states.put(key, state);
    }
  }

  private Updates updates(String key) {
    return new Updates() {
      @Override
      public void emit(Incident incident) {
        emitted.add(incident);
      }

      @Override
      public void wakeAt(long eventTime) {
        if (firing != Long.MIN_VALUE && eventTime <= firing) {
          throw new AssertionError("a timer at " + firing + " asked to wake at " + eventTime + ": it would fire forever");
        }
        timers.computeIfAbsent(key, k -> new TreeSet<>()).add(eventTime);
      }
    };
  }

  /** The latest version of every incident, by id. */
  Map<String, Incident> latest() {
    Map<String, Incident> latest = new LinkedHashMap<>();
    for (Incident incident : emitted) {
      latest.merge(incident.id(), incident, (a, b) -> b.version() > a.version() ? b : a);
    }
    return latest;
  }

  /** Versions emitted per incident id. */
  Map<String, Integer> versions() {
    Map<String, Integer> versions = new TreeMap<>();
    emitted.forEach(i -> versions.merge(i.id(), 1, Integer::sum));
    return versions;
  }
}
