package org.varsel.bench;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.varsel.pipeline.nlp.LanguageGuess;
import org.varsel.pipeline.nlp.LanguageIdentifier;

/**
 * How often language detection is right, undetermined or wrong on texts of known language: HateXplain
 * validation (English) and DKHate (Danish) from {@code data/training}, and, when {@code ../shared} has it,
 * every 40th English IRA tweet (not part of the project; skipped with a note when absent). Per language, the IRA
 * tweets that Twitter labelled with another language the model knows are compared with that label (at the
 * default ratio): Twitter's label is itself a machine guess, so this is agreement, not accuracy.
 * Run: {@code bench/run org.varsel.bench.LanguageAgreement [min-ratio ...]}.
 */
public final class LanguageAgreement {

    public static void main(String[] args) throws IOException {
        Map<String, List<String>> sets = new TreeMap<>();
        List<String> english = new ArrayList<>();
        for (String line : Files.readAllLines(
                Path.of("data/training/hatexplain/hatexplain_train_val.tsv"), StandardCharsets.UTF_8)) {
            String[] f = line.split("\t", 6);
            if (f.length == 6 && f[0].equals("val")) {
                english.add(f[5]);
            }
        }
        sets.put("en hatexplain-val", english);
        List<String> danish = new ArrayList<>();
        for (String line : Files.readAllLines(
                Path.of("data/training/dkhate/oe20da_data_offenseval-da-training-v1.tsv"), StandardCharsets.UTF_8)) {
            String[] f = line.split("\t");
            if (f.length == 3 && !f[0].equals("id")) {
                danish.add(f[1]);
            }
        }
        sets.put("da dkhate", danish);
        Path ira = Path.of("../shared/datasets/ira-troll-tweets/ira_trolls_2016-09_to_2016-11_sorted.csv");
        Map<String, List<String>> iraByLanguage = new TreeMap<>();
        if (Files.exists(ira)) {
            sets.put("en ira-tweets", readIra(ira, iraByLanguage));
        } else {
            System.out.println("note: " + ira + " is absent; IRA tweets skipped");
        }
        double[] ratios = args.length == 0
                ? new double[] {LanguageIdentifier.DEFAULT_MIN_RATIO}
                : java.util.Arrays.stream(args).mapToDouble(Double::parseDouble).toArray();
        for (double ratio : ratios) {
            LanguageIdentifier identifier = new LanguageIdentifier(
                    LanguageIdentifier.DEFAULT_SAMPLE_CHARS, LanguageIdentifier.DEFAULT_MIN_LETTERS, ratio);
            for (Map.Entry<String, List<String>> set : sets.entrySet()) {
                report(
                        identifier,
                        String.format(Locale.ROOT, "min-ratio %.2f  %s", ratio, set.getKey()),
                        set.getKey().substring(0, 2),
                        set.getValue());
            }
        }
        LanguageIdentifier atDefault = new LanguageIdentifier();
        for (Map.Entry<String, List<String>> language : iraByLanguage.entrySet()) {
            if (language.getValue().size() >= MIN_TWEETS_PER_LANGUAGE) {
                report(atDefault, "ira-tweets labelled " + language.getKey(), language.getKey(), language.getValue());
            }
        }
    }

    /** Tweets per language below this are too few to say anything. */
    private static final int MIN_TWEETS_PER_LANGUAGE = 30;

    /** Twitter's language names in the IRA file, for the languages the model knows. */
    private static final Map<String, String> TWITTER_LANGUAGES = Map.ofEntries(
            Map.entry("French", "fr"),
            Map.entry("Italian", "it"),
            Map.entry("Spanish", "es"),
            Map.entry("Vietnamese", "vi"),
            Map.entry("Norwegian", "nb"),
            Map.entry("German", "de"),
            Map.entry("Romanian", "ro"),
            Map.entry("Farsi (Persian)", "fa"),
            Map.entry("Dutch", "nl"),
            Map.entry("Estonian", "et"),
            Map.entry("Arabic", "ar"),
            Map.entry("Albanian", "sq"),
            Map.entry("Portuguese", "pt"),
            Map.entry("Icelandic", "is"),
            Map.entry("Croatian", "hr"),
            Map.entry("Uzbek", "uz"),
            Map.entry("Japanese", "ja"),
            Map.entry("Catalan", "ca"),
            Map.entry("Swedish", "sv"),
            Map.entry("Polish", "pl"),
            Map.entry("Lithuanian", "lt"),
            Map.entry("Latvian", "lv"));

    private static void report(LanguageIdentifier identifier, String name, String expected, List<String> texts) {
        int right = 0;
        int undetermined = 0;
        Map<String, Integer> wrong = new TreeMap<>();
        for (String text : texts) {
            LanguageGuess guess = identifier.detect(text);
            if (guess.language().equals(expected)) {
                right++;
            } else if (!guess.isDetermined()) {
                undetermined++;
            } else {
                wrong.merge(guess.language(), 1, Integer::sum);
            }
        }
        int n = texts.size();
        int wrongCount = wrong.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf(
                Locale.ROOT,
                "%-34s n=%5d  right %.3f  und %.3f  other %.3f  %s%n",
                name,
                n,
                right / (double) n,
                undetermined / (double) n,
                wrongCount / (double) n,
                wrong);
    }

    /** Every 40th English tweet; every tweet Twitter labelled with another language the model knows goes into {@code others}. */
    private static List<String> readIra(Path file, Map<String, List<String>> others) throws IOException {
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        List<String> texts = new ArrayList<>();
        int k = 0;
        try (MappingIterator<Map<String, String>> rows = mapper.readerFor(Map.class)
                .with(CsvSchema.emptySchema().withHeader())
                .readValues(file.toFile())) {
            while (rows.hasNext()) {
                Map<String, String> row = rows.next();
                if ("English".equals(row.get("language")) && k++ % 40 == 0) {
                    texts.add(row.get("content"));
                }
                String other = TWITTER_LANGUAGES.get(row.get("language"));
                if (other != null) {
                    others.computeIfAbsent(other, l -> new ArrayList<>()).add(row.get("content"));
                }
            }
        }
        return texts;
    }
}
