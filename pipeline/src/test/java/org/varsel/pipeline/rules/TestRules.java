package org.varsel.pipeline.rules;

import java.util.List;
import org.varsel.contract.Tlp;

/** Small rules and lexicons for tests, without the examples, descriptions and owners real rule files need. */
public final class TestRules {

    private TestRules() {}

    public static Rule rule(String id, String query, RuleStatus status, RuleLanguage... languages) {
        return new Rule(
                id,
                "Title of " + id,
                "Matched {matched} about {target}.",
                query,
                languages.length == 0 ? List.of(RuleLanguage.EN) : List.of(languages),
                "incitement",
                List.of("topic:test"),
                4,
                Tlp.AMBER,
                status,
                "test-desk",
                List.of("migrants"),
                null);
    }

    public static Rule active(String id, String query, RuleLanguage... languages) {
        return rule(id, query, RuleStatus.ACTIVE, languages);
    }

    /** A lexicon as matching reads it: its name, language, kind and entries; no description, owner or examples. */
    public static Lexicon lexicon(String name, RuleLanguage language, LexiconKind kind, List<Lexicon.Entry> entries) {
        return new Lexicon(name, language, kind, "", "", entries, null);
    }

    public static RulePack pack(Rule... rules) {
        return RulePack.of("test", List.of(rules));
    }
}
