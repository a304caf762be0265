package fi.kohtaamo.registry;

import java.time.DayOfWeek;
import java.time.LocalTime;

/** A place's opening hours on one weekday of an opening period (a day may have several). */
public record OpeningHours(DayOfWeek weekday, LocalTime opens, LocalTime closes) {
}
