package fi.kohtaamo.calendar.internal;

import fi.kohtaamo.calendar.ActivityKind;
import fi.kohtaamo.calendar.CalendarEvents;
import fi.kohtaamo.shared.Actor;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Other modules' one-off events, written through the activity form and service like staff's own. */
@Component
class CalendarEventsFacade implements CalendarEvents {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final ActivityService activities;
    private final ActivityQueries queries;

    CalendarEventsFacade(ActivityService activities, ActivityQueries queries) {
        this.activities = activities;
        this.queries = queries;
    }

    @Override
    @Transactional
    public long create(Actor actor, Event e) {
        ActivityForm f = new ActivityForm();
        f.placeId = String.valueOf(e.placeId());
        f.kind = ActivityKind.EVENT.name();
        f.nameFi = e.name().fi();
        f.nameSv = e.name().sv();
        f.nameEn = e.name().en();
        f.descriptionFi = e.description().fi();
        f.descriptionSv = e.description().sv();
        f.descriptionEn = e.description().en();
        f.scheduleKind = "ONCE";
        f.date = e.date().toString();
        f.startTime = e.start().format(TIME);
        f.endTime = e.end().format(TIME);
        // staff chose the day: a public holiday does not cancel it
        f.pausesOnHolidays = "false";
        f.freeOfCharge = "true";
        f.published = "true";
        e.organiserIds().forEach(o -> f.organiserIds.add(String.valueOf(o)));
        f.languages.addAll(e.languages());
        long id = activities.create(actor, f);
        if (e.demo()) {
            queries.markDemo(id);
        }
        return id;
    }
}
