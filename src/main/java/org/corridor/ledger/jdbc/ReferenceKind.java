package org.corridor.ledger.jdbc;

import java.util.Set;
import java.util.function.Function;
import org.corridor.ledger.References;

/** The kinds of defined ids an observation can use, as stored in {@code observation_ref.kind}. */
enum ReferenceKind {
    SITE("site", "sites", References::sites),
    MOVEMENT("movement", "movements", References::movements),
    MONITOR("monitor", "monitors", References::monitors),
    PARTY("party", "parties", References::parties);

    private final String stored;
    private final String field;
    private final Function<References, Set<String>> ids;

    ReferenceKind(String stored, String field, Function<References, Set<String>> ids) {
        this.stored = stored;
        this.field = field;
        this.ids = ids;
    }

    /** The value of the {@code kind} column, and the word for one such id in messages. */
    String stored() {
        return stored;
    }

    /** The operation file's field that defines ids of this kind. */
    String field() {
        return field;
    }

    Set<String> idsIn(References references) {
        return ids.apply(references);
    }

    static ReferenceKind fromStored(String stored) {
        for (ReferenceKind kind : values()) {
            if (kind.stored.equals(stored)) {
                return kind;
            }
        }
        throw new IllegalStateException("unknown reference kind '" + stored + "' in observation_ref");
    }
}
