package fi.kohtaamo.guidance.internal.find;

import fi.kohtaamo.shared.LocalizedText;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

/** The read model of the directory as families and the door see it (records only). */
final class FindModel {

    private FindModel() {
    }

    /** Only these services are public: the others are not found. */
    static final List<String> PUBLIC_STATUSES = List.of("ACTIVE", "TEMPORARILY_CLOSED");

    /** One row of {@code guidance_hours}: REGULAR on a weekday, EXCEPTIONAL or CLOSED on dates. */
    record Hours(String kind, Integer weekday, LocalTime opens, LocalTime closes, LocalDate validFrom,
            LocalDate validTo, boolean byReservation, LocalizedText note) {

        public boolean regular() {
            return "REGULAR".equals(kind);
        }

        /**
         * Hours that close at or before they open run over midnight into the next day; closing at 00.00 is the end
         * of the same day (10.00–24.00), not over midnight.
         */
        public boolean overMidnight() {
            return opens != null && closes != null && !closes.isAfter(opens) && !closes.equals(LocalTime.MIDNIGHT);
        }

        boolean validOn(LocalDate day) {
            return (validFrom == null || !day.isBefore(validFrom)) && (validTo == null || !day.isAfter(validTo));
        }

        /** Exceptional or closed dates: from valid_from to valid_to (or that one day). */
        boolean covers(LocalDate day) {
            return !day.isBefore(validFrom) && !day.isAfter(validTo == null ? validFrom : validTo);
        }
    }

    /** A way to reach a service, in its position order, with its hours. */
    record Channel(long id, long serviceId, String kind, LocalizedText label, String phone, String phoneCharge,
            String url, String email, String streetAddress, String postalCode, String municipalityCode,
            LocalizedText accessibility, List<Hours> hours) {

        public boolean location() {
            return "LOCATION".equals(kind);
        }

        public boolean electronic() {
            return "CHAT".equals(kind) || "WEB_FORM".equals(kind) || "BOOKING".equals(kind);
        }
    }

    /** What a search result shows: the service and its ways in (its channels). */
    record Summary(long id, long countyId, String serviceType, LocalizedText name, LocalizedText summary,
            String accessMode, LocalizedText referral, String cost, String status, Integer ageMinMonths,
            Integer ageMaxMonths, boolean forExpecting, List<Channel> channels) {

        public boolean selfReferral() {
            return !"PROFESSIONAL_ONLY".equals(accessMode);
        }

        public boolean temporarilyClosed() {
            return "TEMPORARILY_CLOSED".equals(status);
        }
    }

    /** A need of the county's catalogue, named. */
    record Need(String code, LocalizedText name) {
    }

    /** A service's own text in a family's language other than fi/sv/en. */
    record OtherText(String lang, String name, String summary, String referral) {
    }

    /** Everything a family needs from a service's page and card. */
    record Detail(Summary summary, LocalizedText description, LocalizedText costNote, String website,
            long organisationId, List<Need> needs, List<String> languages, List<String> municipalities,
            Map<String, OtherText> texts, LocalDate lastCheckedOn, Instant updatedAt) {

        public long id() {
            return summary.id();
        }
    }

    /** One page of search results. */
    record Page(List<Summary> items, int page, int size, long total) {

        public int pages() {
            return (int) ((total + size - 1) / size);
        }

        public boolean hasNext() {
            return (long) (page + 1) * size < total;
        }
    }
}
