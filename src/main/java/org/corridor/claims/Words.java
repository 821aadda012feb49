package org.corridor.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Looks Arabic words up under the prefixes written joined to them (و ف ب ل ك ال لل), English words as they are. */
final class Words {
    private static final String[] CONJUNCTIONS = {"و", "ف"};
    private static final String[] PREPOSITIONS = {"ب", "ل", "ك"};
    private static final String[] BARE = new String[0];

    /** The forms of each Arabic word seen, computed once: a reader looks every word up in several lists. */
    private static final Map<String, String[]> FORMS = new ConcurrentHashMap<>();

    private static final int MOST_FORMS_KEPT = 500_000;

    private Words() {}

    /** The entry for the word, bare or under its prefixes; null if there is none. */
    static <V> V lookup(Map<String, V> lexicon, String word) {
        V entry = lexicon.get(word);
        if (entry != null || !isArabic(word)) {
            return entry;
        }
        for (String form : forms(word)) {
            entry = lexicon.get(form);
            if (entry != null) {
                return entry;
            }
        }
        return null;
    }

    static boolean contains(Set<String> words, String word) {
        if (words.contains(word)) {
            return true;
        }
        if (!isArabic(word)) {
            return false;
        }
        for (String form : forms(word)) {
            if (words.contains(form)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The word without its prefixes, most likely first: without a conjunction, then without an article or a
     * preposition (and the article after it), each only when what is left is a word of two letters or more.
     */
    private static String[] forms(String word) {
        String[] forms = FORMS.get(word);
        if (forms == null) {
            forms = strip(word);
            if (FORMS.size() < MOST_FORMS_KEPT) {
                FORMS.put(word, forms);
            }
        }
        return forms;
    }

    private static String[] strip(String word) {
        List<String> forms = new ArrayList<>(4);
        for (String conjunction : CONJUNCTIONS) {
            if (word.startsWith(conjunction) && word.length() > 2) {
                withoutPreposition(forms, word.substring(1), true);
            }
        }
        withoutPreposition(forms, word, false);
        return forms.isEmpty() ? BARE : forms.toArray(String[]::new);
    }

    private static void withoutPreposition(List<String> forms, String word, boolean add) {
        if (add) {
            forms.add(word);
        }
        String bare = withoutArticle(word);
        if (bare != null) {
            forms.add(bare);
        }
        for (String preposition : PREPOSITIONS) {
            if (word.startsWith(preposition) && word.length() > 2) {
                String rest = word.substring(1);
                forms.add(rest);
                String restBare = withoutArticle(rest);
                if (restBare != null) {
                    forms.add(restBare);
                }
            }
        }
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
