package org.corridor.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 8785 canonical JSON: the published cases, read in place, and our own for the corners. */
class JcsTest {
    private static final Path VECTORS = Vectors.ROOT.resolve("jcs");
    /** Parses as ECMAScript's JSON.parse does: every fraction as a double, integers kept exact. */
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestFactory
    Stream<DynamicTest> publishedCases_giveExactlyTheExpectedBytes() throws IOException {
        if (!Vectors.present(VECTORS.resolve("input"))) {
            return Vectors.skipped(VECTORS);
        }
        List<Path> inputs;
        try (Stream<Path> files = Files.list(VECTORS.resolve("input"))) {
            inputs = files.sorted().toList();
        }
        assertThat(inputs).isNotEmpty();
        return inputs.stream()
                .map(input -> DynamicTest.dynamicTest(input.getFileName().toString(), () -> {
                    byte[] expected =
                            Files.readAllBytes(VECTORS.resolve("output").resolve(input.getFileName()));
                    assertThat(new String(Jcs.canonicalize(JSON.readTree(input.toFile())), StandardCharsets.UTF_8))
                            .isEqualTo(new String(expected, StandardCharsets.UTF_8));
                    assertThat(Jcs.canonicalize(JSON.readTree(input.toFile()))).isEqualTo(expected);
                }));
    }

    @Test
    void members_areSortedByUtf16CodeUnits_notByCodePointsOrLocale() {
        // U+1F600 is the surrogate pair D83D DE00, which sorts before U+FB33 by code unit but after it by code point.
        assertThat(canonical("{\"\\ufb33\":1,\"\\ud83d\\ude00\":2,\"b\":3,\"B\":4,\"\":5}"))
                .isEqualTo("{\"\":5,\"B\":4,\"b\":3,\"\uD83D\uDE00\":2,\"\uFB33\":1}");
    }

    @Test
    void nestedObjectsAndArrays_loseAllWhitespace_andKeepArrayOrder() {
        assertThat(canonical(" { \"z\" : [ 3 , 1 , { \"y\" : null , \"x\" : true } ] , \"a\" : false } "))
                .isEqualTo("{\"a\":false,\"z\":[3,1,{\"x\":true,\"y\":null}]}");
    }

    @Test
    void strings_escapeOnlyWhatJsonStringifyEscapes() {
        String text = "\b\f\n\r\t\"\\/\u0000\u001f\u007f\u0080é€\uD83D\uDE02<>'";
        assertThat(canonical(JsonNodeFactory.instance.textNode(text)))
                .isEqualTo("\"\\b\\f\\n\\r\\t\\\"\\\\/\\u0000\\u001f\u007f\u0080é€\uD83D\uDE02<>'\"");
    }

    @Test
    void controlCharacters_areEscapedWithLowerCaseHex() {
        assertThat(canonical(JsonNodeFactory.instance.textNode("\u001b\u000b"))).isEqualTo("\"\\u001b\\u000b\"");
    }

    @Test
    void loneSurrogates_areRefused() {
        assertThatThrownBy(() -> Jcs.canonicalize(JsonNodeFactory.instance.textNode("a\uD800b")))
                .isInstanceOf(CanonicalizationException.class)
                .hasMessageContaining("U+D800");
        assertThatThrownBy(() -> Jcs.canonicalize(JsonNodeFactory.instance.textNode("\uDE00")))
                .isInstanceOf(CanonicalizationException.class);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "0, 0",
        "-0, 0",
        "-0.0, 0",
        "1, 1",
        "-1, -1",
        "56.0, 56",
        "4.50, 4.5",
        "0.1, 0.1",
        "1e21, 1e+21",
        "1e20, 100000000000000000000",
        "1e-7, 1e-7",
        "0.000001, 0.000001",
        "0.0000012345, 0.0000012345",
        "1.2345e-7, 1.2345e-7",
        "2e-3, 0.002",
        "1E30, 1e+30",
        "-1.5e300, -1.5e+300",
        "333333333.33333329, 333333333.3333333",
        "5e-324, 5e-324",
        "1e-323, 1e-323",
        "2e-323, 2e-323",
        "1.7976931348623157e308, 1.7976931348623157e+308",
        "9007199254740992, 9007199254740992",
        "-9007199254740992, -9007199254740992",
        "295147905179352825856, 295147905179352830000",
    })
    void numbers_areWrittenAsEcmaScriptWritesThem(String json, String expected) {
        assertThat(canonical(json)).isEqualTo(expected);
    }

    @Test
    void pointOnePlusPointTwo_keepsItsShortestRoundTripDigits() {
        assertThat(Jcs.ecmaScript(0.1 + 0.2)).isEqualTo("0.30000000000000004");
        assertThat(Jcs.ecmaScript(-0.0)).isEqualTo("0");
        assertThat(Jcs.ecmaScript(1e21)).isEqualTo("1e+21");
        assertThat(Jcs.ecmaScript(1e-7)).isEqualTo("1e-7");
    }

    @Property(tries = 2000)
    void everyFiniteDouble_readsBackExactly_fromItsCanonicalForm(@ForAll double value) {
        Assume.that(Double.isFinite(value));
        String canonical = Jcs.ecmaScript(value);
        assertThat(Double.parseDouble(canonical)).isEqualTo(value == 0 ? 0.0 : value);
        assertThat(canonical).doesNotContain("E").doesNotEndWith(".0");
    }

    @Test
    void nonFiniteNumbers_areRefused() {
        assertThatThrownBy(() -> Jcs.canonicalize(JsonNodeFactory.instance.numberNode(Double.NaN)))
                .isInstanceOf(CanonicalizationException.class);
        assertThatThrownBy(() -> Jcs.canonicalize(JsonNodeFactory.instance.numberNode(Double.POSITIVE_INFINITY)))
                .isInstanceOf(CanonicalizationException.class);
    }

    @Test
    void integersADoubleCannotHoldExactly_areRefused_ratherThanSilentlyChanged() {
        BigInteger tooPrecise = BigInteger.TWO.pow(53).add(BigInteger.ONE);
        assertThatThrownBy(() -> Jcs.canonicalize(JsonNodeFactory.instance.numberNode(tooPrecise)))
                .isInstanceOf(CanonicalizationException.class)
                .hasMessageContaining("9007199254740993");
        assertThatThrownBy(() -> canonical("123456789012345678901")).isInstanceOf(CanonicalizationException.class);
    }

    /**
     * Leaving a member out of an object's canonical text (with one separating comma) gives exactly the canonical form
     * of the object without that member, wherever the member sorts: first, last, alone, absent, or beside names that
     * share its prefix. This is how a signed observation's message is taken from its stored form.
     */
    @Property(tries = 2000)
    void aMemberLeftOutOfTheCanonicalText_isTheCanonicalFormOfTheObjectWithoutIt(
            @ForAll("objects") ObjectNode object, @ForAll("names") String name) {
        Jcs.Marked marked = Jcs.canonicalMarking(object, name);
        ObjectNode without = object.deepCopy();
        without.remove(name);
        assertThat(marked.text()).isEqualTo(canonical(object));
        assertThat(new String(marked.without(), StandardCharsets.UTF_8)).isEqualTo(canonical(without));
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.of("signature", "signatur", "signaturee", "a", "z", "", "\u00e9", "\uD83D\uDE00", "s\"x");
    }

    @Provide
    Arbitrary<ObjectNode> objects() {
        Arbitrary<JsonNode> leaves = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(8).map(JsonNodeFactory.instance::textNode),
                Arbitraries.integers().map(JsonNodeFactory.instance::numberNode),
                Arbitraries.doubles().map(JsonNodeFactory.instance::numberNode),
                Arbitraries.just(JsonNodeFactory.instance.nullNode()));
        Arbitrary<JsonNode> values = Arbitraries.oneOf(
                leaves, Arbitraries.maps(names(), leaves).ofMaxSize(3).map(JcsTest::object));
        return Arbitraries.maps(names(), values).ofMaxSize(6).map(JcsTest::object);
    }

    private static ObjectNode object(java.util.Map<String, JsonNode> members) {
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        members.forEach(object::set);
        return object;
    }

    private static String canonical(String json) {
        try {
            return canonical(JSON.readTree(json));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String canonical(JsonNode value) {
        return new String(Jcs.canonicalize(value), StandardCharsets.UTF_8);
    }
}
