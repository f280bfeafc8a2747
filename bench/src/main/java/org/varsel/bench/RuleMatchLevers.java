package org.varsel.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.varsel.pipeline.rules.Rule;
import org.varsel.pipeline.rules.RuleLanguage;
import org.varsel.pipeline.rules.RulePack;
import org.varsel.pipeline.rules.RuleStatus;

/**
 * The workload of {@code RuleMatchBenchmark}: the bundled rules topped up to {@code total} with generated
 * {@code any} rules the way {@code ./varsel bench} writes them (AND pairs, proximity phrases, OR of an AND, prefix
 * AND a term, 10% shadow) over words from the middle of the texts' vocabulary, and real texts: HateXplain posts
 * tagged {@code en}, DKHate comments tagged {@code da}, and a share of both without a tag (so every field is
 * analysed), as in the pipeline where ~30% of signals carry no language.
 */
public final class RuleMatchLevers {

    /** A text and the language tag {@code MatchRules} would pass. */
    public record Doc(String text, Optional<String> language) {}

    private RuleMatchLevers() {}

    public static RulePack pack(RulePack bundled, int total, List<Doc> docs, Set<RuleLanguage> keep) {
        List<Rule> rules = new ArrayList<>();
        for (Rule r : bundled.rules()) {
            if (keep.containsAll(r.languages())) {
                rules.add(r);
            }
        }
        String[] words = vocabulary(docs);
        Random random = new Random(20261123L);
        for (int i = 0; rules.size() < total; i++) {
            String a = word(words, random);
            String b = word(words, random);
            String c = word(words, random);
            String query = switch (i % 10) {
                case 0, 1, 2, 3 -> a + " AND " + b;
                case 4, 5, 6 -> "\"" + a + " " + b + "\"~2";
                case 7, 8 -> a + " OR (" + b + " AND " + c + ")";
                default -> a.substring(0, 4) + "* AND " + b;
            };
            rules.add(BenchRule.of(
                    String.format(Locale.ROOT, "bench-gen-%04d", i),
                    "generated rule " + i,
                    "Generated benchmark rule matched {matched}.",
                    query,
                    List.of("topic:bench"),
                    1 + i % 3,
                    i % 10 == 9 ? RuleStatus.SHADOW : RuleStatus.ACTIVE));
        }
        return RulePack.of("bench", rules, bundled.lexicons());
    }

    /**
     * The 2,000 posts the CPU harnesses measure ({@code RuleMatchCpu}, {@code ClassifierCpu}), from the training data
     * or the files {@code -Dvarsel.hatexplain} and {@code -Dvarsel.dkhate} name.
     */
    static List<Doc> cpuWorkload() throws IOException {
        return docs(
                Path.of(System.getProperty("varsel.hatexplain", "data/training/hatexplain/hatexplain_train_val.tsv")),
                Path.of(System.getProperty(
                        "varsel.dkhate", "data/training/dkhate/oe20da_data_offenseval-da-training-v1.tsv")),
                2_000);
    }

    /** Posts of at most 280 characters: 55% English tagged, 20% Danish tagged, 25% untagged (half of each). */
    public static List<Doc> docs(Path hatexplain, Path dkhate, int count) throws IOException {
        List<String> english = column(hatexplain, 5, count);
        List<String> danish = column(dkhate, 1, count);
        List<Doc> docs = new ArrayList<>();
        Random random = new Random(7);
        for (int i = 0; i < count; i++) {
            int roll = random.nextInt(100);
            String en = english.get(i % english.size());
            String da = danish.get(i % danish.size());
            if (roll < 55) {
                docs.add(new Doc(en, Optional.of("en")));
            } else if (roll < 75) {
                docs.add(new Doc(da, Optional.of("da")));
            } else {
                docs.add(new Doc(roll % 2 == 0 ? en : da, Optional.empty()));
            }
        }
        return docs;
    }

    private static List<String> column(Path tsv, int column, int max) throws IOException {
        List<String> texts = new ArrayList<>();
        List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t");
            if (f.length > column && f[column].length() >= 20) {
                String t = f[column].strip();
                texts.add(t.length() > 280 ? t.substring(0, 280) : t);
                if (texts.size() == max) {
                    break;
                }
            }
        }
        return texts;
    }

    /** Words of the texts by frequency (letters only, 5-14 of them). */
    private static String[] vocabulary(List<Doc> docs) {
        Map<String, Integer> counts = new HashMap<>();
        for (Doc d : docs) {
            for (String w : d.text().toLowerCase(Locale.ROOT).split("\\s+")) {
                if (w.length() >= 5 && w.length() <= 14 && w.chars().allMatch(ch -> ch >= 'a' && ch <= 'z')) {
                    counts.merge(w, 1, Integer::sum);
                }
            }
        }
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue()
                        .reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey)
                .toArray(String[]::new);
    }

    /** From the middle of the distribution, so hits are rare as in real packs. */
    private static String word(String[] words, Random random) {
        int lo = Math.min(50, words.length / 10);
        int hi = Math.min(words.length, 8_050);
        return words[lo + random.nextInt(Math.max(1, hi - lo))];
    }

    public static Set<RuleLanguage> all() {
        return EnumSet.allOf(RuleLanguage.class);
    }
}
