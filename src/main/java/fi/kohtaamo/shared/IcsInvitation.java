package fi.kohtaamo.shared;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ComponentList;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.PropertyList;
import net.fortuna.ical4j.model.component.CalendarComponent;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * The one way a mail invitation's iCalendar object is written (outreach's visits, coordination's meetings): one
 * VEVENT whose UID stays the record's and whose SEQUENCE the caller raises with every change, times in UTC
 * (ical4j writes an invalid {@code TZID=Z} for a UTC zoned time, so instants are passed), METHOD:REQUEST or CANCEL,
 * folded by {@link IcsText}.
 *
 * @param status {@code CONFIRMED}, {@code TENTATIVE} or {@code CANCELLED}
 */
public record IcsInvitation(String prodId, String uid, Instant start, Instant end, int sequence, String summary,
        String location, String description, String status, String organizerEmail, String attendeeName,
        String attendeeEmail) {

    /** The iCalendar text with the method (REQUEST, CANCEL), stamped at {@code now}. */
    public String write(String method, Instant now) {
        List<Property> p = new ArrayList<>();
        p.add(new Uid(uid));
        p.add(new DtStamp(now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
        p.add(new DtStart<>(start));
        p.add(new DtEnd<>(end));
        p.add(new Sequence(sequence));
        p.add(new Summary(summary));
        if (location != null && !location.isEmpty()) {
            p.add(new Location(location));
        }
        p.add(new Description(description));
        p.add(new Status(status));
        p.add(new Organizer(URI.create("mailto:" + organizerEmail)));
        p.add(new Attendee(new ParameterList(List.of(new Cn(attendeeName))),
                URI.create("mailto:" + attendeeEmail.replace(" ", ""))));
        List<CalendarComponent> components = List.of(new VEvent(new PropertyList(p)));
        Calendar cal = new Calendar(new PropertyList(List.of(new ProdId(prodId), ImmutableVersion.VERSION_2_0,
                new Method(method))), new ComponentList<>(components));
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(cal, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // folded at 75 octets: ical4j folds at 75 characters, which Finnish letters and emoji exceed
        return IcsText.fold(out.toString());
    }
}
