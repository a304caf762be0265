package fi.kohtaamo.calendar.internal;

import fi.kohtaamo.calendar.internal.rules.Schedule;
import fi.kohtaamo.calendar.internal.rules.ScheduleExpander;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;

import fi.kohtaamo.calendar.ActivityKind;
import fi.kohtaamo.calendar.internal.rules.Schedule.WeekParity;
import fi.kohtaamo.registry.OpeningHours;
import fi.kohtaamo.registry.PlaceCriteria;
import fi.kohtaamo.registry.PlaceInfo;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.DemoData;
import fi.kohtaamo.shared.LocalizedText;
import fi.kohtaamo.shared.NationalData;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo calendar: a plausible weekly programme for every demo meeting place for the current and the
 * next season, in the shapes places really use (weekly, every other week, the n-th weekday of the
 * month, a list of dates, one-off events), school holidays for the demo county's ten municipalities,
 * and a few staff exceptions (a cancelled and a moved occurrence, a paused series) so the public
 * calendar shows what families meet in real life.
 *
 * <p>What a place offers follows its kind (seed 000: open daycares and resident parks run open
 * drop-in mornings, parishes run family clubs, MLL associations run family cafés, family houses and
 * the family centre run peer and language groups) and its language: places run by Swedish-language
 * parishes or associations get a Swedish programme. Deterministic: per-place choices come from
 * {@code new Random(placeId)}; only the season dates follow the clock. Loaded once, then kept.
 *
 * <p>The same programme, school holidays and (proportionally more) exceptions make the calendar's part of
 * the national dataset ({@link NationalData}), for every county, with the seed mixed into each place's
 * random stream.
 */
@Component
@Order(20)
class CalendarDemoData implements DemoData, NationalData {

    private static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");

    private final ActivityQueries queries;
    private final Registry registry;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final ActivityTextQueries texts;

    CalendarDemoData(ActivityQueries queries, Registry registry, Clock clock, TransactionTemplate tx,
            ActivityTextQueries texts) {
        this.texts = texts;
        this.queries = queries;
        this.registry = registry;
        this.clock = clock;
        this.tx = tx;
    }

    @Override
    public void load() {
        tx.executeWithoutResult(status -> {
            if (queries.countActivities() > 0) {
                return;
            }
            Optional<Long> county = registry.countyIdByCode("LU");
            if (county.isEmpty()) {
                return;
            }
            LocalDate today = LocalDate.ofInstant(clock.instant(), HELSINKI);
            new Generator(county.get(), today, withHistory(today), 0, 12).run();
        });
    }

    private int nationalActivities;

    @Override
    public void generate(Spec spec) {
        nationalActivities = 0;
        for (var county : registry.counties()) {
            tx.executeWithoutResult(status -> {
                Generator g = new Generator(county.id(), spec.today(), seasonsFrom(spec.today(), 4), spec.seed(), -1);
                g.run();
                nationalActivities += g.created.size();
            });
        }
    }

    @Override
    public String summary() {
        return nationalActivities + " activities";
    }

    // ---- seasons and school holidays ----------------------------------------------------------------

    /** A season of the school year: spring (week 2 to the end of May), summer, autumn (week 33 to week 51). */
    record Season(LocalDate start, LocalDate end, boolean summer) {
    }

    static Season spring(int year) {
        return new Season(mondayOfWeek(year, 2), LocalDate.of(year, 5, 31).with(TemporalAdjusters.previousOrSame(FRIDAY)),
                false);
    }

    static Season summer(int year) {
        return new Season(LocalDate.of(year, 6, 1), mondayOfWeek(year, 33).minusDays(1), true);
    }

    static Season autumn(int year) {
        return new Season(mondayOfWeek(year, 33), mondayOfWeek(year, 51).with(FRIDAY), false);
    }

    /** The season running on the date (or the next to start), and the one after it. */
    static List<Season> currentAndNext(LocalDate today) {
        return seasonsFrom(today, 2);
    }

    /**
     * The seasons of the last two years (the demo counts go back two years, and what was held or cancelled then
     * must have been in the programme), the one running today and the next.
     */
    static List<Season> withHistory(LocalDate today) {
        LocalDate last = currentAndNext(today).get(1).start();
        return seasonsFrom(today.minusYears(2), 12).stream().filter(s -> !s.start().isAfter(last)).toList();
    }

    /** The season running on the date (or the next to start) and the n - 1 after it. */
    static List<Season> seasonsFrom(LocalDate today, int n) {
        List<Season> all = new ArrayList<>();
        for (int y = today.getYear(); all.size() < n; y++) {
            for (Season s : List.of(spring(y), summer(y), autumn(y))) {
                if (all.size() < n && !s.end().isBefore(today)) {
                    all.add(s);
                }
            }
        }
        return all;
    }

    private static LocalDate mondayOfWeek(int year, int isoWeek) {
        return LocalDate.of(year, 6, 1).with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, isoWeek).with(MONDAY);
    }

    /** School holidays of Uusimaa as they usually fall: autumn break week 42, Christmas, winter break week 8, summer. */
    private void schoolHolidays(String municipality, boolean swedishSchools, int fromYear, int toYear, Instant now) {
        for (int y = fromYear; y <= toYear; y++) {
            LocalDate autumnBreak = mondayOfWeek(y, 42);
            if (swedishSchools) {
                // Swedish-language schools of the western municipalities take their break a week later
                queries.insertSchoolHoliday(municipality, "fi", autumnBreak, autumnBreak.with(FRIDAY), AUTUMN_BREAK, now);
                queries.insertSchoolHoliday(municipality, "sv", autumnBreak.plusWeeks(1),
                        autumnBreak.plusWeeks(1).with(FRIDAY), AUTUMN_BREAK, now);
            } else {
                queries.insertSchoolHoliday(municipality, null, autumnBreak, autumnBreak.with(FRIDAY), AUTUMN_BREAK, now);
            }
            LocalDate christmas = LocalDate.of(y, 12, 19).with(TemporalAdjusters.nextOrSame(SATURDAY));
            queries.insertSchoolHoliday(municipality, null, christmas, LocalDate.of(y + 1, 1, 6), CHRISTMAS_BREAK, now);
            LocalDate winter = mondayOfWeek(y, 8);
            queries.insertSchoolHoliday(municipality, null, winter, winter.with(FRIDAY), WINTER_BREAK, now);
            LocalDate summerStart = mondayOfWeek(y, 22).with(SATURDAY);
            queries.insertSchoolHoliday(municipality, null, summerStart, mondayOfWeek(y, 33).with(TUESDAY),
                    SUMMER_BREAK, now);
        }
    }

    private static final LocalizedText AUTUMN_BREAK = LocalizedText.of("Syysloma", "Höstlov", "Autumn break");
    private static final LocalizedText CHRISTMAS_BREAK = LocalizedText.of("Joululoma", "Jullov", "Christmas break");
    private static final LocalizedText WINTER_BREAK = LocalizedText.of("Talviloma", "Sportlov", "Winter break");
    private static final LocalizedText SUMMER_BREAK = LocalizedText.of("Kesäloma", "Sommarlov", "Summer holiday");

    /** Municipalities whose Swedish-language schools keep their own autumn break in the demo. */
    private static final Set<String> SWEDISH_AUTUMN_BREAK = Set.of("078", "149", "710");

    // ---- programme templates ------------------------------------------------------------------------

    /** What an activity is, in three languages, with who it is for. */
    private record Kind(ActivityKind kind, LocalizedText name, LocalizedText description, Integer ageMin,
            Integer ageMax, boolean followsSchool) {
    }

    private static Kind k(ActivityKind kind, String fi, String sv, String en, String dfi, String dsv, String den,
            Integer ageMin, Integer ageMax, boolean followsSchool) {
        return new Kind(kind, LocalizedText.of(fi, sv, en), LocalizedText.of(dfi, dsv, den), ageMin, ageMax,
                followsSchool);
    }

    private static final Kind DROP_IN = k(ActivityKind.OPEN_DROP_IN, "Avoin aamupäivä", "Öppen förmiddag",
            "Open morning", "Tule leikkimään, tapaamaan muita perheitä ja juttelemaan ohjaajan kanssa. Ei ilmoittautumista.",
            "Kom och lek, träffa andra familjer och prata med ledaren. Ingen anmälan.",
            "Come and play, meet other families and talk with the instructor. No registration.", 0, 84, false);
    private static final Kind PARK = k(ActivityKind.OPEN_DROP_IN, "Asukaspuiston avoin toiminta",
            "Öppen verksamhet i invånarparken", "Resident park open hours",
            "Leikkiä sisällä ja ulkona, lauluhetki kello 10. Eväät saa syödä puiston tiloissa.",
            "Lek inne och ute, sångstund klockan 10. Egen matsäck får ätas i parkens utrymmen.",
            "Play indoors and out, a singing session at 10. You may eat your own snacks on the premises.", 0, 84, false);
    private static final Kind BABY = k(ActivityKind.BABY_CAFE, "Vauvakahvila", "Babycafé", "Baby café",
            "Alle 1-vuotiaiden vauvojen ja heidän vanhempiensa oma hetki. Vaunuille on tilaa.",
            "En egen stund för bebisar under ett år och deras föräldrar. Det finns plats för barnvagnar.",
            "A time of their own for babies under one and their parents. There is room for prams.", 0, 12, false);
    private static final Kind CAFE = k(ActivityKind.FAMILY_CAFE, "Perhekahvila", "Familjecafé", "Family café",
            "Vapaaehtoisten pitämä kahvila, jossa lapset leikkivät ja aikuiset vaihtavat kuulumisia.",
            "Ett café som drivs av frivilliga, där barnen leker och de vuxna byter tankar.",
            "A café run by volunteers where children play and adults catch up.", 0, 84, false);
    private static final Kind DADS = k(ActivityKind.FAMILY_CAFE, "Isä-lapsikahvila", "Pappa-barn-café",
            "Dads' and kids' café", "Isien ja lasten oma lauantaiaamu: leikkiä, pullaa ja juttuseuraa.",
            "Pappornas och barnens egen lördagsmorgon: lek, bulle och sällskap.",
            "A Saturday morning for dads and children: play, buns and company.", 0, 96, false);
    private static final Kind CLUB = k(ActivityKind.PARISH_FAMILY_CLUB, "Perhekerho", "Familjeklubb",
            "Parish family club", "Laulua, leikkiä ja askartelua yhdessä vanhemman kanssa. Kerho seuraa koulujen lomia.",
            "Sång, lek och pyssel tillsammans med en förälder. Klubben följer skolornas lov.",
            "Singing, play and crafts together with a parent. The club follows the school holidays.", 0, 72, true);
    private static final Kind BABY_CLUB = k(ActivityKind.BABY_CAFE, "Vauvakerho", "Babyträff", "Baby club",
            "Vauvaperheiden kerho: loruja, laulua ja vertaistukea.",
            "Träff för babyfamiljer: ramsor, sång och kamratstöd.",
            "A club for families with babies: rhymes, songs and peer support.", 0, 12, true);
    private static final Kind FAMILY_MASS = k(ActivityKind.EVENT, "Perhemessu ja kirkkokahvit", "Familjemässa och kyrkkaffe",
            "Family service and church coffee", "Lapsiperheille suunniteltu messu, jonka jälkeen kahvit seurakuntasalissa.",
            "En mässa som är planerad för barnfamiljer, efteråt kaffe i församlingssalen.",
            "A service planned for families with children, followed by coffee in the parish hall.", null, null, false);
    private static final Kind OUTDOOR = k(ActivityKind.OUTDOOR, "Metsäretki", "Skogsutflykt", "Forest outing",
            "Lähdetään yhdessä lähimetsään. Sään mukainen vaatetus ja omat eväät.",
            "Vi går tillsammans till närskogen. Kläder efter väder och egen matsäck.",
            "We walk together to the nearby forest. Dress for the weather and bring a snack.", 24, 84, false);
    private static final Kind PARK_GYM = k(ActivityKind.OUTDOOR, "Puistojumppa", "Parkgympa", "Park gym",
            "Koko perheen liikuntahetki puistossa.", "En gymnastikstund för hela familjen i parken.",
            "An exercise session for the whole family in the park.", 12, 84, false);
    private static final Kind PEERS = k(ActivityKind.PARENT_PEER_GROUP, "Vanhempien vertaisryhmä",
            "Kamratgrupp för föräldrar", "Parents' peer group",
            "Keskustelua arjesta, jaksamisesta ja vanhemmuudesta. Lapsille on hoitaja.",
            "Samtal om vardagen, orken och föräldraskapet. Barnvakt finns.",
            "Talking about everyday life, coping and parenthood. Childcare is provided.", null, null, false);
    private static final Kind MULTIPLES = k(ActivityKind.PARENT_PEER_GROUP, "Monikkoperheiden tapaaminen",
            "Träff för flerlingsfamiljer", "Twins and multiples meet-up",
            "Kaksos- ja kolmosperheiden vertaistapaaminen.", "Kamratträff för tvilling- och trillingfamiljer.",
            "Peer meeting for families with twins and triplets.", null, null, false);
    private static final Kind LANGUAGE_FI = k(ActivityKind.LANGUAGE_GROUP, "Suomen kielen kahvila", "Finskt språkcafé",
            "Finnish language café", "Harjoitellaan suomea arjen tilanteissa, lapset leikkivät samassa tilassa.",
            "Vi övar finska i vardagssituationer, barnen leker i samma rum.",
            "Practise Finnish in everyday situations while the children play in the same room.", null, null, true);
    private static final Kind LANGUAGE_SV = k(ActivityKind.LANGUAGE_GROUP, "Ruotsin kielen leikkikerho",
            "Svenska lekklubben", "Swedish play club", "Leikitään ja lauletaan ruotsiksi – kaikki kielitaidot tervetulleita.",
            "Vi leker och sjunger på svenska – alla är välkomna oavsett språkkunskaper.",
            "Play and songs in Swedish – everyone welcome whatever their Swedish.", 24, 84, true);
    private static final Kind HOMEWORK = k(ActivityKind.HOMEWORK_CLUB, "Läksykerho", "Läxhjälp", "Homework club",
            "Koululaisille apua läksyihin ja välipala.", "Hjälp med läxorna och mellanmål för skolbarn.",
            "Help with homework and a snack for schoolchildren.", 84, 156, true);
    private static final Kind YOUTH = k(ActivityKind.YOUTH_EVENING, "Nuorten ilta", "Ungdomskväll", "Youth evening",
            "Pelejä, musiikkia ja ohjaajat paikalla.", "Spel, musik och ledare på plats.",
            "Games, music and youth workers around.", 156, 216, true);
    private static final Kind MUSIC = k(ActivityKind.HOBBY, "Muskari", "Musiklek", "Music play",
            "Laulua, loruja ja soittimia perheen pienimmille.", "Sång, ramsor och instrument för de minsta.",
            "Songs, rhymes and instruments for the little ones.", 6, 48, true);
    private static final Kind CHRISTMAS = k(ActivityKind.EVENT, "Perheiden joulujuhla", "Familjernas julfest",
            "Families' Christmas party", "Joululauluja, puuroa ja ehkä joulupukki.",
            "Julsånger, gröt och kanske julgubben.", "Christmas songs, porridge and maybe Father Christmas.", null, null,
            false);
    private static final Kind SPRING_PARTY = k(ActivityKind.EVENT, "Kevätjuhla", "Vårfest", "Spring party",
            "Kauden päätösjuhla koko perheelle.", "Säsongens avslutningsfest för hela familjen.",
            "End-of-season party for the whole family.", null, null, false);

    // ---- generator ----------------------------------------------------------------------------------

    private final class Generator {

        private final long countyId;
        private final Instant now = clock.instant();
        private final LocalDate today;
        private final List<Season> seasons;
        private final List<Long> created = new ArrayList<>();
        private final long seed;
        private final int exceptionLimit;

        /**
         * @param seasons the seasons to fill, the first running today or starting next
         * @param seed 0 for the demo (each place's stream is {@code new Random(placeId)}), else mixed in
         * @param exceptionLimit how many exceptions to make; negative: one for every 50 activities
         */
        Generator(long countyId, LocalDate today, List<Season> seasons, long seed, int exceptionLimit) {
            this.countyId = countyId;
            this.today = today;
            this.seasons = seasons;
            this.seed = seed;
            this.exceptionLimit = exceptionLimit;
        }

        void run() {
            List<PlaceInfo> places = new ArrayList<>(registry.publicPlaces(
                    new PlaceCriteria(null, null, null, Set.of(), countyId)).values());
            places.sort(Comparator.comparingLong(PlaceInfo::id));
            Set<String> municipalities = new TreeSet<>();
            for (PlaceInfo place : places) {
                municipalities.add(place.municipalityCode());
                programme(place, new Random(seed == 0 ? place.id() : seed * 1_000_003L + place.id()));
            }
            if (seed == 0) {
                // activities held in other languages, with their texts in those languages (CalendarDemoLanguages)
                created.addAll(CalendarDemoLanguages.add(queries, texts, registry, places, seasons.stream()
                        .filter(s -> !s.summer() && !s.end().isBefore(today)).toList(), now));
            }
            for (String m : municipalities) {
                schoolHolidays(m, SWEDISH_AUTUMN_BREAK.contains(m), seasons.get(0).start().getYear() - 1,
                        today.getYear() + 1, now);
            }
            exceptions();
            pastCancellations();
        }

        private void programme(PlaceInfo place, Random random) {
            boolean swedish = swedish(place);
            String lang = swedish ? "sv" : "fi";
            DayOfWeek day = weekday(random);
            for (Season season : seasons) {
                hours = seed == 0 ? hoursFor(place, season) : null;
                if (season.summer()) {
                    if (place.kind() == fi.kohtaamo.registry.PlaceKind.RESIDENT_PARK) {
                        weekly(place, season, PARK_GYM, lang, EnumSet.of(TUESDAY), WeekParity.ALL, "10:00", 45);
                    }
                    continue;
                }
                switch (place.kind()) {
                    case OPEN_DAYCARE -> {
                        weekly(place, season, DROP_IN, lang, EnumSet.of(MONDAY, TUESDAY, THURSDAY), WeekParity.ALL,
                                "09:00", 180);
                        weekly(place, season, BABY, lang, EnumSet.of(WEDNESDAY), WeekParity.ALL, "13:00", 120);
                        weekly(place, season, OUTDOOR, lang, EnumSet.of(FRIDAY),
                                random.nextBoolean() ? WeekParity.EVEN : WeekParity.ODD, "09:30", 90);
                        if (random.nextInt(3) == 0) {
                            weekly(place, season, LANGUAGE_SV, "sv", EnumSet.of(WEDNESDAY), WeekParity.ALL, "09:30", 60);
                        }
                    }
                    case RESIDENT_PARK -> {
                        weekly(place, season, PARK, lang, EnumSet.range(MONDAY, FRIDAY), WeekParity.ALL, "09:00", 150);
                        weekly(place, season, HOMEWORK, lang, EnumSet.of(MONDAY, TUESDAY, WEDNESDAY, THURSDAY),
                                WeekParity.ALL, "13:00", 150);
                        weekly(place, season, PARK_GYM, lang, EnumSet.of(day), WeekParity.ALL, "10:30", 45);
                    }
                    case FAMILY_CAFE -> {
                        weekly(place, season, CAFE, lang, EnumSet.of(day), WeekParity.ALL,
                                random.nextBoolean() ? "09:30" : "10:00", 120);
                        if (random.nextBoolean()) {
                            monthly(place, season, DADS, lang, 2, SATURDAY, "10:00", 120);
                        } else {
                            weekly(place, season, BABY, lang, EnumSet.of(day == FRIDAY ? MONDAY : day.plus(1)),
                                    random.nextBoolean() ? WeekParity.EVEN : WeekParity.ODD, "13:00", 90);
                        }
                    }
                    case PARISH_FAMILY_CLUB -> {
                        DayOfWeek second = day.plus(2).getValue() > 5 ? MONDAY : day.plus(2);
                        weekly(place, season, CLUB, lang, EnumSet.of(day, second), WeekParity.ALL, "09:30", 150);
                        if (random.nextBoolean()) {
                            weekly(place, season, BABY_CLUB, lang, EnumSet.of(day.plus(1).getValue() > 5 ? TUESDAY
                                    : day.plus(1)), WeekParity.ALL, "13:00", 90);
                        }
                        if (random.nextInt(3) == 0) {
                            monthly(place, season, FAMILY_MASS, lang, -1, SUNDAY, "10:00", 90);
                        }
                        if (random.nextInt(3) == 0) {
                            weekly(place, season, MUSIC, lang, EnumSet.of(THURSDAY), WeekParity.ALL, "17:30", 45);
                        }
                    }
                    case FAMILY_HOUSE, FAMILY_CENTRE -> {
                        weekly(place, season, DROP_IN, lang, EnumSet.of(MONDAY, WEDNESDAY, FRIDAY), WeekParity.ALL,
                                "09:00", 180);
                        weekly(place, season, CAFE, lang, EnumSet.of(TUESDAY), WeekParity.ALL, "10:00", 120);
                        weekly(place, season, LANGUAGE_FI, "fi", EnumSet.of(THURSDAY), WeekParity.ALL, "10:00", 90);
                        monthly(place, season, PEERS, lang, 1, TUESDAY, "17:30", 90);
                        weekly(place, season, MULTIPLES, lang, EnumSet.of(WEDNESDAY), WeekParity.ODD, "13:00", 90);
                        weekly(place, season, YOUTH, lang, EnumSet.of(FRIDAY), WeekParity.ALL, "17:00", 180);
                    }
                    case OTHER -> {
                        weekly(place, season, PEERS, lang, EnumSet.of(day), WeekParity.EVEN, "17:30", 90);
                        weekly(place, season, LANGUAGE_FI, "fi", EnumSet.of(day == MONDAY ? WEDNESDAY : MONDAY),
                                WeekParity.ALL, "10:00", 90);
                        weekly(place, season, HOMEWORK, lang, EnumSet.of(TUESDAY, THURSDAY), WeekParity.ALL, "14:00", 120);
                    }
                }
                events(place, season, lang, random);
            }
        }

        /** One-off parties and a club on a list of dates, so every shape of rule appears in the demo. */
        private void events(PlaceInfo place, Season season, String lang, Random random) {
            if (random.nextInt(4) != 0) {
                return;
            }
            boolean autumn = season.start().getMonthValue() >= 8;
            LocalDate date = autumn
                    ? season.end().minusWeeks(1).with(THURSDAY)
                    : season.end().minusWeeks(1).with(WEDNESDAY);
            insert(place, autumn ? CHRISTMAS : SPRING_PARTY, lang, Schedule.once(date, LocalTime.of(17, 0), 120));
            if (random.nextBoolean()) {
                List<LocalDate> dates = new ArrayList<>();
                for (LocalDate d = season.start().plusWeeks(3).with(SATURDAY); d.isBefore(season.end()); d = d.plusWeeks(5)) {
                    dates.add(d);
                }
                insert(place, MUSIC, lang, Schedule.dates(dates, LocalTime.of(10, 0), 60));
            }
        }

        /** The opening hours of the place in the season being filled; null: the national dataset, which ignores them. */
        private List<OpeningHours> hours;

        /**
         * The place's opening hours in a season: those the registry gives for its first day, or (for a past season,
         * before the registry's periods begin) for the same day of a later year, as the hours have stayed the same.
         */
        private List<OpeningHours> hoursFor(PlaceInfo place, Season season) {
            for (int years = 0; years <= 3; years++) {
                List<OpeningHours> found = registry.openingHours(place.id(), season.start().plusYears(years));
                if (!found.isEmpty()) {
                    return found;
                }
            }
            return List.of();
        }

        /**
         * A weekly activity within the place's opening hours (seed 000: the programme runs while the place is open;
         * only occasional events are held in evenings and at weekends besides): on the wished days that are open at
         * the wished time, moved into the hours when it would start before opening or end after closing, and to
         * another open day when none of the wished ones is open. Nothing when the place is closed all season.
         */
        private void weekly(PlaceInfo place, Season season, Kind kind, String lang, Set<DayOfWeek> days,
                WeekParity parity, String start, int minutes) {
            if (hours == null) {
                insert(place, kind, lang, new Schedule(Schedule.Kind.WEEKLY, days, parity, 0, List.of(), season.start(),
                        season.end(), LocalTime.parse(start), minutes));
                return;
            }
            List<OpeningHours> candidates = new ArrayList<>(hours.stream().filter(h -> days.contains(h.weekday())).toList());
            hours.stream().filter(h -> !days.contains(h.weekday())).forEach(candidates::add);
            LocalTime wished = LocalTime.parse(start);
            for (OpeningHours slot : candidates) {
                int length = Math.min(minutes,
                        (int) java.time.Duration.between(slot.opens(), slot.closes()).toMinutes());
                if (length < 30) {
                    continue;
                }
                LocalTime from = wished.isBefore(slot.opens()) ? slot.opens() : wished;
                if (from.plusMinutes(length).isAfter(slot.closes()) || from.isAfter(slot.closes())) {
                    from = slot.closes().minusMinutes(length);
                }
                LocalTime begins = from;
                LocalTime ends = from.plusMinutes(length);
                Set<DayOfWeek> open = EnumSet.noneOf(DayOfWeek.class);
                for (DayOfWeek d : days) {
                    if (hours.stream().anyMatch(h -> h.weekday() == d && !h.opens().isAfter(begins)
                            && !h.closes().isBefore(ends))) {
                        open.add(d);
                    }
                }
                if (open.isEmpty()) {
                    open.add(slot.weekday());
                }
                insert(place, kind, lang, new Schedule(Schedule.Kind.WEEKLY, open, parity, 0, List.of(), season.start(),
                        season.end(), begins, length));
                return;
            }
        }

        private void monthly(PlaceInfo place, Season season, Kind kind, String lang, int nth, DayOfWeek weekday,
                String start, int minutes) {
            insert(place, kind, lang, Schedule.monthly(nth, weekday, season.start(), season.end(),
                    LocalTime.parse(start), minutes));
        }

        private void insert(PlaceInfo place, Kind kind, String lang, Schedule schedule) {
            List<String> problems = Schedule.validate(schedule);
            if (!problems.isEmpty()) {
                throw new IllegalStateException("demo schedule " + schedule + ": " + problems);
            }
            List<Long> organisers = place.organiserIds().stream().sorted().limit(1).toList();
            List<String> languages = "sv".equals(lang) || kind == LANGUAGE_SV ? List.of("sv")
                    : kind == LANGUAGE_FI ? List.of("fi") : List.of("fi");
            boolean paid = kind == MUSIC;
            ActivityCommand c = new ActivityCommand(place.id(), kind.kind(), kind.name(), kind.description(),
                    kind.ageMin(), kind.ageMax(), !paid,
                    paid ? LocalizedText.of("5 € / kerta", "5 € / gång", "€5 per session") : LocalizedText.EMPTY,
                    kind == PEERS || kind == MULTIPLES,
                    kind == PEERS || kind == MULTIPLES
                            ? LocalizedText.of("Ilmoittaudu ohjaajalle edellisenä päivänä.",
                                    "Anmäl dig till ledaren dagen före.", "Sign up with the instructor the day before.")
                            : LocalizedText.EMPTY,
                    schedule, true, kind.followsSchool(), kind.followsSchool() ? languages.get(0) : null, true,
                    organisers, languages);
            created.add(queries.insert(c, true, now));
        }

        /** A few staff exceptions in the coming weeks: a cancellation, a move and a pause. */
        private void exceptions() {
            LocalDate from = today.plusDays(1);
            LocalDate to = today.plusWeeks(3);
            int cancelled = 0;
            int limit = exceptionLimit >= 0 ? exceptionLimit : created.size() / 50;
            for (int i = 0; i < created.size() && cancelled < limit; i += 17) {
                long id = created.get(i);
                Optional<ActivityQueries.Activity> a = queries.activity(id);
                if (a.isEmpty()) {
                    continue;
                }
                List<LocalDate> dates = ScheduleExpander.dates(a.get().schedule(), from, to);
                if (dates.isEmpty()) {
                    continue;
                }
                switch (cancelled % 3) {
                    case 0 -> queries.saveChange(new ActivityQueries.ChangeRow(id, dates.get(0), "CANCELLED", null, null,
                            null, LocalizedText.of("Ohjaaja on sairastunut.", "Ledaren har insjuknat.",
                                    "The instructor is ill.")), now);
                    case 1 -> {
                        LocalDate d = dates.get(0);
                        queries.saveChange(new ActivityQueries.ChangeRow(id, d, "MOVED", d.plusDays(1),
                                a.get().schedule().start(), null, LocalizedText.of("Tila on varattu muuhun käyttöön.",
                                        "Lokalen är upptagen.", "The room is booked for something else.")), now);
                    }
                    default -> queries.insertPause(id, dates.get(0), dates.get(0).plusWeeks(2),
                            LocalizedText.of("Tauko remontin ajan.", "Paus under renoveringen.",
                                    "Paused during renovation."), now);
                }
                cancelled++;
            }
        }

        /** In past seasons one activity in 23 had a session cancelled (the counts skip it), as staff fall ill. */
        private void pastCancellations() {
            for (int i = 5; i < created.size(); i += 23) {
                long id = created.get(i);
                Optional<ActivityQueries.Activity> a = queries.activity(id);
                if (a.isEmpty() || !a.get().schedule().seasonEnd().isBefore(today)) {
                    continue;
                }
                List<LocalDate> dates = ScheduleExpander.dates(a.get().schedule(), a.get().schedule().seasonStart(),
                        a.get().schedule().seasonEnd());
                if (dates.size() > 4) {
                    queries.saveChange(new ActivityQueries.ChangeRow(id, dates.get(dates.size() / 2), "CANCELLED", null,
                            null, null, LocalizedText.of("Ohjaaja on sairastunut.", "Ledaren har insjuknat.",
                                    "The instructor is ill.")), now);
                }
            }
        }

        private DayOfWeek weekday(Random random) {
            return DayOfWeek.of(1 + random.nextInt(5));
        }

        private boolean swedish(PlaceInfo place) {
            for (Long org : place.organiserIds()) {
                String name = registry.organisation(org).map(r -> r.name().fi()).orElse("");
                String n = name == null ? "" : name.toLowerCase(Locale.ROOT);
                if (n.contains("svensk") || n.contains("folkhälsan") || n.contains("församling")) {
                    return true;
                }
            }
            return false;
        }
    }
}
