package org.varsel.desk.notify;

import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.varsel.desk.db.OutboxDrain;

/**
 * E-mails pending notifications through the configured SMTP server on its own thread, so triage never waits for a mail
 * server: it reads the outbox the desk and the database fill, leases what it sends (two desks never send the same
 * e-mail), and records every attempt; a failure is logged and retried with doubling backoff until the attempts run
 * out, then marked failed with its reason, visible in the inbox.
 *
 * <p>An e-mail says what happened, the incident's id, tier and TLP and the link into the desk; never its title or
 * evidence (a title quotes the shared text of a co-similar campaign, and mail leaves the desk).
 */
public final class MailDelivery implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MailDelivery.class);
    /** Longer than one attempt can take (three SMTP timeouts), so a replica that dies mid-send leaves the e-mail due again. */
    private static final Duration LEASE = Duration.ofMinutes(2);

    private static final int BATCH = 20;

    private final MailConfig config;
    private final Notifications notifications;
    private final Clock clock;
    private final Session session;
    private OutboxDrain drain;

    private MailDelivery(MailConfig config, Notifications notifications, Clock clock) {
        this.config = config;
        this.notifications = notifications;
        this.clock = clock;
        this.session = Session.getInstance(
                config.sessionProperties(),
                config.user().isEmpty()
                        ? null
                        : new Authenticator() {
                            @Override
                            protected PasswordAuthentication getPasswordAuthentication() {
                                return new PasswordAuthentication(
                                        config.user().orElseThrow(),
                                        config.password().orElseThrow());
                            }
                        });
    }

    /** Starts sending when an SMTP host is configured; none: notifications stay in the desk's inbox. */
    public static Optional<MailDelivery> start(MailConfig config, Notifications notifications, Clock clock) {
        if (config.host().isEmpty()) {
            LOG.info("no {}: notifications show in the desk's inbox only", MailConfig.HOST);
            return Optional.empty();
        }
        MailDelivery delivery = new MailDelivery(config, notifications, clock);
        delivery.drain = OutboxDrain.start(
                "desk-notification-mail", () -> notifications.claimDueMail(BATCH, LEASE), delivery::deliver);
        return Optional.of(delivery);
    }

    @Override
    public void close() {
        // long enough for one attempt to end: three SMTP timeouts
        drain.close(Duration.ofSeconds(30));
    }

    private void deliver(Notifications.DueMail due) throws SQLException {
        Optional<String> refusal = due.email().isEmpty()
                ? Optional.of("the user has no e-mail address any more")
                : due.createdAt().isBefore(clock.instant().minus(config.maxAge()))
                        ? Optional.of("not sent: older than " + config.maxAge() + " (" + MailConfig.MAX_AGE
                                + ") when it came due")
                        : Optional.empty();
        if (refusal.isPresent()) {
            notifications.recordMail(due, refusal, Optional.empty());
            LOG.warn("notification mail {} for {} failed: {}", due.id(), due.incidentId(), refusal.get());
            return;
        }
        Optional<String> error = send(due);
        Optional<Instant> retryAt = error.isPresent() && due.attempt() < config.maxAttempts()
                ? Optional.of(clock.instant().plus(config.retryAfter(due.attempt())))
                : Optional.empty();
        notifications.recordMail(due, error, retryAt);
        error.ifPresent(reason -> LOG.warn(
                "notification mail {} for {}: attempt {} failed ({}); {}",
                due.id(),
                due.incidentId(),
                due.attempt(),
                reason,
                retryAt.map(at -> "retrying at " + at).orElse("no attempts left")));
    }

    private Optional<String> send(Notifications.DueMail due) {
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(config.from(), true));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(due.email(), true));
            message.setSubject(subject(due), StandardCharsets.UTF_8.name());
            message.setSentDate(Date.from(clock.instant()));
            message.setText(body(due), StandardCharsets.UTF_8.name());
            Transport.send(message);
            return Optional.empty();
        } catch (MessagingException | RuntimeException e) {
            return Optional.of(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    static String subject(Notifications.DueMail due) {
        return "[Varsel TLP:" + due.tlp() + "] " + what(due);
    }

    private static String what(Notifications.DueMail due) {
        return switch (due.kind()) {
            case THREAT_TO_LIFE -> "Threat-to-life incident " + due.incidentId();
            case ASSIGNED ->
                "Incident " + due.incidentId() + " assigned to you by "
                        + due.actor().orElse("a colleague");
        };
    }

    private String body(Notifications.DueMail due) {
        String path = "/incidents/" + due.incidentId();
        return what(due) + ".\n\n"
                + "Tier: " + due.tier() + "\nTLP: " + due.tlp() + "\nWhen: " + due.createdAt() + "\n\n"
                + "Open it in the desk: "
                + config.deskUrl().map(url -> url + path).orElse(path) + "\n\n"
                + "This e-mail carries no content of the incident; read it in the desk. Your inbox there lists every "
                + "notification (/inbox).\n";
    }
}
