package org.corridor.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.corridor.observation.Observation;
import org.corridor.observation.Observation.ConvoyArrived;
import org.corridor.observation.Observation.ConvoyPassed;
import org.corridor.observation.Observation.PersonsDetained;
import org.corridor.observation.Observation.PersonsReleased;
import org.corridor.observation.ObservationReader;
import org.corridor.operation.LocalizedName;
import org.corridor.operation.Operation;
import org.corridor.operation.OperationReader;
import org.junit.jupiter.api.Test;

/** The demo operation and its observations load cleanly and hold the facts of the founding report. */
class DemoFilesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2016-12-20T00:00:00Z");
    private static final String OPERATION_FILE = "/demo/aleppo-2016-12.yaml";
    private static final String OBSERVATIONS_FILE = "/demo/aleppo-2016-12.observations.jsonl";
    private static final String EXPECTED_TALLIES = "/demo/expected-tallies.json";

    private final Operation operation = OperationReader.read(bytes(OPERATION_FILE));

    @Test
    void operation_isTheAleppoOperationInDamascusTime() {
        assertThat(operation.id()).isEqualTo("aleppo-2016-12");
        assertThat(operation.timezone().getId()).isEqualTo("Asia/Damascus");
        assertThat(operation.movementsById().keySet())
                .containsExactly("east-aleppo-out", "fua-kafraya-out", "zabadani-madaya-out");
        assertThat(operation.movement("east-aleppo-out").orElseThrow().quota()).isEqualTo(20000);
        assertThat(operation.movement("fua-kafraya-out").orElseThrow().quota()).isEqualTo(4000);
    }

    @Test
    void operation_namesEverythingInEnglishAndArabic() {
        List<LocalizedName> names = new ArrayList<>();
        names.add(operation.name());
        operation.parties().forEach(party -> names.add(party.name()));
        operation.sites().forEach(site -> names.add(site.name()));
        operation.agreements().forEach(agreement -> names.add(agreement.name()));
        operation.monitors().forEach(monitor -> names.add(monitor.name()));

        assertThat(names).allSatisfy(name -> {
            assertThat(name.en()).isNotBlank();
            assertThat(name.ar()).matches(".*\\p{IsArabic}.*");
        });
    }

    @Test
    void observations_areAllValidWithUniqueVersion4Ids() {
        List<JsonNode> lines = observationLines();

        assertThat(lines).hasSizeBetween(40, 80);
        for (JsonNode line : lines) {
            assertThatCode(() -> ObservationReader.read(line, operation, NOW))
                    .as("observation %s", line.get("id"))
                    .doesNotThrowAnyException();
        }
        List<UUID> ids = observations().stream().map(Observation::id).toList();
        assertThat(new HashSet<>(ids)).hasSameSizeAs(ids);
        assertThat(ids).allSatisfy(id -> {
            assertThat(id.version()).isEqualTo(4);
            assertThat(id.variant()).isEqualTo(2);
        });
    }

    @Test
    void observations_fallBetween15And19DecemberInDamascusTime() {
        assertThat(observations()).allSatisfy(observation -> {
            OffsetDateTime at = observation.header().at();
            assertThat(at.getOffset()).isEqualTo(ZoneOffset.ofHours(2));
            assertThat(at.toLocalDate()).isBetween(LocalDate.of(2016, 12, 15), LocalDate.of(2016, 12, 19));
        });
    }

    @Test
    void observations_includeThe14BusesFromFuaAndKafrayaReachingGovernmentHeldAleppo() {
        assertThat(observations()).anySatisfy(observation -> assertThat(observation)
                .isInstanceOfSatisfying(ConvoyArrived.class, arrived -> {
                    assertThat(arrived.movement()).isEqualTo("fua-kafraya-out");
                    assertThat(arrived.site()).isEqualTo("jibrin");
                    assertThat(arrived.vehicles()).isEqualTo(Map.of("bus", 14L));
                }));
    }

    @Test
    void observations_includeThe51BusesFromEasternAleppoReachingAlRashidin() {
        assertThat(observations()).anySatisfy(observation -> assertThat(observation)
                .isInstanceOfSatisfying(ConvoyArrived.class, arrived -> {
                    assertThat(arrived.movement()).isEqualTo("east-aleppo-out");
                    assertThat(arrived.site()).isEqualTo("rashidin");
                    assertThat(arrived.vehicles()).isEqualTo(Map.of("bus", 51L));
                }));
    }

    @Test
    void observations_includeConvoysPassingAlRamouseh() {
        assertThat(observations())
                .anyMatch(o -> o instanceof ConvoyPassed && o.site().equals("ramouseh"));
    }

    @Test
    void peopleHeldAtAlRamouseh_areReleasedToAlRashidinOnTheSundayEvening() {
        List<PersonsReleased> releases = ofType(PersonsReleased.class).toList();
        assertThat(releases).isNotEmpty();
        for (PersonsReleased release : releases) {
            ZonedDateTime at = release.header().at().atZoneSameInstant(operation.timezone());
            assertThat(at.getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
            assertThat(at.toLocalDate()).isEqualTo(LocalDate.of(2016, 12, 18));
            assertThat(at.getHour()).isBetween(17, 23);
            assertThat(release.site()).isEqualTo("ramouseh");
            assertThat(release.to()).isEqualTo("rashidin");
            assertThat(release.movement()).isEqualTo("east-aleppo-out");

            PersonsDetained detention = ofType(PersonsDetained.class)
                    .filter(d -> d.id().equals(release.refersTo()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("release " + release.id() + " refers to no detention"));
            assertThat(detention.site()).isEqualTo("ramouseh");
            assertThat(detention.convoy()).isNotNull();
            assertThat(detention.by()).isIn("government", "hezbollah");
            assertThat(detention.people()).isEqualTo(release.people());
            assertThat(detention.instant()).isBefore(release.instant());
        }
    }

    @Test
    void observations_includeAHaltAResumptionACorrectionAndAnIncident() {
        Set<String> types = new HashSet<>();
        observations().forEach(observation -> types.add(observation.type().wireName()));

        assertThat(types).contains("convoy.halted", "convoy.resumed", "count.corrected", "incident.reported");
    }

    @Test
    void expectedTallies_setTheVerifiedFiguresCloseToTheMinistersClaimButNotOnIt() {
        JsonNode expected = readJson(EXPECTED_TALLIES);
        JsonNode claim = expected.get("claim");
        JsonNode atClaim = moment(expected, node -> node.get("asOf").equals(claim.get("asOf")));

        assertThat(atClaim.get("name").asText()).isEqualTo("minister-claim");
        assertCloseButNotEqual(
                atClaim.get("evacuated").asLong(), claim.get("evacuated").asLong());
        assertCloseButNotEqual(
                atClaim.get("sinceMidnight").asLong(),
                claim.get("sinceMidnight").asLong());
    }

    @Test
    void expectedTallies_addUpPerMovement() {
        JsonNode expected = readJson(EXPECTED_TALLIES);

        for (JsonNode moment : expected.get("moments")) {
            long evacuated = 0;
            long inTransit = 0;
            for (JsonNode movement : moment.get("movements")) {
                evacuated += movement.get("evacuated").asLong();
                inTransit += movement.get("inTransit").asLong();
            }
            assertThat(evacuated)
                    .as("evacuated at %s", moment.get("asOf"))
                    .isEqualTo(moment.get("evacuated").asLong());
            assertThat(inTransit)
                    .as("inTransit at %s", moment.get("asOf"))
                    .isEqualTo(moment.get("inTransit").asLong());
            assertThat(OffsetDateTime.parse(moment.get("asOf").asText())).isNotNull();
        }
    }

    private static void assertCloseButNotEqual(long verified, long claimed) {
        assertThat(verified).isNotEqualTo(claimed);
        assertThat(Math.abs(verified - claimed)).isLessThanOrEqualTo(claimed / 10);
    }

    private static JsonNode moment(JsonNode expected, Predicate<JsonNode> which) {
        for (JsonNode moment : expected.get("moments")) {
            if (which.test(moment)) {
                return moment;
            }
        }
        throw new AssertionError("no such moment in " + EXPECTED_TALLIES);
    }

    private <T extends Observation> Stream<T> ofType(Class<T> type) {
        return observations().stream().filter(type::isInstance).map(type::cast);
    }

    private List<Observation> observations() {
        return observationLines().stream()
                .map(line -> ObservationReader.read(line, operation, NOW))
                .toList();
    }

    private static List<JsonNode> observationLines() {
        String text = new String(bytes(OBSERVATIONS_FILE), StandardCharsets.UTF_8);
        return text.lines()
                .filter(line -> !line.isBlank())
                .map(DemoFilesTest::parse)
                .toList();
    }

    private static JsonNode readJson(String resource) {
        return parse(new String(bytes(resource), StandardCharsets.UTF_8));
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(String resource) {
        try (InputStream in = DemoFilesTest.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
