package org.corridor.tally;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
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
 * <p>Format (big-endian, {@link DataOutputStream}): the magic text, a version, the count of distinct strings and
 * each string; the count of facts and for each its id, {@code at} in nanoseconds, type, convoy, movement, site,
 * monitor, people, {@code to} (string indexes, -1 for none) and {@code refersTo} (a flag, then the id).
 */
public final class TallySnapshot {
    private static final String MAGIC = "corridor-tally-snapshot";
    private static final int VERSION = 1;
    private static final ObservationType[] TYPES = ObservationType.values();

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
        out.writeUTF(MAGIC);
        out.writeInt(VERSION);
        out.writeInt(table.size());
        for (String text : table) {
            out.writeUTF(text);
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

    /**
     * Reads a snapshot written by {@link #writeTo} into live tallies of {@code operation}.
     *
     * @throws IOException when the data is not a snapshot of this version or is cut short
     */
    public static LiveTallies readInto(Operation operation, DataInputStream in) throws IOException {
        if (!MAGIC.equals(in.readUTF()) || in.readInt() != VERSION) {
            throw new IOException("not a tally snapshot of version " + VERSION);
        }
        String[] table = new String[in.readInt()];
        for (int i = 0; i < table.length; i++) {
            table[i] = in.readUTF();
        }
        int count = in.readInt();
        List<Fact> facts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            UUID id = new UUID(in.readLong(), in.readLong());
            long at = in.readLong();
            int type = in.readUnsignedByte();
            if (type >= TYPES.length) {
                throw new IOException("unknown observation type " + type + " in a tally snapshot");
            }
            String convoy = text(table, in.readInt());
            String movement = text(table, in.readInt());
            String site = text(table, in.readInt());
            String monitor = text(table, in.readInt());
            long people = in.readLong();
            String to = text(table, in.readInt());
            UUID refersTo = in.readBoolean() ? new UUID(in.readLong(), in.readLong()) : null;
            facts.add(new Fact(id, at, TYPES[type], convoy, movement, site, monitor, people, to, refersTo));
        }
        return LiveTallies.of(operation, facts);
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
