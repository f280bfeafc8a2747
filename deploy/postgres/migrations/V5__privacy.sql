-- Data protection (docs/privacy.md): the retention purge may delete audit events older than their period, and an
-- erasure may rewrite events that name the erased person. Both only when the transaction says so, with
-- SET LOCAL varsel.audit_change = 'retention' | 'erasure' (a guard against accidents, not against the database owner).
CREATE OR REPLACE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('varsel.audit_change', true) = 'retention' THEN
        RETURN OLD;
    END IF;
    IF TG_OP = 'UPDATE' AND current_setting('varsel.audit_change', true) = 'erasure' THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'audit_event is append-only';
END $$;

-- the purge finds old rows by these
CREATE INDEX signal_receipt_received ON signal_receipt (received_at);
CREATE INDEX signal_dead_letter_stored ON signal_dead_letter (stored_at);
CREATE INDEX rejected_message_received ON rejected_message (received_at);
-- evidence signals by id (the purge keeps receipts of signals that a kept incident shows; erasure finds a signal)
CREATE INDEX incident_evidence_signals ON incident USING gin ((payload -> 'evidence' -> 'signals') jsonb_path_ops);
