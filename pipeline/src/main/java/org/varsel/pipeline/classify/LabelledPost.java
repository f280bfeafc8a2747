package org.varsel.pipeline.classify;

/** One annotated post from a training source; {@code heldOut} posts are never trained on. */
public record LabelledPost(String source, String id, String text, Category category, boolean heldOut) {}
