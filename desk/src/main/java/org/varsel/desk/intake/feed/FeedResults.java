package org.varsel.desk.intake.feed;

import java.util.List;
import org.slf4j.Logger;
import org.varsel.desk.intake.IntakeOutcome;

/** How a feed's poll went, in its log: counts at INFO, each rejection (external id and reason, never text) at WARN. */
final class FeedResults {
    private FeedResults() {}

    /** Logs the outcomes; returns how many were new. */
    static long log(FeedDefinition feed, List<String> externalIds, List<IntakeOutcome> outcomes, Logger log) {
        long fresh = 0;
        long duplicates = 0;
        long unavailable = 0;
        for (int i = 0; i < outcomes.size(); i++) {
            IntakeOutcome outcome = outcomes.get(i);
            if (outcome instanceof IntakeOutcome.Accepted accepted) {
                if (accepted.duplicate()) {
                    duplicates++;
                } else {
                    fresh++;
                }
            } else if (outcome instanceof IntakeOutcome.Rejected rejected) {
                log.warn("feed {}: entry {} rejected: {}", feed.name(), externalIds.get(i), rejected.reason());
            } else {
                unavailable++;
            }
        }
        if (fresh > 0 || unavailable > 0) {
            log.info(
                    "feed {}: {} new, {} already sent, {} to send again next poll",
                    feed.name(),
                    fresh,
                    duplicates,
                    unavailable);
        }
        return fresh;
    }
}
