package org.corridor.core;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Reads typed fields from a JSON tree, recording a {@link FieldProblem} with the field's path for each one that is
 * missing or of the wrong shape. A reader returns null after recording a problem, so that reading goes on and every
 * problem in a document is found in one pass.
 */
public final class Fields {
    /** The slug form of every id people define (operations, sites, parties, agreements, movements, monitors, convoys). */
    public static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private final JsonNode node;
    private final String path;
    private final Problems problems;

    public Fields(JsonNode node, String path, Problems problems) {
        this.node = node;
        this.path = path;
        this.problems = problems;
    }

    public String path() {
        return path;
    }

    public Problems problems() {
        return problems;
    }

    public String pathOf(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    public boolean has(String name) {
        JsonNode value = node.get(name);
        return value != null && !value.isNull();
    }

    public JsonNode raw(String name) {
        return node.get(name);
    }

    /** Records a problem for each field not in `allowed`. */
    public void refuseUnknown(Set<String> allowed) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                problems.add(
                        pathOf(name),
                        "unknown field; expected one of "
                                + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
    }

    public String requiredText(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            problems.add(pathOf(name), "is required");
            return null;
        }
        return text(name, value);
    }

    public String optionalText(String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : text(name, value);
    }

    private String text(String name, JsonNode value) {
        if (!value.isTextual()) {
            problems.add(pathOf(name), "must be a string");
            return null;
        }
        if (value.textValue().isBlank()) {
            problems.add(pathOf(name), "must not be empty");
            return null;
        }
        return value.textValue();
    }

    public String requiredSlug(String name) {
        return slug(name, requiredText(name));
    }

    public String optionalSlug(String name) {
        return slug(name, optionalText(name));
    }

    private String slug(String name, String text) {
        if (text != null && !SLUG.matcher(text).matches()) {
            problems.add(
                    pathOf(name),
                    "must be a slug: lower-case letters, digits and '-', 1 to 64 characters, not starting with '-'");
            return null;
        }
        return text;
    }

    public UUID requiredUuid(String name) {
        return uuid(name, requiredText(name));
    }

    public UUID optionalUuid(String name) {
        return uuid(name, optionalText(name));
    }

    private UUID uuid(String name, String text) {
        if (text == null) {
            return null;
        }
        if (!isUuid(text)) {
            problems.add(pathOf(name), "must be a UUID such as 3f2b8c1e-5d4a-4f7e-9b1c-2a6d8e0f4c3b");
            return null;
        }
        return UUID.fromString(text);
    }

    /** Whether {@code text} is 8-4-4-4-12 hexadecimal digits (either case) separated by '-'. */
    static boolean isUuid(String text) {
        if (text.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = text.charAt(i);
            boolean ok = i == 8 || i == 13 || i == 18 || i == 23
                    ? c == '-'
                    : (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    public OffsetDateTime requiredTime(String name) {
        return time(name, requiredText(name));
    }

    public OffsetDateTime optionalTime(String name) {
        return time(name, optionalText(name));
    }

    private OffsetDateTime time(String name, String text) {
        if (text == null) {
            return null;
        }
        try {
            return Times.parse(text);
        } catch (IllegalArgumentException e) {
            problems.add(pathOf(name), e.getMessage());
            return null;
        }
    }

    /** A required non-negative integer count. */
    public Long requiredCount(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            problems.add(pathOf(name), "is required");
            return null;
        }
        return count(name, value);
    }

    public Long optionalCount(String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : count(name, value);
    }

    private Long count(String name, JsonNode value) {
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            problems.add(pathOf(name), "must be a whole number");
            return null;
        }
        long count = value.longValue();
        if (count < 0) {
            problems.add(pathOf(name), "must not be negative");
            return null;
        }
        if (count > 1_000_000_000L) {
            problems.add(pathOf(name), "must be at most 1000000000");
            return null;
        }
        return count;
    }

    public Boolean optionalBoolean(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            problems.add(pathOf(name), "must be true or false");
            return null;
        }
        return value.booleanValue();
    }

    /** The object at `name`, or null (with a problem when it is there but not an object, or missing and required). */
    public Fields object(String name, boolean required) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            if (required) {
                problems.add(pathOf(name), "is required");
            }
            return null;
        }
        if (!value.isObject()) {
            problems.add(pathOf(name), "must be an object");
            return null;
        }
        return new Fields(value, pathOf(name), problems);
    }

    /** The elements of the array at `name`, each with its own path; empty (with a problem when required) otherwise. */
    public List<Fields> objects(String name, boolean required) {
        JsonNode value = node.get(name);
        List<Fields> elements = new ArrayList<>();
        if (value == null || value.isNull()) {
            if (required) {
                problems.add(pathOf(name), "is required");
            }
            return elements;
        }
        if (!value.isArray()) {
            problems.add(pathOf(name), "must be a list");
            return elements;
        }
        for (int i = 0; i < value.size(); i++) {
            String elementPath = pathOf(name) + "[" + i + "]";
            JsonNode element = value.get(i);
            if (!element.isObject()) {
                problems.add(elementPath, "must be an object");
            } else {
                elements.add(new Fields(element, elementPath, problems));
            }
        }
        return elements;
    }

    /** The slugs in the array at `name`; null entries are dropped after a problem is recorded. */
    public List<String> slugs(String name, boolean required) {
        JsonNode value = node.get(name);
        List<String> slugs = new ArrayList<>();
        if (value == null || value.isNull()) {
            if (required) {
                problems.add(pathOf(name), "is required");
            }
            return slugs;
        }
        if (!value.isArray()) {
            problems.add(pathOf(name), "must be a list");
            return slugs;
        }
        for (int i = 0; i < value.size(); i++) {
            JsonNode element = value.get(i);
            String elementPath = pathOf(name) + "[" + i + "]";
            if (!element.isTextual() || !SLUG.matcher(element.textValue()).matches()) {
                problems.add(elementPath, "must be an id (a slug)");
            } else {
                slugs.add(element.textValue());
            }
        }
        return slugs;
    }
}
