package org.varsel.desk;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.varsel.desk.auth.Credentials;
import org.varsel.desk.config.DeskConfig;
import org.varsel.desk.db.Database;
import org.varsel.desk.http.HealthCheck;
import org.varsel.desk.http.HttpApi;
import org.varsel.desk.incident.IncidentStore;
import org.varsel.desk.ingest.ConsumerStatus;
import org.varsel.desk.ingest.IncidentConsumer;
import org.varsel.desk.ingest.RejectedMessages;

/** A running desk: migrated database, incident consumer and HTTP API. Embedded via {@link #start}, or {@link #main}. */
public final class Desk implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Desk.class);

  private final Database database;
  private final Credentials credentials;
  private final IncidentStore incidents;
  private final IncidentConsumer consumer;
  private final HttpApi http;

  private final AtomicBoolean closed = new AtomicBoolean();

  private Desk(Database database, Credentials credentials, IncidentStore incidents, IncidentConsumer consumer,
      HttpApi http) {
    this.database = database;
    this.credentials = credentials;
    this.incidents = incidents;
    this.consumer = consumer;
    this.http = http;
  }

  /** Migrates the database, starts consuming {@code varsel.incidents} and serving HTTP; fails if any part cannot. */
  public static Desk start(DeskConfig config) {
    LOG.info("desk starting with {}", config);
    List<AutoCloseable> started = new ArrayList<>();
    try {
      Database database = Database.open(config.dbUrl(), config.dbUser(), config.dbPassword());
      started.add(database);
      Credentials credentials = new Credentials(database);
      IncidentStore incidents = new IncidentStore(database);
      IncidentConsumer consumer =
          new IncidentConsumer(config.kafkaBootstrap(), config.kafkaGroup(), config.incidentTopic(), database, incidents);
      started.add(consumer);
      consumer.start();
      HttpApi http = HttpApi.start(config.httpHost(), config.httpPort(), credentials, incidents,
          new RejectedMessages(database), health(database, consumer), config.demoAnonymousRead());
      started.add(http);
      if (config.demoAnonymousRead()) {
        LOG.warn("!!! desk.demo.anonymous-read=true: ANYONE who can reach {}:{} may read every incident without a "
            + "token. For demos on a private machine only; never in production. !!!", config.httpHost(), http.port());
      }
      Desk desk = new Desk(database, credentials, incidents, consumer, http);
      LOG.info("desk ready on http://{}:{}", config.httpHost(), desk.port());
      return desk;
    } catch (RuntimeException e) {
      closeAll(started, e);
      throw e;
    }
  }

  /** Runs the desk until the JVM is stopped. Configuration: the file named by the first argument, if any, then the
   * environment ({@code VARSEL_DESK_*}). */
  public static void main(String[] args) throws InterruptedException {
    Optional<Path> file = args.length > 0 ? Optional.of(Path.of(args[0])) : Optional.empty();
    Desk desk = start(DeskConfig.load(file, System.getenv()));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      desk.close();
      stopped.countDown();
    }, "desk-shutdown"));
    stopped.await();
  }

  /** The HTTP port (the real one when the configuration asked for 0). */
  public int port() {
    return http.port();
  }

  /** For creating partners, users and tokens (the CLI and the demo use this). */
  public Credentials credentials() {
    return credentials;
  }

  public IncidentStore incidents() {
    return incidents;
  }

  /** Stops HTTP, then the consumer (its uncommitted records are read again next start), then the database pool. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    List<AutoCloseable> parts = List.of(database, consumer, http);
    closeAll(new ArrayList<>(parts), null);
    LOG.info("desk stopped");
  }

  private static HealthCheck health(Database database, IncidentConsumer consumer) {
    return new HealthCheck() {
      @Override
      public boolean databaseUp() {
        return database.isReachable();
      }

      @Override
      public ConsumerStatus consumer() {
        return consumer.status();
      }
    };
  }

  /** Closes in reverse order of starting; failures are logged (or added to the cause) so every part gets closed. */
  private static void closeAll(List<AutoCloseable> started, Exception cause) {
    for (int i = started.size() - 1; i >= 0; i--) {
      try {
        started.get(i).close();
      } catch (Exception e) {
        if (cause != null) {
          cause.addSuppressed(e);
        } else {
          LOG.warn("closing {} failed", started.get(i), e);
        }
      }
    }
  }
}
