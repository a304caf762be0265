package fi.kohtaamo.planning.internal;

import fi.kohtaamo.planning.internal.Timetable.Slot;
import fi.kohtaamo.shared.Lang;
import java.time.DayOfWeek;
import java.util.Collection;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** How planning pages write weekdays, times and ages ({@code @planningViews} in templates). */
@Component("planningViews")
class PlanningViews {

    private final MessageSource messages;

    PlanningViews(MessageSource messages) {
        this.messages = messages;
    }

    public String weekdays(Collection<DayOfWeek> days, Lang lang) {
        return days.stream().sorted().map(d -> messages.getMessage("weekday." + d, null, lang.locale()))
                .collect(Collectors.joining(", "));
    }

    public String time(int minute) {
        return String.format("%d.%02d", minute / 60, minute % 60);
    }

    /** An activity's ages in words: "0–11 kk", "from 12 months", "all ages". */
    public String ages(Slot s, Lang lang) {
        if (s.ageMin() == null && s.ageMax() == null) {
            return messages.getMessage("planning.ages.all", null, lang.locale());
        }
        if (s.ageMax() == null) {
            return messages.getMessage("planning.ages.from", new Object[] {s.ageMin()}, lang.locale());
        }
        return messages.getMessage("planning.ages.range", new Object[] {s.minAge(), s.ageMax()}, lang.locale());
    }

    public String language(String code, Lang lang) {
        return messages.getMessage("language." + code, null, code, lang.locale());
    }
}
