package org.corridor.claims;

import java.util.Locale;

/** The language of a report: it chooses the language of the place names a claim gives. */
public enum Language {
    AR,
    EN;

    /** {@code ar} or {@code en}, any case. */
    public static Language of(String code) {
        return switch (code.toLowerCase(Locale.ROOT)) {
            case "ar" -> AR;
            case "en" -> EN;
            default -> throw new IllegalArgumentException("must be ar or en");
        };
    }

    /** The language most of the text's letters are written in. */
    public static Language detect(CharSequence text) {
        int arabic = 0;
        int latin = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Arabic.isArabicLetter(c)) {
                arabic++;
            } else if (c < 0x250 && Character.isLetter(c)) {
                latin++;
            }
        }
        return arabic > latin ? AR : EN;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
