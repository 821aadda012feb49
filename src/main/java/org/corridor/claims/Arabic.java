package org.corridor.claims;

import java.text.Normalizer;

/** Folds Arabic words to the form the lexicon holds, as ARABIC.md prescribes: normalise, never stem. */
final class Arabic {
    private Arabic() {}

    static boolean isArabicLetter(char c) {
        return (c >= '\u0621' && c <= '\u064A') || (c >= '\u0671' && c <= '\u06D3') || isPresentationForm(c);
    }

    /** Diacritics (harakat, tanween, shadda, sukun), the superscript alef and tatweel: dropped from words. */
    static boolean isIgnorable(char c) {
        return (c >= '\u064B' && c <= '\u0652') || c == '\u0670' || c == '\u0640';
    }

    static boolean isPresentationForm(char c) {
        return (c >= '\uFB50' && c <= '\uFDFF') || (c >= '\uFE70' && c <= '\uFEFF');
    }

    /** The lexicon form of an Arabic word: alef forms to ا, ى to ي, ة to ه, مائ to مئ, no diacritics. */
    static String normalize(CharSequence word) {
        StringBuilder folded = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (isPresentationForm(c)) {
                presentationForm(c, folded);
            } else if (!isIgnorable(c)) {
                folded.append(fold(c));
            }
        }
        int hundred = folded.indexOf("مائ");
        if (hundred >= 0) {
            folded.deleteCharAt(hundred + 1);
        }
        return folded.toString();
    }

    /** A presentation form by its NFKC letters (ﻻ is لا); one with no decomposition is dropped. */
    private static void presentationForm(char c, StringBuilder folded) {
        String letters = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFKC);
        for (int i = 0; i < letters.length(); i++) {
            char letter = letters.charAt(i);
            if (!isPresentationForm(letter) && !isIgnorable(letter)) {
                folded.append(fold(letter));
            }
        }
    }

    private static char fold(char c) {
        return switch (c) {
            case 'أ', 'إ', 'آ', 'ٱ' -> 'ا';
            case 'ى', 'ی' -> 'ي';
            case 'ة' -> 'ه';
            case 'ک' -> 'ك';
            default -> c;
        };
    }
}
