package fi.kohtaamo.outreach.internal;

import fi.kohtaamo.calendar.ActivityCalendar;
import fi.kohtaamo.outreach.internal.OutreachQueries.Catalogue;
import fi.kohtaamo.outreach.internal.OutreachQueries.Slot;
import fi.kohtaamo.outreach.internal.OutreachQueries.Visit;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.LocalizedText;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Turns slots and visits into what the staff pages show (names looked up once per call). */
@Component
class OutreachViews {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d.M.yyyy");
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H.mm");

    private final Registry registry;
    private final ActivityCalendar calendar;
    private final OutreachQueries queries;
    private final org.springframework.context.MessageSource messages;

    OutreachViews(Registry registry, ActivityCalendar calendar, OutreachQueries queries,
            org.springframework.context.MessageSource messages) {
        this.registry = registry;
        this.calendar = calendar;
        this.queries = queries;
        this.messages = messages;
    }

    static List<fi.kohtaamo.shared.Option> items(List<fi.kohtaamo.shared.CountyCatalogue.Item> items, fi.kohtaamo.shared.Lang lang) {
        return items.stream().map(i -> fi.kohtaamo.shared.Option.of(String.valueOf(i.id()), i.name(), lang)).toList();
    }

    static List<fi.kohtaamo.shared.Option> refs(List<Registry.Ref> refs, fi.kohtaamo.shared.Lang lang) {
        return refs.stream().map(r -> fi.kohtaamo.shared.Option.of(String.valueOf(r.id()), r.name(), lang)).toList();
    }

    /** Options whose labels are messages {@code prefix + value}. */
    List<fi.kohtaamo.shared.Option> messages(String prefix, List<String> values, fi.kohtaamo.shared.Lang lang) {
        return values.stream().map(v -> new fi.kohtaamo.shared.Option(v, messages.getMessage(prefix + v, null, lang.locale()),
                        lang.code()))
                .toList();
    }

    record SlotRow(Slot slot, LocalizedText place, LocalizedText activity, String weekday, String when,
            List<LocalizedText> topics) {
    }

    record VisitRow(Visit visit, LocalizedText place, LocalizedText activity, String weekday, String when,
            LocalizedText profession, LocalizedText topic, LocalizedText partner) {
    }

    static String when(Instant start, Instant end) {
        var s = start.atZone(OutreachService.HELSINKI);
        var e = end.atZone(OutreachService.HELSINKI);
        return DAY.format(s) + " " + TIME.format(s) + "–" + TIME.format(e);
    }

    static String weekday(Instant start) {
        return start.atZone(OutreachService.HELSINKI).getDayOfWeek().name();
    }

    /** Name lookups for one page. */
    class Names {
        private final Map<Long, LocalizedText> places = new HashMap<>();
        private final Map<Long, LocalizedText> activities = new HashMap<>();
        private final Map<String, LocalizedText> items = new HashMap<>();
        private final Map<Long, LocalizedText> orgs = new HashMap<>();

        LocalizedText place(long id) {
            return places.computeIfAbsent(id, k -> registry.place(k).map(Registry.Ref::name).orElse(LocalizedText.EMPTY));
        }

        LocalizedText activity(long id) {
            return activities.computeIfAbsent(id, k -> calendar.activity(k).map(ActivityCalendar.ActivityRef::name)
                    .orElse(LocalizedText.EMPTY));
        }

        LocalizedText item(Catalogue c, Long id) {
            if (id == null) {
                return LocalizedText.EMPTY;
            }
            return items.computeIfAbsent(c + "/" + id, k -> queries.item(c, id).map(fi.kohtaamo.shared.CountyCatalogue.Item::name)
                    .orElse(LocalizedText.EMPTY));
        }

        LocalizedText organisation(long id) {
            return orgs.computeIfAbsent(id, k -> registry.organisation(k).map(Registry.Ref::name).orElse(LocalizedText.EMPTY));
        }
    }

    Names names() {
        return new Names();
    }

    List<SlotRow> slots(List<Slot> slots) {
        Names n = names();
        return slots.stream().map(s -> new SlotRow(s, n.place(s.placeId()), n.activity(s.activityId()),
                weekday(s.startsAt()), when(s.startsAt(), s.endsAt()),
                s.topicIds().stream().map(t -> n.item(Catalogue.TOPIC, t)).toList())).toList();
    }

    SlotRow slot(Slot s) {
        return slots(List.of(s)).get(0);
    }

    List<VisitRow> visits(List<Visit> visits) {
        Names n = names();
        return visits.stream().map(v -> new VisitRow(v, n.place(v.placeId()), n.activity(v.activityId()),
                weekday(v.startsAt()), when(v.startsAt(), v.endsAt()), n.item(Catalogue.PROFESSION, v.professionId()),
                n.item(Catalogue.TOPIC, v.topicId()), n.organisation(v.partnerOrgId()))).toList();
    }

    VisitRow visit(Visit v) {
        return visits(List.of(v)).get(0);
    }
}
