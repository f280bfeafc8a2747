package org.varsel.desk.brief;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.varsel.contract.Tlp;
import org.varsel.desk.brief.model.Audience;

class TlpPolicyTest {
    private static final TlpPolicy POLICY = new TlpPolicy(Map.of("ngo-a", Set.of("platform:x")));
    private static final List<String> SOURCES = List.of("partner:ngo-a", "partner:ngo-b", "feed:rss");

    private static List<Audience> audiences() {
        List<Audience> all = new java.util.ArrayList<>();
        for (Tlp ceiling : Tlp.values()) {
            all.add(Audience.platform("x", ceiling));
            all.add(Audience.platform("y", ceiling));
            all.add(Audience.partner("ngo-a", ceiling));
            all.add(Audience.partner("ngo-b", ceiling));
        }
        return all;
    }

    /** The policy table of docs/briefs.md, written out independently of the implementation. */
    private static boolean expected(Tlp tlp, String source, Audience audience) {
        boolean ownPartner =
                source.equals(audience.kind().prefix().equals("partner") ? "partner:" + audience.name() : "-");
        boolean consented = source.equals("partner:ngo-a") && audience.label().equals("platform:x");
        boolean fromFeed = source.startsWith("feed:");
        boolean withinCeiling = tlp.ordinal() <= audience.ceiling().ordinal();
        return switch (tlp) {
            case RED -> false;
            case AMBER_STRICT -> withinCeiling && ownPartner;
            case AMBER -> withinCeiling && (ownPartner || consented || fromFeed);
            case GREEN, CLEAR -> withinCeiling;
        };
    }

    @Test
    void everyMarkingSourceAndAudienceIsDecidedAsTheTableSays() {
        int checked = 0;
        for (Tlp tlp : Tlp.values()) {
            for (String source : SOURCES) {
                for (Audience audience : audiences()) {
                    TlpPolicy.Decision decision = POLICY.evidence(tlp, source, audience);
                    assertThat(decision.allowed())
                            .as("%s from %s to %s (ceiling %s)", tlp, source, audience.label(), audience.ceiling())
                            .isEqualTo(expected(tlp, source, audience));
                    assertThat(decision.reason().isEmpty()).isEqualTo(decision.allowed());
                    checked++;
                }
            }
        }
        assertThat(checked).isEqualTo(5 * 3 * 20);
    }

    @Test
    void redNeverLeavesTheDeskNotEvenToThePartnerThatSharedIt() {
        TlpPolicy.Decision decision = POLICY.evidence(Tlp.RED, "partner:ngo-a", Audience.partner("ngo-a", Tlp.RED));
        assertThat(decision.allowed()).isFalse();
        assertThat(decision.reason()).contains("TLP:RED never leaves the desk");
    }

    @Test
    void amberGoesToAPlatformOnlyWithThePartnersConsent() {
        assertThat(POLICY.evidence(Tlp.AMBER, "partner:ngo-a", Audience.platform("x", Tlp.AMBER))
                        .allowed())
                .isTrue();
        assertThat(POLICY.evidence(Tlp.AMBER, "partner:ngo-a", Audience.platform("y", Tlp.AMBER))
                        .allowed())
                .isFalse();
        TlpPolicy.Decision refused = POLICY.evidence(Tlp.AMBER, "partner:ngo-b", Audience.platform("x", Tlp.AMBER));
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.reason()).contains("ngo-b has not agreed");
    }

    @Test
    void amberAboveAPlatformsCeilingStaysEvenWithConsent() {
        assertThat(POLICY.evidence(Tlp.AMBER, "partner:ngo-a", Audience.platform("x", Tlp.GREEN))
                        .allowed())
                .isFalse();
    }

    @Test
    void amberStrictGoesBackOnlyToItsOwnPartner() {
        assertThat(POLICY.evidence(Tlp.AMBER_STRICT, "partner:ngo-a", Audience.partner("ngo-a", Tlp.AMBER_STRICT))
                        .allowed())
                .isTrue();
        assertThat(POLICY.evidence(Tlp.AMBER_STRICT, "partner:ngo-a", Audience.partner("ngo-b", Tlp.RED))
                        .allowed())
                .isFalse();
        assertThat(POLICY.evidence(Tlp.AMBER_STRICT, "partner:ngo-a", Audience.platform("x", Tlp.RED))
                        .allowed())
                .isFalse();
    }

    @Test
    void anIncidentsSummaryMustBeAllowedForEveryOneOfItsSources() {
        Audience x = Audience.platform("x", Tlp.AMBER);
        assertThat(POLICY.summary(Tlp.AMBER, List.of("partner:ngo-a", "feed:rss"), x)
                        .allowed())
                .isTrue();
        assertThat(POLICY.summary(Tlp.AMBER, List.of("partner:ngo-a", "partner:ngo-b"), x)
                        .allowed())
                .isFalse();
        assertThat(POLICY.summary(Tlp.GREEN, List.of("partner:ngo-a", "partner:ngo-b"), x)
                        .allowed())
                .isTrue();
        assertThat(POLICY.summary(Tlp.RED, List.of(), x).allowed()).isFalse();
    }
}
