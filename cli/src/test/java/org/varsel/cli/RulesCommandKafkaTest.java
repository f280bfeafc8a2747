package org.varsel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.varsel.local.KafkaBrokerExtension;
import org.varsel.local.LocalKafka;
import org.varsel.pipeline.TopicContents;
import org.varsel.pipeline.io.RawSignalPublisher;
import org.varsel.pipeline.rules.RepositoryRules;
import org.varsel.pipeline.rules.RulePack;
import picocli.CommandLine;

/** {@code rules push} and {@code rules backtest --from-topic} against a real broker. */
class RulesCommandKafkaTest {
    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    @Test
    void pushWritesTheCheckedPackToTheRulesTopicKeyedByItsName(LocalKafka kafka) throws Exception {
        kafka.createTopics(1, "rules-push-test");
        RulesCommand.Push push = new RulesCommand.Push();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        push.out = new PrintStream(out, true, StandardCharsets.UTF_8);

        int code = new CommandLine(push)
                .execute(
                        RepositoryRules.DIRECTORY.toString(),
                        "--bootstrap",
                        kafka.bootstrapServers(),
                        "--topic",
                        "rules-push-test",
                        "--name",
                        "default");

        assertThat(code).as(out.toString(StandardCharsets.UTF_8)).isZero();
        List<ConsumerRecord<byte[], byte[]>> records =
                TopicContents.committed(kafka.bootstrapServers(), "rules-push-test");
        assertThat(records).hasSize(1);
        assertThat(new String(records.get(0).key(), StandardCharsets.UTF_8)).isEqualTo("default");
        assertThat(RulePack.fromJson(records.get(0).value()).rules()).hasSizeGreaterThan(30);
    }

    @Test
    void backtestReadsEverySignalATopicHoldsAndReportsHitsAndSkippedRecords(LocalKafka kafka) throws Exception {
        kafka.createTopics(2, "backtest-signals");
        try (RawSignalPublisher publisher = new RawSignalPublisher(kafka.bootstrapServers(), "backtest-signals")) {
            publisher.publish(
                    "a",
                    "{\"external_id\":\"a\",\"text\":\"Kill all the migrants\",\"language\":\"en\"}"
                            .getBytes(StandardCharsets.UTF_8),
                    "partner:a",
                    Instant.now());
            publisher.publish(
                    "b",
                    "{\"external_id\":\"b\",\"text\":\"a quiet day at the lake\"}".getBytes(StandardCharsets.UTF_8),
                    "partner:a",
                    Instant.now());
            publisher.publish("c", "not json".getBytes(StandardCharsets.UTF_8), "partner:a", Instant.now());
        }
        RulesBacktest backtest = new RulesBacktest();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        backtest.out = new PrintStream(out, true, StandardCharsets.UTF_8);
        backtest.err = new PrintStream(err, true, StandardCharsets.UTF_8);

        int code = new CommandLine(backtest)
                .execute(
                        "--rules",
                        RepositoryRules.DIRECTORY.toString(),
                        "--live",
                        RepositoryRules.DIRECTORY.toString(),
                        "--from-topic",
                        "backtest-signals",
                        "--bootstrap",
                        kafka.bootstrapServers());

        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("over topic backtest-signals: 2 signals")
                .containsPattern("inc-en-call-to-kill-group\\s+active\\s+1\\s");
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("backtest-signals/")
                .contains("skipped");
    }
}
