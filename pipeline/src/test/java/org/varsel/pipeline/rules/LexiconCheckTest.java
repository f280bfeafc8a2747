package org.varsel.pipeline.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./varsel rules check} on lexicon files: a bad entry is named by file and line. */
class LexiconCheckTest {

    @TempDir
    Path dir;

    private static final String GOOD_LEXICON = """
      lexicon: group
      language: da
      kind: target-group
      description: Grupper
      owner: desk
      entries:
        - {term: muslim, forms: [muslimer, muslimerne, muslimernes], group: muslims}
        - term: jøde
          forms: [jøder, jøderne]
          group: jews
        - romaer
      examples:
        match: ["Muslimernes moské", "jøderne"]
        no_match: ["danskerne"]
      """;

    private static final String RULE = """
      rules:
        - id: da-group-disease
          title: Gruppe kaldt en sygdom
          description: Kalder {target} en sygdom ({matched}).
          query: '"@group er en sygdom"~2'
          languages: [da]
          category: dangerous-speech
          tags: [hallmark:dehumanisation]
          severity: 4
          tlp: AMBER
          status: active
          owner: desk
          examples:
            match: ["Muslimerne er en sygdom", "jøder er bare en sygdom", "Romaer er en sygdom"]
            no_match: ["Influenza er en sygdom", "muslimer er syge", "sygdom blandt jøder"]
      """;

    private List<String> errors() {
        return RuleCheck.run(dir).errors().stream().map(RuleProblem::toString).toList();
    }

    private Path write(String name, String yaml) throws IOException {
        return Files.writeString(dir.resolve(name), yaml);
    }

    @Test
    void aLexiconAndARuleThatReferencesItPassAndTravelInThePack() throws IOException {
        write("group.yaml", GOOD_LEXICON);
        write("rules.yaml", RULE);

        RuleCheck.Report report = RuleCheck.run(dir);

        assertThat(report.problems()).isEmpty();
        assertThat(report.examplesRun()).isEqualTo(3 + 6);
        RulePack pack = report.pack().orElseThrow();
        assertThat(pack.lexicons()).extracting(Lexicon::name).containsExactly("group");
        RulePack same = RulePack.fromJson(pack.toJson());
        assertThat(same).isEqualTo(pack);
        try (RuleEngine engine = RuleEngine.build(same)) {
            assertThat(engine.match("Jøderne er en sygdom", java.util.Optional.of("da"))
                            .hits()
                            .get(0)
                            .targetGroups())
                    .containsExactly("jews");
        }
    }

    @Test
    void changingALexiconChangesThePackVersion() throws IOException {
        write("group.yaml", GOOD_LEXICON);
        write("rules.yaml", RULE);
        String before = RuleCheck.run(dir).pack().orElseThrow().version();
        write("group.yaml", GOOD_LEXICON.replace("- romaer", "- romaer\n  - sigøjnere"));
        assertThat(RuleCheck.run(dir).pack().orElseThrow().version()).isNotEqualTo(before);
    }

    @Test
    void badEntriesAreNamedByFileAndLine() throws IOException {
        Path file = write("group.yaml", """
        lexicon: group
        language: da
        kind: target-group
        description: Grupper
        owner: desk
        serverity: 3
        entries:
          - {term: muslim, forms: [muslimer, "!!!"], group: muslims}
          - {term: jøde, grupe: jews}
          - {term: muslimer, group: muslims}
          - {term: roma, group: Roma People}
          - [not, an, entry]
          - {term: muslimen, group: jews}
        examples:
          match: ["danskerne"]
          no_match: ["jøder"]
        """);

        assertThat(errors())
                .containsExactly(
                        file
                                + ":6: unknown field 'serverity'; known fields: lexicon, language, kind, description, owner, entries, examples",
                        file + ":8: form '!!!' has no words after analysis",
                        file + ":9: unknown entry field 'grupe'; known: term, forms, group",
                        file + ":10: form 'muslimer' is already listed (line 8)",
                        file + ":11: group 'Roma People' must be lower-case words joined by '-' (e.g. muslims, roma)",
                        file + ":12: an entry is a word or a mapping with term, forms and group",
                        file
                                + ":13: form 'muslimen' analyses as 'muslim', which already names group 'muslims', not 'jews'",
                        file + ":15: lexicon 'group' must find one of its entries in example: \"danskerne\"",
                        file
                                + ":16: lexicon 'group' must not find its entries in example (it found \"jøder\" of entry 'jøde'): \"jøder\"");
    }

    @Test
    void aWordThatAnalysesAsAFunctionWordItIsNotIsRefusedAndTheFunctionWordsThemselvesPass() throws IOException {
        Path weapons = write("weapon.yaml", """
        lexicon: weapon
        language: en
        kind: weapon
        description: Weapons
        owner: desk
        entries:
          - {term: gun, forms: [guns]}
          - {term: IED, forms: [IEDs]}
          - {term: car bomb, forms: [car IEDs]}
        examples:
          match: ["a gun"]
          no_match: ["I went home"]
        """);
        write("given_name.yaml", """
        lexicon: given_name
        language: en
        kind: target-group
        description: Given names
        owner: desk
        entries: [karen, "=anne", "=ann"]
        examples:
          match: ["Karen"]
          no_match: ["an hour"]
        """);
        write("negation.yaml", """
        lexicon: negation
        language: en
        kind: negation
        description: Negations
        owner: desk
        entries: [not, no, never]
        examples:
          match: ["not now"]
          no_match: ["now"]
        """);

        // "=ann" keeps its doubled letter as written (AsWritten.fold, session 28): it is the name, not "an", and passes
        assertThat(errors())
                .containsExactly(
                        weapons + ":8: form 'IEDs' analyses as 'i', as the function word 'i' does, so every 'i' in a"
                                + " text would match it: write it as written ('=IEDs') or leave it out",
                        weapons + ":12: lexicon 'weapon' must not find its entries in example (it found \"I\" of entry"
                                + " 'IED'): \"I went home\"");
    }

    @Test
    void unknownKindsLanguagesAndGroupsOnTheWrongKindAreRefused() throws IOException {
        Path file = write("verbs.yaml", """
        lexicon: Violent-Verbs
        language: de
        kind: verbs
        description: x
        owner: desk
        entries:
          - {term: töten, group: jews}
        examples: {match: [töten], no_match: [x]}
        """);

        assertThat(errors())
                .containsExactly(
                        file + ":1: lexicon name 'Violent-Verbs' must be 2-40 of a-z, 0-9, '_' starting with a letter"
                                + " (rules write it as @Violent-Verbs)",
                        file
                                + ":2: unknown language 'de'; known: en, da, any, und-Arab, und-Ethi, und-Mymr, und-Thai, und-Khmr, und-Laoo, und-Hani",
                        file
                                + ":3: unknown lexicon kind 'verbs'; known: target-group, slur, violent-action, dehumanisation, derogation,"
                                + " imperative, quantifier, modal, time, place, weapon, praise, counter-speech, word-sense, negation");
    }

    @Test
    void aRuleReferencingAMissingLexiconOrATwiceDefinedOneFails() throws IOException {
        write("rules.yaml", RULE);
        assertThat(errors())
                .containsExactly(dir.resolve("rules.yaml") + ":5: query: no lexicon 'group' for language da");

        write("group.yaml", GOOD_LEXICON);
        Path second = write("group2.yaml", GOOD_LEXICON);
        assertThat(errors())
                .containsExactly(
                        second + ":1: duplicate lexicon group (da) (first at " + dir.resolve("group.yaml") + ":1)");
    }

    @Test
    void aCounterSpeechExampleMustBeListedAsReported() throws IOException {
        write("group.yaml", GOOD_LEXICON);
        write("context.yaml", """
        lexicon: counter_speech
        language: da
        kind: counter-speech
        description: Modtale
        owner: desk
        entries: ["dømt for", fordømmer]
        examples: {match: ["han blev dømt for det"], no_match: ["dem"]}
        """);
        Path rules = write(
                "rules.yaml",
                RULE.replace(
                                "\"Romaer er en sygdom\"]",
                                "\"Romaer er en sygdom\", \"Vi fordømmer: romaer er en sygdom\"]")
                        .replace(
                                "no_match: [\"Influenza",
                                "reported: [\"Han blev dømt for at skrive at jøder er en sygdom\", \"jøder er en pest\"]\n"
                                        + "      no_match: [\"Influenza"));

        assertThat(errors())
                .containsExactly(
                        rules
                                + ":14: rule 'da-group-disease' matches example only as reported or counter-speech (a counter-speech"
                                + " lexicon entry is in it); move it to 'reported' or reword it: \"Vi fordømmer: romaer er en sygdom\"",
                        rules
                                + ":15: rule 'da-group-disease' must match example as reported or counter-speech (it did not match):"
                                + " \"jøder er en pest\"");
    }
}
