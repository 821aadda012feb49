package org.corridor.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds who a sentence says is speaking: the subject of a reporting verb (قال وزير الخارجية التركي إن…, the ICRC
 * said…, …, a spokesman said) or the words after بحسب, وفقاً لـ, نقلاً عن, according to.
 */
final class Sources {
    /** A source whose words are tokens {@code [subjectStart, subjectEnd)}; {@code [first, end)} is all of it. */
    record Found(int first, int end, int subjectStart, int subjectEnd) {}

    private static final Set<String> ARABIC_VERBS = Set.of(
            "قال", "قالت", "قالوا", "يقول", "تقول", "اعلن", "اعلنت", "اعلنوا", "افاد", "افادت", "افادوا", "ذكر", "ذكرت",
            "ذكروا", "اوضح", "اوضحت", "اكد", "اكدت", "اكدوا", "صرح", "صرحت", "اشار", "اشارت", "قدر", "قدرت", "اضاف",
            "اضافت", "كشف", "كشفت", "نقل", "نقلت");
    private static final Set<String> ARABIC_OPENERS = Set.of("بحسب", "حسب", "وفق", "وفقا", "نقلا");
    private static final Set<String> ENGLISH_VERBS = Set.of(
            "said",
            "says",
            "say",
            "told",
            "tells",
            "announced",
            "announces",
            "reported",
            "reports",
            "stated",
            "states",
            "added",
            "confirmed",
            "confirms",
            "estimated",
            "estimates",
            "claimed",
            "claims",
            "warned",
            "noted");
    private static final Set<String> ARABIC_STOPS = Set.of(
            "ان", "انه", "انها", "بان", "بانه", "بانها", "فان", "فانه", "فقد", "الي", "امس", "اليوم", "مساء", "صباح",
            "يوم", "ل");
    private static final Set<String> ENGLISH_STOPS = Set.of(
            "that",
            "on",
            "in",
            "at",
            "yesterday",
            "today",
            "late",
            "earlier",
            "told",
            "to",
            "when",
            "as",
            "while",
            "who",
            "adding",
            "it",
            "its",
            "their",
            "there",
            "some",
            "about",
            "nearly",
            "up",
            "more",
            "over",
            "between");
    private static final Set<String> AUXILIARIES = Set.of("has", "have", "had", "also", "later", "earlier");
    private static final int LONGEST_SUBJECT = 8;

    private final List<Token> tokens;
    private final Segments segments;
    private final boolean[] inFigure;

    Sources(List<Token> tokens, Segments segments, boolean[] inFigure) {
        this.tokens = tokens;
        this.segments = segments;
        this.inFigure = inFigure;
    }

    List<Found> find() {
        List<Found> found = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (!token.isWord()) {
                continue;
            }
            Found source = token.isArabic() ? arabic(i) : english(i);
            if (source != null) {
                found.add(source);
                i = source.end() - 1;
            }
        }
        return found;
    }

    private Found arabic(int verb) {
        String word = tokens.get(verb).text();
        if (Words.contains(ARABIC_OPENERS, word)) {
            int start = verb + 1;
            if (word.endsWith("نقلا") && isText(start, "عن")) {
                start++;
            }
            return subjectAfter(verb, start, ARABIC_STOPS);
        }
        if (!Words.contains(ARABIC_VERBS, word)) {
            return null;
        }
        if (Words.contains(Set.of("نقل", "نقلت"), word)) {
            return relayed(verb);
        }
        Found after = subjectAfter(verb, verb + 1, ARABIC_STOPS);
        return after != null ? after : subjectBefore(verb);
    }

    /** نقلت الوكالة عن مصدر عسكري أن…: the source is the one quoted, after عن. */
    private Found relayed(int verb) {
        for (int i = verb + 1; i < Math.min(tokens.size(), verb + LONGEST_SUBJECT); i++) {
            if (tokens.get(i).text().equals("عن")) {
                return subjectAfter(verb, i + 1, ARABIC_STOPS);
            }
            if (!tokens.get(i).isWord()) {
                return null;
            }
        }
        return null;
    }

    private Found english(int verb) {
        String word = tokens.get(verb).text();
        if (word.equals("according") && isText(verb + 1, "to")) {
            return subjectAfter(verb, verb + 2, ENGLISH_STOPS);
        }
        if (!ENGLISH_VERBS.contains(word)) {
            return null;
        }
        Found before = subjectBefore(verb);
        return before != null ? before : subjectAfter(verb, verb + 1, ENGLISH_STOPS);
    }

    /** The words after the verb up to a stop: إن/أن, that, a mark, a number, a word of event. */
    private Found subjectAfter(int verb, int start, Set<String> stops) {
        int end = start;
        while (end < tokens.size()
                && end - start < LONGEST_SUBJECT
                && tokens.get(end).isWord()
                && !inFigure[end]
                && !Words.contains(stops, tokens.get(end).text())
                && !isTrigger(end)
                && !Sources.isReportingVerb(tokens.get(end).text())) {
            end++;
        }
        if (end == start
                || (end < tokens.size()
                        && end - start == LONGEST_SUBJECT
                        && tokens.get(end).isWord())) {
            return null;
        }
        return new Found(Math.min(verb, start), end, start, end);
    }

    /** The words from the start of the clause up to the verb: "The ICRC said", "…, a spokesman said." */
    private Found subjectBefore(int verb) {
        int start = verb;
        while (start > 0
                && verb - start <= LONGEST_SUBJECT
                && segments.sameClause(start - 1, verb)
                && tokens.get(start - 1).isWord()
                && !inFigure[start - 1]
                && !isTrigger(start - 1)) {
            start--;
        }
        if (start > 0 && segments.sameClause(start - 1, verb)) {
            return null;
        }
        int end = verb;
        while (end > start && AUXILIARIES.contains(tokens.get(end - 1).text())) {
            end--;
        }
        if (end == start || end - start > LONGEST_SUBJECT) {
            return null;
        }
        return new Found(start, verb + 1, start, end);
    }

    private boolean isTrigger(int index) {
        return Words.lookup(Lexicon.TRIGGERS, tokens.get(index).text()) != null;
    }

    private boolean isText(int index, String text) {
        return index < tokens.size() && tokens.get(index).text().equals(text);
    }

    static boolean isReportingVerb(String word) {
        return ENGLISH_VERBS.contains(word) || Words.contains(ARABIC_VERBS, word);
    }
}
