package org.corridor.claims;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.corridor.claims.Claim.PlaceMention;
import org.corridor.claims.Lexicon.Qualifier;
import org.corridor.claims.Lexicon.Trigger;
import org.corridor.claims.Lexicon.UnitWord;

/**
 * Turns the counts among the figures into claims, reading around each: the noun it counts, the word of event
 * nearest it in its clause (a verb before a noun), whether it is announced for the future, the places and time
 * of its clause, and the source of its sentence. A figure with no unit of its own takes the previous claim's in
 * its sentence ("4,500 of them"); one followed by a noun that is none of the units (ستة أطباء) is not a claim.
 */
final class ClaimParser {

    private final String text;
    private final List<Token> tokens;
    private final Language language;
    private final ZonedDateTime reportDate;
    private final Segments segments;
    private final List<Figure> figures;
    private final List<PlaceIndex.Match> places;
    private final List<Sources.Found> sources;
    private final List<TimeExpressions.Found> times;
    private final Hit[] triggers;
    private final List<Claim> claims = new ArrayList<>();
    private Claim previous;
    private int previousSentence = -1;
    private int previousTrigger = -1;
    private int chosenTrigger = -1;
    private int[] countsPerClause;

    /** A word of event at a token: its strength (a verb 2, a noun 1) and whether its form is future. */
    private record Hit(Event event, int strength, boolean future) {}

    ClaimParser(String text, List<Token> tokens, PlaceIndex placeIndex, Language language, ZonedDateTime reportDate) {
        this.text = text;
        this.tokens = tokens;
        this.language = language;
        this.reportDate = reportDate;
        this.segments = new Segments(tokens);
        this.figures = new FigureParser(tokens).parse();
        boolean[] inFigure = new boolean[tokens.size()];
        for (Figure figure : figures) {
            for (int i = figure.first(); i < figure.end(); i++) {
                inFigure[i] = true;
            }
        }
        this.places = placeIndex.find(tokens);
        this.sources = new Sources(tokens, segments, inFigure).find();
        this.times = new TimeExpressions(tokens, figures).find();
        this.triggers = triggers();
    }

    List<Claim> parse() {
        List<Figure> counts = counts();
        countsPerClause = new int[tokens.size() + 1];
        for (Figure figure : counts) {
            countsPerClause[segments.clause(Math.min(figure.first(), tokens.size() - 1))]++;
        }
        for (Figure figure : counts) {
            Claim claim = claim(figure);
            if (claim != null) {
                claims.add(claim);
                previous = claim;
                previousTrigger = chosenTrigger;
                previousSentence =
                        segments.sentence(figure.first() < tokens.size() ? figure.first() : tokens.size() - 1);
            }
        }
        return claims;
    }

    /** The counts, and the Arabic dual nouns that count two by themselves (حافلتان, سيارتا إسعاف). */
    private List<Figure> counts() {
        List<Figure> counts = new ArrayList<>();
        boolean[] inFigure = new boolean[tokens.size() + 1];
        for (Figure figure : figures) {
            if (figure.kind() == Figure.Kind.COUNT) {
                counts.add(figure);
            }
            for (int i = figure.first(); i <= figure.end() && i < inFigure.length; i++) {
                inFigure[i] = true;
            }
        }
        for (int i = 0; i < tokens.size(); i++) {
            UnitWord unit = tokens.get(i).isArabic()
                    ? Words.lookup(Lexicon.UNITS, tokens.get(i).text())
                    : null;
            if (unit != null && unit.dual() && !inFigure[i]) {
                counts.add(new Figure(2, 0, null, i, i, i, Figure.Kind.COUNT));
            }
        }
        counts.sort(Comparator.comparingInt(Figure::first));
        return counts;
    }

    private Claim claim(Figure figure) {
        UnitReading unitReading = unit(figure);
        if (unitReading.blocked()) {
            return null;
        }
        int at = Math.min(figure.first(), tokens.size() - 1);
        Claim before = previous != null && previousSentence == segments.sentence(at) ? previous : null;
        EventReading eventReading = event(figure, unitReading, before);
        Unit unit = unitReading.unit() != null
                ? unitReading.unit()
                : before != null ? before.unit() : eventReading.event() != null ? Unit.PEOPLE : null;
        if (unit == null) {
            return null;
        }
        Modality modality = eventReading.modality();
        return new Claim(
                figure.value(),
                figure.qualifier() != null || figure.upTo() > 0,
                bound(figure),
                figure.upTo(),
                unit,
                eventReading.event(),
                modality,
                places(at),
                time(at, modality),
                source(at),
                span(figure, unitReading.end()));
    }

    // unit: what the figure counts ---------------------------------------------------------------------------

    /**
     * The unit read after a figure and the token where its noun ends. {@code blocked}: a noun that is no unit
     * follows; {@code elliptic}: "and 14 injured", the event said by the word that would be the unit.
     */
    private record UnitReading(Unit unit, int end, Event implied, Event elliptic, boolean blocked) {
        static UnitReading none(int end) {
            return new UnitReading(null, end, null, null, false);
        }
    }

    private UnitReading unit(Figure figure) {
        int i = figure.end();
        if (i >= tokens.size() || !tokens.get(i).isWord()) {
            return UnitReading.none(figure.end());
        }
        boolean synthetic = figure.first() == figure.end();
        UnitWord word = Words.lookup(Lexicon.UNITS, tokens.get(i).text());
        if (word != null && !word.partitiveOnly() && (word.dual() == synthetic)) {
            return counted(word, i);
        }
        if (synthetic) {
            return UnitReading.none(figure.end());
        }
        UnitReading modified = afterModifiers(i);
        if (modified != null) {
            return modified;
        }
        UnitReading partitive = partitive(i);
        if (partitive != null) {
            return partitive;
        }
        String next = tokens.get(i).text();
        if (Words.contains(Lexicon.INHERIT_WORDS, next) || (next.equals("of") && isText(i + 1, "them"))) {
            return UnitReading.none(figure.end());
        }
        boolean known = Words.contains(Lexicon.FUNCTION_WORDS, next)
                || triggers[i] != null
                || Sources.isReportingVerb(next)
                || startsPlace(i)
                || word != null
                || Lexicon.NUMBERS.containsKey(next)
                || Words.contains(Lexicon.QUALIFIERS_FIRST_WORDS, next);
        return known ? UnitReading.none(figure.end()) : new UnitReading(null, figure.end(), null, null, true);
    }

    private UnitReading counted(UnitWord word, int i) {
        Unit unit = word.unit();
        int end = i + 1;
        if (unit == Unit.VEHICLES
                && end < tokens.size()
                && Words.contains(Set.of(Lexicon.AMBULANCE), tokens.get(end).text())) {
            return new UnitReading(Unit.AMBULANCES, end + 1, null, null, false);
        }
        if (!tokens.get(i).isArabic() && end < tokens.size()) {
            UnitWord head = Lexicon.UNITS.get(tokens.get(end).text());
            if (head != null) {
                return new UnitReading(head.generic() ? unit : head.unit(), end + 1, word.implied(), null, false);
            }
            if (Lexicon.ELLIPTIC.contains(tokens.get(i).text()) && previousInSentence(i)) {
                return new UnitReading(null, end, null, triggerEvent(i), false);
            }
        }
        return new UnitReading(unit, end, word.implied(), null, false);
    }

    /** English: up to two words between the number and its noun ("14 green buses", "4,000 Aleppo residents"). */
    private UnitReading afterModifiers(int i) {
        if (tokens.get(i).isArabic()) {
            return null;
        }
        for (int k = 1; k <= 2 && i + k < tokens.size(); k++) {
            Token modifier = tokens.get(i + k - 1);
            if (!modifier.isWord()
                    || Lexicon.FUNCTION_WORDS.contains(modifier.text())
                            && !modifier.text().equals("more")) {
                return null;
            }
            UnitWord word = Lexicon.UNITS.get(tokens.get(i + k).text());
            if (word != null && !word.dual()) {
                return counted(word, i + k);
            }
        }
        return null;
    }

    /** من سكان حلب, من المدنيين, of the residents: the unit after a partitive. */
    private UnitReading partitive(int i) {
        String word = tokens.get(i).text();
        if (!word.equals("من") && !word.equals("of")) {
            return null;
        }
        int j = isText(i + 1, "the") ? i + 2 : i + 1;
        if (j >= tokens.size()) {
            return null;
        }
        UnitWord unit = Words.lookup(Lexicon.UNITS, tokens.get(j).text());
        return unit == null ? null : new UnitReading(unit.unit(), j + 1, unit.implied(), null, false);
    }

    private boolean previousInSentence(int index) {
        return previous != null && previousSentence == segments.sentence(index);
    }

    private boolean startsPlace(int index) {
        for (PlaceIndex.Match match : inSentence(places, index, PlaceIndex.Match::first)) {
            if (match.first() == index) {
                return true;
            }
        }
        return false;
    }

    /** The items of a list in text order that stand in the sentence of token {@code at}, found by bisection. */
    private <T> List<T> inSentence(List<T> found, int at, java.util.function.ToIntFunction<T> position) {
        int from = firstAtOrAfter(found, segments.sentenceStart(at), position);
        int to = firstAtOrAfter(found, segments.sentenceEnd(at), position);
        return found.subList(from, to);
    }

    private static <T> int firstAtOrAfter(List<T> found, int token, java.util.function.ToIntFunction<T> position) {
        int low = 0;
        int high = found.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (position.applyAsInt(found.get(middle)) < token) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    // event and modality -------------------------------------------------------------------------------------

    private record EventReading(Event event, Modality modality) {}

    private EventReading event(Figure figure, UnitReading unit, Claim before) {
        chosenTrigger = -1;
        if (unit.elliptic() != null) {
            return new EventReading(unit.elliptic(), before != null ? before.modality() : Modality.REPORTED);
        }
        int at = Math.min(figure.first(), tokens.size() - 1);
        int trigger = nearestTrigger(figure, unit.end(), true);
        chosenTrigger = trigger;
        if (trigger < 0 && before != null) {
            return new EventReading(before.event(), before.modality());
        }
        if (trigger < 0) {
            trigger = nearestTrigger(figure, unit.end(), false);
            chosenTrigger = trigger;
        }
        if (trigger < 0) {
            return new EventReading(unit.implied(), plannedIn(at) ? Modality.PLANNED : Modality.REPORTED);
        }
        boolean planned = triggers[trigger].future() || plannedIn(at) || plannedIn(trigger) || infinitive(trigger);
        return new EventReading(triggers[trigger].event(), planned ? Modality.PLANNED : Modality.REPORTED);
    }

    /** The strongest word of event near the figure, in its clause or, failing that, in its sentence; -1 if none. */
    private int nearestTrigger(Figure figure, int unitEnd, boolean clauseOnly) {
        int at = Math.min(figure.first(), tokens.size() - 1);
        int best = -1;
        int bestScore = Integer.MIN_VALUE;
        for (int i = windowStart(at); i < windowEnd(at); i++) {
            if (triggers[i] == null || (i >= figure.phraseStart() && i < unitEnd)) {
                continue;
            }
            boolean near = clauseOnly ? segments.sameClause(i, at) : segments.sameSentence(i, at);
            if (!near) {
                continue;
            }
            int distance = i < figure.phraseStart() ? figure.phraseStart() - i : i - unitEnd + 1;
            if (i == previousTrigger || (i >= unitEnd && relativeBetween(unitEnd, i))) {
                distance += 5;
            }
            int score = triggers[i].strength() * 10 - distance;
            if (score > bestScore) {
                best = i;
                bestScore = score;
            }
        }
        return best;
    }

    /** How far from a figure a word of event or of plan may stand and still be about it, in tokens. */
    private static final int WINDOW = 40;

    /** The first token looked at around a figure: its sentence's first, or WINDOW tokens back in a long one. */
    private int windowStart(int at) {
        return Math.max(segments.sentenceStart(at), at - WINDOW);
    }

    private int windowEnd(int at) {
        return Math.min(segments.sentenceEnd(at), at + WINDOW);
    }

    /** "23 detainees who had been held": a relative clause tells their past, not the figure's event. */
    private boolean relativeBetween(int from, int to) {
        for (int i = from; i < to; i++) {
            if (Words.contains(Lexicon.RELATIVES, tokens.get(i).text())) {
                return true;
            }
        }
        return false;
    }

    private Hit[] triggers() {
        Hit[] hits = new Hit[tokens.size()];
        for (int i = 0; i < tokens.size(); i++) {
            hits[i] = trigger(i);
        }
        for (Sources.Found source : sources) {
            for (int i = source.first(); i < source.end(); i++) {
                hits[i] = null;
            }
        }
        return hits;
    }

    private Hit trigger(int i) {
        Token token = tokens.get(i);
        if (!token.isWord()) {
            return null;
        }
        String word = token.text();
        Hit phrase = phrase(i, word);
        if (phrase != null) {
            return phrase.event() == null ? null : phrase;
        }
        Trigger trigger = Words.lookup(Lexicon.TRIGGERS, word);
        if (trigger == null) {
            String future = futureStem(word);
            Trigger stem = future == null ? null : Lexicon.TRIGGERS.get(future);
            return stem == null ? null : new Hit(stem.event(), 2, true);
        }
        if (!trigger.verb()
                && i > 0
                && Words.contains(Lexicon.PASSIVE_AUXILIARIES, tokens.get(i - 1).text())) {
            return new Hit(
                    trigger.event(),
                    2,
                    futureStem(
                                    Words.isArabic(tokens.get(i - 1).text())
                                            ? tokens.get(i - 1).text()
                                            : "")
                            != null);
        }
        return new Hit(trigger.event(), trigger.verb() ? 2 : 1, false);
    }

    /** Words of event made of two or more words: أطلق سراح, set off, pulled into, let go; held up is none. */
    private Hit phrase(int i, String word) {
        if (Words.contains(Lexicon.SET_FREE, word)) {
            for (int j = i + 1; j < Math.min(tokens.size(), i + 5); j++) {
                if (Words.contains(Lexicon.FREEDOM, tokens.get(j).text())) {
                    return new Hit(Event.RELEASED, 2, futureStem(word) != null);
                }
            }
        }
        if (word.equals("held") && isText(i + 1, "up")) {
            return new Hit(null, 0, false);
        }
        if (word.equals("set") && isText(i + 1, "off")) {
            return new Hit(Event.DEPARTED, 2, false);
        }
        if (word.equals("pulled") && (isText(i + 1, "into") || isText(i + 1, "in"))) {
            return new Hit(Event.ARRIVED, 2, false);
        }
        if (word.equals("let") && isText(i + 1, "go")) {
            return new Hit(Event.RELEASED, 2, false);
        }
        return null;
    }

    private Event triggerEvent(int i) {
        Trigger trigger = Lexicon.TRIGGERS.get(tokens.get(i).text());
        return trigger == null ? Event.INJURED : trigger.event();
    }

    /** The imperfect verb in an Arabic future (سيغادر → يغادر, وستتم → تتم), or null when the word is none. */
    private static String futureStem(String word) {
        if (!Words.isArabic(word)) {
            return null;
        }
        String bare = word.length() > 4 && (word.startsWith("و") || word.startsWith("ف")) && word.charAt(1) == 'س'
                ? word.substring(1)
                : word;
        if (bare.length() < 4 || bare.charAt(0) != 'س' || "يتن".indexOf(bare.charAt(1)) < 0) {
            return null;
        }
        String stem = bare.substring(1);
        return Lexicon.TRIGGERS.containsKey(stem) || Lexicon.FUTURE_AUXILIARIES.contains(stem) ? stem : null;
    }

    private boolean plannedIn(int index) {
        for (int i = windowStart(index); i < windowEnd(index); i++) {
            if (segments.sameClause(i, index) && tokens.get(i).isWord()) {
                String word = tokens.get(i).text();
                if (Words.contains(Lexicon.PLANNED_CUES, word) || futureStem(word) != null || word.endsWith("'ll")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** English "are to leave", "to be evacuated": the infinitive of what is to come. */
    private boolean infinitive(int trigger) {
        return (trigger > 0 && isText(trigger - 1, "to"))
                || (trigger > 1 && isText(trigger - 1, "be") && isText(trigger - 2, "to"));
    }

    // where, when, who ---------------------------------------------------------------------------------------

    private List<PlaceMention> places(int at) {
        Map<String, PlaceMention> mentions = new LinkedHashMap<>();
        List<PlaceIndex.Match> inSentence = inSentence(places, at, PlaceIndex.Match::first);
        for (PlaceIndex.Match match : inSentence) {
            if (segments.sameClause(match.first(), at)) {
                mentions.putIfAbsent(match.place().id(), mention(match.place()));
            }
        }
        if (mentions.isEmpty()) {
            for (PlaceIndex.Match match : inSentence) {
                if (inFreeClause(match.first(), at)) {
                    mentions.putIfAbsent(match.place().id(), mention(match.place()));
                }
            }
        }
        if (mentions.isEmpty() && previousInSentence(at)) {
            return previous.places();
        }
        return List.copyOf(mentions.values());
    }

    private PlaceMention mention(Place place) {
        return new PlaceMention(place.id(), place.name().in(language.code()));
    }

    private TimeRange time(int at, Modality modality) {
        if (reportDate == null) {
            return TimeRange.NONE;
        }
        TimeExpressions.Found nearest = nearest(times, at, Scope.CLAUSE, TimeExpressions.Found::first);
        if (nearest == null) {
            nearest = nearest(times, at, Scope.FREE_CLAUSES, TimeExpressions.Found::first);
        }
        return nearest == null ? TimeRange.NONE : nearest.relative().resolve(reportDate, modality);
    }

    private String source(int at) {
        Sources.Found nearest = nearest(sources, at, Scope.SENTENCE, Sources.Found::first);
        if (nearest == null) {
            return null;
        }
        return text.substring(
                tokens.get(nearest.subjectStart()).start(),
                tokens.get(nearest.subjectEnd() - 1).end());
    }

    /** Where to look around a figure: its clause, the clauses of its sentence that hold no figure, its sentence. */
    private enum Scope {
        CLAUSE,
        FREE_CLAUSES,
        SENTENCE
    }

    /** A clause of the figure's sentence with no figure of its own: what it says is shared by the sentence's figures. */
    private boolean inFreeClause(int index, int at) {
        return segments.sameSentence(index, at) && countsPerClause[segments.clause(index)] == 0;
    }

    private <T> T nearest(List<T> found, int at, Scope scope, java.util.function.ToIntFunction<T> position) {
        T best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (T candidate : inSentence(found, at, position)) {
            int index = position.applyAsInt(candidate);
            boolean near =
                    switch (scope) {
                        case CLAUSE -> segments.sameClause(index, at);
                        case FREE_CLAUSES -> inFreeClause(index, at);
                        case SENTENCE -> segments.sameSentence(index, at);
                    };
            if (near && Math.abs(index - at) < bestDistance) {
                best = candidate;
                bestDistance = Math.abs(index - at);
            }
        }
        return best;
    }

    // the figure's phrase ------------------------------------------------------------------------------------

    private static Claim.Bound bound(Figure figure) {
        if (figure.upTo() > 0 || figure.qualifier() == null) {
            return null;
        }
        return switch (figure.qualifier()) {
            case AT_LEAST -> Claim.Bound.AT_LEAST;
            case AT_MOST -> Claim.Bound.AT_MOST;
            case APPROXIMATE -> null;
        };
    }

    private Claim.Span span(Figure figure, int unitEnd) {
        int end = Math.max(figure.end(), unitEnd);
        int first = figure.qualifier() == Qualifier.APPROXIMATE && figure.phraseStart() == figure.first()
                ? figure.first()
                : figure.phraseStart();
        return new Claim.Span(textStart(first), tokens.get(end - 1).end());
    }

    /** Where a token's own word starts in the text: after a conjunction joined to it (وعشرين, ونحو). */
    private int textStart(int index) {
        Token token = tokens.get(index);
        if (!token.isArabic()
                || token.text().length() < 3
                || "وف".indexOf(token.text().charAt(0)) < 0) {
            return token.start();
        }
        String rest = token.text().substring(1);
        boolean prefixed = !Lexicon.NUMBERS.containsKey(token.text())
                && (Lexicon.NUMBERS.containsKey(rest) || Lexicon.QUALIFIERS_FIRST_WORDS.contains(rest));
        if (!prefixed) {
            return token.start();
        }
        int start = token.start() + 1;
        while (start < token.end() && Arabic.isIgnorable(text.charAt(start))) {
            start++;
        }
        return start;
    }

    private boolean isText(int index, String word) {
        return index >= 0 && index < tokens.size() && tokens.get(index).text().equals(word);
    }
}
