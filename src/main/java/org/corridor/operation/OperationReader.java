package org.corridor.operation;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.corridor.core.Fields;
import org.corridor.core.InvalidInputException;
import org.corridor.core.Problems;
import org.corridor.integrity.Ed25519;

/**
 * Reads an operation file (YAML or JSON, one structure) into an {@link Operation}, refusing it with every problem
 * found, each named by its path in the file.
 */
public final class OperationReader {
    /**
     * A key given twice, or anything after the one document (trailing text, a second YAML document), is refused:
     * otherwise part of the file would be dropped without a word.
     */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final ObjectMapper YAML = YAMLMapper.builder(
                    YAMLFactory.builder().build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final Set<String> OPERATION_FIELDS = Set.of(
            "id",
            "name",
            "timezone",
            "parties",
            "sites",
            "agreements",
            "monitors",
            "requireSignatures",
            "public",
            "description");
    private static final Set<String> PARTY_FIELDS = Set.of("id", "name");
    private static final Set<String> SITE_FIELDS = Set.of("id", "name", "kind", "location", "pcode", "aliases");
    private static final Set<String> AGREEMENT_FIELDS = Set.of("id", "name", "parties", "movements");
    private static final Set<String> MOVEMENT_FIELDS = Set.of("id", "from", "to", "via", "quota", "opens", "deadline");
    private static final Set<String> MONITOR_FIELDS = Set.of("id", "name", "organisation", "publicKey");

    private OperationReader() {}

    /** Parses YAML (a superset of JSON) and reads it. */
    public static Operation read(byte[] file) {
        return read(parse(file));
    }

    /** Parses the bytes of an operation file, JSON or YAML, into a tree; malformed text is refused with its line. */
    public static JsonNode parse(byte[] file) {
        String text = new String(file, java.nio.charset.StandardCharsets.UTF_8).stripLeading();
        ObjectMapper mapper = text.startsWith("{") ? JSON : YAML;
        try {
            JsonNode tree = mapper.readTree(file);
            if (tree == null || tree.isMissingNode()) {
                throw InvalidInputException.of("", "the operation file is empty");
            }
            return tree;
        } catch (JacksonException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw InvalidInputException.of(
                    "",
                    "the file is not valid " + (mapper == JSON ? "JSON" : "YAML") + where + ": "
                            + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw InvalidInputException.of("", "the file could not be read: " + e.getMessage());
        }
    }

    /** Reads and validates a parsed tree. */
    public static Operation read(JsonNode tree) {
        Problems problems = new Problems();
        if (!tree.isObject()) {
            problems.add("", "an operation file must be a mapping with id, name, timezone, sites and agreements");
            problems.throwIfAny("operation file");
        }
        Fields root = new Fields(tree, "", problems);
        root.refuseUnknown(OPERATION_FIELDS);
        String id = root.requiredSlug("id");
        LocalizedName name = LocalizedName.read(root, "name", true);
        ZoneId zone = zone(root);
        List<Party> parties = new ArrayList<>();
        for (Fields party : root.objects("parties", false)) {
            party.refuseUnknown(PARTY_FIELDS);
            String partyId = party.requiredSlug("id");
            LocalizedName partyName = LocalizedName.read(party, "name", true);
            if (partyId != null && partyName != null) {
                parties.add(new Party(partyId, partyName));
            }
        }
        List<Site> sites = new ArrayList<>();
        for (Fields site : root.objects("sites", true)) {
            Site read = site(site);
            if (read != null) {
                sites.add(read);
            }
        }
        List<Agreement> agreements = new ArrayList<>();
        for (Fields agreement : root.objects("agreements", true)) {
            agreement.refuseUnknown(AGREEMENT_FIELDS);
            String agreementId = agreement.requiredSlug("id");
            LocalizedName agreementName = LocalizedName.read(agreement, "name", true);
            List<String> agreementParties = agreement.slugs("parties", false);
            List<Movement> movements = new ArrayList<>();
            for (Fields movement : agreement.objects("movements", true)) {
                Movement read = movement(movement);
                if (read != null) {
                    movements.add(read);
                }
            }
            if (agreementId != null && agreementName != null) {
                agreements.add(new Agreement(agreementId, agreementName, agreementParties, movements));
            }
        }
        List<Monitor> monitors = new ArrayList<>();
        for (Fields monitor : root.objects("monitors", false)) {
            monitor.refuseUnknown(MONITOR_FIELDS);
            String monitorId = monitor.requiredSlug("id");
            LocalizedName monitorName = LocalizedName.read(monitor, "name", true);
            String organisation = monitor.optionalText("organisation");
            String publicKey = publicKey(monitor);
            if (monitorId != null && monitorName != null) {
                monitors.add(new Monitor(monitorId, monitorName, organisation, publicKey));
            }
        }
        Boolean requireSignatures = root.optionalBoolean("requireSignatures");
        Boolean isPublic = root.optionalBoolean("public");
        checkConsistency(tree, problems);
        problems.throwIfAny("operation file");
        return new Operation(
                id,
                name,
                zone,
                parties,
                sites,
                agreements,
                monitors,
                Boolean.TRUE.equals(requireSignatures),
                Boolean.TRUE.equals(isPublic));
    }

    private static ZoneId zone(Fields root) {
        String text = root.requiredText("timezone");
        if (text == null) {
            return null;
        }
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            root.problems().add("timezone", "'" + text + "' is not an IANA time zone (such as Asia/Damascus)");
            return null;
        }
    }

    private static Site site(Fields site) {
        site.refuseUnknown(SITE_FIELDS);
        String siteId = site.requiredSlug("id");
        LocalizedName siteName = LocalizedName.read(site, "name", true);
        String kindText = site.requiredText("kind");
        SiteKind kind = kindText == null ? null : SiteKind.fromWire(kindText);
        if (kindText != null && kind == null) {
            site.problems()
                    .add(site.pathOf("kind"), "must be one of origin, destination, checkpoint, crossing, reception");
        }
        double[] location = location(site);
        String pcode = site.optionalText("pcode");
        if (pcode != null && !pcode.matches("[A-Z]{2}[0-9A-Z]{0,16}")) {
            site.problems().add(site.pathOf("pcode"), "must be an OCHA P-code such as SY02 or SY020000");
        }
        List<LocalizedName> aliases = new ArrayList<>();
        JsonNode aliasNode = site.raw("aliases");
        if (aliasNode != null && !aliasNode.isNull()) {
            if (!aliasNode.isArray()) {
                site.problems().add(site.pathOf("aliases"), "must be a list of names");
            } else {
                for (int i = 0; i < aliasNode.size(); i++) {
                    JsonNode alias = aliasNode.get(i);
                    String path = site.pathOf("aliases") + "[" + i + "]";
                    if (alias.isTextual() && !alias.textValue().isBlank()) {
                        aliases.add(new LocalizedName(alias.textValue(), null));
                    } else if (alias.isObject()) {
                        Fields aliasFields = new Fields(alias, path, site.problems());
                        aliasFields.refuseUnknown(Set.of("en", "ar"));
                        String en = aliasFields.optionalText("en");
                        String ar = aliasFields.optionalText("ar");
                        if (en == null && ar == null) {
                            site.problems().add(path, "needs at least one of en and ar");
                        } else {
                            aliases.add(new LocalizedName(en, ar));
                        }
                    } else {
                        site.problems().add(path, "must be a name: a string or {en, ar}");
                    }
                }
            }
        }
        if (siteId == null || siteName == null || kind == null || location == null) {
            return null;
        }
        return new Site(siteId, siteName, kind, location[0], location[1], pcode, aliases);
    }

    private static double[] location(Fields site) {
        JsonNode node = site.raw("location");
        String path = site.pathOf("location");
        if (node == null || node.isNull()) {
            site.problems().add(path, "is required: [latitude, longitude]");
            return null;
        }
        if (!node.isArray()
                || node.size() != 2
                || !node.get(0).isNumber()
                || !node.get(1).isNumber()) {
            site.problems().add(path, "must be [latitude, longitude] in decimal degrees");
            return null;
        }
        double latitude = node.get(0).doubleValue();
        double longitude = node.get(1).doubleValue();
        boolean ok = true;
        if (latitude < -90 || latitude > 90) {
            site.problems().add(path + "[0]", "latitude must be between -90 and 90");
            ok = false;
        }
        if (longitude < -180 || longitude > 180) {
            site.problems().add(path + "[1]", "longitude must be between -180 and 180");
            ok = false;
        }
        return ok ? new double[] {latitude, longitude} : null;
    }

    private static Movement movement(Fields movement) {
        movement.refuseUnknown(MOVEMENT_FIELDS);
        String movementId = movement.requiredSlug("id");
        String from = movement.requiredSlug("from");
        String to = movement.requiredSlug("to");
        List<String> via = movement.slugs("via", false);
        Long quota = movement.requiredCount("quota");
        if (quota != null && quota == 0) {
            movement.problems().add(movement.pathOf("quota"), "must be at least 1");
            quota = null;
        }
        Opening opens = opening(movement);
        var deadline = movement.optionalTime("deadline");
        if (movementId == null || from == null || to == null || quota == null) {
            return null;
        }
        if (movement.has("opens") && opens == null) {
            return null;
        }
        return new Movement(movementId, from, to, via, quota, opens, deadline);
    }

    private static Opening opening(Fields movement) {
        Fields opens = movement.object("opens", false);
        if (opens == null) {
            return null;
        }
        opens.refuseUnknown(Set.of("at", "after"));
        boolean hasAt = opens.has("at");
        boolean hasAfter = opens.has("after");
        if (hasAt == hasAfter) {
            opens.problems().add(opens.path(), "needs exactly one of at (a time) and after ({movement, reaches})");
            return null;
        }
        if (hasAt) {
            var at = opens.requiredTime("at");
            return at == null ? null : new Opening.AtTime(at);
        }
        Fields after = opens.object("after", true);
        if (after == null) {
            return null;
        }
        after.refuseUnknown(Set.of("movement", "reaches"));
        String other = after.requiredSlug("movement");
        Long reaches = after.requiredCount("reaches");
        if (reaches != null && reaches == 0) {
            after.problems().add(after.pathOf("reaches"), "must be at least 1");
            reaches = null;
        }
        return other == null || reaches == null ? null : new Opening.AfterMovement(other, reaches);
    }

    private static String publicKey(Fields monitor) {
        String key = monitor.optionalText("publicKey");
        if (key == null) {
            return null;
        }
        byte[] raw;
        try {
            raw = java.util.Base64.getDecoder().decode(key);
        } catch (IllegalArgumentException e) {
            monitor.problems().add(monitor.pathOf("publicKey"), "must be base64");
            return null;
        }
        if (raw.length != Ed25519.PUBLIC_KEY_LENGTH) {
            monitor.problems().add(monitor.pathOf("publicKey"), "must be the base64 of a 32-byte Ed25519 public key");
            return null;
        }
        try {
            Ed25519.PublicKey.of(raw);
        } catch (IllegalArgumentException e) {
            monitor.problems()
                    .add(
                            monitor.pathOf("publicKey"),
                            "is 32 bytes but not an Ed25519 public key (not a point of the curve): copy the key "
                                    + "that corridor keygen printed");
            return null;
        }
        return key;
    }

    /**
     * Cross-references: duplicate ids, unknown sites and parties, cycles of opens.after. Walks the tree rather than
     * the model, so that it runs even when elements were refused on their own, with every path as in the file: an
     * element with a readable id counts as declared, and a reference that is not a slug was already reported.
     */
    private static void checkConsistency(JsonNode tree, Problems problems) {
        Set<String> partyIds = uniqueIds(tree, "parties", problems);
        Set<String> siteIds = uniqueIds(tree, "sites", problems);
        uniqueIds(tree, "monitors", problems);
        uniqueIds(tree, "agreements", problems);
        boolean sitesDeclared = tree.path("sites").isArray();
        Map<String, String> opensAfter = new HashMap<>();
        Map<String, String> afterPaths = new LinkedHashMap<>();
        Set<String> movementIds = new HashSet<>();
        List<JsonNode> agreements = elements(tree, "agreements");
        for (int a = 0; a < agreements.size(); a++) {
            String agreementPath = "agreements[" + a + "]";
            List<JsonNode> parties = elements(agreements.get(a), "parties");
            for (int p = 0; p < parties.size(); p++) {
                String party = slug(parties.get(p));
                if (party != null && !partyIds.contains(party)) {
                    problems.add(agreementPath + ".parties[" + p + "]", "unknown party '" + party + "'");
                }
            }
            List<JsonNode> movements = elements(agreements.get(a), "movements");
            for (int m = 0; m < movements.size(); m++) {
                JsonNode movement = movements.get(m);
                String path = agreementPath + ".movements[" + m + "]";
                String id = slug(movement.get("id"));
                if (id != null && !movementIds.add(id)) {
                    problems.add(path + ".id", "duplicate movement id '" + id + "'");
                }
                String from = slug(movement.get("from"));
                String to = slug(movement.get("to"));
                if (sitesDeclared) {
                    checkSite(siteIds, from, path + ".from", problems);
                    checkSite(siteIds, to, path + ".to", problems);
                    List<JsonNode> via = elements(movement, "via");
                    for (int v = 0; v < via.size(); v++) {
                        checkSite(siteIds, slug(via.get(v)), path + ".via[" + v + "]", problems);
                    }
                }
                if (from != null && from.equals(to)) {
                    problems.add(path + ".to", "must differ from 'from'");
                }
                String after = slug(movement.path("opens").path("after").get("movement"));
                if (after != null) {
                    opensAfter.putIfAbsent(id == null ? path : id, after);
                    afterPaths.put(path + ".opens.after.movement", id == null ? path : id);
                }
            }
        }
        afterPaths.forEach((path, movement) -> {
            String after = opensAfter.get(movement);
            if (!movementIds.contains(after)) {
                problems.add(path, "unknown movement '" + after + "'");
            } else if (leadsToCycle(movement, opensAfter)) {
                problems.add(path, "opens.after forms a cycle through movement '" + movement + "'");
            }
        });
    }

    private static boolean leadsToCycle(String start, Map<String, String> opensAfter) {
        Set<String> seen = new HashSet<>();
        String current = start;
        while (current != null && seen.add(current)) {
            current = opensAfter.get(current);
        }
        return start.equals(current);
    }

    private static void checkSite(Set<String> siteIds, String site, String path, Problems problems) {
        if (site != null && !siteIds.contains(site)) {
            problems.add(path, "unknown site '" + site + "'");
        }
    }

    /** The ids declared in the list at {@code field}, each duplicate reported at its path. */
    private static Set<String> uniqueIds(JsonNode tree, String field, Problems problems) {
        Set<String> ids = new HashSet<>();
        List<JsonNode> things = elements(tree, field);
        for (int i = 0; i < things.size(); i++) {
            String id = slug(things.get(i).get("id"));
            if (id != null && !ids.add(id)) {
                problems.add(field + "[" + i + "].id", "duplicate id '" + id + "'");
            }
        }
        return ids;
    }

    /** The elements of the list at {@code field}, by their index in the file; empty when it is not a list. */
    private static List<JsonNode> elements(JsonNode node, String field) {
        List<JsonNode> elements = new ArrayList<>();
        node.path(field).forEach(elements::add);
        return node.path(field).isArray() ? elements : List.of();
    }

    /** The slug in {@code node}, or null when it is anything else (already reported by the field readers). */
    private static String slug(JsonNode node) {
        return node != null
                        && node.isTextual()
                        && Fields.SLUG.matcher(node.textValue()).matches()
                ? node.textValue()
                : null;
    }
}
