/**
 * Families' and children's voice (issue 14): quick anonymous feedback per place (also as a child's and a
 * kiosk's page), visitor surveys with conditional questions, <i>Huomaa minut!</i> observations of children
 * under school age (per session, never per child), the wishes board with moderation and public answers,
 * joint planning days, and feedback on accessibility. Feedback and survey figures join the monitoring
 * reports under {@code shared.SmallNumbers}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Participation")
package fi.kohtaamo.participation;
