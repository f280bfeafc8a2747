package org.varsel.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.varsel.cli.local.KafkaLoginOptions;
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
        description = "Check, try, backtest and publish analyst rule packs (see docs/rules.md).",
        subcommands = {
            RulesCommand.Check.class,
            RulesCommand.Match.class,
            RulesBacktest.class,
            RulesCommand.Push.class,
            CommandLine.HelpCommand.class,
        })
public final class RulesCommand extends CommandGroup {

    static final ObjectMapper JSON = new ObjectMapper();

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

    /** The rule directory {@code check} and {@code push} work on: their one parameter. */
    static final class RuleDirectory {
        @Parameters(
                index = "0",
                arity = "0..1",
                defaultValue = "rules",
                description = "Rule directory (default: ${DEFAULT-VALUE}).")
        Path dir;
    }

    @Command(
            name = "check",
            description = {
                "Parse and validate every rule file, refuse dangerous queries and run every example.",
                "Prints file:line: reason for each problem; exits 1 when there is any error."
            })
    static final class Check implements java.util.concurrent.Callable<Integer> {
        @picocli.CommandLine.Mixin
        RuleDirectory rules;

        PrintStream out = System.out;

        @Override
        public Integer call() {
            RuleCheck.Report report = RuleCheck.run(rules.dir);
            report.problems().forEach(out::println);
            report.pack().ifPresent(p -> out.println("pack " + p.name() + " " + p.version()));
            out.println(report.summary());
            return report.passed() ? 0 : 1;
        }
    }

    @Command(
            name = "match",
            description = {
                "Read JSONL signals ({\"text\": ..., \"language\": ...}) on stdin and write each back with \"hits\".",
                "A bad line is reported on stderr with its number and written back with an \"error\" field; exits 1 if any line was bad."
            })
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
            long[] bad = {0};
            try (RuleEngine engine = RuleEngine.build(pack.get());
                    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                SignalTextLines.read(reader, line -> {
                    if (line.problem().isPresent()) {
                        bad[0]++;
                        String reason =
                                "line " + line.number() + ": " + line.problem().get();
                        err.println(reason);
                        ObjectNode kept = line.object()
                                .orElseGet(() -> JSON.createObjectNode().put("input", line.input()));
                        out.println(JSON.writeValueAsString(kept.put("error", reason)));
                        return true;
                    }
                    ObjectNode signal = line.object().orElseThrow();
                    MatchResult result = engine.match(line.text(), line.language());
                    signal.set("hits", hitsJson(result.hits()));
                    if (shadow) {
                        signal.set("shadow_hits", hitsJson(result.shadowHits()));
                    }
                    out.println(JSON.writeValueAsString(signal));
                    return true;
                });
            }
            out.flush();
            return bad[0] == 0 ? 0 : 1;
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

    @Command(
            name = "push",
            description = {
                "Check a rule pack and publish it as JSON to the rules topic (key: pack name).",
                "Refuses (exit 1) when the check fails."
            })
    static final class Push implements java.util.concurrent.Callable<Integer> {
        @picocli.CommandLine.Mixin
        RuleDirectory rules;

        @Option(names = "--bootstrap", required = true, description = "Kafka bootstrap servers, HOST:PORT.")
        String bootstrap;

        @picocli.CommandLine.Mixin
        KafkaLoginOptions kafka = new KafkaLoginOptions();

        @Option(names = "--topic", defaultValue = "varsel.rules", description = "Topic (default: ${DEFAULT-VALUE}).")
        String topic;

        @Option(names = "--name", description = "Pack name, the record key (default: the directory name).")
        String name;

        PrintStream out = System.out;

        @Override
        public Integer call() throws Exception {
            Optional<RulePack> pack = checked(rules.dir, name, out, true);
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
                RecordMetadata m = producer.send(new ProducerRecord<>(topic, p.name(), p.toJson()))
                        .get(45, TimeUnit.SECONDS);
                out.printf(
                        "pushed pack %s %s (%d rules) to %s partition %d offset %d%n",
                        p.name(), p.version(), p.rules().size(), m.topic(), m.partition(), m.offset());
            }
            return 0;
        }
    }
}
