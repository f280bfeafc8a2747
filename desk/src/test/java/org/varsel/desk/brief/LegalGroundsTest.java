package org.varsel.desk.brief;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.varsel.contract.CategoryNames;

/**
 * Every category the rule packs and the classifier can produce has a legal ground in the bundled settings: a national
 * provision for the DSA track where one exists, else a platform policy for the terms-of-service track.
 */
class LegalGroundsTest {
    private static final Path RULES = Path.of("../rules");
    private static final Pattern CATEGORY = Pattern.compile("(?m)^\\s*category:\\s*([a-z0-9-]+)\\s*$");
    private static final List<String> PLATFORMS = List.of("x", "facebook", "youtube", "tiktok");
    /** What the office's lawyers named as illegal where the desk works: a provision in each bundled jurisdiction. */
    private static final List<String> ILLEGAL = List.of(
            "incitement",
            "threat",
            "hate",
            "terrorist-content",
            "dangerous-speech",
            "child-grooming",
            "child-sextortion");

    private final BriefSettings bundled = BriefSettings.load(Optional.empty());

    @Test
    void everyCategoryTheRulePacksAndTheClassifierEmitHasALegalProvisionOrAPlatformPolicy() throws IOException {
        Set<String> categories = new TreeSet<>();
        for (String label : emittedLabels()) {
            CategoryNames.category(label).ifPresent(categories::add);
        }
        assertThat(categories)
                .contains(
                        "incitement",
                        "dangerous-speech",
                        "terrorist-content",
                        "influence-operation",
                        "child-grooming",
                        "threat",
                        "hate");
        for (String category : categories) {
            boolean provision = bundled.provisions().containsKey(category);
            boolean policies =
                    PLATFORMS.stream().allMatch(p -> bundled.policy(p, category).isPresent());
            assertThat(provision || policies)
                    .as("a legal ground for %s", category)
                    .isTrue();
            if (!provision) {
                assertThat(bundled.tosPolicies().get("x"))
                        .as("a policy of X for %s", category)
                        .containsKey(category);
            }
        }
    }

    @Test
    void theIllegalCategoriesCiteANationalProvisionInDenmarkAndGermanyAndDisinformationGoesToTheTermsOfService() {
        for (String jurisdiction : List.of("DK", "DE")) {
            assertThat(bundled.legalProvisions().get(jurisdiction))
                    .as(jurisdiction)
                    .containsKeys(ILLEGAL.toArray(String[]::new));
        }
        assertThat(bundled.provisions().get("hate")).contains("§ 266 b");
        assertThat(bundled.provisions().get("threat")).contains("§ 266");
        assertThat(bundled.provisions().get("incitement")).contains("§ 136");
        assertThat(bundled.legalProvisions().get("DE").get("hate")).contains("§ 130", "NetzDG");
        assertThat(bundled.provisions()).doesNotContainKeys("disinformation", "influence-operation");
        assertThat(bundled.policy("x", "disinformation")).isPresent();
        assertThat(bundled.policy("facebook", "disinformation").orElseThrow().name())
                .contains("Misinformation");
    }

    @Test
    void classifierLabelsThatAreNoHarmAreNoCategoryAndHatefulIsHate() {
        assertThat(CategoryNames.category("neutral")).isEmpty();
        assertThat(CategoryNames.category("offensive")).isEmpty();
        assertThat(CategoryNames.category("hateful")).contains("hate");
        assertThat(CategoryNames.name("incitement")).isEqualTo("Incitement to violence or crime");
        assertThat(CategoryNames.name("some-new-thing")).isEqualTo("Some new thing");
    }

    private static Set<String> emittedLabels() throws IOException {
        Set<String> labels = new TreeSet<>(CategoryNames.CLASSIFIER_LABELS);
        try (Stream<Path> files = Files.list(RULES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                Matcher m = CATEGORY.matcher(Files.readString(file));
                while (m.find()) {
                    labels.add(m.group(1));
                }
            }
        }
        return labels;
    }
}
