package fi.kohtaamo.outreach.internal;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.shared.Lang;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * A visit's mail invitation is folded at 75 octets (RFC 5545 3.1), not 75 characters: Finnish
 * letters take two octets and emoji four, and a line is never broken inside a character.
 */
class VisitInvitationFoldingTest {

    static final Instant START = Instant.parse("2027-03-02T08:00:00Z");

    VisitMails mails() {
        return new VisitMails(null, null, null, null, null, null, null, Clock.fixed(START, ZoneOffset.UTC),
                "kohtaamo.fi");
    }

    OutreachQueries.Visit visit() {
        return new OutreachQueries.Visit(7, 1, 2, 3, null, null, "Äitiysneuvolan Öljymäki 😀", "x@example.fi", null,
                null, "CONFIRMED", null, null, null, null, 2, START, START, 4, 5, LocalDate.of(2027, 3, 2), START,
                START.plusSeconds(3600), "ON_SITE");
    }

    @Test
    void everyLineIsAtMost75OctetsAndUnfoldsBackToTheText() {
        String summary = "Neuvolan terveydenhoitaja paikalla: ääkkösiä ja hymiöitä 😀🎉👶 ".repeat(6);
        String location = "Perhekeskus Äijälänsalmi, Köyhäjoentie 12 ö ä å 🏠".repeat(3);
        String description = "Tervetuloa! Öisin ei käydä; päivisin kyllä 😀.\nToinen rivi: äää ööö 👨‍👩‍👧 ".repeat(8);
        String ics = mails().invitation(visit(), false, summary, location, description,
                new VisitMails.Recipient("nelli@example.fi", null, Lang.FI, false), "REQUEST");

        assertThat(ics).contains("\r\n ");
        for (String line : ics.split("\r\n")) {
            byte[] octets = line.getBytes(StandardCharsets.UTF_8);
            assertThat(octets.length).as(line).isLessThanOrEqualTo(75);
            // no character was split: the line is valid UTF-8 on its own
            assertThat(new String(octets, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8)).isEqualTo(octets);
            assertThat(line).doesNotContain("\uFFFD");
            assertThat(line.isEmpty() || !Character.isLowSurrogate(line.charAt(line.startsWith(" ") ? Math.min(1, line.length() - 1) : 0))).isTrue();
        }
        String unfolded = ics.replace("\r\n ", "");
        assertThat(unfolded).contains("SUMMARY:" + summary.replace(",", "\\,").replace(";", "\\;") + "\r\n");
        assertThat(unfolded).contains("LOCATION:" + location.replace(",", "\\,").replace(";", "\\;") + "\r\n");
        assertThat(unfolded).contains("DESCRIPTION:" + description.replace(",", "\\,").replace(";", "\\;")
                .replace("\n", "\\n") + "\r\n");
    }
}
