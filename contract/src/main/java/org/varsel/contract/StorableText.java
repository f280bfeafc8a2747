package org.varsel.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.Map;

/** Text as every store can keep it: NUL and unpaired surrogates replaced by U+FFFD (the replacement character). */
public final class StorableText {
    private StorableText() {}

    /**
     * The tree with NUL and unpaired surrogates (legal in JSON escapes) replaced by U+FFFD in every string and field
     * name: PostgreSQL's jsonb and UTF-8 encoders refuse them, and one such character must not stall the desk.
     */
    public static JsonNode clean(JsonNode node) {
        if (node.isTextual()) {
            String value = node.textValue();
            return needsCleaning(value) ? TextNode.valueOf(clean(value)) : node;
        }
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            ObjectNode copy = null;
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                JsonNode value = clean(field.getValue());
                if (value != field.getValue() || needsCleaning(field.getKey())) {
                    copy = copy == null ? object.deepCopy() : copy;
                    copy.remove(field.getKey());
                    copy.set(clean(field.getKey()), value);
                }
            }
            return copy == null ? object : copy;
        }
        if (node.isArray()) {
            ArrayNode array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                JsonNode value = clean(array.get(i));
                if (value != array.get(i)) {
                    array.set(i, value);
                }
            }
        }
        return node;
    }

    static boolean needsCleaning(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == 0 || Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** The text with NUL and unpaired surrogates replaced by U+FFFD; the same string when there are none. */
    public static String clean(String value) {
        if (value == null || !needsCleaning(value)) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)
                    && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                out.append(c).append(value.charAt(++i));
            } else if (c == 0 || Character.isSurrogate(c)) {
                out.append('\uFFFD');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
