package org.varsel.pipeline.classify;

import java.util.Map;
import opennlp.tools.doccat.DoccatModel;

/** A freshly trained categoriser, its version and how many posts of each source and category it saw. */
public record TrainedModel(DoccatModel model, String version, Map<String, Map<Category, Integer>> trainingCounts) {}
