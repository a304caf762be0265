/**
 * The joint family calendar: recurring activities and one-off events of the meeting places, their
 * schedules as rules, Finnish public holidays and school holidays, and the public calendar, feeds,
 * widget and poster built on them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Family calendar")
package fi.kohtaamo.calendar;
