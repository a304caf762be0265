/**
 * Coordinated outreach: professionals of partner organisations (county services, parishes' diaconia,
 * NGOs) visit the meeting places. Places open visit slots on occurrences of their activities, partners
 * book them, both sides are told by mail with an iCalendar invitation, confirmed visits show in the
 * public calendar, and coordinators see where visits go and where they do not.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Outreach")
package fi.kohtaamo.outreach;
