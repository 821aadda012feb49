package org.corridor.claims;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.corridor.claims.Lexicon.NumberWord;
import org.corridor.claims.Lexicon.Part;
import org.corridor.claims.Lexicon.Qualifier;

/**
 * Reads the numbers in a list of tokens by the grammar of ARABIC.md (and its English counterpart), then tells
 * counts from what only looks like one. Its methods are named after the grammar's rules:
 *
 * <pre>
 * figure       → qualifier? number ( ( "و" | "and" | "to" | "إلى" | "-" ) number )?
 * number       → arabicNumber | englishNumber | digits scale?
 * arabicNumber → group ( "و" group )* ( "و" "نصف" )?      each group smaller than the scale before it
 * group        → ( hundreds ( "و" belowHundred )? | belowHundred ) scale? | digits scale? | scale
 * hundreds     → مئة | مئتان … تسعمئة | unit مئة
 * belowHundred → unit عشر | unit "و" tens | tens | unit | عشرة
 * </pre>
 */
final class FigureParser {
    private static final long LIMIT = 1_000_000_000_000L;

    private final List<Token> tokens;
    private int current;

    FigureParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    /** Every number in the tokens, in order, each with its kind. */
    List<Figure> parse() {
        List<Figure> figures = new ArrayList<>();
        while (current < tokens.size()) {
            int start = current;
            Figure figure = figure();
            if (figure == null) {
                current = start + 1;
            } else {
                figures.add(figure);
                current = figure.end();
            }
        }
        return figures;
    }

    private Figure figure() {
        int first = current;
        Long value = number();
        if (value == null) {
            return null;
        }
        if (isWeakAlone(first)) {
            return null;
        }
        Figure figure = new Figure(value, 0, null, first, first, current, Figure.Kind.COUNT);
        figure = qualifier(figure);
        figure = range(figure);
        return new Traps(tokens, figure).classify();
    }

    /** خمس, ست, عشر alone are a number only before a plural they count (خمس حافلات), not خمس السكان. */
    private boolean isWeakAlone(int first) {
        NumberWord word = current - first == 1 ? numberWord(first, true) : null;
        if (word == null || !word.weak()) {
            return false;
        }
        Lexicon.UnitWord unit = current < tokens.size()
                ? Words.lookup(Lexicon.UNITS, tokens.get(current).text())
                : null;
        return unit == null || unit.partitiveOnly() || unit.dual();
    }

    // figure → qualifier? number …

    private Figure qualifier(Figure figure) {
        for (int length = Math.min(Lexicon.LONGEST_QUALIFIER, figure.first()); length >= 1; length--) {
            List<String> words = new ArrayList<>(length);
            for (int i = figure.first() - length; i < figure.first(); i++) {
                words.add(
                        i == figure.first() - length
                                ? withoutConjunction(tokens.get(i).text())
                                : tokens.get(i).text());
            }
            Qualifier qualifier = Lexicon.QUALIFIERS.get(words);
            if (qualifier != null) {
                return figure.qualified(qualifier, figure.first() - length);
            }
        }
        if (figure.end() < tokens.size() && tokens.get(figure.end()).text().equals("تقريبا")) {
            return figure.qualified(Qualifier.APPROXIMATE, figure.first());
        }
        return figure;
    }

    private Figure range(Figure figure) {
        int save = current;
        Connector connector = rangeConnector();
        if (connector == null) {
            return figure;
        }
        boolean opened = figure.phraseStart() > 0
                && Words.contains(
                        Lexicon.RANGE_OPENERS,
                        tokens.get(figure.phraseStart() - 1).text());
        Long upper = current < tokens.size() ? number() : null;
        if (upper == null || upper <= figure.value() || (connector == Connector.AND && !opened)) {
            current = save;
            return figure;
        }
        int phraseStart = opened ? figure.phraseStart() - 1 : figure.phraseStart();
        Qualifier qualifier = figure.qualifier() == null ? Qualifier.APPROXIMATE : figure.qualifier();
        return figure.qualified(qualifier, phraseStart).upTo(upper, current);
    }

    /** "and" joins a range only after "between" (بين); "to", "إلى" and a joined hyphen join one by themselves. */
    private enum Connector {
        AND,
        TO
    }

    private Connector rangeConnector() {
        if (current >= tokens.size()) {
            return null;
        }
        Token token = tokens.get(current);
        if (token.isMark("-")
                && token.joined()
                && current + 1 < tokens.size()
                && tokens.get(current + 1).joined()) {
            if (followsSeparator()) {
                return null;
            }
            current++;
            return Connector.TO;
        }
        if (token.text().equals("to") || token.text().equals("الي")) {
            current++;
            return Connector.TO;
        }
        if (token.text().equals("و") || token.text().equals("and")) {
            current++;
            return Connector.AND;
        }
        return token.isArabic() && token.text().startsWith("و") && numberWord(current, true) != null
                ? Connector.AND
                : null;
    }

    /** 2016-12-19: a number after a joined - or / is part of a date, not the start of a range. */
    private boolean followsSeparator() {
        int first = current - 1;
        while (first > 0
                && tokens.get(first).joined()
                && !tokens.get(first - 1).isMark("-")
                && tokens.get(first - 1).isNumber()) {
            first--;
        }
        return first > 0
                && tokens.get(first).joined()
                && (tokens.get(first - 1).isMark("-") || tokens.get(first - 1).isMark("/"));
    }

    // number → arabicNumber | englishNumber | digits scale?

    private Long number() {
        Token token = tokens.get(current);
        if (token.isNumber() || (token.isWord() && numberWord(current, true) != null)) {
            return token.isWord() && !token.isArabic() ? englishNumber() : arabicNumber();
        }
        if (token.isWord()
                && (token.text().equals("a")
                        || token.text().equals("an")
                        || token.text().equals("half"))) {
            return englishNumber();
        }
        return null;
    }

    private Long arabicNumber() {
        int start = current;
        Group group = group(true);
        if (group == null) {
            current = start;
            return null;
        }
        long total = group.value();
        long lastScale = group.scale();
        while (lastScale > 0) {
            int save = current;
            if (!conjunction()) {
                break;
            }
            if (half()) {
                total += lastScale / 2;
                break;
            }
            Group next = group(false);
            if (next == null || next.value() >= lastScale || next.scale() >= lastScale) {
                current = save;
                break;
            }
            total += next.value();
            lastScale = next.scale();
        }
        return total;
    }

    /** A value and the scale word that ended it (0 when none). */
    private record Group(long value, long scale) {}

    private Group group(boolean first) {
        Token token = tokens.get(current);
        if (token.isNumber()) {
            return digits();
        }
        NumberWord word = numberWord(current, true);
        if (word == null) {
            return null;
        }
        if (word.part() == Part.SCALE || word.part() == Part.DUAL_SCALE) {
            if (word.alone() == 0) {
                return null;
            }
            current++;
            return new Group(word.alone(), word.value());
        }
        Long value = hundredsAndBelow();
        if (value == null) {
            return null;
        }
        long scale = scale();
        return new Group(scale == 0 ? value : value * scale, scale);
    }

    private Long hundredsAndBelow() {
        Long hundreds = hundreds();
        if (hundreds == null) {
            return belowHundred();
        }
        int save = current;
        if (conjunction()) {
            Long below = belowHundred();
            if (below != null) {
                return hundreds + below;
            }
        }
        current = save;
        return hundreds;
    }

    private Group digits() {
        Token token = tokens.get(current++);
        if (token.text().length() > 15) {
            return null;
        }
        BigDecimal value = new BigDecimal(token.text());
        long scale = scale();
        if (scale > 0) {
            value = value.multiply(BigDecimal.valueOf(scale));
        }
        if (value.stripTrailingZeros().scale() > 0 || value.compareTo(BigDecimal.valueOf(LIMIT)) > 0) {
            return null;
        }
        return new Group(value.longValueExact(), scale);
    }

    /** A scale word that multiplies what came before (ألف, آلاف, مليون, thousand); 0 when there is none. */
    private long scale() {
        if (current >= tokens.size()) {
            return 0;
        }
        NumberWord word = numberWord(current, false);
        if (word != null && word.part() == Part.SCALE) {
            current++;
            return word.value();
        }
        return 0;
    }

    // hundreds → مئة | مئتان … تسعمئة | unit مئة

    private Long hundreds() {
        NumberWord word = numberWord(current, true);
        if (word == null) {
            return null;
        }
        if (word.part() == Part.HUNDRED || word.part() == Part.HUNDREDS) {
            current++;
            return word.value();
        }
        if (word.part() == Part.UNIT && word.value() >= 3 && current + 1 < tokens.size()) {
            NumberWord next = numberWord(current + 1, false);
            if (next != null && next.part() == Part.HUNDRED) {
                current += 2;
                return word.value() * 100;
            }
        }
        return null;
    }

    // belowHundred → unit عشر | unit "و" tens | tens | unit | عشرة

    private Long belowHundred() {
        if (current >= tokens.size()) {
            return null;
        }
        NumberWord word = numberWord(current, true);
        if (word == null) {
            return null;
        }
        switch (word.part()) {
            case TENS, TEN -> {
                current++;
                return word.value();
            }
            case UNIT -> {
                current++;
                return unitAndMore(word);
            }
            default -> {
                return null;
            }
        }
    }

    private Long unitAndMore(NumberWord unit) {
        NumberWord next = current < tokens.size() ? numberWord(current, false) : null;
        if (next != null && next.part() == Part.TEN) {
            current++;
            return unit.value() + 10;
        }
        int save = current;
        if (conjunction()) {
            NumberWord tens = numberWord(current, false);
            if (tens != null && tens.part() == Part.TENS) {
                current++;
                return unit.value() + tens.value();
            }
        }
        current = save;
        return unit.alone() > 0 ? unit.value() : null;
    }

    /** و between the parts of a number: a word by itself, or joined to the next (then left for it to strip). */
    private boolean conjunction() {
        if (current >= tokens.size()) {
            return false;
        }
        Token token = tokens.get(current);
        if (token.text().equals("و") && current + 1 < tokens.size()) {
            current++;
            return true;
        }
        return token.isArabic() && token.text().startsWith("و") && token.text().length() > 1;
    }

    /** ونصف, ونصف المليون: half of the last scale. */
    private boolean half() {
        NumberWord word = current < tokens.size() ? numberWord(current, true) : null;
        if (word == null || word.part() != Part.HALF) {
            return false;
        }
        current++;
        if (current < tokens.size() && Words.hasArticle(tokens.get(current).text())) {
            NumberWord scale =
                    Lexicon.NUMBERS.get(Words.withoutArticle(tokens.get(current).text()));
            if (scale != null && scale.part() == Part.SCALE) {
                current++;
            }
        }
        return true;
    }

    // englishNumber: the words of English numbers, read as a running total.

    private Long englishNumber() {
        int start = current;
        long total = 0;
        long group = 0;
        Part last = null;
        while (current < tokens.size()) {
            String text = tokens.get(current).text();
            if ((text.equals("a") || text.equals("an")) && last == null && followedByMultiplier()) {
                group = 1;
                last = Part.UNIT;
                current++;
                continue;
            }
            if (text.equals("half") && last == null && isWord(current + 1, "a") && followedByScale(current + 2)) {
                long scale = Lexicon.NUMBERS.get(tokens.get(current + 2).text()).value();
                current += 3;
                return scale / 2;
            }
            if ((text.equals("and") && (last == Part.HUNDRED || last == Part.SCALE) && nextIsNumberWord())
                    || (text.equals("-")
                            && last == Part.TENS
                            && tokens.get(current).joined()
                            && nextIsNumberWord())) {
                current++;
                continue;
            }
            NumberWord word = tokens.get(current).isWord() ? Lexicon.NUMBERS.get(text) : null;
            if (word == null || !fitsAfter(word, last, group)) {
                break;
            }
            switch (word.part()) {
                case HUNDRED -> group *= 100;
                case SCALE -> {
                    total += group * word.value();
                    group = 0;
                }
                case DOZEN -> group = Math.max(group, 1) * 12;
                default -> group += word.value();
            }
            last = word.part();
            current++;
        }
        return finish(start, total + group, last != null);
    }

    /** Whether an English number word may follow the part before it: "five hundred", "twelve hundred", not "five six". */
    private static boolean fitsAfter(NumberWord word, Part last, long group) {
        return switch (word.part()) {
            case UNIT ->
                last == null || last == Part.HUNDRED || last == Part.SCALE || (last == Part.TENS && group % 10 == 0);
            case TEN, TEEN, TENS -> last == null || last == Part.HUNDRED || last == Part.SCALE;
            case HUNDRED -> (last == Part.UNIT || last == Part.TEEN || last == Part.TEN) && group > 0 && group < 100;
            case SCALE -> group > 0 && last != Part.SCALE;
            case DOZEN -> last == null || last == Part.UNIT;
            default -> false;
        };
    }

    private Long finish(int start, long value, boolean any) {
        if (!any || value == 0) {
            current = start;
            return null;
        }
        return value;
    }

    private boolean followedByMultiplier() {
        if (current + 1 >= tokens.size()) {
            return false;
        }
        NumberWord next = Lexicon.NUMBERS.get(tokens.get(current + 1).text());
        return next != null && (next.part() == Part.HUNDRED || next.part() == Part.SCALE || next.part() == Part.DOZEN);
    }

    private boolean followedByScale(int index) {
        if (index >= tokens.size()) {
            return false;
        }
        NumberWord next = Lexicon.NUMBERS.get(tokens.get(index).text());
        return next != null && next.part() == Part.SCALE;
    }

    private boolean nextIsNumberWord() {
        return current + 1 < tokens.size()
                && Lexicon.NUMBERS.containsKey(tokens.get(current + 1).text());
    }

    private boolean isWord(int index, String text) {
        return index < tokens.size() && tokens.get(index).text().equals(text);
    }

    /**
     * The number word at {@code index}: as written, or, for Arabic, under one joined prefix (و ف ب ل) when
     * {@code prefixed}. The article is never stripped: الخمسة is "the five", an ordinal or a date as often as a count.
     */
    private NumberWord numberWord(int index, boolean prefixed) {
        Token token = tokens.get(index);
        if (!token.isWord()) {
            return null;
        }
        String text = token.text();
        NumberWord word = Lexicon.NUMBERS.get(text);
        if (word == null && token.isArabic() && text.length() > 2 && "وفبل".indexOf(text.charAt(0)) >= 0) {
            word = Lexicon.NUMBERS.get(text.substring(1));
            if (word != null && !prefixed && text.charAt(0) != 'و') {
                return null;
            }
        }
        return word;
    }

    private static String withoutConjunction(String word) {
        return word.length() > 2 && (word.startsWith("و") || word.startsWith("ف")) && Words.isArabic(word)
                ? word.substring(1)
                : word;
    }
}
