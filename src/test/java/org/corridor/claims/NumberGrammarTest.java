package org.corridor.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The grammar of numbers against the table in {@code claims/numbers.tsv}: every row read whole, to its value. */
class NumberGrammarTest {
    record Row(String text, Long value) {}

    static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                NumberGrammarTest.class.getResourceAsStream("/claims/numbers.tsv"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    String[] cells = line.split("\t");
                    rows.add(new Row(cells[0], cells[1].equals("-") ? null : Long.parseLong(cells[1])));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    static Stream<Arguments> table() {
        return rows().stream().map(row -> Arguments.of(row.text(), row.value()));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("table")
    void reads_theWholeTextAsItsValue(String text, Long value) {
        List<Token> tokens = new Scanner(text).scanTokens();
        List<Figure> counts = new FigureParser(tokens)
                .parse().stream()
                        .filter(figure -> figure.kind() == Figure.Kind.COUNT)
                        .toList();

        if (value == null) {
            assertThat(counts).as("no count in '%s'", text).isEmpty();
        } else {
            assertThat(counts).as("one count in '%s'", text).hasSize(1);
            assertThat(counts.get(0).value()).isEqualTo(value);
            assertThat(counts.get(0).first()).isZero();
            assertThat(counts.get(0).end()).isEqualTo(tokens.size());
        }
    }

    @Test
    void table_holdsAtLeast300RowsInBothLanguages() {
        List<Row> rows = rows();

        assertThat(rows).hasSizeGreaterThanOrEqualTo(300);
        assertThat(rows)
                .filteredOn(row -> Language.detect(row.text()) == Language.AR)
                .hasSizeGreaterThan(100);
        assertThat(rows).filteredOn(row -> row.text().matches("(?i).*[a-z].*")).hasSizeGreaterThan(100);
    }
}
