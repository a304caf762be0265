/**
 * Monitoring and evaluation: visit counts where they happen (at the door, per occurrence or open day,
 * or afterwards in a month grid), anonymous referral tallies, and the figures the coordination model
 * asks for, from a place up to the nation. No personal data of families.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Monitoring")
package fi.kohtaamo.monitoring;
