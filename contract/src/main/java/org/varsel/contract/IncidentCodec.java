package org.varsel.contract;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Incident updates to and from their JSON form on {@code varsel.incidents}. */
public final class IncidentCodec {
    private IncidentCodec() {}

    public static byte[] toJsonBytes(Incident incident) {
        try {
            return Json.mapper().writeValueAsBytes(incident);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write incident " + incident.id(), e);
        }
    }

    public static Incident fromJson(byte[] json) throws IOException {
        return Json.mapper().readValue(json, Incident.class);
    }
}
