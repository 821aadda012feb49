package org.corridor.claims;

import java.util.Map;
import java.util.Set;

/** Looks Arabic words up under the prefixes written joined to them (و ف ب ل ك ال لل), English words as they are. */
final class Words {
    private static final String[] CONJUNCTIONS = {"و", "ف"};
    private static final String[] PREPOSITIONS = {"ب", "ل", "ك"};

    private Words() {}

    /** The entry for the word, bare or under its prefixes; null if there is none. */
    static <V> V lookup(Map<String, V> lexicon, String word) {
        V entry = lexicon.get(word);
        if (entry != null || !isArabic(word)) {
            return entry;
        }
        for (String conjunction : CONJUNCTIONS) {
            if (word.startsWith(conjunction) && word.length() > 2) {
                entry = lookupWithoutConjunction(lexicon, word.substring(1));
                if (entry != null) {
                    return entry;
                }
            }
        }
        return lookupWithoutConjunction(lexicon, word);
    }

    static boolean contains(Set<String> words, String word) {
        if (words.contains(word)) {
            return true;
        }
        if (!isArabic(word)) {
            return false;
        }
        for (String conjunction : CONJUNCTIONS) {
            if (word.startsWith(conjunction)
                    && word.length() > 2
                    && containsWithoutConjunction(words, word.substring(1))) {
                return true;
            }
        }
        return containsWithoutConjunction(words, word);
    }

    private static <V> V lookupWithoutConjunction(Map<String, V> lexicon, String word) {
        V entry = lexicon.get(word);
        if (entry != null) {
            return entry;
        }
        String bare = withoutArticle(word);
        if (bare != null && (entry = lexicon.get(bare)) != null) {
            return entry;
        }
        for (String preposition : PREPOSITIONS) {
            if (word.startsWith(preposition) && word.length() > 2) {
                String rest = word.substring(1);
                if ((entry = lexicon.get(rest)) != null) {
                    return entry;
                }
                String restBare = withoutArticle(rest);
                if (restBare != null && (entry = lexicon.get(restBare)) != null) {
                    return entry;
                }
            }
        }
        return null;
    }

    private static boolean containsWithoutConjunction(Set<String> words, String word) {
        if (words.contains(word)) {
            return true;
        }
        String bare = withoutArticle(word);
        if (bare != null && words.contains(bare)) {
            return true;
        }
        for (String preposition : PREPOSITIONS) {
            if (word.startsWith(preposition) && word.length() > 2) {
                String rest = word.substring(1);
                String restBare = withoutArticle(rest);
                if (words.contains(rest) || (restBare != null && words.contains(restBare))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The word without its article (ال, or لل after a ل), or null when it has none. */
    static String withoutArticle(String word) {
        if (word.startsWith("ال") && word.length() > 3) {
            return word.substring(2);
        }
        if (word.startsWith("لل") && word.length() > 3) {
            return word.substring(2);
        }
        return null;
    }

    static boolean hasArticle(String word) {
        return withoutArticle(word) != null;
    }

    static boolean isArabic(String word) {
        return !word.isEmpty() && Arabic.isArabicLetter(word.charAt(0));
    }
}
