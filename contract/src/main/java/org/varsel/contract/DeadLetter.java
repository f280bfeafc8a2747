package org.varsel.contract;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * A record that could not be accepted, kept whole (schema dead-letter.v1). Where it came from is null when unknown.
 *
 * @param original the record's bytes exactly as received
 */
public record DeadLetter(
        String reason, String source, String topic, Integer partition, Long offset, Instant failedAt, byte[] original) {

    /** The dead letter as dead-letter.v1 JSON bytes. */
    public byte[] toJsonBytes() {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("reason", reason);
        node.put("source", source);
        node.put("topic", topic);
        node.put("partition", partition);
        node.put("offset", offset);
        node.put("failed_at", failedAt.toString());
        byte[] bytes = original == null ? new byte[0] : original;
        node.put("original_base64", Base64.getEncoder().encodeToString(bytes));
        try {
            node.put(
                    "original_text",
                    StandardCharsets.UTF_8
                            .newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .decode(ByteBuffer.wrap(bytes))
                            .toString());
        } catch (CharacterCodingException notText) {
            // original_base64 alone carries it
        }
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }
}
