package org.varsel.pipeline.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.varsel.pipeline.rules.TestRules.active;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RulePackTest {

    private final Rule a = active("rule-a", "vermin");
    private final Rule b = active("rule-b", "\"wipe them out\"");

    @Test
    void versionIsAContentHashIndependentOfRuleOrderAndName() {
        RulePack one = RulePack.of("one", List.of(a, b));
        RulePack two = RulePack.of("two", List.of(b, a));

        assertThat(one.version()).matches("sha256:[0-9a-f]{16}").isEqualTo(two.version());
        assertThat(RulePack.of("one", List.of(a)).version()).isNotEqualTo(one.version());
    }

    @Test
    void anyChangeToARuleChangesTheVersion() {
        Rule shadowed = TestRules.rule("rule-a", "vermin", RuleStatus.SHADOW);
        assertThat(RulePack.of("p", List.of(shadowed)).version())
                .isNotEqualTo(RulePack.of("p", List.of(a)).version());
    }

    @Test
    void survivesAJsonRoundTripAndStillMatches() {
        RulePack pack = RulePack.of("live", List.of(a, b));

        RulePack back = RulePack.fromJson(pack.toJson());

        assertThat(back).isEqualTo(pack);
        try (RuleEngine engine = RuleEngine.build(back)) {
            assertThat(engine.match("they are vermin", Optional.of("en")).hits())
                    .extracting(RuleHit::packVersion)
                    .containsExactly(pack.version());
        }
    }

    @Test
    void rejectsJsonWhoseVersionDoesNotMatchItsRules() {
        String json = new String(RulePack.of("live", List.of(a)).toJson(), StandardCharsets.UTF_8);
        byte[] tampered = json.replace("vermin", "rodents").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> RulePack.fromJson(tampered))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("but its rules hash to");
    }

    @Test
    void rejectsBytesThatAreNotAPack() {
        assertThatThrownBy(() -> RulePack.fromJson("{\"name\":1,\"surprise\":true}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a valid rule pack");
    }
}
