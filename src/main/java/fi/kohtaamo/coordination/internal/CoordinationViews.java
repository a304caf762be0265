package fi.kohtaamo.coordination.internal;

import fi.kohtaamo.coordination.internal.ActionItemQueries.ActionItem;
import fi.kohtaamo.coordination.internal.GroupQueries.Group;
import fi.kohtaamo.coordination.internal.MeetingQueries.Meeting;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.Lang;
import fi.kohtaamo.shared.Option;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Turns coordination records into what the pages show (names looked up through the registry's facade). */
@Component
class CoordinationViews {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d.M.yyyy");
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H.mm");

    private final Registry registry;
    private final GroupQueries groups;
    private final MessageSource messages;
    private final Clock clock;

    CoordinationViews(Registry registry, GroupQueries groups, MessageSource messages, Clock clock) {
        this.registry = registry;
        this.groups = groups;
        this.messages = messages;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(MeetingService.HELSINKI));
    }

    String organisation(Long id, Lang lang) {
        return id == null ? "" : registry.organisation(id).map(o -> o.name().get(lang)).orElse("");
    }

    String place(Long id, Lang lang) {
        return id == null ? "" : registry.place(id).map(o -> o.name().get(lang)).orElse("");
    }

    String areas(long groupId, Lang lang) {
        return String.join(", ", groups.areas(groupId).stream()
                .map(a -> registry.area(a).map(r -> r.name().get(lang)).orElse("")).toList());
    }

    static String when(Meeting m) {
        var s = m.startsAt().atZone(MeetingService.HELSINKI);
        var e = m.endsAt().atZone(MeetingService.HELSINKI);
        return DAY.format(s) + " " + TIME.format(s) + "–"
                + (s.toLocalDate().equals(e.toLocalDate()) ? "" : DAY.format(e) + " ") + TIME.format(e);
    }

    /** A meeting as lists show it: the meeting, its group's name and when. */
    record MeetingRow(Meeting meeting, String group, String when) {
    }

    List<MeetingRow> meetings(List<Meeting> list) {
        Map<Long, String> names = new HashMap<>();
        return list.stream().map(m -> new MeetingRow(m, names.computeIfAbsent(m.groupId(),
                g -> groups.group(g).map(Group::name).orElse("")), when(m))).toList();
    }

    /** An action item as the register shows it: owner in words, overdue or not. */
    record ActionRow(ActionItem item, String group, String owner, String due, boolean overdue) {
    }

    List<ActionRow> actions(List<ActionItem> list, Lang lang) {
        Map<Long, String> names = new HashMap<>();
        LocalDate today = today();
        return list.stream().map(a -> {
            String owner = a.ownerName() == null ? organisation(a.ownerOrganisationId(), lang)
                    : a.ownerOrganisationId() == null ? a.ownerName()
                    : a.ownerName() + " (" + organisation(a.ownerOrganisationId(), lang) + ")";
            return new ActionRow(a, names.computeIfAbsent(a.groupId(), g -> groups.group(g).map(Group::name).orElse("")),
                    owner, a.dueOn() == null ? "" : DAY.format(a.dueOn()),
                    a.open() && a.dueOn() != null && a.dueOn().isBefore(today));
        }).toList();
    }

    /** Options whose labels are messages {@code prefix + value}. */
    List<Option> choices(String prefix, List<? extends Enum<?>> values, Lang lang) {
        return values.stream().map(v -> new Option(v.name(), messages.getMessage(prefix + v.name(), null, lang.locale()),
                lang.code())).toList();
    }

    List<Option> organisations(long countyId, Lang lang) {
        return registry.organisations(countyId).stream().map(r -> Option.of(String.valueOf(r.id()), r.name(), lang))
                .toList();
    }

    List<Option> areaOptions(long countyId, Lang lang) {
        return registry.areas(countyId).stream().map(r -> Option.of(String.valueOf(r.id()), r.name(), lang)).toList();
    }

    List<Option> counties(Lang lang) {
        return registry.counties().stream().map(r -> Option.of(String.valueOf(r.id()), r.name(), lang)).toList();
    }

    List<Option> places(long countyId, Lang lang) {
        return registry.places(countyId, null).stream().map(r -> Option.of(String.valueOf(r.id()), r.name(), lang))
                .toList();
    }

    /** The county an actor works in: a county coordinator's own, an area coordinator's area's; else null. */
    Long countyOf(fi.kohtaamo.shared.Actor actor) {
        if (actor.countyId() != null) {
            return actor.countyId();
        }
        return actor.areaId() == null ? null : registry.countyOfArea(actor.areaId()).orElse(null);
    }

    /** The county a county-wide page shows: the one asked for, else the actor's, else (an administrator's) the first. */
    Long countyOrDefault(Long asked, fi.kohtaamo.shared.Actor actor) {
        if (asked != null) {
            return asked;
        }
        Long own = countyOf(actor);
        return own != null ? own : registry.counties().stream().findFirst().map(Registry.Ref::id).orElse(null);
    }

    String t(Lang lang, String key, Object... args) {
        return messages.getMessage(key, args, key, lang.locale());
    }
}
