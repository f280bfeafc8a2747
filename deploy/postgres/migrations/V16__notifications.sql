-- Notifications (docs/desk.md, "Notifications"): each desk user's inbox of threat-to-life incidents and of incidents
-- assigned to them by a colleague, and its e-mail outbox. A threat-to-life alert notifies every staff user in the
-- transaction that raises it (a trigger on alert, as the alert itself is raised by a trigger on incident); the desk
-- records an assignment's notification in the assignment's transaction. The desk's MailDelivery sends the pending
-- e-mails and records every attempt on the row, so none is lost silently.
-- No copy of the incident's title or text: an erasure or a retention purge of the incident removes its notifications.

-- where a user's notifications are e-mailed; none: inbox only (set with ./varsel user email)
ALTER TABLE app_user ADD COLUMN email text CHECK (length(email) <= 254 AND email ~ '^[^@\s<>,;"]+@[^@\s<>,;"]+$');

CREATE TABLE notification (
    id                   bigserial   PRIMARY KEY,
    username             text        NOT NULL REFERENCES app_user (username) ON DELETE CASCADE,
    kind                 text        NOT NULL CHECK (kind IN ('threat-to-life', 'assigned')),
    incident_id          text        NOT NULL REFERENCES incident (id) ON DELETE CASCADE,
    -- who assigned the incident; null for a threat-to-life alert
    actor                text,
    created_at           timestamptz NOT NULL DEFAULT now(),
    read_at              timestamptz,
    -- none: the user had no e-mail address; pending until sent, or failed once out of attempts (or too old to send)
    mail                 text        NOT NULL DEFAULT 'none' CHECK (mail IN ('none', 'pending', 'sent', 'failed')),
    mail_attempts        int         NOT NULL DEFAULT 0,
    mail_next_attempt_at timestamptz NOT NULL DEFAULT now(),
    mail_error           text,
    CONSTRAINT assigned_by_someone CHECK ((kind = 'assigned') = (actor IS NOT NULL))
);
CREATE INDEX notification_inbox ON notification (username, id DESC);
CREATE INDEX notification_unread ON notification (username) WHERE read_at IS NULL;
CREATE INDEX notification_mail_due ON notification (mail_next_attempt_at) WHERE mail = 'pending';

CREATE FUNCTION notify_staff_of_threat_to_life() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO notification (username, kind, incident_id, mail)
    SELECT username, 'threat-to-life', NEW.incident_id, CASE WHEN email IS NULL THEN 'none' ELSE 'pending' END
    FROM app_user WHERE role <> 'partner';
    RETURN NEW;
END
$$;

CREATE TRIGGER alert_notifies_staff
    AFTER INSERT ON alert
    FOR EACH ROW EXECUTE FUNCTION notify_staff_of_threat_to_life();
