-- Threat-to-life alerts (docs/desk.md, "Alerts"). The database raises an alert when an incident reaches the
-- threat-to-life tier, in the transaction that stores it: every writer raises it, exactly once per incident, and the
-- incident consumer never waits for a webhook. The desk's AlertDispatcher delivers pending alerts (outbox) and
-- records each attempt; analysts see a banner until one of them acknowledges the alert.
-- No copy of the incident's title or text: an erasure or a retention purge of the incident reaches the alert too.
CREATE TABLE alert (
    incident_id     text        PRIMARY KEY REFERENCES incident (id) ON DELETE CASCADE,
    raised_at       timestamptz NOT NULL DEFAULT now(),
    acknowledged_at timestamptz,
    acknowledged_by text,
    delivery        text        NOT NULL DEFAULT 'pending' CHECK (delivery IN ('pending', 'delivered', 'failed')),
    attempts        int         NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT acknowledged_by_someone CHECK ((acknowledged_at IS NULL) = (acknowledged_by IS NULL))
);
CREATE INDEX alert_unacknowledged ON alert (raised_at) WHERE acknowledged_at IS NULL;
CREATE INDEX alert_due ON alert (next_attempt_at) WHERE delivery = 'pending';

CREATE TABLE alert_delivery (
    id           bigserial   PRIMARY KEY,
    incident_id  text        NOT NULL REFERENCES alert (incident_id) ON DELETE CASCADE,
    attempt      int         NOT NULL CHECK (attempt >= 1),
    attempted_at timestamptz NOT NULL DEFAULT now(),
    status_code  int,
    error        text,
    delivered    boolean     NOT NULL
);
CREATE INDEX alert_delivery_by_incident ON alert_delivery (incident_id, attempt);

CREATE FUNCTION raise_threat_to_life_alert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.tier = 'threat-to-life' THEN
        INSERT INTO alert (incident_id) VALUES (NEW.id) ON CONFLICT (incident_id) DO NOTHING;
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER incident_raises_threat_to_life_alert
    AFTER INSERT OR UPDATE OF tier ON incident
    FOR EACH ROW EXECUTE FUNCTION raise_threat_to_life_alert();
