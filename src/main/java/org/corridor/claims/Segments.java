package org.corridor.claims;

import java.util.List;
import java.util.Set;

/**
 * The sentences and clauses of a token list: a figure's unit, event, places and time are looked for in its clause
 * first, then in its sentence. Each token gets the number of its sentence and of its clause.
 */
final class Segments {
    private static final Set<String> SENTENCE_MARKS = Set.of(".", "!", "?", "؟", "\n", "…", "۔");
    private static final Set<String> CLAUSE_MARKS = Set.of(",", "،", ";", "؛", ":", "(", ")", "—", "–");
    private static final Set<String> CLAUSE_WORDS = Set.of("بينما", "فيما", "once", "while", "whereas");
    private static final Set<String> ABBREVIATIONS = Set.of("mr", "mrs", "dr", "no", "st", "gen", "col", "lt");

    private final int[] sentence;
    private final int[] clause;
    private final int[] sentenceStarts;

    Segments(List<Token> tokens) {
        sentence = new int[tokens.size()];
        clause = new int[tokens.size()];
        int sentenceNumber = 0;
        int clauseNumber = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.isWord() && CLAUSE_WORDS.contains(token.text())) {
                clauseNumber++;
            }
            sentence[i] = sentenceNumber;
            clause[i] = clauseNumber;
            if (endsSentence(tokens, i)) {
                sentenceNumber++;
                clauseNumber++;
            } else if (token.kind() == Token.Kind.MARK && CLAUSE_MARKS.contains(token.text())) {
                clauseNumber++;
            }
        }
        sentenceStarts = starts(sentenceNumber);
    }

    private int[] starts(int sentences) {
        int[] starts = new int[sentences + 2];
        java.util.Arrays.fill(starts, sentence.length);
        for (int i = sentence.length - 1; i >= 0; i--) {
            starts[sentence[i]] = i;
        }
        return starts;
    }

    /** The first token of the token's sentence. */
    int sentenceStart(int token) {
        return sentenceStarts[sentence[token]];
    }

    /** The token after the last of the token's sentence. */
    int sentenceEnd(int token) {
        return sentenceStarts[sentence[token] + 1];
    }

    private static boolean endsSentence(List<Token> tokens, int i) {
        Token token = tokens.get(i);
        if (token.kind() != Token.Kind.MARK || !SENTENCE_MARKS.contains(token.text())) {
            return false;
        }
        if (!token.text().equals(".") || i == 0) {
            return true;
        }
        Token previous = tokens.get(i - 1);
        boolean abbreviation = previous.isWord()
                && !previous.isArabic()
                && (previous.text().length() == 1 || ABBREVIATIONS.contains(previous.text()));
        return !abbreviation;
    }

    int sentence(int token) {
        return sentence[token];
    }

    int clause(int token) {
        return clause[token];
    }

    boolean sameSentence(int a, int b) {
        return sentence[a] == sentence[b];
    }

    boolean sameClause(int a, int b) {
        return clause[a] == clause[b];
    }

    int size() {
        return sentence.length;
    }
}
