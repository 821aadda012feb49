package org.corridor.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.corridor.claims.Claim;
import org.corridor.claims.ClaimReader;
import org.corridor.claims.Gazetteer;
import org.corridor.claims.Language;
import org.corridor.claims.Place;
import org.corridor.operation.OperationReader;
import org.corridor.operation.Site;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Claims read per second from one thread: a text of about 1 MiB of UTF-8 built from the claims corpus and the
 * sample reports (every sentence holds figures, so this is the dense case), over the demo operation's sites and,
 * when {@code ../shared/data/syria-admin/} is beside the checkout, the Syrian administrative divisions. Megabytes
 * per second per core = operations per second × the size printed at set-up.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Threads(1)
@Fork(
        value = 1,
        jvmArgs = {"-Xmx1g"})
public class ClaimsBenchmark {
    private static final int SIZE = 1 << 20;
    static final ZonedDateTime DATE = ZonedDateTime.of(2016, 12, 19, 14, 0, 0, 0, ZoneId.of("Asia/Damascus"));

    @Param({"ar", "en"})
    String language;

    private ClaimReader reader;
    private String text;
    private Language reportLanguage;

    @Setup(Level.Trial)
    public void load() throws IOException {
        reportLanguage = Language.of(language);
        List<Place> places = places();
        reader = new ClaimReader(places);
        text = text(language);
        System.out.printf(
                "%n%s text: %d UTF-8 bytes, %d chars, %d places, %d claims%n",
                language,
                text.getBytes(StandardCharsets.UTF_8).length,
                text.length(),
                places.size(),
                reader.read(text, reportLanguage, DATE).size());
    }

    /** The demo operation's sites, and the Syrian divisions when they are beside the checkout. */
    static List<Place> places() throws IOException {
        List<Place> places = new ArrayList<>();
        for (Site site : OperationReader.read(
                        Files.readAllBytes(Path.of("src/main/resources/demo/aleppo-2016-12.yaml")))
                .sites()) {
            places.add(Place.of(site));
        }
        Path syria = Path.of("../shared/data/syria-admin");
        for (String file : List.of("governorates.json", "districts.json", "subdistricts.json")) {
            if (Files.isRegularFile(syria.resolve(file))) {
                try (InputStream in = Files.newInputStream(syria.resolve(file))) {
                    places.addAll(Gazetteer.readJson(in, file));
                }
            }
        }
        return places;
    }

    /** The corpus sentences of one language and its sample report, repeated to about 1 MiB. */
    static String text(String language) {
        StringBuilder sample = new StringBuilder();
        for (String part : List.of("tune", "heldout")) {
            for (String line : resource("/claims/corpus-" + part + ".jsonl").split("\n")) {
                if (line.contains("\"lang\": \"" + language + "\"")) {
                    int start = line.indexOf("\"text\": \"") + 9;
                    sample.append(line, start, line.indexOf("\", \"claims\"")).append(' ');
                }
            }
        }
        sample.append('\n')
                .append(resource("/claims/report-" + language + ".txt"))
                .append('\n');
        StringBuilder text = new StringBuilder();
        while (text.toString().getBytes(StandardCharsets.UTF_8).length < SIZE) {
            text.append(sample);
        }
        return text.toString();
    }

    private static String resource(String name) {
        try (InputStream in = ClaimsBenchmark.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Benchmark
    public List<Claim> read() {
        return reader.read(text, reportLanguage, DATE);
    }
}
