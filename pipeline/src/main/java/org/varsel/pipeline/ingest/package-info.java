/** The first steps of every signal: parse and validate (bad ones become dead letters), then drop replays. */
package org.varsel.pipeline.ingest;
