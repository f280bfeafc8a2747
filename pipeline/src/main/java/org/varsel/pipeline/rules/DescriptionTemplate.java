package org.varsel.pipeline.rules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Renders a rule's description for one hit. Only named placeholders are substituted, by plain
 * text replacement: {@code {matched}} (the matched words, quoted), {@code {target}} (the groups
 * the text names, else the rule's), {@code {title}}, {@code {category}}, {@code {severity}}. Nothing is evaluated;
 * the result is plain text that the desk must still escape.
 */
final class DescriptionTemplate {

    static final Set<String> PLACEHOLDERS = Set.of("matched", "target", "title", "category", "severity");

    private static final int MAX_QUOTED = 5;
    private static final int MAX_QUOTE_LENGTH = 60;

    private DescriptionTemplate() {}

    /** What is wrong with a template: unknown placeholders, unbalanced braces. */
    static List<String> problems(String template) {
        List<String> problems = new ArrayList<>();
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c == '}') {
                problems.add("unbalanced '}' at column " + (i + 1));
                i++;
            } else if (c == '{') {
                int close = template.indexOf('}', i);
                if (close < 0) {
                    problems.add("unclosed '{' at column " + (i + 1));
                    break;
                }
                String name = template.substring(i + 1, close);
                if (!PLACEHOLDERS.contains(name)) {
                    problems.add("unknown placeholder {" + name + "}; known: "
                            + String.join(
                                    ", ",
                                    PLACEHOLDERS.stream()
                                            .sorted()
                                            .map(p -> "{" + p + "}")
                                            .toList()));
                }
                i = close + 1;
            } else {
                i++;
            }
        }
        return problems;
    }

    /** The description with placeholders filled; {@code {target}} names {@code targets}, else "a group". */
    static String render(Rule rule, List<MatchedTerm> matched, List<String> targets) {
        StringBuilder out = new StringBuilder(rule.description().length() + 64);
        String t = rule.description();
        int i = 0;
        while (i < t.length()) {
            char c = t.charAt(i);
            int close = c == '{' ? t.indexOf('}', i) : -1;
            if (close > i) {
                out.append(value(t.substring(i + 1, close), rule, matched, targets));
                i = close + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString().trim();
    }

    private static String value(String name, Rule rule, List<MatchedTerm> matched, List<String> targets) {
        switch (name) {
            case "matched":
                return quoted(matched);
            case "target":
                return targets.isEmpty() ? "a group" : String.join(" / ", targets);
            case "title":
                return rule.title();
            case "category":
                return rule.category();
            case "severity":
                return Integer.toString(rule.severity());
            default:
                return "{" + name + "}";
        }
    }

    private static String quoted(List<MatchedTerm> matched) {
        Set<String> distinct = new LinkedHashSet<>();
        for (MatchedTerm m : matched) {
            distinct.add(clean(m.text()));
        }
        StringBuilder shown = new StringBuilder();
        int n = 0;
        for (String s : distinct) {
            if (n == MAX_QUOTED) {
                return shown.append(", ...").toString();
            }
            shown.append(n++ == 0 ? "" : ", ").append('"').append(s).append('"');
        }
        return shown.toString();
    }

    /**
     * Matched text comes from untrusted signals: no control characters, bounded length. Each control and format
     * character reads as a space, and a run of spaces as one: a loop, since a hit's explanation is rendered for every
     * hit and the stream and regular expression it replaced were 2-3 % of matching (docs/performance.md, "Rule
     * matching's debts paid").
     */
    static String clean(String s) {
        StringBuilder flat = new StringBuilder(s.length());
        boolean inSpace = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == ' ' || Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT) {
                if (!inSpace) {
                    flat.append(' ');
                    inSpace = true;
                }
            } else {
                flat.appendCodePoint(cp);
                inSpace = false;
            }
        }
        String stripped = flat.toString().strip();
        return stripped.length() <= MAX_QUOTE_LENGTH ? stripped : stripped.substring(0, MAX_QUOTE_LENGTH) + "...";
    }
}
