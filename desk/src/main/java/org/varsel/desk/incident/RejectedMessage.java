package org.varsel.desk.incident;

/** A record the desk could not take, kept whole with the reason; key and original are null when absent. */
public record RejectedMessage(String topic, int partition, long offset, String reason, byte[] key, byte[] original) {}
