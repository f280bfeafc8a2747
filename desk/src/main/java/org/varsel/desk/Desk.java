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
import org.varsel.desk.audit.AuditApi;
import org.varsel.desk.audit.AuditLog;
import org.varsel.desk.auth.Credentials;
import org.varsel.desk.auth.Sessions;
import org.varsel.desk.brief.BriefService;
import org.varsel.desk.brief.BriefSettings;
import org.varsel.desk.brief.http.BriefRoutes;
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
import org.varsel.desk.http.DeskMetrics;
import org.varsel.desk.http.HealthCheck;
import org.varsel.desk.http.HttpApi;
import org.varsel.desk.http.RateLimiter;
import org.varsel.desk.http.SignedInPage;
import org.varsel.desk.incident.HandleSearch;
import org.varsel.desk.incident.IncidentConsumer;
import org.varsel.desk.incident.IncidentStore;
import org.varsel.desk.incident.QueueStore;
import org.varsel.desk.incident.RejectedMessages;
import org.varsel.desk.intake.DeadLetterConsumer;
import org.varsel.desk.intake.IntakeConfig;
import org.varsel.desk.intake.SignalIntake;
import org.varsel.desk.intake.SignalStatuses;
import org.varsel.desk.intake.feed.Feeds;
import org.varsel.desk.intake.http.IntakeApi;
import org.varsel.desk.kafka.ConsumerGroup;
import org.varsel.desk.kafka.ConsumerStatus;
import org.varsel.desk.notify.InboxRoutes;
import org.varsel.desk.notify.MailDelivery;
import org.varsel.desk.notify.Notifications;
import org.varsel.desk.pipeline.PipelineStatus;
import org.varsel.desk.pipeline.PipelineWatch;
import org.varsel.desk.privacy.ErasureRecheck;
import org.varsel.desk.report.PeriodReportRoutes;
import org.varsel.desk.retention.RetentionConfig;
import org.varsel.desk.retention.RetentionJob;
import org.varsel.desk.triage.FeedbackPublisher;
import org.varsel.desk.triage.QueueChanges;
import org.varsel.desk.triage.QueueRoutes;
import org.varsel.desk.triage.RulePrecisionConsumer;
import org.varsel.desk.triage.SavedSearches;
import org.varsel.desk.triage.Triage;
import org.varsel.desk.triage.Verdicts;
import org.varsel.desk.triage.http.IncidentApi;
import org.varsel.desk.triage.http.VerdictApi;
import org.varsel.desk.web.AnalystPages;
import org.varsel.desk.web.AuditPages;
import org.varsel.desk.web.IncidentPages;
import org.varsel.desk.web.LoginThrottle;
import org.varsel.desk.web.QueuePages;
import org.varsel.desk.web.SignInRoutes;

/** A running desk: migrated database, incident consumer and HTTP API. Embedded via {@link #start}, or {@link #main}. */
public final class Desk implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Desk.class);

    private final List<AutoCloseable> parts;
    private final Credentials credentials;
    private final IncidentStore incidents;
    private final HttpApi http;
    private final Alerts alerts;
    private final AtomicBoolean closed = new AtomicBoolean();

    /** @param parts what the desk started, in order: closed in reverse */
    private Desk(
            List<AutoCloseable> parts, Credentials credentials, IncidentStore incidents, HttpApi http, Alerts alerts) {
        this.parts = List.copyOf(parts);
        this.credentials = credentials;
        this.incidents = incidents;
        this.http = http;
        this.alerts = alerts;
    }

    /** Migrates the database, starts consuming {@code varsel.incidents} and serving HTTP; fails if any part cannot. */
    public static Desk start(DeskSettings settings) {
        return start(settings, Optional.empty());
    }

    /**
     * The same with the sign-in throttle refilled by {@code signInClock} instead of the database's clock: a test counts
     * attempts however long each password check takes on a loaded machine.
     */
    static Desk start(DeskSettings settings, Optional<Clock> signInClock) {
        DeskConfig config = settings.desk();
        IntakeConfig intakeConfig = settings.intake();
        RetentionConfig retentionConfig = settings.retention();
        ChildSafetyConfig childSafety = settings.childSafety();
        AlertConfig alertConfig = settings.alert();
        CaseConfig caseConfig = settings.cases();
        LOG.info("desk starting with {}, {} and {}", config, intakeConfig, alertConfig);
        List<AutoCloseable> started = new ArrayList<>();
        try {
            DeskMetrics metrics = new DeskMetrics();
            started.add(metrics);
            Database database = Database.open(config.dbUrl(), config.dbUser(), config.dbPassword());
            started.add(database);
            database.measure(metrics.registry());
            ErasureRecheck erasures = new ErasureRecheck(
                    database,
                    config.kafkaBootstrap(),
                    config.kafkaLogin(),
                    List.of(
                            intakeConfig.rawTopic(),
                            intakeConfig.deadLetterTopic(),
                            config.incidentTopic(),
                            Topics.SHADOW_HITS,
                            childSafety.hotlineTopic()),
                    retentionConfig.pipelineState());
            RetentionJob retention = RetentionJob.start(database, retentionConfig, erasures, Clock.systemUTC());
            started.add(retention);
            Credentials credentials = new Credentials(database);
            IncidentStore incidents = new IncidentStore(database);
            ConsumerGroup consumers =
                    new ConsumerGroup(config.kafkaBootstrap(), config.kafkaLogin(), config.kafkaGroup());
            IncidentConsumer consumer = new IncidentConsumer(consumers, config.incidentTopic(), database, incidents);
            started.add(consumer);
            consumer.start();
            SignalIntake signals = new SignalIntake(
                    database,
                    config.kafkaBootstrap(),
                    config.intakeKafkaLogin(),
                    intakeConfig.rawTopic(),
                    intakeConfig.publishTimeout(),
                    metrics.registry());
            started.add(signals);
            DeadLetterConsumer deadLetters = new DeadLetterConsumer(
                    consumers.suffixed("-dead-letters"), intakeConfig.deadLetterTopic(), database);
            started.add(deadLetters);
            deadLetters.start();
            started.add(Feeds.start(intakeConfig.feedsFile(), signals, new ClusterSingleton(database)));
            HotlineConsumer hotline =
                    new HotlineConsumer(consumers.suffixed("-hotline"), childSafety.hotlineTopic(), database);
            started.add(hotline);
            hotline.start();
            BriefStore briefStore = new BriefStore(database);
            BriefService briefs = new BriefService(
                    BriefSettings.load(settings.briefsFile()),
                    incidents,
                    briefStore,
                    new PostgresBriefAudit(database),
                    Clock.systemUTC());
            Optional<PipelineWatch> pipeline = PipelineWatch.start(
                    settings.pipelineWatch(), config.kafkaBootstrap(), config.kafkaLogin(), database, incidents);
            pipeline.ifPresent(started::add);
            FeedbackPublisher feedback =
                    new FeedbackPublisher(database, config.kafkaBootstrap(), config.kafkaLogin(), Topics.FEEDBACK);
            started.add(feedback);
            feedback.start();
            RulePrecisionConsumer rulePrecision =
                    new RulePrecisionConsumer(consumers.suffixed("-rule-precision"), Topics.RULE_PRECISION, database);
            started.add(rulePrecision);
            rulePrecision.start();
            AuditLog audit = new AuditLog(database);
            Cases cases = new Cases(database, audit, Clock.systemUTC());
            ClusterSingleton singleton = new ClusterSingleton(database);
            UrlRecheck recheck = UrlRecheck.start(
                    cases.store(),
                    caseConfig,
                    (job, work) -> singleton.runQuietly(job, caseConfig.recheckInterval(), work));
            started.add(recheck);
            Alerts alerts = new Alerts(database, audit);
            Optional<AlertWebhook> webhook = AlertWebhook.start(alertConfig, alerts, incidents);
            webhook.ifPresent(started::add);
            Notifications notifications = new Notifications(database);
            MailDelivery.start(settings.mail(), notifications, Clock.systemUTC())
                    .ifPresent(started::add);
            Sessions sessions = new Sessions(database);
            HandleSearch handles = HandleSearch.withKey(config.handleKey());
            if (!handles.pseudonymises()) {
                LOG.warn(
                        "{} is empty: the queue finds public accounts by handle, not pseudonymised ones",
                        DeskConfig.HANDLE_KEY);
            }
            QueueStore queue = new QueueStore(database, handles);
            Triage triage = new Triage(database, audit, feedback::nudge);
            Verdicts verdicts = new Verdicts(database);
            AnalystPages pages =
                    new AnalystPages(new SignedInPage(sessions), () -> PipelineWatch.statusOf(pipeline), alerts);
            HttpApi http = new HttpApi(
                            credentials,
                            new RejectedMessages(database),
                            health(database, consumer, pipeline),
                            config.demoAnonymousRead(),
                            config.requestBodyTimeout(),
                            metrics,
                            List.of(
                                    new SignInRoutes(sessions, new LoginThrottle(database, signInClock), audit, pages),
                                    new QueuePages(queue, triage, pages),
                                    new IncidentPages(queue, triage, audit, alerts, pages),
                                    new AuditPages(audit, verdicts, pages),
                                    new IncidentApi(queue, triage, audit),
                                    new AuditApi(audit),
                                    new VerdictApi(verdicts, audit),
                                    new IntakeApi(
                                            signals,
                                            new SignalStatuses(database),
                                            new RateLimiter(
                                                    database,
                                                    "intake",
                                                    intakeConfig.requestsPerMinute(),
                                                    intakeConfig.burst()),
                                            intakeConfig),
                                    new BriefRoutes(briefs),
                                    new ChildSafetyRoutes(database, childSafety),
                                    new AlertRoutes(alerts),
                                    new PeriodReportRoutes(database, Clock.systemUTC()),
                                    new InboxRoutes(
                                            database,
                                            notifications,
                                            settings.mail().host().isPresent()),
                                    new QueueRoutes(new QueueChanges(audit, incidents), new SavedSearches(database)),
                                    new EscalationRoutes(briefs, briefStore, incidents, cases, sessions)))
                    .start(config.httpHost(), config.httpPort());
            started.add(http);
            if (config.demoAnonymousRead()) {
                LOG.warn(
                        "!!! desk.demo.anonymous-read=true: ANYONE who can reach {}:{} may read every incident without a "
                                + "token. For demos on a private machine only; never in production. !!!",
                        config.httpHost(),
                        http.port());
            }
            Desk desk = new Desk(started, credentials, incidents, http, alerts);
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
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            desk.close();
                            stopped.countDown();
                        },
                        "desk-shutdown"));
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

    /**
     * Stops what the desk started in reverse order: HTTP first, then the jobs and consumers, intake (feeds, dead letters,
     * producer), the incident consumer (its uncommitted records are read again next start), last the database pool.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
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
