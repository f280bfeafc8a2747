package org.varsel.contract;

/** Who posted the content, as the sender saw it. Absent parts are null. */
public record Author(String handle, String id, String displayName) {}
