package org.corridor.claims;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the expressions of time a figure may be tied to (since midnight, so far, yesterday, within three days, on
 * Sunday, منذ منتصف الليل, حتى الآن, أمس, خلال ثلاثة أيام, مساء الأحد) and resolves them against the report's date.
 */
final class TimeExpressions {
    /** An expression at tokens {@code [first, end)}. */
    record Found(int first, int end, Relative relative) {}

    /** A time relative to the report's moment; planned claims look forward for a weekday, reported ones back. */
    sealed interface Relative {
        TimeRange resolve(ZonedDateTime report, Modality modality);
    }

    record SinceMidnight() implements Relative {
        @Override
        public TimeRange resolve(ZonedDateTime report, Modality modality) {
            return new TimeRange(day(report, 0), report.toOffsetDateTime());
        }
    }

    record SoFar() implements Relative {
        @Override
        public TimeRange resolve(ZonedDateTime report, Modality modality) {
            return new TimeRange(null, report.toOffsetDateTime());
        }
    }

    record Day(int offset) implements Relative {
        @Override
        public TimeRange resolve(ZonedDateTime report, Modality modality) {
            return new TimeRange(day(report, offset), day(report, offset + 1));
        }
    }

    /** "within three days": the days ahead of a plan, or the days up to the report for what is reported done. */
    record Within(long amount, ChronoUnit unit) implements Relative {
        @Override
        public TimeRange resolve(ZonedDateTime report, Modality modality) {
            return modality == Modality.PLANNED
                    ? new TimeRange(
                            report.toOffsetDateTime(), report.plus(amount, unit).toOffsetDateTime())
                    : new Past(amount, unit).resolve(report, modality);
        }
    }

    record Past(long amount, ChronoUnit unit) implements Relative {
        @Override
        public TimeRange resolve(ZonedDateTime report, Modality modality) {
            return new TimeRange(report.minus(amount, unit).toOffsetDateTime(), report.toOffsetDateTime());
        }
    }

    /** A weekday: the whole day, from it until the report ("since"), or until its end ("by"). */
    record Weekday(DayOfWeek day, Anchor anchor) implements Relative {
        enum Anchor {
            ON,
            SINCE,
            BY
        }

        @Override
        public TimeRange resolve(ZonedDateTime report, Modality modality) {
            LocalDate date = report.toLocalDate()
                    .with(
                            modality == Modality.PLANNED
                                    ? TemporalAdjusters.nextOrSame(day)
                                    : TemporalAdjusters.previousOrSame(day));
            OffsetDateTime start = date.atStartOfDay(report.getZone()).toOffsetDateTime();
            OffsetDateTime end = date.plusDays(1).atStartOfDay(report.getZone()).toOffsetDateTime();
            return switch (anchor) {
                case ON -> new TimeRange(start, end);
                case SINCE -> new TimeRange(start, report.toOffsetDateTime());
                case BY -> new TimeRange(null, end);
            };
        }
    }

    private static OffsetDateTime day(ZonedDateTime report, int offset) {
        return report.toLocalDate()
                .plusDays(offset)
                .atStartOfDay(report.getZone())
                .toOffsetDateTime();
    }

    private static final Map<String, DayOfWeek> WEEKDAYS = Map.ofEntries(
            Map.entry("الاحد", DayOfWeek.SUNDAY),
            Map.entry("الاثنين", DayOfWeek.MONDAY),
            Map.entry("الثلاثاء", DayOfWeek.TUESDAY),
            Map.entry("الاربعاء", DayOfWeek.WEDNESDAY),
            Map.entry("الخميس", DayOfWeek.THURSDAY),
            Map.entry("الجمعه", DayOfWeek.FRIDAY),
            Map.entry("السبت", DayOfWeek.SATURDAY),
            Map.entry("sunday", DayOfWeek.SUNDAY),
            Map.entry("monday", DayOfWeek.MONDAY),
            Map.entry("tuesday", DayOfWeek.TUESDAY),
            Map.entry("wednesday", DayOfWeek.WEDNESDAY),
            Map.entry("thursday", DayOfWeek.THURSDAY),
            Map.entry("friday", DayOfWeek.FRIDAY),
            Map.entry("saturday", DayOfWeek.SATURDAY));

    private static final Set<String> PAST = Set.of("الماضيه", "الماضي", "الماضيين", "الاخيره", "past", "last");
    private static final Set<String> DAY_PARTS = Set.of("يوم", "مساء", "صباح", "ليله", "فجر", "ظهر");

    private final List<Token> tokens;
    /** The figure that starts at each token, or null. */
    private final Figure[] figureAt;

    private final List<Found> found = new ArrayList<>();
    private int current;

    TimeExpressions(List<Token> tokens, List<Figure> figures) {
        this.tokens = tokens;
        this.figureAt = new Figure[tokens.size()];
        for (Figure figure : figures) {
            figureAt[figure.first()] = figure;
        }
    }

    List<Found> find() {
        while (current < tokens.size()) {
            int start = current;
            Relative relative = expression();
            if (relative == null) {
                current = start + 1;
            } else {
                found.add(new Found(start, current, relative));
            }
        }
        return found;
    }

    private Relative expression() {
        if (!mayStartExpression(tokens.get(current).text())) {
            return null;
        }
        if (match("منذ", "منتصف", "الليل") || match("since", "midnight")) {
            return new SinceMidnight();
        }
        if (match("حتي", "الان")
                || match("حتي", "اللحظه")
                || match("so", "far")
                || match("to", "date")
                || match("until", "now")
                || match("thus", "far")) {
            return new SoFar();
        }
        if (matchWord("امس") || match("yesterday") || match("last", "night")) {
            return new Day(-1);
        }
        if (matchWord("اليوم")
                || match("today")
                || match("tonight")
                || match("this", "morning")
                || match("this", "afternoon")
                || match("this", "evening")) {
            return new Day(0);
        }
        if (matchWord("غدا") || match("tomorrow")) {
            return new Day(1);
        }
        if (match("خلال")
                || match("في", "غضون")
                || match("within")
                || match("in", "the", "next")
                || match("over", "the", "next")
                || match("in", "the", "coming")) {
            return withinOrPast();
        }
        if (match("in", "the") || match("over", "the") || match("during", "the") || match("في")) {
            return past();
        }
        return weekday();
    }

    /** خلال ثلاثة أيام, within three days, خلال يومين; or خلال الساعات الـ24 الماضية. */
    private Relative withinOrPast() {
        Relative past = past();
        if (past != null) {
            return past;
        }
        Duration duration = duration(current);
        if (duration == null) {
            return null;
        }
        current = duration.end();
        return new Within(duration.amount(), duration.unit());
    }

    /** past 24 hours, last three days, الساعات الـ24 الماضية, اليومين الماضيين. */
    private Relative past() {
        int start = current;
        if (current < tokens.size() && PAST.contains(tokens.get(current).text())) {
            current++;
            Duration duration = duration(current);
            if (duration != null) {
                current = duration.end();
                return new Past(duration.amount(), duration.unit());
            }
        }
        current = start;
        Duration definite = definiteDuration(current);
        if (definite != null
                && definite.end() < tokens.size()
                && PAST.contains(tokens.get(definite.end()).text())) {
            current = definite.end() + 1;
            return new Past(definite.amount(), definite.unit());
        }
        current = start;
        return null;
    }

    private record Duration(long amount, ChronoUnit unit, int end) {}

    /** A number followed by a noun of time, or a dual noun of time alone (يومين). */
    private Duration duration(int index) {
        if (index >= tokens.size()) {
            return null;
        }
        String word = tokens.get(index).text();
        if (Lexicon.DUAL_DURATIONS.contains(word)) {
            return new Duration(2, Lexicon.DURATIONS.get(word), index + 1);
        }
        Figure figure = figureAt[index];
        if (figure == null || figure.end() >= tokens.size()) {
            return null;
        }
        ChronoUnit unit =
                Words.lookup(Lexicon.DURATIONS, tokens.get(figure.end()).text());
        return unit == null ? null : new Duration(figure.value(), unit, figure.end() + 1);
    }

    /** الساعات الـ24, الساعات الثماني, اليومين: the Arabic definite forms, noun first. */
    private Duration definiteDuration(int index) {
        if (index >= tokens.size()) {
            return null;
        }
        String word = tokens.get(index).text();
        String bare = Words.withoutArticle(word);
        if (bare == null) {
            return null;
        }
        if (Lexicon.DUAL_DURATIONS.contains(bare)) {
            return new Duration(2, Lexicon.DURATIONS.get(bare), index + 1);
        }
        ChronoUnit unit = Lexicon.DURATIONS.get(bare);
        if (unit == null || index + 1 >= tokens.size()) {
            return null;
        }
        Token next = tokens.get(index + 1);
        if (next.text().equals("ال")
                && index + 2 < tokens.size()
                && tokens.get(index + 2).isNumber()) {
            return new Duration(Long.parseLong(tokens.get(index + 2).text()), unit, index + 3);
        }
        String number = Words.withoutArticle(next.text());
        Lexicon.NumberWord value = number == null ? null : Lexicon.NUMBERS.get(number);
        return value == null || value.alone() == 0 ? null : new Duration(value.alone(), unit, index + 2);
    }

    private Relative weekday() {
        int start = current;
        Weekday.Anchor anchor = Weekday.Anchor.ON;
        if (match("منذ") || match("since")) {
            anchor = Weekday.Anchor.SINCE;
        } else if (match("بحلول") || match("by")) {
            anchor = Weekday.Anchor.BY;
        }
        if (current < tokens.size()
                && Words.contains(DAY_PARTS, tokens.get(current).text())) {
            current++;
        }
        DayOfWeek day = current < tokens.size()
                ? Words.lookup(WEEKDAYS, tokens.get(current).text())
                : null;
        if (day == null) {
            current = start;
            return null;
        }
        current++;
        return new Weekday(day, anchor);
    }

    /** The words an expression of time may start with, so most tokens are passed over at one look-up. */
    private static final Set<String> FIRST_WORDS = Set.of(
            "منذ",
            "حتي",
            "امس",
            "اليوم",
            "غدا",
            "خلال",
            "في",
            "بحلول",
            "since",
            "so",
            "to",
            "until",
            "thus",
            "yesterday",
            "last",
            "today",
            "tonight",
            "this",
            "tomorrow",
            "within",
            "in",
            "over",
            "during",
            "by");

    private static boolean mayStartExpression(String word) {
        return FIRST_WORDS.contains(word)
                || WEEKDAYS.containsKey(word)
                || DAY_PARTS.contains(word)
                || (Words.isArabic(word) && Words.contains(FIRST_WORDS, word))
                || (Words.isArabic(word) && (Words.lookup(WEEKDAYS, word) != null || Words.contains(DAY_PARTS, word)));
    }

    private boolean match(String... words) {
        if (current + words.length > tokens.size()) {
            return false;
        }
        for (int i = 0; i < words.length; i++) {
            String text = tokens.get(current + i).text();
            if (!text.equals(words[i])
                    && !(i == 0
                            && Words.isArabic(text)
                            && text.length() > 2
                            && (text.startsWith("و") || text.startsWith("ف"))
                            && text.substring(1).equals(words[i]))) {
                return false;
            }
        }
        current += words.length;
        return true;
    }

    /** An Arabic word as written or under its prefixes (وأمس, بالأمس). */
    private boolean matchWord(String word) {
        if (current < tokens.size()
                && Words.contains(Set.of(word), tokens.get(current).text())) {
            current++;
            return true;
        }
        return false;
    }
}
