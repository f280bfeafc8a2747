package org.varsel.desk.http;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/** The desk's HTML templates (classpath {@code web/templates}); Pebble escapes every value for HTML by default. */
public final class Views {
    private final PebbleEngine engine;

    public Views() {
        ClasspathLoader loader = new ClasspathLoader(Views.class.getClassLoader());
        loader.setPrefix("web/templates");
        loader.setSuffix(".peb");
        this.engine = new PebbleEngine.Builder()
                .loader(loader)
                .autoEscaping(true)
                .defaultEscapingStrategy("html")
                .strictVariables(false)
                .newLineTrimming(false)
                .extension(new WebLinks())
                .build();
    }

    public String render(String template, Map<String, Object> model) {
        PebbleTemplate compiled = engine.getTemplate(template);
        StringWriter out = new StringWriter();
        try {
            compiled.evaluate(out, model);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
