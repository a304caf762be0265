package fi.kohtaamo.calendar.internal;

import fi.kohtaamo.calendar.ActivityKind;
import fi.kohtaamo.calendar.internal.rules.Schedule;
import fi.kohtaamo.registry.OpeningHours;
import fi.kohtaamo.registry.PlaceInfo;
import fi.kohtaamo.registry.PlaceKind;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.LocalizedText;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * Demo activities held in the languages many families in Uusimaa speak at home (Arabic, Ukrainian, Somali, Russian,
 * Estonian, Persian), each with its name and description in that language beside fi/sv/en: one a week at the first
 * family houses, centres and other places, within their opening hours, in the season running and the next.
 */
final class CalendarDemoLanguages {

    private record Held(String lang, ActivityKind kind, LocalizedText name, LocalizedText description, String ownName,
            String ownDescription, Integer ageMin, Integer ageMax) {
    }

    static final List<Held> ACTIVITIES = List.of(
            new Held("ar", ActivityKind.FAMILY_CAFE,
                    LocalizedText.of("Perhekahvila arabiaksi", "Familjecafé på arabiska", "Family café in Arabic"),
                    LocalizedText.of("Tule lasten kanssa. Leikimme, juttelemme ja juomme kahvia. Ohjaaja puhuu arabiaa "
                                    + "ja suomea. Maksuton. Ei ilmoittautumista.",
                            "Kom med barnen. Vi leker, pratar och dricker kaffe. Ledaren talar arabiska och finska. "
                                    + "Gratis, ingen anmälan.",
                            "Come with your children. We play, talk and have coffee. The instructor speaks Arabic and "
                                    + "Finnish. Free, no registration."),
                    "مقهى العائلة",
                    "تعالوا مع أطفالكم. نلعب ونتحدث ونشرب القهوة. المرشدة تتكلم العربية والفنلندية. مجاناً، بدون تسجيل.",
                    0, 84),
            new Held("uk", ActivityKind.HOBBY,
                    LocalizedText.of("Leikkiryhmä ukrainaksi", "Lekgrupp på ukrainska", "Play group in Ukrainian"),
                    LocalizedText.of("Leikimme, laulamme ja luemme kirjoja lasten kanssa. Maksuton.",
                            "Vi leker, sjunger och läser böcker med barnen. Gratis.",
                            "We play, sing and read books with the children. Free."),
                    "Ігрова група українською",
                    "Граємо, співаємо і читаємо книжки разом із дітьми. Безкоштовно.", 12, 84),
            new Held("so", ActivityKind.PARENT_PEER_GROUP,
                    LocalizedText.of("Perheryhmä somaliksi", "Familjegrupp på somaliska", "Family group in Somali"),
                    LocalizedText.of("Vanhemmat juttelevat, lapset leikkivät. Ohjaaja puhuu somalia ja suomea. Maksuton.",
                            "Föräldrarna pratar, barnen leker. Ledaren talar somaliska och finska. Gratis.",
                            "Parents talk while the children play. The instructor speaks Somali and Finnish. Free."),
                    "Kooxda qoyska",
                    "Waalidiintu way sheekaystaan, carruurtuna way ciyaaraan. Hagaha wuxuu ku hadlaa af-Soomaali iyo "
                            + "af-Finnish. Waa bilaash.", null, null),
            new Held("ru", ActivityKind.HOBBY,
                    LocalizedText.of("Muskari venäjäksi", "Musiklek på ryska", "Music play in Russian"),
                    LocalizedText.of("Laulamme, soitamme ja liikumme lasten kanssa. Maksuton.",
                            "Vi sjunger, spelar och rör på oss med barnen. Gratis.",
                            "We sing, play instruments and move with the children. Free."),
                    "Музыкальные занятия для малышей",
                    "Поём, играем и танцуем вместе с детьми. Бесплатно.", 12, 72),
            new Held("et", ActivityKind.OPEN_DROP_IN,
                    LocalizedText.of("Satutuokio viroksi", "Sagostund på estniska", "Story time in Estonian"),
                    LocalizedText.of("Luemme satuja ja laulamme yhdessä. Maksuton. Ei ilmoittautumista.",
                            "Vi läser sagor och sjunger tillsammans. Gratis, ingen anmälan.",
                            "We read stories and sing together. Free, no registration."),
                    "Jututund eesti keeles",
                    "Loeme lastele muinasjutte ja laulame koos. Tasuta, registreerumist pole vaja.", 24, 84),
            new Held("fa", ActivityKind.BABY_CAFE,
                    LocalizedText.of("Vauvakahvila persiaksi", "Babycafé på persiska", "Baby café in Persian"),
                    LocalizedText.of("Tule vauvan kanssa. Tapaat muita perheitä. Ohjaaja puhuu persiaa ja suomea. Maksuton.",
                            "Kom med din baby och träffa andra familjer. Ledaren talar persiska och finska. Gratis.",
                            "Come with your baby and meet other families. The instructor speaks Persian and Finnish. Free."),
                    "کافه نوزاد",
                    "با نوزاد خود بیایید و با خانواده های دیگر آشنا شوید. مربی فارسی و فنلاندی صحبت می کند. رایگان است.",
                    0, 18));

    private CalendarDemoLanguages() {
    }

    /** Adds the activities at the first suitable places (by id) that are open long enough; returns their ids. */
    static List<Long> add(ActivityQueries queries, ActivityTextQueries texts, Registry registry, List<PlaceInfo> places,
            List<CalendarDemoData.Season> seasons, Instant now) {
        List<Long> created = new ArrayList<>();
        List<PlaceInfo> hosts = places.stream().filter(p -> EnumSet.of(PlaceKind.FAMILY_HOUSE, PlaceKind.FAMILY_CENTRE,
                PlaceKind.OPEN_DAYCARE, PlaceKind.OTHER).contains(p.kind())).toList();
        int next = 0;
        for (Held held : ACTIVITIES) {
            for (; next < hosts.size(); next++) {
                PlaceInfo place = hosts.get(next);
                List<Long> ids = new ArrayList<>();
                for (CalendarDemoData.Season season : seasons) {
                    OpeningHours slot = registry.openingHours(place.id(), season.start()).stream()
                            .filter(h -> java.time.Duration.between(h.opens(), h.closes()).toMinutes() >= 90)
                            .reduce((a, b) -> b).orElse(null);
                    if (slot == null) {
                        continue;
                    }
                    Schedule s = new Schedule(Schedule.Kind.WEEKLY, EnumSet.of(slot.weekday()),
                            Schedule.WeekParity.ALL, 0, List.of(), season.start(), season.end(),
                            slot.closes().minusMinutes(90), 90);
                    ActivityCommand c = new ActivityCommand(place.id(), held.kind(), held.name(), held.description(),
                            held.ageMin(), held.ageMax(), true, LocalizedText.EMPTY, false, LocalizedText.EMPTY, s,
                            true, false, null, true, place.organiserIds().stream().sorted().limit(1).toList(),
                            List.of(held.lang(), "fi"));
                    long id = queries.insert(c, true, now);
                    texts.insert(id, new ActivityText(held.lang(), held.ownName(), held.ownDescription(), 0, now), now);
                    ids.add(id);
                }
                if (!ids.isEmpty()) {
                    created.addAll(ids);
                    next++;
                    break;
                }
            }
        }
        return created;
    }
}
