package org.varsel.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The versioned JSON Schemas of the topic contracts, loaded from the classpath ({@code /schemas}). */
public enum ContractSchemas {
    SIGNAL_V1("signal.v1.json"),
    INCIDENT_V1("incident.v1.json"),
    DEAD_LETTER_V1("dead-letter.v1.json"),
    FEEDBACK_V1("feedback.v1.json"),
    RULE_PRECISION_V1("rule-precision.v1.json");

    private final String file;
    private volatile JsonSchema schema;

    ContractSchemas(String file) {
        this.file = file;
    }

    public String file() {
        return file;
    }

    /** Every violation as {@code $.path: message}, in a stable order; empty when the document is valid. */
    public List<String> violations(JsonNode document) {
        return schema().validate(document).stream()
                .map(ValidationMessage::getMessage)
                .sorted()
                .toList();
    }

    private JsonSchema schema() {
        JsonSchema loaded = schema;
        if (loaded == null) {
            synchronized (this) {
                if (schema == null) {
                    schema = load();
                }
                loaded = schema;
            }
        }
        return loaded;
    }

    private JsonSchema load() {
        SchemaValidatorsConfig config =
                SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        try (InputStream in = ContractSchemas.class.getResourceAsStream("/schemas/" + file)) {
            if (in == null) {
                throw new IllegalStateException("schema not on the classpath: /schemas/" + file);
            }
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(in, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
