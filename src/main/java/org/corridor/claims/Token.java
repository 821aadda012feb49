package org.corridor.claims;

/**
 * One word, number or mark of the input. {@code text} is the normalised form the reader looks up (Arabic folded
 * as ARABIC.md says, Latin lower-cased, digits in ASCII with {@code .} as the decimal point and no separators);
 * {@code start} and {@code end} are the token's range {@code [start, end)} in the input, in UTF-16 units.
 *
 * @param joined whether the token touches the one before it, with no space between them
 */
record Token(Kind kind, String text, int start, int end, boolean joined) {
    enum Kind {
        WORD,
        NUMBER,
        MARK
    }

    boolean isWord() {
        return kind == Kind.WORD;
    }

    boolean isNumber() {
        return kind == Kind.NUMBER;
    }

    boolean isMark(String mark) {
        return kind == Kind.MARK && text.equals(mark);
    }

    /** Whether the token is a word in Arabic script. */
    boolean isArabic() {
        return kind == Kind.WORD && Arabic.isArabicLetter(text.charAt(0));
    }

    @Override
    public String toString() {
        return kind + " '" + text + "' at " + start;
    }
}
