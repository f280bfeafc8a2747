package org.varsel.contract;

/** Kafka headers that intake puts on every record of {@code varsel.signals.raw}; the body stays the sender's bytes. */
public final class RawSignalHeaders {
    /** Who sent the signal ({@code partner:<id>}, {@code feed:<name>}), from credentials; never from the body. */
    public static final String SOURCE = "varsel-source";
    /** When intake received it, ISO-8601. */
    public static final String RECEIVED_AT = "varsel-received-at";

    private RawSignalHeaders() {}
}
