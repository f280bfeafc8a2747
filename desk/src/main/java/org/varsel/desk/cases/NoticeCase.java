package org.varsel.desk.cases;

import java.time.Instant;
import java.util.Optional;
import org.varsel.desk.brief.store.ResponseAction;

/**
 * The notices sent to one platform about one incident (or campaign), and where they stand.
 *
 * @param outcome what the platform did, once it acted (removed, restricted, labelled or no action)
 */
public record NoticeCase(
        String id,
        String incidentId,
        String platform,
        CaseStatus status,
        Optional<ResponseAction> outcome,
        String openedBy,
        Instant openedAt,
        Instant updatedAt) {}
