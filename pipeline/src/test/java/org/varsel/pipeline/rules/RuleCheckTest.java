package org.varsel.pipeline.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleCheckTest {

    @TempDir
    Path dir;

    private static final String GOOD_RULE = """
        - id: good-rule
          title: Vermin metaphor
          description: Calls {target} vermin ({matched}).
          query: migrants AND "are vermin"~2
          languages: [en]
          category: dangerous-speech
          tags: [hallmark:dehumanisation]
          target_groups: [migrants]
          severity: 4
          tlp: AMBER
          status: active
          owner: desk
          examples:
            match: ["migrants are vermin", "These migrants are just vermin", "MIGRANTS ARE VERMIN"]
            no_match: ["rats are vermin", "migrants arrived", "vermin control for migrants' hostel"]
      """;

    private Path write(String name, String yaml) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, yaml);
        return file;
    }

    /** The same good rule with one line swapped: line numbers stay those of GOOD_RULE. */
    private Path writeGoodRuleWith(String field, String replacement) throws IOException {
        String yaml = "rules:\n"
                + GOOD_RULE
                        .lines()
                        .map(l -> l.stripLeading().startsWith(field + ":")
                                        || l.stripLeading().startsWith("- " + field + ":")
                                ? l.substring(0, l.indexOf(field)) + replacement
                                : l)
                        .reduce((a, b) -> a + "\n" + b)
                        .orElseThrow()
                + "\n";
        return write("pack.yaml", yaml);
    }

    private List<String> errors() {
        return RuleCheck.run(dir).errors().stream().map(RuleProblem::toString).toList();
    }

    @Test
    void aValidRuleFilePassesAndYieldsAVersionedPack() throws IOException {
        write("pack.yaml", "rules:\n" + GOOD_RULE);

        RuleCheck.Report report = RuleCheck.run(dir, "test-pack");

        assertThat(report.problems()).isEmpty();
        assertThat(report.passed()).isTrue();
        assertThat(report.examplesRun()).isEqualTo(6);
        assertThat(report.pack()).hasValueSatisfying(p -> {
            assertThat(p.name()).isEqualTo("test-pack");
            assertThat(p.rules()).extracting(Rule::id).containsExactly("good-rule");
        });
    }

    @Test
    void aSeverityOutOfRangeIsReportedAtItsFileAndLine() throws IOException {
        Path file = writeGoodRuleWith("severity", "severity: 9");

        assertThat(errors()).containsExactly(file + ":10: severity must be a whole number from 1 to 5, not '9'");
    }

    @Test
    void aLeadingWildcardIsRejectedAtTheQueryLine() throws IOException {
        Path file = writeGoodRuleWith("query", "query: migrants AND *ermin");

        assertThat(errors())
                .containsExactly(file + ":5: query: leading wildcard '*ermin' is not allowed (it scans every term)");
    }

    @Test
    void regexFuzzyOnShortTermsShortPrefixesAndFieldsAreRejected() throws IOException {
        Path file = writeGoodRuleWith("query", "query: /verm.n/ AND rat~ AND mi* AND title:vermin");

        assertThat(errors())
                .containsExactly(
                        file
                                + ":5: query: regular expressions (/.../) are not allowed: use words, phrases or a prefix*",
                        file
                                + ":5: query: fuzzy match on the short term 'rat~' is not allowed; terms need at least 5 letters",
                        file + ":5: query: prefix 'mi*' is too short; at least 3 letters before *",
                        file + ":5: query: field-qualified terms ('title:') are not allowed");
    }

    @Test
    void tooManyClausesAreRejected() throws IOException {
        String words = String.join(
                " OR ",
                java.util.stream.IntStream.range(0, 40)
                        .mapToObj(i -> "word" + i)
                        .toList());
        Path file = writeGoodRuleWith("query", "query: migrants AND (" + words + ")");

        assertThat(errors())
                .containsExactly(file + ":5: query: query has 41 clauses; at most " + RuleQueryCompiler.MAX_CLAUSES
                        + " allowed");
    }

    @Test
    void aBareWildcardRuleIsOnlyAWarningAboutThePresearcher() throws IOException {
        writeGoodRuleWith("query", "query: vermi* OR migran*");

        RuleCheck.Report report = RuleCheck.run(dir);

        assertThat(report.problems())
                .filteredOn(p -> !p.isError())
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.level()).isEqualTo(RuleProblem.Level.WARNING);
                    assertThat(p.line()).isEqualTo(5);
                    assertThat(p.message()).contains("presearcher must run this rule on every signal");
                });
    }

    @Test
    void badFieldValuesAreEachReportedAtTheirOwnLine() throws IOException {
        Path file = write(
                "pack.yaml",
                "rules:\n"
                        + GOOD_RULE
                                .replace("tlp: AMBER", "tlp: ORANGE")
                                .replace("status: active", "status: live")
                                .replace("languages: [en]", "languages: [en, sv]")
                                .replace("[hallmark:dehumanisation]", "[hallmark:dehumanisation, disarm:T49]")
                                .replace("({matched})", "({matched}) {victim}"));

        assertThat(errors())
                .containsExactly(
                        file
                                + ":4: unknown placeholder {victim}; known: {category}, {matched}, {severity}, {target}, {title}",
                        file
                                + ":6: unknown language 'sv'; known: en, da, any, und-Arab, und-Ethi, und-Mymr, und-Thai, und-Khmr, und-Laoo, und-Hani",
                        file + ":8: DISARM technique id 'T49' must look like T0049 or T0049.001",
                        file + ":11: tlp 'ORANGE' is not one of CLEAR, GREEN, AMBER, AMBER+STRICT, RED",
                        file + ":12: status 'live' is not one of active, shadow, disabled");
    }

    @Test
    void aTcapTagIsATierOrWhatAThreatNamesAndATerroristContentRuleStillNeedsATier() throws IOException {
        Path file = write(
                "pack.yaml",
                "rules:\n"
                        + GOOD_RULE
                                .replace("category: dangerous-speech", "category: terrorist-content")
                                .replace("[hallmark:dehumanisation]", "[hallmark:threat, tcap:place, tcap:weather]"));

        assertThat(errors())
                .containsExactly(
                        file
                                + ":8: unknown tcap: tag 'weather'; known tiers: crisis, designated-group, promotional, threat-to-life, "
                                + "and what a threat names: means, place, time",
                        file + ":8: a terrorist-content rule needs a tcap: tier tag");
    }

    @Test
    void aSentenceScopeIsForAContextRuleOnly() throws IOException {
        Path file = write(
                "pack.yaml",
                "rules:\n"
                        + GOOD_RULE.replace("[hallmark:dehumanisation]", "[hallmark:dehumanisation, scope:sentence]"));

        assertThat(errors())
                .containsExactly(
                        file
                                + ":8: scope: takes 'sentence', on a context rule only (it reaches the sentences it matched in)");
    }

    @Test
    void unknownAndMissingFieldsAreReported() throws IOException {
        Path file = write("pack.yaml", "rules:\n" + GOOD_RULE.replace("severity: 4", "serverity: 4"));

        assertThat(errors())
                .containsExactlyInAnyOrder(
                        file + ":10: unknown field 'serverity'; known fields: id, title, description, query, "
                                + "languages, category, tags, severity, tlp, status, owner, target_groups, examples",
                        file + ":2: missing required field 'severity'");
    }

    @Test
    void anExampleThatFailsIsReportedAtTheExampleLine() throws IOException {
        Path file = write(
                "pack.yaml",
                "rules:\n"
                        + GOOD_RULE
                                .replace(
                                        "match: [\"migrants are vermin\",",
                                        "match:\n        - migrants are welcome\n        - ")
                                .replace(
                                        "\"These migrants are just vermin\", \"MIGRANTS ARE VERMIN\"]",
                                        "These migrants are just vermin\n        - MIGRANTS ARE VERMIN"));

        assertThat(errors())
                .containsExactly(file + ":16: rule 'good-rule' must match example: \"migrants are welcome\"");
    }

    @Test
    void aNoMatchExampleThatMatchesNamesTheMatchedWords() throws IOException {
        Path file = write(
                "pack.yaml",
                "rules:\n" + GOOD_RULE.replace("\"rats are vermin\"", "\"migrants are vermin, they said\""));

        assertThat(errors())
                .containsExactly(file + ":16: rule 'good-rule' must not match example (it matched"
                        + " [\"migrants\", \"are vermin\"]): \"migrants are vermin, they said\"");
    }

    @Test
    void duplicateIdsAcrossFilesPointAtBothPlaces() throws IOException {
        Path a = write("a.yaml", "rules:\n" + GOOD_RULE);
        Path b = write("b.yaml", "rules:\n" + GOOD_RULE);

        assertThat(errors()).containsExactly(b + ":2: duplicate rule id 'good-rule' (first at " + a + ":2)");
    }

    @Test
    void aYamlSyntaxErrorGivesTheFileAndLine() throws IOException {
        Path file = write("broken.yaml", "rules:\n  - id: x\n    title: [unclosed\n    query: a\n");

        assertThat(errors()).singleElement().asString().startsWith(file + ":4: not valid YAML");
    }

    @Test
    void aRuleCanLiveInItsOwnFileAndDuplicateKeysAreCaught() throws IOException {
        String single = GOOD_RULE
                        .lines()
                        .map(l -> l.length() > 4 ? l.substring(4) : l.strip())
                        .reduce((x, y) -> x + "\n" + y)
                        .orElseThrow()
                        .replaceFirst("^- ", "")
                + "\nseverity: 3\n";
        Path file = write("one.yaml", single);

        assertThat(errors()).containsExactly(file + ":16: key 'severity' is given twice");
    }

    @Test
    void tooFewExamplesFailTheCheck() throws IOException {
        Path file = write("pack.yaml", "rules:\n" + GOOD_RULE.replace(", \"MIGRANTS ARE VERMIN\"", ""));

        assertThat(errors()).containsExactly(file + ":15: needs at least 3 'match' examples, has 2");
    }

    @Test
    void anEmptyDirectoryFails() {
        assertThat(errors()).containsExactly(dir + ":0: no rule files (*.yaml, *.yml)");
    }
}
