package org.corridor.claims;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns text into tokens: words (Arabic folded, Latin lower-cased), numbers in any of the three digit scripts with
 * their thousands separators and decimal point, and single marks; each keeps its range in the input.
 */
final class Scanner {
    private final String source;
    private final List<Token> tokens = new ArrayList<>();
    private int start;
    private int current;
    private boolean joined;

    Scanner(String source) {
        this.source = source;
    }

    List<Token> scanTokens() {
        while (!isAtEnd()) {
            start = current;
            scanToken();
        }
        return tokens;
    }

    private void scanToken() {
        char c = advance();
        if (digit(c) >= 0) {
            number();
        } else if (isWordChar(c)) {
            word(Arabic.isArabicLetter(c) || Arabic.isIgnorable(c));
        } else if (c == '\n') {
            add(Token.Kind.MARK, "\n");
            joined = false;
        } else if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200F' || c == '\u200E') {
            joined = false;
        } else {
            add(Token.Kind.MARK, String.valueOf(c));
        }
    }

    /** Digits, then groups of exactly three after a thousands separator, then a decimal part. */
    private void number() {
        StringBuilder value = new StringBuilder().append((char) ('0' + digit(previous())));
        digits(value);
        while (isThousandsSeparator(peek()) && exactlyThreeDigitsFollow()) {
            advance();
            digits(value);
        }
        if (isDecimalPoint(peek()) && digit(peekNext()) >= 0) {
            advance();
            value.append('.');
            digits(value);
        }
        add(Token.Kind.NUMBER, value.toString());
    }

    private void digits(StringBuilder value) {
        while (digit(peek()) >= 0) {
            value.append((char) ('0' + digit(advance())));
        }
    }

    private void word(boolean arabic) {
        while (!isAtEnd() && isWordChar(peek()) && sameScript(arabic, peek())) {
            advance();
        }
        while (!arabic && isApostrophe(peek()) && Character.isLetter(peekNext())) {
            advance();
            while (!isAtEnd() && isWordChar(peek()) && sameScript(false, peek())) {
                advance();
            }
        }
        String text = source.substring(start, current);
        String word = arabic ? arabic(text) : latin(text);
        if (!word.isEmpty()) {
            add(Token.Kind.WORD, word);
        }
    }

    private static boolean sameScript(boolean arabic, char c) {
        boolean arabicChar = Arabic.isArabicLetter(c) || Arabic.isIgnorable(c);
        return arabic ? arabicChar || Character.getType(c) == Character.NON_SPACING_MARK : !arabicChar;
    }

    /**
     * The lexicon form of an Arabic word. Tanween tells ألفاً (a thousand, accusative) from unvowelled ألفا (two
     * thousand before a noun); it is kept as the singular before the diacritics go.
     */
    private static String arabic(String word) {
        String text = Arabic.normalize(word);
        return text.equals("الفا") && word.indexOf('\u064B') >= 0 ? "الف" : text;
    }

    static String latin(String word) {
        String lower = word.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        for (int i = 0; i < lower.length(); i++) {
            if (lower.charAt(i) > 0x7F) {
                return Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
            }
        }
        return lower;
    }

    private boolean exactlyThreeDigitsFollow() {
        for (int i = 1; i <= 3; i++) {
            if (current + i >= source.length() || digit(source.charAt(current + i)) < 0) {
                return false;
            }
        }
        return current + 4 >= source.length() || digit(source.charAt(current + 4)) < 0;
    }

    /** The value of a digit in ASCII, Arabic-Indic (٠–٩) or Persian (۰–۹) script, or -1. */
    static int digit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= '\u0660' && c <= '\u0669') {
            return c - '\u0660';
        }
        if (c >= '\u06F0' && c <= '\u06F9') {
            return c - '\u06F0';
        }
        return -1;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetter(c) || Arabic.isIgnorable(c) || Character.getType(c) == Character.NON_SPACING_MARK;
    }

    private static boolean isThousandsSeparator(char c) {
        return c == ',' || c == '\u066C';
    }

    private static boolean isDecimalPoint(char c) {
        return c == '.' || c == '\u066B';
    }

    private static boolean isApostrophe(char c) {
        return c == '\'' || c == '\u2019';
    }

    private void add(Token.Kind kind, String text) {
        tokens.add(new Token(kind, text, start, current, joined));
        joined = true;
    }

    private char advance() {
        return source.charAt(current++);
    }

    private char previous() {
        return source.charAt(current - 1);
    }

    private char peek() {
        return isAtEnd() ? '\0' : source.charAt(current);
    }

    private char peekNext() {
        return current + 1 >= source.length() ? '\0' : source.charAt(current + 1);
    }

    private boolean isAtEnd() {
        return current >= source.length();
    }
}
