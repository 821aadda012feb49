package org.corridor.tally;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.corridor.observation.ObservationType;
import org.corridor.operation.Operation;

/**
 * The facts a {@link LiveTallies} holds, captured at one moment, in a compact binary form that a restart reads back
 * in a fraction of the time a replay of the ledger takes. It is a cache: whoever keeps it must check that it still
 * matches the ledger (the service records the sequence number and id of the last observation it covers).
 *
 * <p>Format (big-endian; texts as their UTF-8 length and bytes): the magic text, a version, the count of distinct
 * strings and each string; the count of facts and for each its id, {@code at} in nanoseconds, type, convoy, movement, site,
 * monitor, people, {@code to} (string indexes, -1 for none) and {@code refersTo} (a flag, then the id).
 */
public final class TallySnapshot {
    private static final String MAGIC = "corridor-tally-snapshot";
    private static final int VERSION = 1;
    private static final ObservationType[] TYPES = ObservationType.values();
    /** The fewest bytes one fact takes: id, at, type, four string indexes, people, to, the refersTo flag. */
    private static final int FACT_BYTES_AT_LEAST = 16 + 8 + 1 + 16 + 8 + 4 + 1;

    private final List<Fact> facts;

    TallySnapshot(List<Fact> facts) {
        this.facts = List.copyOf(facts);
    }

    /** How many observations it holds. */
    public int size() {
        return facts.size();
    }

    public void writeTo(DataOutputStream out) throws IOException {
        Map<String, Integer> strings = new HashMap<>();
        List<String> table = new ArrayList<>();
        for (Fact fact : facts) {
            for (String text : new String[] {fact.convoy(), fact.movement(), fact.site(), fact.monitor(), fact.to()}) {
                if (text != null && !strings.containsKey(text)) {
                    strings.put(text, table.size());
                    table.add(text);
                }
            }
        }
        writeText(out, MAGIC);
        out.writeInt(VERSION);
        out.writeInt(table.size());
        for (String text : table) {
            writeText(out, text);
        }
        out.writeInt(facts.size());
        for (Fact fact : facts) {
            out.writeLong(fact.id().getMostSignificantBits());
            out.writeLong(fact.id().getLeastSignificantBits());
            out.writeLong(fact.at());
            out.writeByte(fact.type().ordinal());
            out.writeInt(index(strings, fact.convoy()));
            out.writeInt(index(strings, fact.movement()));
            out.writeInt(index(strings, fact.site()));
            out.writeInt(index(strings, fact.monitor()));
            out.writeLong(fact.people());
            out.writeInt(index(strings, fact.to()));
            out.writeBoolean(fact.refersTo() != null);
            if (fact.refersTo() != null) {
                out.writeLong(fact.refersTo().getMostSignificantBits());
                out.writeLong(fact.refersTo().getLeastSignificantBits());
            }
        }
    }

    /** Writes text as its UTF-8 length and bytes, a form a {@link ByteBuffer} reads back directly. */
    public static void writeText(DataOutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    /** Reads text written by {@link #writeText}. */
    public static String readText(ByteBuffer in) throws IOException {
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
            throw new IOException("a text of " + length + " bytes does not fit in what is left of the snapshot");
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /**
     * Reads a snapshot written by {@link #writeTo}, from the buffer's position, into live tallies of
     * {@code operation}. The whole file is read into memory first: decoding from a buffer is several times faster
     * than from a stream, and a restart waits on it.
     *
     * @throws IOException when the data is not a snapshot of this version or is cut short
     */
    public static LiveTallies readInto(Operation operation, ByteBuffer in) throws IOException {
        try {
            return read(operation, in);
        } catch (BufferUnderflowException e) {
            throw new IOException("the tally snapshot is cut short", e);
        }
    }

    private static LiveTallies read(Operation operation, ByteBuffer in) throws IOException {
        if (!MAGIC.equals(readText(in)) || in.getInt() != VERSION) {
            throw new IOException("not a tally snapshot of version " + VERSION);
        }
        int ids = in.getInt();
        if (ids < 0 || ids > in.remaining() / Integer.BYTES) {
            throw new IOException("the tally snapshot claims " + ids + " ids but is too short for them");
        }
        String[] table = new String[ids];
        for (int i = 0; i < table.length; i++) {
            table[i] = readText(in);
        }
        int count = in.getInt();
        if (count < 0 || count > in.remaining() / FACT_BYTES_AT_LEAST) {
            throw new IOException("the tally snapshot claims " + count + " facts but is too short for them");
        }
        List<Fact> facts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            UUID id = new UUID(in.getLong(), in.getLong());
            long at = in.getLong();
            int type = Byte.toUnsignedInt(in.get());
            if (type >= TYPES.length) {
                throw new IOException("unknown observation type " + type + " in a tally snapshot");
            }
            String convoy = text(table, in.getInt());
            String movement = text(table, in.getInt());
            String site = text(table, in.getInt());
            String monitor = text(table, in.getInt());
            long people = in.getLong();
            String to = text(table, in.getInt());
            UUID refersTo = in.get() != 0 ? new UUID(in.getLong(), in.getLong()) : null;
            facts.add(new Fact(id, at, TYPES[type], convoy, movement, site, monitor, people, to, refersTo));
        }
        return LiveTallies.of(operation, facts, java.util.Arrays.asList(table));
    }

    private static int index(Map<String, Integer> strings, String text) {
        return text == null ? -1 : strings.get(text);
    }

    private static String text(String[] table, int index) throws IOException {
        if (index == -1) {
            return null;
        }
        if (index < 0 || index >= table.length) {
            throw new IOException("string index " + index + " out of range in a tally snapshot");
        }
        return table[index];
    }
}
