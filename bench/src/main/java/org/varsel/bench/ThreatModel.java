package org.varsel.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import org.varsel.pipeline.classify.HarmClassifier;
import org.varsel.pipeline.classify.ModelTrainer;
import org.varsel.pipeline.nlp.TextNormaliser;

/** A binary threat model ({@link ModelTrainer#trainThreatModel}) read from a file: its P(threat) for a text. */
final class ThreatModel {
    private final String name;
    private final String version;
    private final DocumentCategorizerME categorizer;
    private final int threat;

    ThreatModel(String name, DoccatModel model) {
        this.name = name;
        this.version = model.getManifestProperty(HarmClassifier.VERSION_PROPERTY);
        this.categorizer = new DocumentCategorizerME(model);
        this.threat = categorizer.getIndex(ModelTrainer.THREAT_MODEL_THREAT);
        if (threat < 0 || categorizer.getIndex(ModelTrainer.THREAT_MODEL_OTHER) < 0) {
            throw new IllegalArgumentException(name + " is no threat model: it has no outcomes "
                    + ModelTrainer.THREAT_MODEL_THREAT + " and " + ModelTrainer.THREAT_MODEL_OTHER);
        }
    }

    /** {@code name=FILE}. */
    static ThreatModel read(String nameAndFile) throws IOException {
        int at = nameAndFile.indexOf('=');
        if (at <= 0) {
            throw new IllegalArgumentException("a threat model is NAME=FILE: " + nameAndFile);
        }
        try (InputStream in = Files.newInputStream(Path.of(nameAndFile.substring(at + 1)))) {
            return new ThreatModel(nameAndFile.substring(0, at), new DoccatModel(in));
        }
    }

    String name() {
        return name;
    }

    String version() {
        return version;
    }

    /** P(threat) of the normalised text; a text without tokens is no threat. */
    double threat(String text) {
        String[] tokens = TextNormaliser.tokens(text);
        return tokens.length == 0 ? 0.0 : categorizer.categorize(tokens)[threat];
    }
}
