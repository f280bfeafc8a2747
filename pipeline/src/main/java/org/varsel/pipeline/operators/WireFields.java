package org.varsel.pipeline.operators;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Field values as a hand-written serializer writes them between operators: strings as one block of UTF-8 bytes (Flink's
 * {@code StringSerializer} writes a string a byte at a time, the hottest leaf of the profile), lists, maps, instants and
 * enums, every one of them nullable.
 */
final class WireFields {
    private static final int NULL = -1;
    /** A string with an unpaired surrogate (text capped inside an emoji): UTF-8 cannot carry it, so it goes as chars. */
    private static final int CHARS = -2;
    /** Lengths and sizes go as unsigned variable-length ints, shifted so that the markers above are 0 and 1. */
    private static final int SHIFT = 2;

    private WireFields() {}

    /** Writes one value. */
    interface Writer<T> {
        void write(T value, DataOutputView out) throws IOException;
    }

    /** Reads one value. */
    interface Reader<T> {
        T read(DataInputView in) throws IOException;
    }

    static void writeString(String value, DataOutputView out) throws IOException {
        if (value == null) {
            writeSize(NULL, out);
        } else if (hasUnpairedSurrogate(value)) {
            writeSize(CHARS, out);
            writeSize(value.length(), out);
            out.writeChars(value);
        } else {
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            writeSize(utf8.length, out);
            out.write(utf8);
        }
    }

    static String readString(DataInputView in) throws IOException {
        int length = readSize(in);
        if (length == NULL) {
            return null;
        }
        if (length == CHARS) {
            char[] chars = new char[readSize(in)];
            for (int i = 0; i < chars.length; i++) {
                chars[i] = in.readChar();
            }
            return new String(chars);
        }
        byte[] utf8 = new byte[length];
        in.readFully(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }

    /** A length, a size or one of the markers, in one byte below 126. */
    private static void writeSize(int size, DataOutputView out) throws IOException {
        int shifted = size + SHIFT;
        while ((shifted & ~0x7F) != 0) {
            out.writeByte((shifted & 0x7F) | 0x80);
            shifted >>>= 7;
        }
        out.writeByte(shifted);
    }

    private static int readSize(DataInputView in) throws IOException {
        int shifted = 0;
        for (int shift = 0; ; shift += 7) {
            int b = in.readUnsignedByte();
            shifted |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return shifted - SHIFT;
            }
        }
    }

    private static boolean hasUnpairedSurrogate(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)
                    && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    static void writeInstant(Instant value, DataOutputView out) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeLong(value.getEpochSecond());
            out.writeInt(value.getNano());
        }
    }

    static Instant readInstant(DataInputView in) throws IOException {
        return in.readBoolean() ? Instant.ofEpochSecond(in.readLong(), in.readInt()) : null;
    }

    static void writeEnum(Enum<?> value, DataOutputView out) throws IOException {
        out.writeByte(value == null ? NULL : value.ordinal());
    }

    /** Ordinals are safe here: nothing written by these serializers outlives the job (it is never in state, and checkpoints are aligned, so no record in flight is stored). */
    static <E extends Enum<E>> E readEnum(E[] values, DataInputView in) throws IOException {
        int ordinal = in.readByte();
        return ordinal == NULL ? null : values[ordinal];
    }

    /** Writes a value that may be null (a nested record) with a presence flag before it. */
    static <T> void writeNullable(T value, Writer<T> writer, DataOutputView out) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            writer.write(value, out);
        }
    }

    static <T> T readNullable(Reader<T> reader, DataInputView in) throws IOException {
        return in.readBoolean() ? reader.read(in) : null;
    }

    static void writeInteger(Integer value, DataOutputView out) throws IOException {
        writeNullable(value, (v, o) -> o.writeInt(v), out);
    }

    static Integer readInteger(DataInputView in) throws IOException {
        return readNullable(DataInputView::readInt, in);
    }

    static void writeDouble(Double value, DataOutputView out) throws IOException {
        writeNullable(value, (v, o) -> o.writeDouble(v), out);
    }

    static Double readDouble(DataInputView in) throws IOException {
        return readNullable(DataInputView::readDouble, in);
    }

    static <T> void writeList(List<T> values, Writer<T> element, DataOutputView out) throws IOException {
        if (values == null) {
            writeSize(NULL, out);
            return;
        }
        writeSize(values.size(), out);
        for (T value : values) {
            element.write(value, out);
        }
    }

    static <T> List<T> readList(Reader<T> element, DataInputView in) throws IOException {
        int size = readSize(in);
        if (size == NULL) {
            return null;
        }
        List<T> values = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            values.add(element.read(in));
        }
        return values;
    }

    static void writeStrings(List<String> values, DataOutputView out) throws IOException {
        writeList(values, WireFields::writeString, out);
    }

    static List<String> readStrings(DataInputView in) throws IOException {
        return readList(WireFields::readString, in);
    }

    /** A map with string keys, in its own iteration order. */
    static <V> void writeMap(Map<String, V> values, Writer<V> value, DataOutputView out) throws IOException {
        if (values == null) {
            writeSize(NULL, out);
            return;
        }
        writeSize(values.size(), out);
        for (Map.Entry<String, V> entry : values.entrySet()) {
            writeString(entry.getKey(), out);
            value.write(entry.getValue(), out);
        }
    }

    static <V> Map<String, V> readMap(Reader<V> value, DataInputView in) throws IOException {
        int size = readSize(in);
        if (size == NULL) {
            return null;
        }
        Map<String, V> values = new LinkedHashMap<>(Math.max(4, size * 2));
        for (int i = 0; i < size; i++) {
            values.put(readString(in), value.read(in));
        }
        return values;
    }
}
