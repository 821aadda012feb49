package org.corridor.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

/** The demo operation as the service tests use it: its id, a clock after it, its definition and its observations. */
final class DemoOperation {
    static final String ID = "aleppo-2016-12";
    static final InstantSource CLOCK = InstantSource.fixed(Instant.parse("2016-12-20T00:00:00Z"));
    /** A moment after every demo observation, for tallies as of the end. */
    static final Instant END = Instant.parse("2016-12-19T22:00:00Z");

    private static final ObjectMapper JSON = new ObjectMapper();

    private DemoOperation() {}

    /** The definition, as the YAML file the demo loads. */
    static byte[] definition() {
        return resource("/demo/" + ID + ".yaml");
    }

    /** The demo observations, in file order. */
    static List<JsonNode> observations() {
        List<JsonNode> observations = new ArrayList<>();
        for (String line :
                new String(resource("/demo/" + ID + ".observations.jsonl"), StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                try {
                    observations.add(JSON.readTree(line));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return observations;
    }

    private static byte[] resource(String path) {
        try (InputStream in = DemoOperation.class.getResourceAsStream(path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
