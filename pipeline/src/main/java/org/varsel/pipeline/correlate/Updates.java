package org.varsel.pipeline.correlate;

/** What a detector asks of its runtime: send an incident update (with its sketches), be called again once event time reaches a moment. */
public interface Updates {
    void emit(FindingUpdate update);

    void wakeAt(long eventTime);
}
