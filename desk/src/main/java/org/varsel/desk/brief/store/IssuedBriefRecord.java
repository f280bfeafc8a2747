package org.varsel.desk.brief.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.varsel.contract.Tlp;
import org.varsel.desk.brief.model.BriefFormat;
import org.varsel.desk.brief.model.Track;

/** Who sent what to whom: one produced brief, as the {@code brief} table keeps it. */
public record IssuedBriefRecord(
        String id,
        List<String> incidentIds,
        String sha256,
        BriefFormat format,
        Track track,
        String audience,
        Optional<String> platform,
        Tlp tlp,
        List<String> categories,
        List<String> urls,
        int sizeBytes,
        String createdBy,
        Instant createdAt) {

    public IssuedBriefRecord {
        incidentIds = List.copyOf(incidentIds);
        categories = List.copyOf(categories);
        urls = List.copyOf(urls);
    }
}
