package fi.kohtaamo.calendar.internal.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything that decides an activity's occurrences: its rule and what interrupts it.
 *
 * @param schedule               the rule
 * @param pausesOnPublicHolidays whether occurrences on Finnish public holidays (and Midsummer and
 *                               Christmas Eve) are cancelled; true for almost every activity, but a
 *                               resident park may stay open
 * @param followsSchoolHolidays  whether the activity pauses in the school holidays (a club for
 *                               school children does, a baby café usually does not)
 * @param schoolHolidays         the school holidays of the activity's municipality and school
 *                               language; ignored unless {@code followsSchoolHolidays}
 * @param pauses                 periods in which staff paused the series
 * @param changes                cancelled or moved single occurrences, by the date the rule gives
 */
public record Plan(
        Schedule schedule,
        boolean pausesOnPublicHolidays,
        boolean followsSchoolHolidays,
        List<DateRange> schoolHolidays,
        List<Pause> pauses,
        Map<LocalDate, Change> changes) {

    public Plan {
        Objects.requireNonNull(schedule, "schedule");
        schoolHolidays = schoolHolidays == null ? List.of() : List.copyOf(schoolHolidays);
        pauses = pauses == null ? List.of() : List.copyOf(pauses);
        changes = changes == null ? Map.of() : Map.copyOf(changes);
    }

    /** The defaults: pauses on public holidays, not on school holidays, no pauses or changes. */
    public static Plan of(Schedule schedule) {
        return new Plan(schedule, true, false, List.of(), List.of(), Map.of());
    }

    public Plan withPublicHolidays(boolean pauses) {
        return new Plan(schedule, pauses, followsSchoolHolidays, schoolHolidays, this.pauses, changes);
    }

    /** Follows these school holidays. */
    public Plan withSchoolHolidays(List<DateRange> holidays) {
        return new Plan(schedule, pausesOnPublicHolidays, true, holidays, pauses, changes);
    }

    public Plan withPauses(List<Pause> newPauses) {
        return new Plan(schedule, pausesOnPublicHolidays, followsSchoolHolidays, schoolHolidays, newPauses, changes);
    }

    public Plan withChanges(Map<LocalDate, Change> newChanges) {
        return new Plan(schedule, pausesOnPublicHolidays, followsSchoolHolidays, schoolHolidays, pauses, newChanges);
    }
}
