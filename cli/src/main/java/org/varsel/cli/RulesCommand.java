package org.varsel.cli;

import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import picocli.CommandLine.ArgGroup;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.varsel.pipeline.rules.MatchResult;
import org.varsel.pipeline.rules.MatchedTerm;
import org.varsel.pipeline.rules.RuleCheck;
import org.varsel.pipeline.rules.RuleEngine;
import org.varsel.pipeline.rules.RuleHit;
import org.varsel.pipeline.rules.RulePack;
import org.varsel.pipeline.rules.RuleProblem;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./varsel rules}: check, try, backtest and publish analyst rule packs. */
@Command(
    name = "rules",
    mixinStandardHelpOptions = true,
    description = "Check, try, backtest and publish analyst rule packs (see docs/rules.md).",
    subcommands = {
        RulesCommand.Check.class,
        RulesCommand.Match.class,
        RulesCommand.Backtest.class,
        RulesCommand.Push.class,
        CommandLine.HelpCommand.class,
    })
public final class RulesCommand implements Runnable {

  static final ObjectMapper JSON = new ObjectMapper();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Checks a directory and prints its problems; the pack when it passed. */
  static Optional<RulePack> checked(Path dir, String name, PrintStream out, boolean quietWhenOk) {
    RuleCheck.Report report = name == null ? RuleCheck.run(dir) : RuleCheck.run(dir, name);
    for (RuleProblem p : report.problems()) {
      if (p.isError() || !quietWhenOk) {
        out.println(p);
      }
    }
    if (!report.passed() || !quietWhenOk) {
      out.println(dir + ": " + report.summary());
    }
    return report.pack();
  }

  @Command(name = "check", mixinStandardHelpOptions = true,
      description = {"Parse and validate every rule file, refuse dangerous queries and run every example.",
          "Prints file:line: reason for each problem; exits 1 when there is any error."})
  static final class Check implements java.util.concurrent.Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", defaultValue = "rules", description = "Rule directory (default: ${DEFAULT-VALUE}).")
    Path dir;

    PrintStream out = System.out;

    @Override
    public Integer call() {
      RuleCheck.Report report = RuleCheck.run(dir);
      report.problems().forEach(out::println);
      report.pack().ifPresent(p -> out.println("pack " + p.name() + " " + p.version()));
      out.println(report.summary());
      return report.passed() ? 0 : 1;
    }
  }

  @Command(name = "match", mixinStandardHelpOptions = true,
      description = {"Read JSONL signals ({\"text\": ..., \"language\": ...}) on stdin and write each back with \"hits\".",
          "A bad line is reported on stderr with its number and written back with an \"error\" field; exits 1 if any line was bad."})
  static final class Match implements java.util.concurrent.Callable<Integer> {
    @Option(names = "--rules", defaultValue = "rules", description = "Rule directory (default: ${DEFAULT-VALUE}).")
    Path rules;

    @Option(names = "--shadow", description = "Also write \"shadow_hits\" from shadow rules.")
    boolean shadow;

    InputStream in = System.in;
    PrintStream out = System.out;
    PrintStream err = System.err;

    @Override
    public Integer call() throws IOException {
      Optional<RulePack> pack = checked(rules, null, err, true);
      if (pack.isEmpty()) {
        return 2;
      }
      int bad = 0;
      try (RuleEngine engine = RuleEngine.build(pack.get());
          BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
          number++;
          if (line.isBlank()) {
            continue;
          }
          ObjectNode signal;
          try {
            JsonNode node = JSON.readTree(line);
            if (node == null || !node.isObject()) {
              throw new IllegalArgumentException("not a JSON object");
            }
            signal = (ObjectNode) node;
          } catch (IOException | IllegalArgumentException e) {
            bad++;
            String reason = "line " + number + ": not a JSON object: " + firstLine(e.getMessage());
            err.println(reason);
            ObjectNode kept = JSON.createObjectNode();
            kept.put("error", reason);
            kept.put("input", line);
            out.println(JSON.writeValueAsString(kept));
            continue;
          }
          JsonNode text = signal.get("text");
          if (text == null || !text.isTextual()) {
            bad++;
            String reason = "line " + number + ": field \"text\" (a string) is missing";
            err.println(reason);
            signal.put("error", reason);
            out.println(JSON.writeValueAsString(signal));
            continue;
          }
          Optional<String> language = Optional.ofNullable(signal.get("language"))
              .filter(JsonNode::isTextual).map(JsonNode::asText);
          MatchResult result = engine.match(text.asText(), language);
          signal.set("hits", hitsJson(result.hits()));
          if (shadow) {
            signal.set("shadow_hits", hitsJson(result.shadowHits()));
          }
          out.println(JSON.writeValueAsString(signal));
        }
      }
      out.flush();
      return bad == 0 ? 0 : 1;
    }
  }

  static ArrayNode hitsJson(List<RuleHit> hits) {
    ArrayNode array = JSON.createArrayNode();
    for (RuleHit h : hits) {
      ObjectNode o = array.addObject();
      o.put("rule", h.ruleId());
      o.put("severity", h.severity());
      o.put("category", h.category());
      o.put("explanation", h.explanation());
      ArrayNode terms = o.putArray("matched");
      for (MatchedTerm t : h.matchedTerms()) {
        terms.addObject().put("text", t.text()).put("start", t.start()).put("end", t.end());
      }
    }
    return array;
  }

  static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  @Command(name = "backtest", mixinStandardHelpOptions = true,
      description = {"Run candidate rules over stored signals and report hits per rule, samples and overlap with the live rules.",
          "Input: JSONL ({\"text\", \"language\"}) or CSV with a header naming a content/text column (e.g. the IRA tweets file)."})
  static final class Backtest implements java.util.concurrent.Callable<Integer> {
    @Option(names = "--rules", required = true, description = "Candidate rule directory.")
    Path rules;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Stored stored;

    /** Where the stored signals come from: a file, or everything a topic holds now. */
    static final class Stored {
      @Option(names = "--input", description = "Signals: *.jsonl / *.json (JSON lines) or *.csv.")
      Path input;

      @Option(names = "--from-topic", description = "Read every signal a Kafka topic holds now (e.g. varsel.signals.raw), then stop.")
      String topic;
    }

    @Option(names = "--bootstrap", defaultValue = "localhost:9092",
        description = "Kafka bootstrap servers, with --from-topic (default: ${DEFAULT-VALUE}).")
    String bootstrap;

    @picocli.CommandLine.Mixin KafkaLoginOptions kafka = new KafkaLoginOptions();

    @Option(names = "--live", defaultValue = "rules", description = "Live rule directory to compare with (default: ${DEFAULT-VALUE}).")
    Path live;

    @Option(names = "--samples", defaultValue = "2", description = "Sample hits shown per rule (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--limit", defaultValue = "0", description = "Stop after this many signals (0: all).")
    long limit;

    PrintStream out = System.out;
    PrintStream err = System.err;

    @Override
    public Integer call() throws IOException {
      Optional<RulePack> candidates = checked(rules, null, err, true);
      Optional<RulePack> livePack = checked(live, null, err, true);
      if (candidates.isEmpty() || livePack.isEmpty()) {
        return 2;
      }
      Path input = stored.input;
      if (input != null && !Files.isRegularFile(input)) {
        err.println(input + ": no such file");
        return 2;
      }
      Map<String, Stats> stats = new LinkedHashMap<>();
      candidates.get().rules().forEach(r -> stats.put(r.id(), new Stats(r.status().code())));
      long[] counts = new long[4]; // signals, candidate-hit, live-hit, both
      long started = System.nanoTime();
      long[] lastProgress = {started};
      try (RuleEngine candidate = RuleEngine.build(candidates.get());
          RuleEngine liveEngine = RuleEngine.build(livePack.get())) {
        forEachSignal((text, language) -> {
          if (limit > 0 && counts[0] >= limit) {
            return;
          }
          counts[0]++;
          MatchResult c = candidate.match(text, language);
          MatchResult l = liveEngine.match(text, language);
          Set<String> liveIds = new HashSet<>();
          l.hits().forEach(h -> liveIds.add(h.ruleId()));
          l.shadowHits().forEach(h -> liveIds.add(h.ruleId()));
          boolean candidateHit = !c.isEmpty();
          counts[1] += candidateHit ? 1 : 0;
          counts[2] += liveIds.isEmpty() ? 0 : 1;
          counts[3] += candidateHit && !liveIds.isEmpty() ? 1 : 0;
          List<RuleHit> all = new ArrayList<>(c.hits());
          all.addAll(c.shadowHits());
          for (RuleHit h : all) {
            stats.get(h.ruleId()).add(text, h, liveIds, samples);
          }
          long now = System.nanoTime();
          if (now - lastProgress[0] > TimeUnit.SECONDS.toNanos(2)) {
            lastProgress[0] = now;
            err.printf("backtest: %,d signals, %,.0f/s%n", counts[0], counts[0] / ((now - started) / 1e9));
          }
        });
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      out.printf("Backtest of %s (%s) over %s: %,d signals in %.1f s (%,.0f/s); live: %s (%s)%n%n",
          rules, candidates.get().version(), input != null ? input : "topic " + stored.topic, counts[0], seconds, counts[0] / Math.max(seconds, 1e-9),
          live, livePack.get().version());
      out.printf("%-44s %-8s %8s %9s %10s  %s%n", "rule", "status", "hits", "per 10k", "also live", "most overlapping live rule");
      for (Map.Entry<String, Stats> e : stats.entrySet()) {
        Stats s = e.getValue();
        String top = s.overlap.entrySet().stream().max(Map.Entry.comparingByValue())
            .map(o -> o.getKey() + " (" + o.getValue() + ")").orElse("-");
        out.printf("%-44s %-8s %8d %9.2f %10d  %s%n", e.getKey(), s.status, s.hits,
            counts[0] == 0 ? 0.0 : s.hits * 10_000.0 / counts[0], s.alsoLive, top);
        for (String sample : s.samples) {
          out.println("    e.g. " + sample);
        }
      }
      out.printf("%nsignals hit: candidates %,d, live %,d, both %,d; candidates only %,d; live only %,d%n",
          counts[1], counts[2], counts[3], counts[1] - counts[3], counts[2] - counts[3]);
      return 0;
    }

    /** Every record the topic holds now (read_committed), from the beginning to the end offsets taken at the start. */
    private void forEachSignalOnTopic(BiConsumer<String, Optional<String>> each) {
      Properties config = kafka.login().clientProperties(bootstrap);
      config.put("isolation.level", "read_committed");
      config.put("enable.auto.commit", "false");
      try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
        List<TopicPartition> partitions = consumer.partitionsFor(stored.topic, Duration.ofSeconds(30)).stream()
            .map(p -> new TopicPartition(stored.topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
          for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
            if (record.offset() >= end.get(new TopicPartition(record.topic(), record.partition()))) {
              continue;
            }
            try {
              JsonNode n = record.value() == null ? null : JSON.readTree(record.value());
              JsonNode text = n == null ? null : n.get("text");
              if (text == null || !text.isTextual()) {
                throw new IllegalArgumentException("no \"text\" string");
              }
              each.accept(text.asText(), Optional.ofNullable(n.get("language")).filter(JsonNode::isTextual).map(JsonNode::asText));
            } catch (IOException | IllegalArgumentException e) {
              err.println(stored.topic + "/" + record.partition() + "@" + record.offset() + ": skipped: " + firstLine(e.getMessage()));
            }
          }
        }
      }
    }

    private void forEachSignal(BiConsumer<String, Optional<String>> each) throws IOException {
      if (stored.topic != null) {
        forEachSignalOnTopic(each);
        return;
      }
      Path input = stored.input;
      String name = input.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
      if (name.endsWith(".csv")) {
        CsvMapper csv = new CsvMapper();
        csv.enable(CsvParser.Feature.SKIP_EMPTY_LINES);
        try (MappingIterator<Map<String, String>> rows = csv.readerForMapOf(String.class)
            .with(CsvSchema.emptySchema().withHeader()).readValues(input.toFile())) {
          long row = 1;
          while (rows.hasNextValue()) {
            row++;
            Map<String, String> r;
            try {
              r = rows.nextValue();
            } catch (RuntimeException | IOException e) {
              err.println(input + ": row " + row + ": skipped: " + firstLine(e.getMessage()));
              continue;
            }
            String text = r.getOrDefault("content", r.get("text"));
            if (text != null) {
              each.accept(text, Optional.ofNullable(r.get("language")));
            }
            if (limit > 0 && row > limit + 1) {
              break;
            }
          }
        }
        return;
      }
      try (BufferedReader reader = Files.newBufferedReader(input, StandardCharsets.UTF_8)) {
        String line;
        long number = 0;
        while ((line = reader.readLine()) != null) {
          number++;
          if (line.isBlank()) {
            continue;
          }
          try {
            JsonNode n = JSON.readTree(line);
            JsonNode text = n == null ? null : n.get("text");
            if (text == null || !text.isTextual()) {
              throw new IllegalArgumentException("no \"text\" string");
            }
            each.accept(text.asText(), Optional.ofNullable(n.get("language")).filter(JsonNode::isTextual).map(JsonNode::asText));
          } catch (IOException | IllegalArgumentException e) {
            err.println(input + ":" + number + ": skipped: " + firstLine(e.getMessage()));
          }
          if (limit > 0 && number >= limit) {
            break;
          }
        }
      }
    }
  }

  /** Per candidate rule: hits, hits also flagged live, which live rules overlap, sample texts. */
  private static final class Stats {
    final String status;
    long hits;
    long alsoLive;
    final Map<String, Long> overlap = new HashMap<>();
    final List<String> samples = new ArrayList<>();

    Stats(String status) {
      this.status = status;
    }

    void add(String text, RuleHit hit, Set<String> liveIds, int maxSamples) {
      hits++;
      if (!liveIds.isEmpty()) {
        alsoLive++;
      }
      liveIds.forEach(id -> overlap.merge(id, 1L, Long::sum));
      if (samples.size() < maxSamples) {
        String flat = text.replaceAll("\\s+", " ").strip();
        samples.add("\"" + (flat.length() > 140 ? flat.substring(0, 140) + "..." : flat) + "\" "
            + hit.matchedTerms().stream().map(MatchedTerm::text).distinct().toList());
      }
    }
  }

  @Command(name = "push", mixinStandardHelpOptions = true,
      description = {"Check a rule pack and publish it as JSON to the rules topic (key: pack name).",
          "Refuses (exit 1) when the check fails."})
  static final class Push implements java.util.concurrent.Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", defaultValue = "rules", description = "Rule directory (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--bootstrap", required = true, description = "Kafka bootstrap servers, HOST:PORT.")
    String bootstrap;

    @picocli.CommandLine.Mixin KafkaLoginOptions kafka = new KafkaLoginOptions();

    @Option(names = "--topic", defaultValue = "varsel.rules", description = "Topic (default: ${DEFAULT-VALUE}).")
    String topic;

    @Option(names = "--name", description = "Pack name, the record key (default: the directory name).")
    String name;

    PrintStream out = System.out;

    @Override
    public Integer call() throws Exception {
      Optional<RulePack> pack = checked(dir, name, out, true);
      if (pack.isEmpty()) {
        out.println("push refused: the rule pack does not pass its checks");
        return 1;
      }
      Properties props = kafka.login().clientProperties(bootstrap);
      props.put(ProducerConfig.ACKS_CONFIG, "all");
      props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
      props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "15000");
      props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000");
      props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
      try (KafkaProducer<String, byte[]> producer =
          new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
        RulePack p = pack.get();
        RecordMetadata m = producer.send(new ProducerRecord<>(topic, p.name(), p.toJson())).get(45, TimeUnit.SECONDS);
        out.printf("pushed pack %s %s (%d rules) to %s partition %d offset %d%n",
            p.name(), p.version(), p.rules().size(), m.topic(), m.partition(), m.offset());
      }
      return 0;
    }
  }
}
