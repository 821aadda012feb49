package org.corridor.claims;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every word the reader knows, in the normalised forms {@link Scanner} produces: Arabic folded (ا for every alef,
 * ي for ى, ه for ة, no diacritics), English lower-cased. Arabic words are listed bare; the reader strips the
 * prefixes ARABIC.md names (و ف ب ل ك ال لل) before looking them up.
 */
final class Lexicon {
    private Lexicon() {}

    /** What kind of part a number word plays in the grammar of numbers. */
    enum Part {
        /** 1–9. */
        UNIT,
        /** عشر/عشرة: 10 alone, or the second word of 11–19. */
        TEN,
        /** 11–19 as one word (English). */
        TEEN,
        /** 20, 30, … 90. */
        TENS,
        /** مئة / hundred: 100 alone, or ×100 after a unit. */
        HUNDRED,
        /** 200–900 as one word (مئتان, ثلاثمئة, …). */
        HUNDREDS,
        /** ألف, مليون, thousand, million…: multiplies what comes before. */
        SCALE,
        /** ألفان, مليونين: two of the scale, never after another number. */
        DUAL_SCALE,
        /** نصف / half. */
        HALF,
        /** dozen. */
        DOZEN
    }

    /**
     * A number word. {@code value} is what it adds (or multiplies, for a scale); {@code alone} is its value when it
     * is the whole number (0: it cannot stand alone, as آلاف or اثنا); {@code weak} words (خمس, ست, عشر) have other
     * meanings and count only in a number's context.
     */
    record NumberWord(Part part, long value, long alone, boolean weak) {}

    /** A noun that names what is counted; {@code implied} is the event the noun itself says (قتلى: killed). */
    record UnitWord(Unit unit, boolean dual, boolean generic, boolean partitiveOnly, Event implied) {}

    /** A word that says what happened; a verb outranks a noun when both are near a figure. */
    record Trigger(Event event, boolean verb) {}

    /** Approximation, lower bound or upper bound, as said before a figure. */
    enum Qualifier {
        APPROXIMATE,
        AT_LEAST,
        AT_MOST
    }

    static final Map<String, NumberWord> NUMBERS = new HashMap<>();
    static final Map<String, UnitWord> UNITS = new HashMap<>();
    static final Map<String, Trigger> TRIGGERS = new HashMap<>();
    /** Phrases before a figure, as token texts, longest first. */
    static final Map<List<String>, Qualifier> QUALIFIERS = new HashMap<>();

    static {
        arabicNumbers();
        englishNumbers();
        arabicUnits();
        englishUnits();
        arabicTriggers();
        englishTriggers();
        qualifiers();
    }

    // Number words -------------------------------------------------------------------------------------------

    private static void arabicNumbers() {
        number(Part.UNIT, 1, 1, "واحد", "واحده", "واحدا");
        number(Part.UNIT, 1, 0, "احد", "احدي");
        number(Part.UNIT, 2, 2, "اثنان", "اثنين", "اثنتان", "اثنتين");
        number(Part.UNIT, 2, 0, "اثنا", "اثني", "اثنتا", "اثنتي");
        number(Part.UNIT, 3, 3, "ثلاث", "ثلاثه");
        number(Part.UNIT, 4, 4, "اربع", "اربعه");
        weak(Part.UNIT, 5, "خمس");
        number(Part.UNIT, 5, 5, "خمسه");
        weak(Part.UNIT, 6, "ست");
        number(Part.UNIT, 6, 6, "سته");
        number(Part.UNIT, 7, 7, "سبع", "سبعه");
        number(Part.UNIT, 8, 8, "ثمان", "ثماني", "ثمانيه");
        number(Part.UNIT, 9, 9, "تسع", "تسعه");
        weak(Part.TEN, 10, "عشر");
        number(Part.TEN, 10, 10, "عشره");
        String[][] tens = {
            {"عشرون", "عشرين"}, {"ثلاثون", "ثلاثين"}, {"اربعون", "اربعين"}, {"خمسون", "خمسين"},
            {"ستون", "ستين"}, {"سبعون", "سبعين"}, {"ثمانون", "ثمانين"}, {"تسعون", "تسعين"}
        };
        for (int i = 0; i < tens.length; i++) {
            number(Part.TENS, 20L + 10 * i, 20L + 10 * i, tens[i]);
        }
        number(Part.HUNDRED, 100, 100, "مئه", "مئت");
        number(Part.HUNDREDS, 200, 200, "مئتان", "مئتين", "مئتا", "مئتي");
        String[] units = {"ثلاث", "اربع", "خمس", "ست", "سبع", "ثمان", "تسع"};
        for (int i = 0; i < units.length; i++) {
            number(Part.HUNDREDS, 100L * (i + 3), 100L * (i + 3), units[i] + "مئه");
        }
        number(Part.HUNDREDS, 800, 800, "ثمانيمئه");
        number(Part.SCALE, 1000, 1000, "الف");
        number(Part.SCALE, 1000, 2000, "الفا");
        number(Part.SCALE, 1000, 0, "الاف");
        number(Part.DUAL_SCALE, 1000, 2000, "الفان", "الفين", "الفي");
        number(Part.SCALE, 1_000_000, 1_000_000, "مليون", "مليونا");
        number(Part.SCALE, 1_000_000, 0, "ملايين");
        number(Part.DUAL_SCALE, 1_000_000, 2_000_000, "مليونان", "مليونين", "مليوني");
        number(Part.SCALE, 1_000_000_000, 1_000_000_000, "مليار", "مليارا");
        number(Part.SCALE, 1_000_000_000, 0, "مليارات");
        number(Part.DUAL_SCALE, 1_000_000_000, 2_000_000_000, "ملياران", "مليارين");
        number(Part.HALF, 0, 0, "نصف");
    }

    private static void englishNumbers() {
        String[] units = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine"};
        for (int i = 0; i < units.length; i++) {
            number(Part.UNIT, i + 1L, i + 1L, units[i]);
        }
        number(Part.TEN, 10, 10, "ten");
        String[] teens = {
            "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"
        };
        for (int i = 0; i < teens.length; i++) {
            number(Part.TEEN, 11L + i, 11L + i, teens[i]);
        }
        String[] tens = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
        for (int i = 0; i < tens.length; i++) {
            number(Part.TENS, 20L + 10 * i, 20L + 10 * i, tens[i]);
        }
        number(Part.HUNDRED, 100, 0, "hundred");
        number(Part.SCALE, 1000, 0, "thousand");
        number(Part.SCALE, 1_000_000, 0, "million");
        number(Part.SCALE, 1_000_000_000, 0, "billion");
        number(Part.HALF, 0, 0, "half");
        number(Part.DOZEN, 12, 0, "dozen");
    }

    private static void number(Part part, long value, long alone, String... words) {
        for (String word : words) {
            NUMBERS.put(word, new NumberWord(part, value, alone, false));
        }
    }

    private static void weak(Part part, long value, String word) {
        NUMBERS.put(word, new NumberWord(part, value, value, true));
    }

    // What is counted ----------------------------------------------------------------------------------------

    private static void arabicUnits() {
        people(
                null, "مدني", "مدنيا", "مدنيين", "مدنيون", "شخص", "شخصا", "اشخاص", "نسمه", "مواطن", "مواطنا", "مواطنين",
                "مواطنون", "نازح", "نازحا", "نازحين", "نازحون", "مهجر", "مهجرا", "مهجرين", "مهجرون", "فرد", "فردا",
                "افراد", "شاب", "شابا", "شبان", "رجل", "رجلا", "رجال", "امراه", "نساء", "مريض", "مريضا", "مرضي", "لاجئ",
                "لاجئا", "لاجئين", "لاجئون", "مسن", "مسنا", "مسنين", "مدنيي");
        people(Event.KILLED, "قتيل", "قتيلا", "قتلي", "ضحيه", "ضحايا");
        people(Event.BESIEGED, "محاصر", "محاصرا", "محاصرين", "محاصرون");
        UNITS.put("سكان", new UnitWord(Unit.PEOPLE, false, true, true, null));
        UNITS.put("اهالي", new UnitWord(Unit.PEOPLE, false, true, true, null));
        unit(Unit.PEOPLE, null, true, "شخصين", "شخصان");
        unit(
                Unit.CHILDREN,
                null,
                false,
                "طفل",
                "طفلا",
                "اطفال",
                "قاصر",
                "قاصرا",
                "قاصرين",
                "يتيم",
                "يتيما",
                "ايتام",
                "رضيع",
                "رضيعا",
                "رضع");
        unit(Unit.CHILDREN, null, true, "طفلين", "طفلان");
        unit(Unit.WOUNDED, Event.INJURED, false, "جريح", "جريحا", "جرحي", "مصاب", "مصابا", "مصابين", "مصابون");
        unit(
                Unit.FIGHTERS,
                null,
                false,
                "مقاتل",
                "مقاتلا",
                "مقاتلين",
                "مقاتلون",
                "مقاتلي",
                "مسلح",
                "مسلحا",
                "مسلحين",
                "مسلحون",
                "مسلحي",
                "عنصر",
                "عنصرا",
                "عناصر",
                "جندي",
                "جنديا",
                "جنود");
        unit(
                Unit.DETAINEES,
                Event.DETAINED,
                false,
                "معتقل",
                "معتقلا",
                "معتقلين",
                "معتقلون",
                "محتجز",
                "محتجزا",
                "محتجزين",
                "محتجزون",
                "موقوف",
                "موقوفا",
                "موقوفين",
                "اسير",
                "اسيرا",
                "اسري",
                "سجين",
                "سجينا",
                "سجناء",
                "مخطوف",
                "مخطوفا",
                "مخطوفين",
                "رهينه",
                "رهائن");
        unit(Unit.FAMILIES, null, false, "عائله", "عائلات", "اسره", "اسر");
        unit(Unit.FAMILIES, null, true, "عائلتين", "عائلتان");
        unit(Unit.BUSES, null, false, "حافله", "حافلات", "باص", "باصا", "باصات");
        unit(Unit.BUSES, null, true, "حافلتين", "حافلتان", "باصين");
        unit(
                Unit.VEHICLES,
                null,
                false,
                "سياره",
                "سيارات",
                "مركبه",
                "مركبات",
                "اليه",
                "اليات",
                "شاحنه",
                "شاحنات",
                "عربه",
                "عربات");
        unit(Unit.VEHICLES, null, true, "سيارتين", "سيارتان", "سيارتا", "سيارتي", "شاحنتين", "شاحنتان");
        unit(Unit.CONVOYS, null, false, "قافله", "قوافل", "دفعه", "دفعات");
        unit(Unit.CONVOYS, null, true, "قافلتين", "قافلتان");
    }

    private static void englishUnits() {
        people(
                null,
                "people",
                "persons",
                "person",
                "civilians",
                "civilian",
                "residents",
                "resident",
                "individuals",
                "evacuees",
                "evacuee",
                "inhabitants",
                "displaced",
                "refugees",
                "men",
                "women",
                "man",
                "woman",
                "syrians",
                "elderly",
                "patients",
                "villagers",
                "souls");
        people(Event.KILLED, "dead", "bodies");
        unit(
                Unit.CHILDREN,
                null,
                false,
                "children",
                "child",
                "kids",
                "minors",
                "orphans",
                "babies",
                "infants",
                "boys",
                "girls",
                "boy",
                "girl");
        unit(Unit.WOUNDED, Event.INJURED, false, "wounded", "injured", "casualties");
        unit(
                Unit.FIGHTERS,
                null,
                false,
                "fighters",
                "fighter",
                "rebels",
                "militants",
                "gunmen",
                "combatants",
                "insurgents",
                "soldiers",
                "troops");
        unit(
                Unit.DETAINEES,
                Event.DETAINED,
                false,
                "detainees",
                "detainee",
                "prisoners",
                "prisoner",
                "captives",
                "hostages");
        unit(Unit.FAMILIES, null, false, "families", "family", "households");
        unit(Unit.BUSES, null, false, "buses", "bus", "busses", "coaches");
        unit(Unit.AMBULANCES, null, false, "ambulances", "ambulance");
        unit(Unit.VEHICLES, null, false, "vehicles", "vehicle", "cars", "car", "trucks", "truck", "lorries");
        unit(Unit.CONVOYS, null, false, "convoys", "convoy");
    }

    private static void people(Event implied, String... words) {
        for (String word : words) {
            UNITS.put(word, new UnitWord(Unit.PEOPLE, false, true, false, implied));
        }
    }

    private static void unit(Unit unit, Event implied, boolean dual, String... words) {
        for (String word : words) {
            UNITS.put(word, new UnitWord(unit, dual, false, false, implied));
        }
    }

    /** The Arabic word that turns a car into an ambulance: سيارة إسعاف. */
    static final String AMBULANCE = "اسعاف";

    // What happened ------------------------------------------------------------------------------------------

    private static void arabicTriggers() {
        verbs(
                Event.EVACUATED,
                "اجلي",
                "اجليت",
                "اجلوا",
                "يجلي",
                "تجلي",
                "اخلي",
                "اخليت",
                "نقلت",
                "نقلوا",
                "ينقل",
                "تنقل",
                "اخرج",
                "اخرجت",
                "اخرجوا",
                "هجر",
                "هجروا");
        nouns(Event.EVACUATED, "اجلاء", "اخلاء", "نقل", "اخراج", "تهجير", "اجلاؤهم", "اجلاوهم", "اجلائهم", "اجلاؤها");
        verbs(
                Event.DEPARTED,
                "غادر",
                "غادرت",
                "غادروا",
                "يغادر",
                "تغادر",
                "يغادرون",
                "خرج",
                "خرجت",
                "خرجوا",
                "يخرج",
                "تخرج",
                "يخرجون",
                "انطلق",
                "انطلقت",
                "انطلقوا",
                "تنطلق",
                "ينطلق",
                "نزح",
                "نزحوا",
                "فر",
                "فروا");
        nouns(Event.DEPARTED, "مغادره", "خروج", "خروجهم", "انطلاق", "نزوح");
        verbs(
                Event.ARRIVED,
                "وصل",
                "وصلت",
                "وصلوا",
                "يصل",
                "تصل",
                "يصلون",
                "دخل",
                "دخلت",
                "دخلوا",
                "يدخل",
                "تدخل",
                "استقبل",
                "استقبلت",
                "استقبلوا");
        nouns(Event.ARRIVED, "وصول", "وصولهم", "واصلين", "دخول", "استقبال");
        verbs(
                Event.DETAINED,
                "اعتقل",
                "اعتقلت",
                "اعتقلوا",
                "احتجز",
                "احتجزت",
                "احتجزوا",
                "احتجزتهم",
                "اوقف",
                "اوقفت",
                "اوقفوا",
                "اوقفتهم",
                "اختطف",
                "اختطفت",
                "خطف",
                "خطفت");
        nouns(Event.DETAINED, "اعتقال", "احتجاز", "توقيف", "ايقاف", "اختطاف");
        verbs(Event.RELEASED, "افرج", "افرجت", "افرجوا", "يفرج", "تفرج");
        nouns(Event.RELEASED, "افراج");
        verbs(Event.KILLED, "قتل", "قتلت", "قتلوا", "استشهد", "استشهدوا", "لقي", "لقوا");
        nouns(Event.KILLED, "مقتل", "مصرع", "استشهاد");
        verbs(Event.INJURED, "اصيب", "اصيبت", "اصيبوا", "جرح", "جرحت");
        nouns(Event.INJURED, "اصابه");
        verbs(Event.BESIEGED, "حاصر", "حاصرت", "يحاصر", "تحاصر", "تحاصرها", "يحاصرها");
        nouns(Event.BESIEGED, "حصار", "محاصره", "عالقين", "عالقون", "محاصرين", "محاصرون");
    }

    private static void englishTriggers() {
        verbs(
                Event.EVACUATED,
                "evacuated",
                "evacuate",
                "evacuating",
                "evacuates",
                "moved",
                "transferred",
                "bused",
                "bussed",
                "relocated",
                "transfer",
                "taken",
                "brought");
        nouns(Event.EVACUATED, "evacuation", "evacuations", "transfers");
        verbs(
                Event.DEPARTED,
                "left",
                "leave",
                "leaving",
                "leaves",
                "departed",
                "depart",
                "departing",
                "fled",
                "flee",
                "fleeing",
                "exited",
                "boarded",
                "boarding");
        nouns(Event.DEPARTED, "departure", "departures", "exodus");
        verbs(
                Event.ARRIVED,
                "arrived",
                "arrive",
                "arriving",
                "arrives",
                "reached",
                "reach",
                "reaching",
                "entered",
                "enter",
                "received",
                "crossed");
        nouns(Event.ARRIVED, "arrival", "arrivals");
        verbs(
                Event.DETAINED,
                "detained",
                "detain",
                "held",
                "arrested",
                "arrest",
                "stopped",
                "seized",
                "abducted",
                "kidnapped",
                "captured");
        nouns(Event.DETAINED, "detention", "arrests");
        verbs(Event.RELEASED, "released", "release", "freed", "free", "releasing");
        verbs(Event.KILLED, "killed", "kill", "died", "die");
        nouns(Event.KILLED, "deaths", "death", "killing");
        verbs(Event.INJURED, "injured", "wounded", "hurt");
        verbs(Event.BESIEGED, "besieged", "besieging", "trapped", "encircled", "stranded");
        nouns(Event.BESIEGED, "siege");
    }

    private static void verbs(Event event, String... words) {
        for (String word : words) {
            TRIGGERS.put(word, new Trigger(event, true));
        }
    }

    private static void nouns(Event event, String... words) {
        for (String word : words) {
            TRIGGERS.put(word, new Trigger(event, false));
        }
    }

    /** Arabic words that, with سراح or سبيل after them, mean "released". */
    static final Set<String> SET_FREE = Set.of("اطلق", "اطلقت", "اطلقوا", "اطلاق", "اخلي", "اخلاء", "يطلق", "تطلق");

    static final Set<String> FREEDOM = Set.of("سراح", "سبيل");

    /** Arabic and English words before which a masdar becomes the event of the sentence (تم إجلاء). */
    static final Set<String> PASSIVE_AUXILIARIES = Set.of("تم", "يتم", "سيتم", "ستتم", "جري", "يجري", "سيجري", "ستجري");

    // How many -----------------------------------------------------------------------------------------------

    private static void qualifiers() {
        qualifier(
                Qualifier.APPROXIMATE,
                "نحو",
                "حوالي",
                "قرابه",
                "زهاء",
                "ما يقارب",
                "يقارب",
                "ما يقرب من",
                "يقرب من",
                "تقريبا",
                "about",
                "around",
                "approximately",
                "roughly",
                "some",
                "nearly",
                "almost",
                "close to",
                "an estimated",
                "estimated",
                "circa",
                "approx");
        qualifier(
                Qualifier.AT_LEAST,
                "اكثر من",
                "ما لا يقل عن",
                "لا يقل عن",
                "ما يزيد علي",
                "ما يزيد عن",
                "يزيد علي",
                "يزيد عن",
                "ازيد من",
                "ما يربو علي",
                "يربو علي",
                "more than",
                "over",
                "at least",
                "no fewer than",
                "no less than",
                "not less than",
                "upwards of",
                "in excess of");
        qualifier(
                Qualifier.AT_MOST,
                "اقل من",
                "ما يصل الي",
                "يصل الي",
                "لا يزيد عن",
                "لا يزيد علي",
                "up to",
                "fewer than",
                "less than",
                "under",
                "as many as",
                "at most",
                "no more than",
                "not more than");
    }

    private static void qualifier(Qualifier qualifier, String... phrases) {
        for (String phrase : phrases) {
            QUALIFIERS.put(List.of(phrase.split(" ")), qualifier);
        }
    }

    /** The first words of the qualifier phrases: after a number they are no noun it counts. */
    static final Set<String> QUALIFIERS_FIRST_WORDS = new java.util.HashSet<>();

    static {
        for (List<String> phrase : QUALIFIERS.keySet()) {
            QUALIFIERS_FIRST_WORDS.add(phrase.get(0));
        }
    }

    /** The longest qualifier phrase, in tokens. */
    static final int LONGEST_QUALIFIER = 4;

    /** Words that join the two ends of a range: بين X و Y, from X to Y, X to Y. */
    static final Set<String> RANGE_OPENERS = Set.of("بين", "between", "from", "من");

    // Not figures --------------------------------------------------------------------------------------------

    static final Set<String> PERCENT_WORDS = Set.of("%", "٪", "بالمئه", "percent", "pc");

    static final Set<String> MONTHS = Set.of(
            "كانون",
            "شباط",
            "اذار",
            "نيسان",
            "ايار",
            "حزيران",
            "تموز",
            "اب",
            "ايلول",
            "تشرين",
            "يناير",
            "فبراير",
            "مارس",
            "ابريل",
            "مايو",
            "يونيو",
            "يوليو",
            "اغسطس",
            "سبتمبر",
            "اكتوبر",
            "نوفمبر",
            "ديسمبر",
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
            "jan",
            "feb",
            "mar",
            "apr",
            "jun",
            "jul",
            "aug",
            "sep",
            "sept",
            "oct",
            "nov",
            "dec");

    /** Nouns of time after a number make it a duration (ثلاثة أيام, four hours), the span of time not a count. */
    static final Map<String, java.time.temporal.ChronoUnit> DURATIONS = new HashMap<>();

    static {
        durations(java.time.temporal.ChronoUnit.MINUTES, "دقيقه", "دقائق", "دقيقتين", "minute", "minutes");
        durations(java.time.temporal.ChronoUnit.HOURS, "ساعه", "ساعات", "ساعتين", "ساعتان", "hour", "hours");
        durations(
                java.time.temporal.ChronoUnit.DAYS,
                "يوم",
                "ايام",
                "يوما",
                "يومين",
                "يومان",
                "day",
                "days",
                "ليله",
                "ليال",
                "ليالي",
                "night",
                "nights");
        durations(java.time.temporal.ChronoUnit.WEEKS, "اسبوع", "اسابيع", "اسبوعين", "اسبوعا", "week", "weeks");
        durations(java.time.temporal.ChronoUnit.MONTHS, "شهر", "اشهر", "شهور", "شهرين", "شهرا", "month", "months");
        durations(
                java.time.temporal.ChronoUnit.YEARS,
                "سنه",
                "سنوات",
                "سنين",
                "عام",
                "اعوام",
                "عاما",
                "عامين",
                "سنتين",
                "year",
                "years",
                "decade",
                "decades");
    }

    private static void durations(java.time.temporal.ChronoUnit unit, String... words) {
        for (String word : words) {
            DURATIONS.put(word, unit);
        }
    }

    /** Dual nouns of time that are a number by themselves: يومين is two days. */
    static final Set<String> DUAL_DURATIONS =
            Set.of("يومين", "يومان", "ساعتين", "ساعتان", "اسبوعين", "شهرين", "عامين", "سنتين", "دقيقتين");

    static final Set<String> CLOCK_WORDS =
            Set.of("am", "pm", "o'clock", "صباحا", "مساء", "ظهرا", "فجرا", "ليلا", "عصرا");

    /** Arabic ordinals: before عشر they make ordinals of 11–19 (الثاني عشر), not numbers. */
    static final Set<String> ORDINALS = Set.of(
            "حادي", "حاديه", "ثاني", "ثانيه", "ثالث", "ثالثه", "رابع", "رابعه", "خامس", "خامسه", "سادس", "سادسه",
            "سابع", "سابعه", "ثامن", "ثامنه", "تاسع", "تاسعه");

    /** Words before a number that make it a name or a number of something, not a count (رقم 5, resolution 2328). */
    static final Set<String> IDENTIFIERS = Set.of(
            "رقم",
            "قرار",
            "no",
            "number",
            "resolution",
            "route",
            "road",
            "highway",
            "#",
            "aged",
            "age",
            "عمره",
            "عمرها",
            "بعمر");

    /** Plural counts with no number in them: dozens, hundreds, عشرات, مئات. */
    static final Set<String> VAGUE = Set.of(
            "عشرات",
            "مئات",
            "الوف",
            "بضع",
            "بضعه",
            "dozens",
            "hundreds",
            "thousands",
            "millions",
            "several",
            "few",
            "scores");

    // Around a figure ------------------------------------------------------------------------------------------

    /** Words after a number that are no noun it counts, yet leave it a count (4,500 منذ, 4,000 have left). */
    static final Set<String> FUNCTION_WORDS = Set.of(
            "من",
            "منذ",
            "في",
            "الي",
            "علي",
            "عن",
            "حتي",
            "مع",
            "ما",
            "قد",
            "كان",
            "كانوا",
            "كانت",
            "و",
            "ثم",
            "خلال",
            "امس",
            "اليوم",
            "غدا",
            "لا",
            "لم",
            "لن",
            "قبل",
            "بعد",
            "عند",
            "ممن",
            "الذين",
            "التي",
            "الذي",
            "ان",
            "انه",
            "اي",
            "كل",
            "جميع",
            "فقط",
            "ايضا",
            "عبر",
            "داخل",
            "of",
            "from",
            "in",
            "to",
            "at",
            "on",
            "have",
            "has",
            "had",
            "were",
            "was",
            "are",
            "is",
            "will",
            "would",
            "who",
            "that",
            "and",
            "or",
            "been",
            "be",
            "since",
            "so",
            "under",
            "into",
            "across",
            "by",
            "for",
            "with",
            "aboard",
            "each",
            "a",
            "an",
            "the",
            "still",
            "as",
            "among",
            "including",
            "yesterday",
            "today",
            "tomorrow",
            "overnight",
            "out",
            "could",
            "may",
            "might",
            "should",
            "remain",
            "remained",
            "being",
            "this",
            "per");

    /** Words that open a relative clause after a counted noun ("who had been held", كانوا قد أوقفوا). */
    static final Set<String> RELATIVES =
            Set.of("كانوا", "كانت", "الذين", "اللذين", "التي", "الذي", "who", "whom", "which", "they");

    /** Words after a number that make it a part of the figure before (منهم, بينهم, آخرون, others). */
    static final Set<String> INHERIT_WORDS = Set.of("منهم", "بينهم", "اخرون", "اخرين", "اخري", "others");

    /** English words that after a second number say its event, its noun left out ("9 killed and 14 injured"). */
    static final Set<String> ELLIPTIC = Set.of("injured", "wounded", "hurt", "dead", "killed");

    /** Words that announce what is to come: the modality "planned". */
    static final Set<String> PLANNED_CUES = Set.of(
            "سيتم",
            "ستتم",
            "سيجري",
            "ستجري",
            "سوف",
            "مقرر",
            "يتوقع",
            "متوقع",
            "يرتقب",
            "مرتقب",
            "ينتظر",
            "ينتظرون",
            "تنتظر",
            "بانتظار",
            "يعتزم",
            "تعتزم",
            "تقرر",
            "سيكون",
            "ستكون",
            "will",
            "would",
            "shall",
            "'ll",
            "planned",
            "plans",
            "plan",
            "scheduled",
            "expected",
            "expects",
            "due",
            "intends",
            "intend",
            "going");

    /** Imperfect verbs that, with the future prefix سـ, announce what is to come (سيتم, ستستمر). */
    static final Set<String> FUTURE_AUXILIARIES = Set.of(
            "يتم", "تتم", "يجري", "تجري", "يكون", "تكون", "يستكمل", "تستكمل", "يستمر", "تستمر", "يبدا", "تبدا", "يسمح",
            "تسمح");
}
