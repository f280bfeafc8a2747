/**
 * The functional test suite (data/functional/): hand-written English and Danish cases, one small set per
 * functionality (threats, dehumanisation, slurs, obfuscation, ... and the non-hateful contrasts), run through the
 * pipeline's real flagging path ({@link org.varsel.pipeline.functional.FlaggingPath}) and scored per functionality,
 * language and split ({@link org.varsel.pipeline.functional.SuiteEvaluation}) against floors kept as data
 * ({@link org.varsel.pipeline.functional.SuiteFloors}). Free of Flink, so the CLI and the build gate share it.
 */
package org.varsel.pipeline.functional;
