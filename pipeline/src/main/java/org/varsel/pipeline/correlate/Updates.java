package org.varsel.pipeline.correlate;

import org.varsel.contract.Incident;

/** What a detector asks of its runtime: send an incident update, be called again once event time reaches a moment. */
public interface Updates {
  void emit(Incident incident);

  void wakeAt(long eventTime);
}
