package org.varsel.desk.intake.stix;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.varsel.contract.Json;

/** Golden cases: a STIX object's TLP fails closed; what cannot be read is refused with why, never made GREEN. */
class StixMarkingsTest {
    private static final String RED = "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1";
    private static final String GREEN = "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb";
    private static final String AMBER_STRICT = "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003";
    private static final String OWN = "marking-definition--11111111-2222-4333-8444-555555555555";
    private static final String TLP2_EXTENSION = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d";

    @Test
    void anUnresolvedMarkingRefIsRefusedNotGreen() {
        assertThat(skipReason(note("\"object_marking_refs\": [\"" + OWN + "\"]")))
                .isEqualTo("object_marking_refs: " + OWN
                        + " is neither a standard TLP marking nor a marking-definition in the"
                        + " bundle; include its marking-definition object");
    }

    @Test
    void aTlp2ExtensionMarkingCountsByItsLevel() {
        String marking = """
        {"type": "marking-definition", "spec_version": "2.1", "id": "%s", "created": "2022-10-01T00:00:00Z",
         "extensions": {"%s": {"extension_type": "property-extension", "tlp_2_0": "red"}}}""".formatted(OWN, TLP2_EXTENSION);
        assertThat(tlp(note("\"object_marking_refs\": [\"" + OWN + "\"]"), marking))
                .isEqualTo("RED");
        String strict = marking.replace("\"red\"", "\"amber+strict\"");
        assertThat(tlp(note("\"object_marking_refs\": [\"" + OWN + "\"]"), strict))
                .isEqualTo("AMBER+STRICT");
    }

    @Test
    void aNameAndAnExtensionThatDisagreeGiveTheMostRestrictive() {
        String marking = """
        {"type": "marking-definition", "id": "%s", "name": "TLP:GREEN",
         "extensions": {"%s": {"extension_type": "property-extension", "tlp_2_0": "red"}}}""".formatted(OWN, TLP2_EXTENSION);
        assertThat(tlp(note("\"object_marking_refs\": [\"" + OWN + "\"]"), marking))
                .isEqualTo("RED");
    }

    @Test
    void markingIdsAreCaseInsensitive() {
        assertThat(tlp(note("\"object_marking_refs\": [\"" + RED.toUpperCase() + "\"]")))
                .isEqualTo("RED");
        String marking = """
        {"type": "marking-definition", "id": "%s", "name": "TLP:AMBER+STRICT"}""".formatted(OWN.toUpperCase());
        assertThat(tlp(note("\"object_marking_refs\": [\"" + OWN + "\"]"), marking))
                .isEqualTo("AMBER+STRICT");
    }

    @Test
    void objectMarkingRefsAsAStringIsRefused() {
        assertThat(skipReason(note("\"object_marking_refs\": \"" + RED + "\"")))
                .isEqualTo("object_marking_refs: must be a list of marking-definition ids, not string");
    }

    @Test
    void objectMarkingRefsAsObjectsIsRefused() {
        assertThat(skipReason(note("\"object_marking_refs\": [{\"id\": \"" + RED + "\"}]")))
                .isEqualTo("object_marking_refs: a marking reference is a marking-definition id string, not object");
        assertThat(skipReason(note("\"object_marking_refs\": {\"id\": \"" + RED + "\"}")))
                .isEqualTo("object_marking_refs: must be a list of marking-definition ids, not object");
    }

    @Test
    void theMostRestrictiveGranularMarkingWins() {
        assertThat(tlp(note("\"object_marking_refs\": [\"" + GREEN + "\"], \"granular_markings\": ["
                        + "{\"marking_ref\": \"" + AMBER_STRICT + "\", \"selectors\": [\"abstract\"]},"
                        + "{\"marking_ref\": \"" + RED + "\", \"selectors\": [\"content\"]},"
                        + "{\"lang\": \"en\", \"selectors\": [\"content\"]}]")))
                .isEqualTo("RED");
        assertThat(tlp(note("\"granular_markings\": [{\"marking_ref\": \"" + AMBER_STRICT
                        + "\", \"selectors\": [\"content\"]}]")))
                .isEqualTo("AMBER+STRICT");
    }

    @Test
    void anUnresolvedGranularMarkingIsRefused() {
        assertThat(skipReason(note(
                        "\"granular_markings\": [{\"marking_ref\": \"" + OWN + "\", \"selectors\": [\"content\"]}]")))
                .contains(OWN + " is neither a standard TLP marking");
    }

    @Test
    void aStatementMarkingIsNoTlpAndAnUnknownTlpLevelIsRefused() {
        String statement = """
        {"type": "marking-definition", "id": "%s", "definition_type": "statement",
         "definition": {"statement": "Copyright NGO"}}""".formatted(OWN);
        assertThat(tlp(note("\"object_marking_refs\": [\"" + OWN + "\"]"), statement))
                .isEqualTo("GREEN");
        String purple = """
        {"type": "marking-definition", "id": "%s", "name": "TLP:PURPLE"}""".formatted(OWN);
        assertThat(skipReason(note("\"object_marking_refs\": [\"" + OWN + "\"]"), purple))
                .isEqualTo("object_marking_refs: " + OWN + " is a TLP marking of an unknown level");
    }

    private static String note(String markings) {
        return """
        {"type": "note", "spec_version": "2.1", "id": "note--6b4b0a3e-6d7a-4d7e-9a71-2f6f0c1f0e11",
         "created": "2026-11-01T10:00:00Z", "content": "they are vermin", %s}""".formatted(markings);
    }

    private static StixMapper.Mapping map(String object, String... context) {
        String bundle = "{\"type\": \"bundle\", \"id\": \"bundle--1\", \"objects\": [" + String.join(",", context)
                + (context.length == 0 ? "" : ",") + object + "]}";
        try {
            return StixMapper.map(Json.mapper().readTree(bundle));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String tlp(String object, String... context) {
        StixMapper.Mapping mapping = map(object, context);
        assertThat(mapping.candidates()).as("skipped: %s", mapping.skipped()).hasSize(1);
        try {
            JsonNode signal = Json.mapper().readTree(mapping.candidates().get(0).body());
            return signal.get("tlp").asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String skipReason(String object, String... context) {
        StixMapper.Mapping mapping = map(object, context);
        assertThat(mapping.candidates()).isEmpty();
        return mapping.skipped().stream()
                .filter(s -> s.type().equals("note"))
                .findFirst()
                .orElseThrow()
                .reason();
    }
}
