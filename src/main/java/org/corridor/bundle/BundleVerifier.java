package org.corridor.bundle;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.corridor.core.CorridorException;
import org.corridor.integrity.Checkpoint;
import org.corridor.integrity.Ed25519;
import org.corridor.integrity.Frontier;
import org.corridor.integrity.Jcs;
import org.corridor.integrity.MerkleLog;
import org.corridor.integrity.ProofException;
import org.corridor.integrity.SignedNote;
import org.corridor.observation.Signatures;
import org.corridor.operation.Monitor;
import org.corridor.operation.Operation;
import org.corridor.operation.OperationReader;

/**
 * Checks a bundle offline, from its bytes and a key the checker trusts: the checkpoint's signature, every
 * observation's canonical form and signature, and the root recomputed from every line. It stops at the first
 * failure and names it; each check that passed is reported as it completes.
 *
 * <p>Lines are checked in parallel on every core, in chunks, and folded into the tree in order, so that a bundle of
 * a million observations is checked in well under a minute on two cores with memory for one chunk per core.
 */
public final class BundleVerifier {
    private static final int CHUNK = 2_048;
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final Consumer<String> report;

    /** A checker reporting each completed check, one line each, to {@code report}. */
    public BundleVerifier(Consumer<String> report) {
        this.report = report;
    }

    /** The first check that failed: where (a file, and a line and id when it is about an observation) and why. */
    public static final class Failed extends CorridorException {
        private static final long serialVersionUID = 1L;

        public Failed(String where, String why) {
            super(where + ": " + why);
        }
    }

    /**
     * Checks the bundle at {@code file}.
     *
     * @param trustedKey the server's verifier key as the checker got it by other means, or null to take the one in
     *     the bundle (which proves only that the bundle is internally consistent)
     * @throws Failed naming the first check that failed
     */
    public void verify(Path file, String trustedKey) {
        authenticCache = null;
        try (ZipFile zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8)) {
            SignedNote.Verifier key = serverKey(zip, trustedKey);
            Checkpoint checkpoint = checkpoint(zip, key);
            Operation operation = operation(zip);
            byte[] loggedHashes = optional(zip, Bundle.LEAF_HASHES);
            observations(zip, operation, checkpoint, loggedHashes);
        } catch (IOException e) {
            throw new Failed(file.toString(), "cannot be read as a zip (" + e.getMessage() + ")");
        }
    }

    private SignedNote.Verifier serverKey(ZipFile zip, String trustedKey) throws IOException {
        String inBundle = text(zip, Bundle.SERVER_KEY).strip();
        SignedNote.Verifier key;
        try {
            key = SignedNote.Verifier.parse(trustedKey == null ? inBundle : trustedKey.strip());
        } catch (IllegalArgumentException e) {
            throw new Failed(trustedKey == null ? Bundle.SERVER_KEY : "--key", e.getMessage());
        }
        if (trustedKey != null && !trustedKey.strip().equals(inBundle)) {
            report.accept(
                    "server key   " + key.text() + " (given with --key; the bundle names another: " + inBundle + ")");
        } else if (trustedKey != null) {
            report.accept("server key   " + key.text() + " (given with --key, the same as the bundle's)");
        } else {
            report.accept("server key   " + key.text() + " (taken from the bundle: pass --key with the key the"
                    + " server publishes at /api/log/key to know who signed)");
        }
        return key;
    }

    private Checkpoint checkpoint(ZipFile zip, SignedNote.Verifier key) throws IOException {
        String note = text(zip, Bundle.CHECKPOINT);
        Checkpoint checkpoint;
        try {
            checkpoint = Checkpoint.parse(key.open(note));
        } catch (ProofException e) {
            throw new Failed(Bundle.CHECKPOINT, e.getMessage());
        }
        report.accept("checkpoint   " + checkpoint.origin() + ", " + checkpoint.size() + " observations, root "
                + Base64.getEncoder().encodeToString(checkpoint.root()) + ": signature verified");
        return checkpoint;
    }

    private Operation operation(ZipFile zip) throws IOException {
        Operation operation;
        try {
            operation = OperationReader.read(JSON.readTree(text(zip, Bundle.OPERATION)));
        } catch (IOException | CorridorException e) {
            throw new Failed(Bundle.OPERATION, "not a valid operation definition: " + e.getMessage());
        }
        long keyed =
                operation.monitors().stream().filter(m -> m.publicKey() != null).count();
        report.accept(
                "operation    " + operation.id() + ": " + operation.monitors().size() + " monitors, " + keyed
                        + " with keys; signatures "
                        + (operation.requireSignatures() ? "required of all" : "required of" + " monitors with keys"));
        return operation;
    }

    /** One line's checks, made off the ordering thread: its id, signed or not, and its leaf hash. */
    private record Checked(int line, String id, boolean signed, byte[] leafHash, String failure) {}

    private void observations(ZipFile zip, Operation operation, Checkpoint checkpoint, byte[] loggedHashes)
            throws IOException {
        LineChecks checks = new LineChecks(operation);
        Frontier tree = new Frontier();
        Set<String> ids = new HashSet<>();
        long[] signed = {0};
        int threads = Runtime.getRuntime().availableProcessors();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads);
                BufferedReader lines = new BufferedReader(
                        new InputStreamReader(stream(zip, Bundle.OBSERVATIONS), StandardCharsets.UTF_8), 1 << 16)) {
            Deque<Future<List<Checked>>> pending = new ArrayDeque<>();
            int lineNumber = 0;
            boolean more = true;
            while (more || !pending.isEmpty()) {
                while (more && pending.size() < threads * 2) {
                    List<String> chunk = new ArrayList<>(CHUNK);
                    String line;
                    while (chunk.size() < CHUNK && (line = lines.readLine()) != null) {
                        chunk.add(line);
                    }
                    more = chunk.size() == CHUNK;
                    int first = lineNumber + 1;
                    lineNumber += chunk.size();
                    if (!chunk.isEmpty()) {
                        pending.add(pool.submit(() -> checks.check(chunk, first)));
                    }
                }
                if (!pending.isEmpty()) {
                    for (Checked checked : await(pending.removeFirst())) {
                        fold(checked, tree, ids, checkpoint, loggedHashes);
                        signed[0] += checked.signed() ? 1 : 0;
                    }
                }
            }
        }
        report.accept("observations " + tree.size() + " lines, each canonical JSON of operation " + operation.id()
                + ", ids unique; " + signed[0] + " signatures verified, " + (tree.size() - signed[0]) + " unsigned"
                + " (allowed: their monitors have no key)");
        requireRoot(tree, checkpoint, loggedHashes);
        report.accept("root         recomputed from " + tree.size() + " leaves: equals the checkpoint's");
    }

    private void fold(Checked checked, Frontier tree, Set<String> ids, Checkpoint checkpoint, byte[] logged) {
        String where = Bundle.OBSERVATIONS + " line " + checked.line()
                + (checked.id() == null ? "" : " (id " + checked.id() + ")");
        if (checked.failure() != null) {
            throw new Failed(where, checked.failure());
        }
        if (!ids.add(checked.id())) {
            throw new Failed(where, "the id appears on an earlier line too; the log holds each observation once");
        }
        long index = tree.size();
        if (index >= checkpoint.size()) {
            throw new Failed(
                    where,
                    "the checkpoint commits to " + checkpoint.size() + " observations, but the bundle"
                            + " holds more: lines were added");
        }
        if (authentic(logged, checkpoint) && !MessageDigest.isEqual(loggedHash(logged, index), checked.leafHash())) {
            throw new Failed(
                    where,
                    "is not the observation the log holds at seq " + (index + 1) + ": it was changed,"
                            + " or lines were dropped or moved before it (the log's leaf hashes, which give the signed root,"
                            + " disagree from this line)");
        }
        tree.append(checked.leafHash());
    }

    private Boolean authenticCache;

    /** Whether the bundle's leaf hashes are present and give the signed root, so that they can name a line. */
    private boolean authentic(byte[] logged, Checkpoint checkpoint) {
        if (authenticCache == null) {
            authenticCache = logged != null
                    && logged.length == checkpoint.size() * MerkleLog.HASH_LENGTH
                    && MessageDigest.isEqual(rootOf(logged), checkpoint.root());
        }
        return authenticCache;
    }

    private static byte[] rootOf(byte[] logged) {
        Frontier frontier = new Frontier();
        for (int i = 0; i < logged.length; i += MerkleLog.HASH_LENGTH) {
            frontier.append(Arrays.copyOfRange(logged, i, i + MerkleLog.HASH_LENGTH));
        }
        return frontier.root();
    }

    private static byte[] loggedHash(byte[] logged, long index) {
        int from = Math.toIntExact(index * MerkleLog.HASH_LENGTH);
        return Arrays.copyOfRange(logged, from, from + MerkleLog.HASH_LENGTH);
    }

    private static void requireRoot(Frontier tree, Checkpoint checkpoint, byte[] logged) {
        if (tree.size() < checkpoint.size()) {
            throw new Failed(
                    Bundle.OBSERVATIONS,
                    "holds " + tree.size() + " observations, but the checkpoint commits" + " to " + checkpoint.size()
                            + ": observations were dropped");
        }
        if (!MessageDigest.isEqual(tree.root(), checkpoint.root())) {
            throw new Failed(
                    Bundle.OBSERVATIONS,
                    "the root recomputed from its " + tree.size() + " lines is not the"
                            + " checkpoint's: an observation was changed, dropped, added or moved"
                            + (logged == null ? " (the bundle has no leaf hashes to say which)" : ""));
        }
    }

    /** The checks of single lines, which need nothing from other lines: safe to run on many threads at once. */
    private static final class LineChecks {
        private final Operation operation;
        private final Map<String, Ed25519.PublicKey> keys = new HashMap<>();
        private final Set<String> monitors = new HashSet<>();

        LineChecks(Operation operation) {
            this.operation = operation;
            for (Monitor monitor : operation.monitors()) {
                monitors.add(monitor.id());
                if (monitor.publicKey() != null) {
                    keys.put(monitor.id(), Ed25519.PublicKey.ofBase64(monitor.publicKey()));
                }
            }
        }

        List<Checked> check(List<String> lines, int firstLine) {
            List<Checked> checked = new ArrayList<>(lines.size());
            for (int i = 0; i < lines.size(); i++) {
                checked.add(check(lines.get(i), firstLine + i));
            }
            return checked;
        }

        private Checked check(String line, int number) {
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            JsonNode tree;
            try {
                tree = JSON.readTree(bytes);
            } catch (com.fasterxml.jackson.core.JacksonException e) {
                return failed(number, null, "is not JSON (" + e.getOriginalMessage() + ")");
            } catch (IOException e) {
                return failed(number, null, "cannot be read (" + e.getMessage() + ")");
            }
            if (!(tree instanceof ObjectNode observation)) {
                return failed(number, null, "is not a JSON object");
            }
            String id = observation.path("id").asText(null);
            if (!isCanonical(observation, bytes)) {
                return failed(number, id, "is not in canonical form (RFC 8785): the log holds canonical bytes only");
            }
            if (!operation.id().equals(observation.path("operation").asText(null))) {
                return failed(number, id, "belongs to another operation than " + operation.id());
            }
            String problem = signatureProblem(observation);
            if (problem != null) {
                return failed(number, id, problem);
            }
            return new Checked(number, id, observation.has("signature"), MerkleLog.leafHash(bytes), null);
        }

        private static boolean isCanonical(ObjectNode observation, byte[] bytes) {
            try {
                return Arrays.equals(Jcs.canonicalize(observation), bytes);
            } catch (org.corridor.integrity.CanonicalizationException e) {
                return false;
            }
        }

        /** Why the observation's signature does not hold, or null when it does (or none is needed). */
        private String signatureProblem(ObjectNode observation) {
            String monitor = observation.path("monitor").asText(null);
            if (!monitors.contains(monitor)) {
                return "names monitor '" + monitor + "', who is not in " + Bundle.OPERATION;
            }
            Ed25519.PublicKey key = keys.get(monitor);
            JsonNode signature = observation.get("signature");
            if (signature == null) {
                if (key != null) {
                    return "is unsigned, but monitor '" + monitor + "' has a key and must sign";
                }
                return operation.requireSignatures() ? "is unsigned, but the operation requires signatures" : null;
            }
            if (key == null) {
                return "is signed, but monitor '" + monitor + "' has no key in " + Bundle.OPERATION + " to check it";
            }
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(signature.asText(""));
            } catch (IllegalArgumentException e) {
                return "its signature is not base64";
            }
            return key.verify(Signatures.message(observation), bytes)
                    ? null
                    : "its signature does not verify with monitor '" + monitor + "''s key: it was changed after it"
                            + " was signed, or signed by another key";
        }

        private static Checked failed(int line, String id, String why) {
            return new Checked(line, id, false, null, why);
        }
    }

    private static List<Checked> await(Future<List<Checked>> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw new CorridorException("a check failed unexpectedly: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CorridorException("interrupted", e);
        }
    }

    private static String text(ZipFile zip, String name) throws IOException {
        byte[] bytes = optional(zip, name);
        if (bytes == null) {
            throw new Failed(name, "is missing from the bundle");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static byte[] optional(ZipFile zip, String name) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            return null;
        }
        try (InputStream in = zip.getInputStream(entry)) {
            return in.readAllBytes();
        }
    }

    private static InputStream stream(ZipFile zip, String name) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new Failed(name, "is missing from the bundle");
        }
        return zip.getInputStream(entry);
    }
}
