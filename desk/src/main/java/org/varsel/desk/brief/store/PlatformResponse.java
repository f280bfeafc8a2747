package org.varsel.desk.brief.store;

import java.time.Instant;

/** A platform's answer about one URL of a brief, as an analyst recorded it. */
public record PlatformResponse(
        long id,
        String briefId,
        String url,
        ResponseAction action,
        Instant respondedAt,
        String recordedBy,
        Instant recordedAt) {}
