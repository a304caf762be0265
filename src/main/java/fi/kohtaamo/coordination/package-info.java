/**
 * The coordination model's own work: the county's groups (providers' working groups, meeting-place
 * networks, the county coordination group) with their seats, the providers' commitment to the common
 * model, meetings with agendas, invitations, minutes, decisions and action items carried forward until
 * done, materials, weak signals carried upward, and THL's criteria of meeting-place activity assessed per
 * place and year.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Coordination")
package fi.kohtaamo.coordination;
