package org.varsel.pipeline.nlp;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Loads immutable OpenNLP models from the classpath once per JVM, by their {@code .bin} resource name. */
public final class ModelResources {

    /** OpenNLP's 103-language detector (opennlp-models-langdetect 1.3.0). */
    public static final String LANGUAGE_DETECTOR = "/langdetect-183.bin";

    /** Reads a model from a stream; the models' constructors throw IOException. */
    @FunctionalInterface
    public interface ModelReader<T> {
        T read(InputStream in) throws IOException;
    }

    // Model jars all carry a model.properties at the root, so only the .bin name is unambiguous.
    private static final Map<String, Object> LOADED = new ConcurrentHashMap<>();

    private ModelResources() {}

    /** The model at {@code resource}, read once and shared: OpenNLP models are immutable and thread-safe. */
    @SuppressWarnings("unchecked")
    public static <T> T load(String resource, ModelReader<T> reader) {
        return (T) LOADED.computeIfAbsent(resource, name -> read(name, reader));
    }

    private static <T> T read(String resource, ModelReader<T> reader) {
        InputStream raw = ModelResources.class.getResourceAsStream(resource);
        if (raw == null) {
            throw new IllegalStateException("model " + resource + " is not on the classpath");
        }
        try (InputStream in = new BufferedInputStream(raw)) {
            return reader.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read model " + resource, e);
        }
    }
}
