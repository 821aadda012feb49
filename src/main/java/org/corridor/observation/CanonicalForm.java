package org.corridor.observation;

import com.fasterxml.jackson.databind.JsonNode;
import org.corridor.integrity.CanonicalizationException;
import org.corridor.integrity.Jcs;

/**
 * An observation's JSON as sent and its RFC 8785 form, worked out once and only when asked for: the form with the
 * signature is what is stored and logged, and the same text without its {@code signature} member is what the monitor
 * signed. Used by one thread at a time.
 */
public final class CanonicalForm {
    private final JsonNode tree;
    private Jcs.Marked canonical;

    private CanonicalForm(JsonNode tree) {
        this.tree = tree;
    }

    public static CanonicalForm of(JsonNode tree) {
        return new CanonicalForm(tree);
    }

    /** The observation as sent. */
    public JsonNode tree() {
        return tree;
    }

    /**
     * The canonical text, as stored.
     *
     * @throws CanonicalizationException when the observation has none (a string holding a lone surrogate)
     */
    public String text() {
        return marked().text();
    }

    /**
     * The bytes its monitor signs: the canonical form without the {@code signature} member.
     *
     * @throws CanonicalizationException when the observation has none
     */
    public byte[] unsigned() {
        return marked().without();
    }

    private Jcs.Marked marked() {
        if (canonical == null) {
            canonical = Jcs.canonicalMarking(tree, Signatures.FIELD);
        }
        return canonical;
    }
}
