package org.varsel.desk.intake;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.varsel.contract.KafkaLogin;
import org.varsel.desk.db.ClusterSingleton;
import org.varsel.desk.db.Database;
import org.varsel.desk.feed.Feeds;
import org.varsel.desk.http.HttpApi;
import org.varsel.desk.http.RouteGroup;

/** The desk's intake as one part: the raw-signal producer, the dead-letter consumer, the feeds, and the endpoints. */
public final class Intake implements AutoCloseable {
  private final SignalIntake signals;
  private final DeadLetterConsumer deadLetters;
  private final Feeds feeds;
  private final IntakeApi api;

  private Intake(SignalIntake signals, DeadLetterConsumer deadLetters, Feeds feeds, IntakeApi api) {
    this.signals = signals;
    this.deadLetters = deadLetters;
    this.feeds = feeds;
    this.api = api;
  }

  /**
   * Starts producing to the raw topic as {@code intakeLogin}, consuming dead letters (group
   * {@code <group>-dead-letters}) as {@code deskLogin}, and the feeds; counts what it takes in {@code metrics}.
   */
  public static Intake start(IntakeConfig config, String kafkaBootstrap, KafkaLogin intakeLogin, KafkaLogin deskLogin,
      String kafkaGroup, Database database, MeterRegistry metrics) {
    List<AutoCloseable> started = new ArrayList<>();
    try {
      SignalIntake signals = new SignalIntake(database, kafkaBootstrap, intakeLogin, config.rawTopic(), config.publishTimeout(),
          metrics);
      started.add(signals);
      DeadLetterConsumer deadLetters =
          new DeadLetterConsumer(kafkaBootstrap, deskLogin, kafkaGroup + "-dead-letters", config.deadLetterTopic(), database);
      started.add(deadLetters);
      deadLetters.start();
      Feeds feeds = Feeds.start(config.feedsFile(), signals, new ClusterSingleton(database));
      return new Intake(signals, deadLetters, feeds, new IntakeApi(signals, new SignalStatuses(database),
          new RateLimiter(database, "intake", config.requestsPerMinute(), config.burst()), config));
    } catch (RuntimeException e) {
      for (int i = started.size() - 1; i >= 0; i--) {
        try {
          started.get(i).close();
        } catch (Exception suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      throw e;
    }
  }

  public RouteGroup endpoints() {
    return api;
  }

  public SignalIntake signals() {
    return signals;
  }

  public Feeds feeds() {
    return feeds;
  }

  /** Stops the feeds first (they send), then the dead-letter consumer, then the producer (flushing what it has). */
  @Override
  public void close() {
    feeds.close();
    deadLetters.close();
    signals.close();
  }
}
