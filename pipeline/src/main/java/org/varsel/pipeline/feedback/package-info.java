/**
 * Closing the loop: what the pipeline learns from analysts' verdicts on {@code varsel.feedback}. Per rule, the latest
 * verdict per incident gives confirmed and dismissed counts, a Wilson interval of precision and, below a floor with
 * enough verdicts, a proposal to put the rule in shadow mode ({@link org.varsel.pipeline.feedback.RulePrecisionPolicy});
 * the content of dismissed incidents suppresses near-duplicates for a while
 * ({@link org.varsel.pipeline.feedback.DismissedContent}). No Flink here: the operators are in
 * {@code org.varsel.pipeline.incident}. See docs/rules.md, "Feedback from the desk".
 */
package org.varsel.pipeline.feedback;
