package org.corridor.claims;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.corridor.core.InvalidInputException;
import org.corridor.operation.LocalizedName;

/**
 * Reads place names from the files a user supplies: OCHA COD-style tables (CSV, one row per lowest unit, columns
 * such as {@code ADM1_EN}, {@code ADM1_AR}, {@code ADM1_PCODE}, {@code ADM1ALT1_EN}, or {@code admin1Name_en},
 * {@code admin1Pcode}), and JSON arrays of places with {@code name: {en, ar}}, {@code aliases: [{value}]} and
 * {@code externalIds.ochaPcode}. Each place's id is its P-code where it has one.
 */
public final class Gazetteer {
    private static final Pattern NAME = Pattern.compile("(?i)adm(?:in)?(\\d)_?(?:name)?_?(en|ar)");
    private static final Pattern ALTERNATE = Pattern.compile("(?i)adm(?:in)?(\\d)_?alt_?(?:name)?_?\\d*_?(en|ar)");
    private static final Pattern PCODE = Pattern.compile("(?i)adm(?:in)?(\\d)_?pcode");
    private static final JsonMapper JSON = new JsonMapper();

    private Gazetteer() {}

    /** The places of a COD-style table: every administrative level from 1 down, each once by its P-code. */
    public static List<Place> readCsv(Reader csv, String fileName) {
        List<List<String>> rows = Csv.rows(csv);
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Integer, Columns> levels = columns(rows.get(0), fileName);
        Map<String, Place> places = new LinkedHashMap<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            for (Columns level : levels.values()) {
                Place place = level.place(row);
                if (place != null) {
                    places.putIfAbsent(place.id(), place);
                }
            }
        }
        return List.copyOf(places.values());
    }

    /** The places of a JSON array in the form of {@code ../shared/data/syria-admin/}; entries without a name are skipped. */
    public static List<Place> readJson(InputStream json, String fileName) {
        JsonNode tree;
        try {
            tree = JSON.readTree(json);
        } catch (JacksonException e) {
            throw InvalidInputException.of(fileName, "is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (tree == null || !tree.isArray()) {
            throw InvalidInputException.of(fileName, "must be a JSON array of places");
        }
        List<Place> places = new ArrayList<>();
        for (JsonNode node : tree) {
            JsonNode name = node.path("name");
            String en = text(name.path("en"));
            String ar = text(name.path("ar"));
            if (en == null && ar == null) {
                continue;
            }
            List<String> aliases = new ArrayList<>();
            node.path("aliases").forEach(alias -> {
                String value = alias.isTextual() ? alias.asText() : text(alias.path("value"));
                if (value != null) {
                    aliases.add(value);
                }
            });
            String pcode = text(node.path("externalIds").path("ochaPcode"));
            String id = pcode != null ? pcode : text(node.path("id"));
            places.add(new Place(id == null ? (en != null ? en : ar) : id, new LocalizedName(en, ar), aliases));
        }
        return places;
    }

    private static String text(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank() ? node.asText().strip() : null;
    }

    /** Where one administrative level's names and P-code stand in a table's rows. */
    private static final class Columns {
        int en = -1;
        int ar = -1;
        int pcode = -1;
        final List<Integer> alternates = new ArrayList<>();

        Place place(List<String> row) {
            String english = cell(row, en);
            String arabic = cell(row, ar);
            String code = cell(row, pcode);
            if (code == null || (english == null && arabic == null)) {
                return null;
            }
            List<String> aliases = new ArrayList<>();
            for (int column : alternates) {
                String alias = cell(row, column);
                if (alias != null) {
                    aliases.add(alias);
                }
            }
            return new Place(code, new LocalizedName(english, arabic), aliases);
        }

        private static String cell(List<String> row, int column) {
            return column >= 0 && column < row.size() && !row.get(column).isBlank()
                    ? row.get(column).strip()
                    : null;
        }
    }

    private static Map<Integer, Columns> columns(List<String> header, String fileName) {
        Map<Integer, Columns> levels = new TreeMap<>();
        for (int i = 0; i < header.size(); i++) {
            String column = header.get(i).strip();
            Matcher alternate = ALTERNATE.matcher(column);
            Matcher name = NAME.matcher(column);
            Matcher pcode = PCODE.matcher(column);
            if (alternate.matches()) {
                level(levels, alternate.group(1)).alternates.add(i);
            } else if (name.matches()) {
                Columns level = level(levels, name.group(1));
                if (name.group(2).equalsIgnoreCase("en")) {
                    level.en = i;
                } else {
                    level.ar = i;
                }
            } else if (pcode.matches()) {
                level(levels, pcode.group(1)).pcode = i;
            }
        }
        levels.remove(0);
        levels.values().removeIf(level -> level.pcode < 0 || (level.en < 0 && level.ar < 0));
        if (levels.isEmpty()) {
            throw InvalidInputException.of(
                    fileName,
                    "has no COD columns: expected names such as ADM1_EN, ADM1_AR and ADM1_PCODE in its header");
        }
        return levels;
    }

    private static Columns level(Map<Integer, Columns> levels, String number) {
        return levels.computeIfAbsent(Integer.parseInt(number), k -> new Columns());
    }

    /** RFC 4180 rows: quoted fields may hold commas, quotes (doubled) and line breaks. */
    private static final class Csv {
        static List<List<String>> rows(Reader reader) {
            List<List<String>> rows = new ArrayList<>();
            try (BufferedReader in = new BufferedReader(reader)) {
                List<String> row = new ArrayList<>();
                StringBuilder field = new StringBuilder();
                boolean quoted = false;
                int c;
                while ((c = in.read()) != -1) {
                    if (quoted) {
                        if (c == '"') {
                            in.mark(1);
                            if (in.read() == '"') {
                                field.append('"');
                            } else {
                                in.reset();
                                quoted = false;
                            }
                        } else {
                            field.append((char) c);
                        }
                    } else if (c == '"') {
                        quoted = true;
                    } else if (c == ',') {
                        row.add(field.toString());
                        field.setLength(0);
                    } else if (c == '\n') {
                        row.add(field.toString());
                        field.setLength(0);
                        rows.add(row);
                        row = new ArrayList<>();
                    } else if (c != '\r' && c != '\uFEFF') {
                        field.append((char) c);
                    }
                }
                if (field.length() > 0 || !row.isEmpty()) {
                    row.add(field.toString());
                    rows.add(row);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return rows;
        }
    }
}
