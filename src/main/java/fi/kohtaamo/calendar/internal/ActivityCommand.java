package fi.kohtaamo.calendar.internal;

import fi.kohtaamo.calendar.internal.rules.Schedule;

import fi.kohtaamo.calendar.ActivityKind;
import fi.kohtaamo.shared.LocalizedText;
import java.util.List;

/** A checked activity, ready to be stored. */
public record ActivityCommand(long placeId, ActivityKind kind, LocalizedText name, LocalizedText description,
        Integer ageMinMonths, Integer ageMaxMonths, boolean freeOfCharge, LocalizedText price,
        boolean registrationRequired, LocalizedText registration, Schedule schedule, boolean pausesOnHolidays,
        boolean followsSchoolHolidays, String schoolLanguage, boolean published, List<Long> organiserIds,
        List<String> languages) {
}
