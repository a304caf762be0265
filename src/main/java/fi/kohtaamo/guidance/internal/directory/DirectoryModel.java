package fi.kohtaamo.guidance.internal.directory;

import fi.kohtaamo.shared.LocalizedText;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/** The directory's records as read, and the values of its enumerated columns (V20). */
public final class DirectoryModel {

    private DirectoryModel() {
    }

    /** How a family gets to a service. */
    public enum AccessMode {
        SELF_REFERRAL, PROFESSIONAL_ONLY, BOTH
    }

    public enum Cost {
        FREE, FEE, INCOME_BASED
    }

    /** Open Referral HSDS 3.0's service status. */
    public enum Status {
        ACTIVE, INACTIVE, TEMPORARILY_CLOSED, DEFUNCT
    }

    /** PTV's kinds of service channel. */
    public enum ChannelKind {
        PHONE, CHAT, WEB_FORM, BOOKING, WEB_PAGE, EMAIL, LOCATION;

        boolean needsUrl() {
            return this == CHAT || this == WEB_FORM || this == BOOKING || this == WEB_PAGE;
        }
    }

    public enum PhoneCharge {
        FREE, LOCAL_RATE, CHARGED
    }

    /** PTV's kinds of service hours. */
    public enum HoursKind {
        REGULAR, EXCEPTIONAL, CLOSED
    }

    /** One row of a channel's hours; REGULAR with closes before opens runs over midnight. */
    public record Hours(HoursKind kind, Integer weekday, LocalTime opens, LocalTime closes, LocalDate validFrom,
            LocalDate validTo, boolean byReservation, LocalizedText note) {

        public boolean overMidnight() {
            return opens != null && closes != null && !closes.isAfter(opens);
        }
    }

    /** A way to reach a service, with its hours. */
    public record Channel(ChannelKind kind, LocalizedText label, String phone, PhoneCharge phoneCharge, String url,
            String email, String streetAddress, String postalCode, String municipalityCode, BigDecimal latitude,
            BigDecimal longitude, LocalizedText accessibility, String ptvId, List<Hours> hours) {
    }

    /** A service's texts in a family's language other than fi/sv/en. */
    public record Text(String lang, String name, String summary, String referral) {
    }

    /** A service's own columns. */
    public record Service(long id, long countyId, long organisationId, String serviceType, LocalizedText name,
            LocalizedText summary, LocalizedText description, Integer ageMinMonths, Integer ageMaxMonths,
            boolean forExpecting, AccessMode accessMode, LocalizedText referral, Cost cost, LocalizedText costNote,
            String website, Status status, Long ownerUserId, LocalDate lastCheckedOn, String lastCheckedBy,
            LocalDate lastRemindedOn, String source, String ptvId, boolean locallyEdited, boolean demo, int version,
            Instant createdAt, Instant updatedAt) {
    }

    /** A service with everything it has: what the edit form, the audit log and the other pages read. */
    public record Details(Service service, List<String> needs, List<String> languages, List<String> municipalities,
            List<Text> texts, List<Channel> channels) {
    }

    /** A row of the staff list. */
    public record Row(long id, LocalizedText name, String serviceType, long organisationId, Long ownerUserId,
            Status status, LocalDate lastCheckedOn, Instant createdAt, boolean demo) {

        /** The day the data was last confirmed: the last check, or the day the service was entered. */
        public LocalDate checkedOrCreated(java.time.ZoneId zone) {
            return lastCheckedOn != null ? lastCheckedOn : LocalDate.ofInstant(createdAt, zone);
        }
    }

    /** A need of the county's catalogue. */
    public record Need(long id, long countyId, String code, LocalizedText name, int position, boolean active,
            int version) {
    }
}
