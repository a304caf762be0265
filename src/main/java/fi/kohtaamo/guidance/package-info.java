/**
 * Client guidance, both ways (issue 15, seed 002 "Asiakasohjaus"): the county's directory of family services
 * (needs, ways to reach each service, hours, locations, owners and the date of the last check), found by need or
 * word at a meeting place's door and public at {@code /services}, printable as a service card; handouts that
 * services give families to send them to the meeting places, tallied by service type beside monitoring's onward
 * referrals; import from Suomi.fi Palvelutietovaranto and export as Open Referral HSDS. A service's type is a code
 * of monitoring's catalogue of service types.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Guidance")
package fi.kohtaamo.guidance;
