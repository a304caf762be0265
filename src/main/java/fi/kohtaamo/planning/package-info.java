/**
 * Planning (issue 16, parts 1–4): for a county's and an area's coordinators, the overlaps of the timetable (the same
 * kind of activity for the same ages at the same time, in one area or within a distance, on dates both are actually
 * held), its gaps (weekday × area × age band × language with nothing on offer, evenings and weekends) and a timetable
 * heat map, coverage against the children living in each municipality and area, and a per-user sketch that shows
 * what moving, adding or removing an activity would change before anyone edits the calendar. Reads the calendar
 * through {@code calendar.ActivityCalendar} and the places through {@code registry.Registry}; never their tables.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Planning")
package fi.kohtaamo.planning;
