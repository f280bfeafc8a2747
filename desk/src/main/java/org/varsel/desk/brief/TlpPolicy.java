package org.varsel.desk.brief;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.varsel.contract.Tlp;
import org.varsel.desk.brief.model.Audience;

/**
 * What of an incident an audience may receive under TLP 2.0. Pure: the same markings, source and audience always give
 * the same decision. The table is in {@code docs/briefs.md}.
 *
 * <ul>
 *   <li>TLP:RED never leaves the desk, not even back to the partner that shared it.
 *   <li>Nothing above the audience's ceiling (a platform's configured maximum, a partner's {@code allowed_tlp}).
 *   <li>TLP:AMBER+STRICT goes back only to the partner that shared it.
 *   <li>TLP:AMBER from a partner goes back to that partner, or to an audience the partner has agreed to
 *       ({@code partner_consent}); from a public feed the ceiling alone decides.
 *   <li>TLP:GREEN and TLP:CLEAR: the ceiling alone decides.
 * </ul>
 */
public final class TlpPolicy {
    private static final String PARTNER = "partner:";

    private final Map<String, Set<String>> partnerConsent;

    /** @param partnerConsent partner id → the audience labels ({@code platform:x}) it lets the desk pass AMBER to */
    public TlpPolicy(Map<String, Set<String>> partnerConsent) {
        this.partnerConsent = Map.copyOf(partnerConsent);
    }

    /** May a signal marked {@code tlp}, from {@code source} ({@code partner:<id>}, {@code feed:<name>}), go to the audience? */
    public Decision evidence(Tlp tlp, String source, Audience audience) {
        if (tlp == Tlp.RED) {
            return Decision.deny("TLP:RED never leaves the desk");
        }
        if (!tlp.isAtMost(audience.ceiling())) {
            return Decision.deny("TLP:" + tlp.label() + " is above what " + audience.label() + " may receive (TLP:"
                    + audience.ceiling().label() + ")");
        }
        if (tlp == Tlp.AMBER_STRICT) {
            return audience.isSourceOf(source)
                    ? Decision.allow()
                    : Decision.deny("TLP:AMBER+STRICT goes back only to the partner that shared it");
        }
        if (tlp == Tlp.AMBER && source != null && source.startsWith(PARTNER) && !audience.isSourceOf(source)) {
            String partner = source.substring(PARTNER.length());
            return partnerConsent.getOrDefault(partner, Set.of()).contains(audience.label())
                    ? Decision.allow()
                    : Decision.deny("partner " + partner + " has not agreed to TLP:AMBER going to " + audience.label());
        }
        return Decision.allow();
    }

    /**
     * May what the incident says as a whole (title, explanation, coordination evidence) go to the audience? Those fields
     * mix every source, so they carry the incident's marking and must be allowed for each of its sources.
     */
    public Decision summary(Tlp incidentTlp, List<String> sources, Audience audience) {
        if (sources.isEmpty()) {
            return evidence(incidentTlp, "", audience);
        }
        for (String source : sources) {
            Decision decision = evidence(incidentTlp, source, audience);
            if (!decision.allowed()) {
                return decision;
            }
        }
        return Decision.allow();
    }

    /** Allowed, or refused with the reason. */
    public record Decision(boolean allowed, String reason) {
        static Decision allow() {
            return new Decision(true, "");
        }

        static Decision deny(String reason) {
            return new Decision(false, reason);
        }
    }
}
