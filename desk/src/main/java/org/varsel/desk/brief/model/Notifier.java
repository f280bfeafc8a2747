package org.varsel.desk.brief.model;

/** Who sends the notices (DSA Art. 16(2)(c)), as the brief settings name them. */
public record Notifier(String name, String email, String organisation) {}
