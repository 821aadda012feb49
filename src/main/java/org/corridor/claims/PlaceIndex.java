package org.corridor.claims;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds places in tokens: the longest run of words that matches one of a place's names, each word compared in
 * its normalised form and, for Arabic, under its joined prefixes (بحلب, والفوعة, للراموسة).
 */
final class PlaceIndex {
    /** Latin particles that names write and texts drop, or the reverse (al-Rashidin, Rashidin). */
    private static final Set<String> PARTICLES = Set.of("al", "el", "ad", "ar", "as", "ash", "at", "az", "-", "'");

    private record Name(List<String> keys, Place place) {}

    /** A place found at tokens {@code [first, end)}. */
    record Match(int first, int end, Place place) {}

    private final Map<String, List<Name>> byFirstKey = new HashMap<>();

    PlaceIndex(List<Place> places) {
        for (Place place : places) {
            for (String name : place.names()) {
                List<String> keys = keys(name);
                if (!keys.isEmpty()) {
                    byFirstKey
                            .computeIfAbsent(keys.get(0), k -> new ArrayList<>())
                            .add(new Name(keys, place));
                }
            }
        }
        for (List<Name> names : byFirstKey.values()) {
            names.sort(
                    Comparator.comparingInt((Name name) -> name.keys().size()).reversed());
        }
    }

    private static List<String> keys(String name) {
        List<String> keys = new ArrayList<>();
        for (Token token : new Scanner(name).scanTokens()) {
            if (token.isWord() && !PARTICLES.contains(token.text())) {
                String bare = Words.withoutArticle(token.text());
                keys.add(token.isArabic() && bare != null ? bare : token.text());
            }
        }
        return keys;
    }

    /** Every place named in the tokens, longest names first where two overlap, in the order of the text. */
    List<Match> find(List<Token> tokens) {
        List<Integer> words = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).isWord() && !PARTICLES.contains(tokens.get(i).text())) {
                words.add(i);
            }
        }
        List<Match> matches = new ArrayList<>();
        for (int w = 0; w < words.size(); ) {
            Match match = longestAt(tokens, words, w);
            if (match == null) {
                w++;
            } else {
                matches.add(match);
                while (w < words.size() && words.get(w) < match.end()) {
                    w++;
                }
            }
        }
        return matches;
    }

    private Match longestAt(List<Token> tokens, List<Integer> words, int w) {
        Match best = null;
        for (String key : variants(tokens.get(words.get(w)).text())) {
            for (Name name : byFirstKey.getOrDefault(key, List.of())) {
                int length = name.keys().size();
                if ((best == null || length > best.end() - best.first()) && matchesFrom(tokens, words, w, name)) {
                    int end = words.get(w + length - 1) + 1;
                    if (best == null || end > best.end()) {
                        best = new Match(words.get(w), end, name.place());
                    }
                }
            }
        }
        return best;
    }

    private static boolean matchesFrom(List<Token> tokens, List<Integer> words, int w, Name name) {
        if (w + name.keys().size() > words.size()) {
            return false;
        }
        for (int k = 1; k < name.keys().size(); k++) {
            int index = words.get(w + k);
            if (!adjacent(tokens, words.get(w + k - 1), index)
                    || !variants(tokens.get(index).text()).contains(name.keys().get(k))) {
                return false;
            }
        }
        return true;
    }

    /** Two words belong to one name when nothing but a hyphen, an apostrophe or a particle stands between them. */
    private static boolean adjacent(List<Token> tokens, int previous, int next) {
        for (int i = previous + 1; i < next; i++) {
            if (!PARTICLES.contains(tokens.get(i).text())) {
                return false;
            }
        }
        return true;
    }

    /** The forms a text word may match a name's key in: as written, and for Arabic without its prefixes. */
    static List<String> variants(String word) {
        List<String> variants = new ArrayList<>(6);
        variants.add(word);
        if (!Words.isArabic(word)) {
            if (word.endsWith("'s")) {
                variants.add(word.substring(0, word.length() - 2));
            }
            return variants;
        }
        addBare(variants, word);
        for (String conjunction : List.of("و", "ف")) {
            if (word.startsWith(conjunction) && word.length() > 3) {
                addWithPrepositions(variants, word.substring(1));
            }
        }
        addWithPrepositions(variants, word);
        return variants;
    }

    private static void addWithPrepositions(List<String> variants, String word) {
        addBare(variants, word);
        for (String preposition : List.of("ب", "ل", "ك")) {
            if (word.startsWith(preposition) && word.length() > 3) {
                addBare(variants, word.substring(1));
            }
        }
    }

    private static void addBare(List<String> variants, String word) {
        if (!variants.contains(word)) {
            variants.add(word);
        }
        String bare = Words.withoutArticle(word);
        if (bare != null && !variants.contains(bare)) {
            variants.add(bare);
        }
    }
}
