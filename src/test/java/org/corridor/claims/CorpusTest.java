package org.corridor.claims;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The reader against the annotated corpus (Arabic and English sentences written for Corridor), held to the floors
 * of issue 7: value F1 at least 0.97, full-claim F1 (value, unit, event and modality all right) at least 0.92.
 * Run with {@code -Dclaims.mistakes=true} to print every mistake.
 */
class CorpusTest {
    private static final ClaimReader READER = new ClaimReader(Corpus.places());

    @Test
    void tunedPart_meetsTheFloors() {
        CorpusScore score = score("tune");

        assertThat(score.figures(CorpusScore.Field.VALUE).f1()).isGreaterThanOrEqualTo(0.97);
        assertThat(score.figures(CorpusScore.Field.FULL).f1()).isGreaterThanOrEqualTo(0.92);
    }

    @Test
    void heldOutPart_meetsTheFloors() {
        CorpusScore score = score("heldout");

        assertThat(score.figures(CorpusScore.Field.VALUE).f1()).isGreaterThanOrEqualTo(0.97);
        assertThat(score.figures(CorpusScore.Field.FULL).f1()).isGreaterThanOrEqualTo(0.92);
    }

    private static CorpusScore score(String part) {
        CorpusScore score = CorpusScore.of(Corpus.sentences(part), READER);
        System.out.print(score.table("corpus-" + part));
        if (Boolean.getBoolean("claims.mistakes")) {
            score.mistakes().forEach(System.out::println);
        }
        return score;
    }
}
