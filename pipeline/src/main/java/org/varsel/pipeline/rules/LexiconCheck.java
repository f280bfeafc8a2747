package org.varsel.pipeline.rules;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;

/**
 * Checks what only analysis can tell about a lexicon: every form leaves a word after analysis, no word of a form
 * analyses as a function word it is not ({@link FunctionWords}), no analysed form names two groups, the lexicon is not too large, and its examples hold (a {@code match} example contains one of
 * its entries, a {@code no_match} example none). Problems name the file and line of the entry or example.
 */
final class LexiconCheck {

    private LexiconCheck() {}

    /** Checks the lexicons and returns how many examples ran. */
    static int run(
            List<LexiconFiles.SourcedLexicon> sourced,
            Lexicons lexicons,
            Analyzer analyzer,
            List<RuleProblem> problems) {
        int run = 0;
        // examples are texts: they get the analysis signals get, the as-written terms of the lexicons' forms and the
        // markers a form may write ("_past_ the") included
        Analyzer texts = RuleAnalyzer.forDocuments(lexicons.all());
        Map<RuleLanguage, Optional<FunctionWords>> functionWords = new EnumMap<>(RuleLanguage.class);
        for (LexiconFiles.SourcedLexicon s : sourced) {
            Lexicon lexicon = s.lexicon();
            Optional<FunctionWords> functionWordsOfLanguage =
                    functionWords.computeIfAbsent(lexicon.language(), l -> FunctionWords.of(analyzer, l));
            checkForms(s, analyzer, functionWordsOfLanguage, problems);
            List<String> match = lexicon.examples().match();
            for (int i = 0; i < match.size(); i++, run++) {
                if (found(lexicons, lexicon, texts, match.get(i)).isEmpty()) {
                    problems.add(RuleProblem.error(
                            s.file(),
                            s.line("examples/match/" + i),
                            "lexicon '" + lexicon.name() + "' must find one of its entries in example: \""
                                    + match.get(i) + "\""));
                }
            }
            List<String> noMatch = lexicon.examples().noMatch();
            for (int i = 0; i < noMatch.size(); i++, run++) {
                List<Lexicons.Occurrence> found = found(lexicons, lexicon, texts, noMatch.get(i));
                if (!found.isEmpty()) {
                    Lexicons.Occurrence o = found.get(0);
                    problems.add(RuleProblem.error(
                            s.file(),
                            s.line("examples/no_match/" + i),
                            "lexicon '" + lexicon.name() + "' must not find its entries in example (it found \""
                                    + noMatch.get(i).substring(o.start(), o.end()) + "\" of entry '"
                                    + o.entry().term() + "'): \""
                                    + noMatch.get(i) + "\""));
                }
            }
        }
        return run;
    }

    private static void checkForms(
            LexiconFiles.SourcedLexicon s,
            Analyzer analyzer,
            Optional<FunctionWords> functionWords,
            List<RuleProblem> problems) {
        Lexicon lexicon = s.lexicon();
        Map<List<String>, String> groupOf = new HashMap<>();
        Set<List<String>> distinct = new HashSet<>();
        for (int i = 0; i < lexicon.entries().size(); i++) {
            Lexicon.Entry entry = lexicon.entries().get(i);
            String at = s.entryAt().get(i);
            checkForm(s, analyzer, entry, entry.term(), at + "/term", groupOf, distinct, problems);
            functionWords.ifPresent(
                    f -> checkNoFunctionWordMistaken(s, analyzer, f, entry.term(), at + "/term", problems));
            for (int k = 0; k < entry.forms().size(); k++) {
                String form = entry.forms().get(k);
                String formAt = at + "/forms/" + k;
                checkForm(s, analyzer, entry, form, formAt, groupOf, distinct, problems);
                functionWords.ifPresent(f -> checkNoFunctionWordMistaken(s, analyzer, f, form, formAt, problems));
            }
        }
        if (distinct.size() > Lexicons.MAX_FORMS) {
            problems.add(RuleProblem.error(
                    s.file(),
                    s.line("entries"),
                    "lexicon '" + lexicon.name() + "' has " + distinct.size()
                            + " distinct forms after analysis; at most " + Lexicons.MAX_FORMS + ": split it"));
        }
    }

    private static void checkForm(
            LexiconFiles.SourcedLexicon s,
            Analyzer analyzer,
            Lexicon.Entry entry,
            String form,
            String at,
            Map<List<String>, String> groupOf,
            Set<List<String>> distinct,
            List<RuleProblem> problems) {
        List<String> tokens = AsWritten.analyse(analyzer, s.lexicon().language(), form);
        if (tokens.isEmpty()) {
            problems.add(RuleProblem.error(s.file(), s.line(at), "form '" + form + "' has no words after analysis"));
            return;
        }
        distinct.add(tokens);
        String earlier = groupOf.putIfAbsent(tokens, entry.group());
        if (earlier != null && !earlier.equals(entry.group())) {
            problems.add(RuleProblem.error(
                    s.file(),
                    s.line(at),
                    "form '" + form + "' analyses as '" + String.join(" ", tokens) + "', which already names group '"
                            + earlier + "', not '" + entry.group() + "'"));
        }
    }

    /**
     * "IED" analyses as "i", so it would have made every "I" a weapon. A form of several words is let be: its other
     * words keep it from matching the function word alone ("blevet dræbt" read as "blev dræbt" is the same report).
     */
    private static void checkNoFunctionWordMistaken(
            LexiconFiles.SourcedLexicon s,
            Analyzer analyzer,
            FunctionWords functionWords,
            String form,
            String at,
            List<RuleProblem> problems) {
        String word = form.trim();
        if (word.contains(" ")) {
            return;
        }
        List<String> terms = AsWritten.analyse(analyzer, s.lexicon().language(), word);
        String remedy =
                AsWritten.isWritten(word) ? "leave it out" : "write it as written ('=" + word + "') or leave it out";
        functionWords
                .mistakenFor(word, terms)
                .ifPresent(functionWord -> problems.add(RuleProblem.error(
                        s.file(),
                        s.line(at),
                        "form '" + form + "' analyses as '" + terms.get(0) + "', as the function word '"
                                + functionWord + "' does, so every '" + functionWord + "' in a text would match it: "
                                + remedy)));
    }

    private static List<Lexicons.Occurrence> found(Lexicons lexicons, Lexicon lexicon, Analyzer analyzer, String text) {
        return lexicons.occurrences(lexicon.language(), Lexicons.analyse(analyzer, lexicon.language(), text)).stream()
                .filter(o -> o.lexicon().equals(lexicon))
                .toList();
    }
}
