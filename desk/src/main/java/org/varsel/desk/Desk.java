package org.varsel.desk;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.varsel.contract.Topics;
import org.varsel.desk.alert.AlertConfig;
import org.varsel.desk.alert.AlertRoutes;
import org.varsel.desk.alert.AlertWebhook;
import org.varsel.desk.alert.Alerts;
import org.varsel.desk.auth.Credentials;
import org.varsel.desk.brief.BriefService;
import org.varsel.desk.brief.http.BriefRoutes;
import org.varsel.desk.brief.BriefSettings;
import org.varsel.desk.brief.store.BriefStore;
import org.varsel.desk.brief.store.PostgresBriefAudit;
import org.varsel.desk.cases.CaseConfig;
import org.varsel.desk.cases.Cases;
import org.varsel.desk.cases.EscalationRoutes;
import org.varsel.desk.cases.UrlRecheck;
import org.varsel.desk.childsafety.ChildSafetyConfig;
import org.varsel.desk.childsafety.ChildSafetyRoutes;
import org.varsel.desk.childsafety.HotlineConsumer;
import org.varsel.desk.config.DeskConfig;
import org.varsel.desk.config.DeskSettings;
import org.varsel.desk.db.ClusterSingleton;
import org.varsel.desk.db.Database;
import org.varsel.desk.http.HealthCheck;
import org.varsel.desk.http.HttpApi;
import org.varsel.desk.incident.IncidentStore;
import org.varsel.desk.intake.Intake;
import org.varsel.desk.intake.IntakeConfig;
import org.varsel.desk.report.PeriodReportRoutes;
import org.varsel.desk.privacy.ErasureRecheck;
import org.varsel.desk.retention.RetentionConfig;
import org.varsel.desk.retention.RetentionJob;
import org.varsel.desk.ingest.ConsumerStatus;
import org.varsel.desk.ingest.IncidentConsumer;
import org.varsel.desk.ingest.RejectedMessages;
import org.varsel.desk.pipeline.PipelineStatus;
import org.varsel.desk.pipeline.PipelineWatch;
import org.varsel.desk.triage.AuditLog;
import org.varsel.desk.triage.FeedbackPublisher;
import org.varsel.desk.triage.QueueChanges;
import org.varsel.desk.triage.QueueRoutes;
import org.varsel.desk.triage.RulePrecisionConsumer;
import org.varsel.desk.triage.SavedSearches;
import org.varsel.desk.triage.QueueStore;
import org.varsel.desk.triage.Triage;
import org.varsel.desk.triage.Verdicts;
import org.varsel.desk.web.LoginThrottle;
import org.varsel.desk.web.Sessions;
import org.varsel.desk.web.TriageWeb;

/** A running desk: migrated database, incident consumer and HTTP API. Embedded via {@link #start}, or {@link #main}. */
public final class Desk implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Desk.class);

  private final Database database;
  private final Credentials credentials;
  private final IncidentStore incidents;
  private final IncidentConsumer consumer;
  private final FeedbackPublisher feedback;
  private final HttpApi http;
  private final Intake intake;
  private final HotlineConsumer hotline;
  private final Alerts alerts;

  private final AtomicBoolean closed = new AtomicBoolean();
  private RetentionJob retention;
  private Optional<AlertWebhook> alertWebhook = Optional.empty();
  private RulePrecisionConsumer rulePrecision;
  private Optional<PipelineWatch> pipeline = Optional.empty();
  private UrlRecheck recheck;

  private Desk(Database database, Credentials credentials, IncidentStore incidents, IncidentConsumer consumer,
      FeedbackPublisher feedback, HttpApi http, Intake intake, HotlineConsumer hotline, Alerts alerts) {
    this.database = database;
    this.alerts = alerts;
    this.hotline = hotline;
    this.intake = intake;
    this.credentials = credentials;
    this.incidents = incidents;
    this.consumer = consumer;
    this.feedback = feedback;
    this.http = http;
  }

  /** Migrates the database, starts consuming {@code varsel.incidents} and serving HTTP; fails if any part cannot. */
  public static Desk start(DeskSettings settings) {
    DeskConfig config = settings.desk();
    IntakeConfig intakeConfig = settings.intake();
    RetentionConfig retentionConfig = settings.retention();
    ChildSafetyConfig childSafety = settings.childSafety();
    AlertConfig alertConfig = settings.alert();
    CaseConfig caseConfig = settings.cases();
    LOG.info("desk starting with {}, {} and {}", config, intakeConfig, alertConfig);
    List<AutoCloseable> started = new ArrayList<>();
    try {
      Database database = Database.open(config.dbUrl(), config.dbUser(), config.dbPassword());
      started.add(database);
      ErasureRecheck erasures = new ErasureRecheck(database, config.kafkaBootstrap(), config.kafkaLogin(), List.of(intakeConfig.rawTopic(),
          intakeConfig.deadLetterTopic(), config.incidentTopic(), Topics.SHADOW_HITS, childSafety.hotlineTopic()),
          retentionConfig.pipelineState());
      RetentionJob retention = RetentionJob.start(database, retentionConfig, erasures, Clock.systemUTC());
      started.add(retention);
      Credentials credentials = new Credentials(database);
      IncidentStore incidents = new IncidentStore(database);
      IncidentConsumer consumer =
          new IncidentConsumer(config.kafkaBootstrap(), config.kafkaLogin(), config.kafkaGroup(), config.incidentTopic(), database, incidents);
      started.add(consumer);
      consumer.start();
      Intake intake = Intake.start(intakeConfig, config.kafkaBootstrap(), config.intakeKafkaLogin(), config.kafkaLogin(),
          config.kafkaGroup(), database);
      started.add(intake);
      HotlineConsumer hotline =
          new HotlineConsumer(config.kafkaBootstrap(), config.kafkaLogin(), config.kafkaGroup() + "-hotline", childSafety.hotlineTopic(), database);
      started.add(hotline);
      hotline.start();
      BriefStore briefStore = new BriefStore(database);
      BriefService briefs = new BriefService(
          BriefSettings.load(settings.briefsFile()),
          incidents, briefStore, new PostgresBriefAudit(database), Clock.systemUTC());
      Optional<PipelineWatch> pipeline = PipelineWatch.start(settings.pipelineWatch(), config.kafkaBootstrap(), config.kafkaLogin(), database);
      pipeline.ifPresent(started::add);
      FeedbackPublisher feedback = new FeedbackPublisher(database, config.kafkaBootstrap(), config.kafkaLogin(), Topics.FEEDBACK);
      started.add(feedback);
      feedback.start();
      RulePrecisionConsumer rulePrecision = new RulePrecisionConsumer(config.kafkaBootstrap(), config.kafkaLogin(),
          config.kafkaGroup() + "-rule-precision", Topics.RULE_PRECISION, database);
      started.add(rulePrecision);
      rulePrecision.start();
      AuditLog audit = new AuditLog(database);
      Cases cases = new Cases(database, audit, Clock.systemUTC());
      ClusterSingleton singleton = new ClusterSingleton(database);
      UrlRecheck recheck = UrlRecheck.start(cases.store(), caseConfig,
          (job, work) -> singleton.runQuietly(job, caseConfig.recheckInterval(), work));
      started.add(recheck);
      Alerts alerts = new Alerts(database, audit);
      Optional<AlertWebhook> webhook = AlertWebhook.start(alertConfig, alerts, incidents);
      webhook.ifPresent(started::add);
      TriageWeb triage = new TriageWeb(new Sessions(database), new LoginThrottle(database), new QueueStore(database),
          new Triage(database, audit, feedback::nudge), audit, new Verdicts(database), () -> PipelineWatch.statusOf(pipeline),
          alerts);
      HttpApi http = HttpApi.start(config.httpHost(), config.httpPort(), credentials,
          new RejectedMessages(database), health(database, consumer, pipeline), config.demoAnonymousRead(),
          config.requestBodyTimeout(),
          List.of(triage, intake.endpoints(), app -> BriefRoutes.register(app, briefs, HttpApi::requireRole),
              new ChildSafetyRoutes(database, childSafety), new AlertRoutes(alerts),
              new PeriodReportRoutes(database, Clock.systemUTC()),
              new QueueRoutes(new QueueChanges(audit, incidents), new SavedSearches(database)),
              new EscalationRoutes(briefs, briefStore, incidents, cases, new Sessions(database))));
      started.add(http);
      if (config.demoAnonymousRead()) {
        LOG.warn("!!! desk.demo.anonymous-read=true: ANYONE who can reach {}:{} may read every incident without a "
            + "token. For demos on a private machine only; never in production. !!!", config.httpHost(), http.port());
      }
      Desk desk = new Desk(database, credentials, incidents, consumer, feedback, http, intake, hotline, alerts);
      desk.retention = retention;
      desk.pipeline = pipeline;
      desk.alertWebhook = webhook;
      desk.rulePrecision = rulePrecision;
      desk.recheck = recheck;
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
    Desk desk = start(DeskSettings.load(file, System.getenv()));
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

  /** The threat-to-life alerts (banner, acknowledgements, webhook deliveries). */
  public Alerts alerts() {
    return alerts;
  }

  public Intake intake() {
    return intake;
  }

  /** Stops HTTP, then intake (feeds, producer), then the consumer (its uncommitted records are read again next start), then the database pool. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    List<AutoCloseable> parts = new ArrayList<>(List.of(database, consumer, hotline, intake, feedback, http));
    if (retention != null) {
      parts.add(1, retention);
    }
    pipeline.ifPresent(watch -> parts.add(1, watch));
    alertWebhook.ifPresent(webhook -> parts.add(1, webhook));
    if (rulePrecision != null) {
      parts.add(1, rulePrecision);
    }
    if (recheck != null) {
      parts.add(1, recheck);
    }
    closeAll(parts, null);
    LOG.info("desk stopped");
  }

  private static HealthCheck health(Database database, IncidentConsumer consumer, Optional<PipelineWatch> pipeline) {
    return new HealthCheck() {
      @Override
      public PipelineStatus pipeline() {
        return PipelineWatch.statusOf(pipeline);
      }

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
