package org.corridor.claims;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * Precision, recall and F1 of the reader over annotated sentences, per field. A predicted claim is paired with an
 * expected one of the same sentence and quantity; a field is right when the pair agrees on it, so precision is
 * right ÷ predicted and recall right ÷ expected.
 */
final class CorpusScore {
    enum Field {
        VALUE,
        APPROXIMATE,
        UNIT,
        EVENT,
        MODALITY,
        FULL,
        PLACES,
        SOURCE,
        TIME
    }

    record Figures(double precision, double recall, double f1) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "P %.3f  R %.3f  F1 %.3f", precision, recall, f1);
        }
    }

    private final Map<Field, Integer> right = new EnumMap<>(Field.class);
    private final List<String> mistakes = new ArrayList<>();
    private int predicted;
    private int expected;

    static CorpusScore of(List<Corpus.Sentence> sentences, ClaimReader reader) {
        CorpusScore score = new CorpusScore();
        for (Corpus.Sentence sentence : sentences) {
            score.add(sentence, reader.read(sentence.text(), sentence.language(), Corpus.REPORT_DATE));
        }
        return score;
    }

    private void add(Corpus.Sentence sentence, List<Claim> claims) {
        predicted += claims.size();
        expected += sentence.claims().size();
        List<Claim> unpaired = new ArrayList<>(claims);
        for (JsonNode want : sentence.claims()) {
            Claim got = unpaired.stream()
                    .filter(claim -> claim.quantity() == want.get("quantity").asLong())
                    .findFirst()
                    .orElse(null);
            if (got == null) {
                mistakes.add(sentence.id() + " missed " + want + "\n    " + sentence.text());
                continue;
            }
            unpaired.remove(got);
            for (Field field : Field.values()) {
                if (agrees(field, got, want)) {
                    right.merge(field, 1, Integer::sum);
                } else {
                    mistakes.add(sentence.id() + " " + field + ": got " + describe(got) + ", want " + want + "\n    "
                            + sentence.text());
                }
            }
        }
        for (Claim extra : unpaired) {
            mistakes.add(sentence.id() + " extra " + describe(extra) + "\n    " + sentence.text());
        }
    }

    private static boolean agrees(Field field, Claim got, JsonNode want) {
        return switch (field) {
            case VALUE -> true;
            case APPROXIMATE -> got.approximate() == want.get("approximate").asBoolean();
            case UNIT -> got.unit().json().equals(want.get("unit").asText());
            case EVENT ->
                Objects.equals(got.event() == null ? null : got.event().json(), text(want, "event"));
            case MODALITY -> got.modality().json().equals(want.get("modality").asText());
            case FULL ->
                agrees(Field.UNIT, got, want) && agrees(Field.EVENT, got, want) && agrees(Field.MODALITY, got, want);
            case PLACES -> places(got).equals(places(want));
            case SOURCE -> same(got.source(), text(want, "source"));
            case TIME ->
                sameTime(got.time().from(), want.get("time").get("from"))
                        && sameTime(got.time().to(), want.get("time").get("to"));
        };
    }

    private static Set<String> places(Claim claim) {
        Set<String> names = new HashSet<>();
        claim.places().forEach(place -> names.add(place.name()));
        return names;
    }

    private static Set<String> places(JsonNode want) {
        Set<String> names = new HashSet<>();
        want.get("places").forEach(place -> names.add(place.asText()));
        return names;
    }

    private static final BiPredicate<String, String> SAME_WORDS = (a, b) -> key(a).equals(key(b));

    private static boolean same(String got, String want) {
        return got == null || want == null ? got == null && want == null : SAME_WORDS.test(got, want);
    }

    /** Sources compare as words: case, Arabic spelling variants and a leading "the" aside. */
    private static String key(String source) {
        String folded = Arabic.normalize(source.toLowerCase(Locale.ROOT));
        return folded.startsWith("the ") ? folded.substring(4) : folded;
    }

    private static boolean sameTime(OffsetDateTime got, JsonNode want) {
        return want == null
                ? got == null
                : got != null
                        && got.toInstant()
                                .equals(OffsetDateTime.parse(want.asText()).toInstant());
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String describe(Claim claim) {
        return claim.quantity() + (claim.approximate() ? "~" : "") + " "
                + claim.unit().json() + " "
                + (claim.event() == null ? "-" : claim.event().json()) + " "
                + claim.modality().json() + " "
                + claim.places().stream().map(Claim.PlaceMention::name).toList() + " src=" + claim.source() + " time="
                + claim.time().from() + ".." + claim.time().to();
    }

    Figures figures(Field field) {
        int correct = right.getOrDefault(field, 0);
        double precision = predicted == 0 ? 1 : (double) correct / predicted;
        double recall = expected == 0 ? 1 : (double) correct / expected;
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new Figures(precision, recall, f1);
    }

    List<String> mistakes() {
        return mistakes;
    }

    String table(String title) {
        StringBuilder table = new StringBuilder(title + " (" + predicted + " predicted, " + expected + " expected)\n");
        for (Field field : Field.values()) {
            table.append(
                    String.format(Locale.ROOT, "  %-11s %s%n", field.name().toLowerCase(Locale.ROOT), figures(field)));
        }
        return table.toString();
    }
}
