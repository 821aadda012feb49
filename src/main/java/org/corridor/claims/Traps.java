package org.corridor.claims;

import java.util.List;
import java.util.Set;

/**
 * Tells a count from a number that only looks like one, by the words around it: a percentage, a date, a
 * duration, a clock time, an ordinal, an identifier or a year (ARABIC.md, "Not figures").
 */
final class Traps {
    private static final Set<String> SUFFIXES = Set.of("st", "nd", "rd", "th");

    private final List<Token> tokens;
    private final Figure figure;

    Traps(List<Token> tokens, Figure figure) {
        this.tokens = tokens;
        this.figure = figure;
    }

    Figure classify() {
        if (isPercentage()) {
            return figure.as(Figure.Kind.PERCENTAGE);
        }
        if (isDate()) {
            return figure.as(Figure.Kind.DATE);
        }
        if (isDuration()) {
            return figure.as(Figure.Kind.DURATION);
        }
        if (isClockTime()) {
            return figure.as(Figure.Kind.CLOCK_TIME);
        }
        if (isOrdinal()) {
            return figure.as(Figure.Kind.ORDINAL);
        }
        if (isIdentifier()) {
            return figure.as(Figure.Kind.IDENTIFIER);
        }
        if (isYear()) {
            return figure.as(Figure.Kind.YEAR);
        }
        return figure;
    }

    private boolean isPercentage() {
        String next = text(figure.end());
        return Words.contains(Lexicon.PERCENT_WORDS, next)
                || ((next.equals("في") || next.equals("per"))
                        && Set.of("المئه", "مئه", "cent").contains(text(figure.end() + 1)));
    }

    private boolean isDate() {
        boolean dayOrYear = figure.value() <= 31 || isYearLike();
        return (dayOrYear && Words.contains(Lexicon.MONTHS, text(figure.end())) && isPlainNumber())
                || (dayOrYear && Words.contains(Lexicon.MONTHS, text(figure.first() - 1)) && isPlainNumber())
                || numbersJoinedBySeparators() >= 3
                || (numbersJoinedBySeparators() == 2 && joinedBy("/"));
    }

    private boolean isDuration() {
        int next = figure.end();
        if (at(next) != null && at(next).isMark("-") && at(next).joined()) {
            next++;
        }
        return Words.lookup(Lexicon.DURATIONS, text(next)) != null;
    }

    private boolean isClockTime() {
        Token next = at(figure.end());
        if (next != null
                && next.isMark(":")
                && next.joined()
                && at(figure.end() + 1) != null
                && at(figure.end() + 1).isNumber()) {
            return true;
        }
        Token previous = at(figure.first() - 1);
        if (previous != null
                && previous.isMark(":")
                && tokens.get(figure.first()).joined()
                && at(figure.first() - 2) != null
                && at(figure.first() - 2).isNumber()) {
            return true;
        }
        String after = text(figure.end());
        if ((after.equals("a") || after.equals("p"))
                && text(figure.end() + 1).equals(".")
                && text(figure.end() + 2).equals("m")) {
            return true;
        }
        return Words.contains(Set.of("ساعه"), text(figure.first() - 1)) || Lexicon.CLOCK_WORDS.contains(after);
    }

    private boolean isOrdinal() {
        Token first = tokens.get(figure.first());
        if (first.isWord() && first.text().startsWith("عشر")) {
            String previous = text(figure.first() - 1);
            String bare = Words.withoutArticle(previous);
            return Lexicon.ORDINALS.contains(previous) || (bare != null && Lexicon.ORDINALS.contains(bare));
        }
        Token next = at(figure.end());
        Token previous = at(figure.first() - 1);
        return (first.isNumber() && next != null && next.joined() && SUFFIXES.contains(next.text()))
                || (first.isNumber()
                        && first.joined()
                        && previous != null
                        && previous.text().equals("ال"));
    }

    private boolean isIdentifier() {
        Token first = tokens.get(figure.first());
        Token previous = at(figure.first() - 1);
        Token next = at(figure.end());
        if (previous == null) {
            return false;
        }
        boolean gluedToLatin = first.isNumber()
                && ((first.joined() && previous.isWord() && !previous.isArabic())
                        || (next != null && next.joined() && next.isWord() && !next.isArabic()));
        boolean afterHyphenatedName = first.isNumber()
                && first.joined()
                && previous.isMark("-")
                && at(figure.first() - 2) != null
                && at(figure.first() - 2).isWord();
        boolean namedByUnit = first.isNumber()
                && figure.first() == figure.phraseStart()
                && Words.lookup(Lexicon.UNITS, previous.text()) != null
                && Words.lookup(Lexicon.UNITS, text(figure.end())) == null;
        return gluedToLatin
                || afterHyphenatedName
                || namedByUnit
                || Words.contains(Lexicon.IDENTIFIERS, previous.text());
    }

    private boolean isYear() {
        return isYearLike() && figure.qualifier() == null && Words.lookup(Lexicon.UNITS, text(figure.end())) == null;
    }

    private boolean isYearLike() {
        Token first = tokens.get(figure.first());
        return figure.end() - figure.first() == 1
                && first.isNumber()
                && first.end() - first.start() == 4
                && figure.value() >= 1900
                && figure.value() <= 2100;
    }

    private boolean isPlainNumber() {
        return figure.end() - figure.first() == 1 && tokens.get(figure.first()).isNumber();
    }

    /** How many numbers stand joined by / or - around this one (19/12/2016, 2016-12-19). */
    private int numbersJoinedBySeparators() {
        int count = 1;
        for (int i = figure.first();
                i - 2 >= 0
                        && isSeparator(i - 1)
                        && tokens.get(i - 2).isNumber()
                        && tokens.get(i).joined();
                i -= 2) {
            count++;
        }
        for (int i = figure.end();
                i + 1 < tokens.size()
                        && isSeparator(i)
                        && tokens.get(i + 1).isNumber()
                        && tokens.get(i + 1).joined();
                i += 2) {
            count++;
        }
        return count;
    }

    private boolean joinedBy(String mark) {
        Token before = at(figure.first() - 1);
        Token after = at(figure.end());
        return (before != null && before.isMark(mark)) || (after != null && after.isMark(mark));
    }

    private boolean isSeparator(int index) {
        Token token = tokens.get(index);
        return (token.isMark("/") || token.isMark("-")) && token.joined();
    }

    private Token at(int index) {
        return index >= 0 && index < tokens.size() ? tokens.get(index) : null;
    }

    private String text(int index) {
        Token token = at(index);
        return token == null ? "" : token.text();
    }
}
