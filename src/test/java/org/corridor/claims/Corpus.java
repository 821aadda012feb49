package org.corridor.claims;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.corridor.operation.LocalizedName;

/** The annotated sentences of {@code src/test/resources/claims/}, and the places they name. */
final class Corpus {
    /** Every corpus sentence was annotated as if published at this moment (a Monday), in Damascus. */
    static final ZonedDateTime REPORT_DATE = ZonedDateTime.of(2016, 12, 19, 14, 0, 0, 0, ZoneId.of("Asia/Damascus"));

    private static final JsonMapper JSON = new JsonMapper();

    private Corpus() {}

    record Sentence(String id, Language language, String text, List<JsonNode> claims) {}

    static List<Sentence> sentences(String part) {
        List<Sentence> sentences = new ArrayList<>();
        try (BufferedReader lines = reader("/claims/corpus-" + part + ".jsonl")) {
            String line;
            while ((line = lines.readLine()) != null) {
                JsonNode node = JSON.readTree(line);
                List<JsonNode> claims = new ArrayList<>();
                node.get("claims").forEach(claims::add);
                sentences.add(new Sentence(
                        node.get("id").asText(),
                        Language.of(node.get("lang").asText()),
                        node.get("text").asText(),
                        claims));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sentences;
    }

    static List<Place> places() {
        try (InputStream in = Corpus.class.getResourceAsStream("/claims/places.json")) {
            List<Place> places = new ArrayList<>();
            for (JsonNode node : JSON.readTree(in)) {
                List<String> aliases = new ArrayList<>();
                node.get("aliases").forEach(alias -> aliases.add(alias.asText()));
                JsonNode name = node.get("name");
                places.add(new Place(
                        node.get("id").asText(),
                        new LocalizedName(
                                name.get("en").asText(), name.get("ar").asText()),
                        aliases));
            }
            return places;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BufferedReader reader(String resource) {
        return new BufferedReader(
                new InputStreamReader(Corpus.class.getResourceAsStream(resource), StandardCharsets.UTF_8));
    }
}
