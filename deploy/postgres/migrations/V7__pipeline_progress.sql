-- What the desk needs to tell "analysed" from "received" and to show the pipeline's progress (docs/operations.md,
-- Pipeline status): where intake's record of each signal landed on varsel.signals.raw, the pipeline's committed
-- offsets there as the desk last read them, and when the desk last stored an incident update.

-- null for receipts acknowledged before this migration: their status stays what it was
ALTER TABLE signal_receipt ADD COLUMN kafka_partition int, ADD COLUMN kafka_offset bigint;
CREATE INDEX signal_receipt_by_offset ON signal_receipt (kafka_partition, kafka_offset);

-- the pipeline consumer group's committed offset per partition of the raw topic: every record before it went
-- through the job and its incidents (if any) were committed in the same checkpoint
CREATE TABLE pipeline_progress (
    kafka_partition  int         PRIMARY KEY,
    committed_offset bigint      NOT NULL,
    checked_at       timestamptz NOT NULL
);

ALTER TABLE incident ADD COLUMN stored_at timestamptz NOT NULL DEFAULT now();
