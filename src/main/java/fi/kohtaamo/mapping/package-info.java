/**
 * Mapping (issue 16, seed 000): mapping rounds that a county's coordinators, a national organisation (for its own
 * places across counties) or an administrator (nationally) open with a deadline; one questionnaire per place,
 * prefilled from the registry and monitoring, confirmed or corrected by the place's staff (corrections that belong to
 * the registry go through the registry's own checks and audit); reminders before the deadline; and the summary of a
 * round in the shape of seed 000, beside the previous round, as a page, XLSX and PDF. An answer is a snapshot: a
 * round's figures never change when the registry does.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Mapping")
package fi.kohtaamo.mapping;
