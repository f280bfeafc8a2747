package org.varsel.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.varsel.pipeline.enrich.Enrichment;
import org.varsel.pipeline.enrich.TextEnricher;

/**
 * Signals per second through {@link TextEnricher} on one thread: language detection, extraction and
 * classification. Posts are built from the HateXplain validation texts in {@code data/training}, cut to
 * {@code chars} characters, every third one with a tracked link, a hashtag and a mention; and one post of a mebibyte
 * (every step reads a bounded prefix, which {@code TextEnricherTest} checks; this is what it costs).
 * Run: {@code bench/run jmh EnrichClassify}.
 */
public class EnrichClassifyBenchmark extends SingleThreadThroughput {

    @Param({"280", "100"})
    int chars;

    private TextEnricher enricher;
    private String[] posts;
    private String oneMebibytePost;
    private int next;

    @Setup
    public void setUp() throws IOException {
        enricher = new TextEnricher();
        Path data = Path.of(System.getProperty("varsel.data", "data/training/hatexplain/hatexplain_train_val.tsv"));
        List<String> texts = new ArrayList<>();
        for (String line : Files.readAllLines(data, StandardCharsets.UTF_8)) {
            String[] f = line.split("\t", 6);
            if (f.length == 6 && f[0].equals("val")) {
                texts.add(f[5]);
            }
        }
        List<String> built = new ArrayList<>();
        StringBuilder post = new StringBuilder();
        for (int k = 0; k < texts.size() && built.size() < 1_000; k++) {
            if (post.length() == 0 && built.size() % 3 == 0) {
                post.append("@NewsDesk #Breaking https://www.example.com/story/")
                        .append(k)
                        .append("?utm_source=twitter&id=")
                        .append(k)
                        .append(' ');
            }
            post.append(texts.get(k)).append(". ");
            if (post.length() >= chars) {
                built.add(post.substring(0, chars));
                post.setLength(0);
            }
        }
        posts = built.toArray(String[]::new);
        StringBuilder huge = new StringBuilder(1 << 20);
        for (int k = 0; huge.length() < (1 << 20); k = k + 1 == posts.length ? 0 : k + 1) {
            huge.append(posts[k]).append(' ');
        }
        oneMebibytePost = huge.toString();
    }

    @Benchmark
    public Enrichment enrich() {
        String post = posts[next];
        next = next + 1 == posts.length ? 0 : next + 1;
        return enricher.enrich(post, Optional.empty());
    }

    @Benchmark
    public Enrichment enrichWithLanguageHint() {
        String post = posts[next];
        next = next + 1 == posts.length ? 0 : next + 1;
        return enricher.enrich(post, Optional.of("en"));
    }

    /** A 1 MiB post: the cost of the bounded prefixes, not of the megabyte. */
    @Benchmark
    public Enrichment enrichOneMebibytePost() {
        return enricher.enrich(oneMebibytePost, Optional.empty());
    }
}
