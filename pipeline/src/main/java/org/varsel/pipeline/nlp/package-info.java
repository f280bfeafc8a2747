/** Language identification, text normalisation and segmentation, Flink-free. */
package org.varsel.pipeline.nlp;
