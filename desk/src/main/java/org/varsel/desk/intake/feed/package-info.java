/**
 * Public feeds: RSS/Atom polling and drop folders of JSONL/CSV files, configured in one YAML file, each sending as
 * {@code feed:<name>}; the intake receipts make a restart send nothing twice.
 */
package org.varsel.desk.intake.feed;
