package org.corridor.observation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.corridor.core.Problems;
import org.corridor.integrity.CanonicalizationException;
import org.corridor.integrity.Ed25519;
import org.corridor.integrity.Jcs;
import org.corridor.operation.Monitor;
import org.corridor.operation.Operation;

/**
 * Monitors' signatures on observations (CONTRACT §6): the Ed25519 signature, in base64, of the UTF-8 bytes of the
 * observation's RFC 8785 canonical form without its {@code signature} field.
 */
public final class Signatures {
    public static final String FIELD = "signature";

    /** Enough for every monitor of every operation a server holds; emptied when full rather than grown. */
    private static final int MAX_CACHED_KEYS = 10_000;

    private static final Map<String, Ed25519.PublicKey> KEYS = new ConcurrentHashMap<>();

    private Signatures() {}

    /** The bytes a monitor signs: the canonical form of {@code observation} without its signature. */
    public static byte[] message(JsonNode observation) {
        return observation.isObject()
                ? CanonicalForm.of(observation).unsigned()
                : Jcs.canonicalize(JsonNodeFactory.instance.objectNode());
    }

    /** A copy of {@code observation} carrying {@code key}'s signature in place of any it had. */
    public static ObjectNode sign(JsonNode observation, Ed25519.KeyPair key) {
        ObjectNode signed = JsonNodeFactory.instance.objectNode();
        signed.setAll((ObjectNode) observation);
        signed.put(FIELD, Base64.getEncoder().encodeToString(key.sign(message(observation))));
        return signed;
    }

    /**
     * Checks the signature rules of an observation as it arrives: a monitor with a key must sign; an operation that
     * requires signatures refuses unsigned observations; a signature is checked against the monitor's key, so one
     * from a monitor without a key cannot be accepted. Each refusal names the {@code signature} field and says what
     * to do. The cryptographic check runs only when {@code problems} is still empty: a signature on an observation
     * that is refused anyway is not worth verifying.
     *
     * @param form the observation as sent
     * @param header its header as read; nothing is checked when its monitor is missing or unknown
     */
    static void check(CanonicalForm form, Header header, Operation operation, Problems problems) {
        JsonNode tree = form.tree();
        Monitor monitor = header.monitor() == null
                ? null
                : operation.monitor(header.monitor()).orElse(null);
        if (monitor == null || (header.signature() == null && tree.hasNonNull(FIELD))) {
            return; // an unknown monitor, or a signature that is not a string, is reported by the reader already
        }
        String signature = header.signature();
        if (signature == null) {
            checkUnsigned(monitor, operation, problems);
        } else if (monitor.publicKey() == null) {
            problems.add(
                    FIELD,
                    "monitor '" + monitor.id() + "' has no publicKey in operation '" + operation.id()
                            + "', so its signature cannot be checked: add the monitor's publicKey to the operation, "
                            + "or send the observation without a signature");
        } else {
            checkSigned(form, signature, monitor, problems);
        }
    }

    private static void checkUnsigned(Monitor monitor, Operation operation, Problems problems) {
        if (monitor.publicKey() != null) {
            problems.add(
                    FIELD,
                    "is required: monitor '" + monitor.id() + "' has a publicKey, so its observations must be signed "
                            + "with its private key (corridor sign --key FILE)");
        } else if (operation.requireSignatures()) {
            problems.add(
                    FIELD,
                    "is required: operation '" + operation.id() + "' requires signatures; give monitor '" + monitor.id()
                            + "' a publicKey and sign with its private key (corridor sign --key FILE)");
        }
    }

    private static void checkSigned(CanonicalForm form, String signature, Monitor monitor, Problems problems) {
        byte[] bytes = decode(signature);
        if (bytes == null) {
            problems.add(
                    FIELD,
                    "must be the base64 of a 64-byte Ed25519 signature over the observation's canonical form "
                            + "without this field, as corridor sign makes it");
        } else if (problems.isEmpty()) {
            verify(form, bytes, monitor, problems);
        }
    }

    private static void verify(CanonicalForm form, byte[] signature, Monitor monitor, Problems problems) {
        byte[] message;
        try {
            message = form.unsigned();
        } catch (CanonicalizationException e) {
            problems.add("", "the observation has no canonical JSON form: " + e.getMessage());
            return;
        }
        if (!key(monitor.publicKey()).verify(message, signature)) {
            problems.add(
                    FIELD,
                    "does not verify with the publicKey of monitor '" + monitor.id() + "': sign the observation "
                            + "exactly as sent, in RFC 8785 canonical form without its signature field, with that "
                            + "monitor's private key");
        }
    }

    private static byte[] decode(String signature) {
        try {
            byte[] bytes = Base64.getDecoder().decode(signature);
            return bytes.length == Ed25519.SIGNATURE_LENGTH ? bytes : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The decoded key; each distinct key's point is decoded and checked once, not on every signature. */
    static Ed25519.PublicKey key(String base64) {
        Ed25519.PublicKey key = KEYS.get(base64);
        if (key == null) {
            if (KEYS.size() >= MAX_CACHED_KEYS) {
                KEYS.clear();
            }
            key = Ed25519.PublicKey.ofBase64(base64);
            KEYS.put(base64, key);
        }
        return key;
    }
}
