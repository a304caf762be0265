package fi.kohtaamo.guidance.internal.exchange;

import fi.kohtaamo.guidance.internal.exchange.DirectoryQueries.ChannelRow;
import fi.kohtaamo.guidance.internal.exchange.DirectoryQueries.HoursRow;
import fi.kohtaamo.guidance.internal.exchange.DirectoryQueries.ServiceRow;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.Lang;
import fi.kohtaamo.shared.LocalizedText;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A county's directory as Open Referral HSDS 3.0 JSON (the shape of the HSDS API's {@code GET /services}: a page
 * whose {@code contents} are full service objects with their organization, phones, languages, schedules and
 * service_at_locations with locations, addresses and accessibility). Texts in one language (fi, sv or en, falling
 * back like the pages). Regular hours become weekly rules ({@code freq WEEKLY, byday, opens_at, closes_at,
 * valid_from, valid_to}); HSDS has no field for an exception, so an exceptional or closed date range is a schedule
 * without {@code freq}, with {@code valid_from}/{@code valid_to}, its hours (none when closed) and a description
 * saying so. No personal data: the date of the last check goes out as {@code assured_date}, the person who checked
 * does not.
 */
@Component
class HsdsExport {

    private static final String[] BYDAY = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};

    private final DirectoryQueries queries;
    private final Registry registry;
    private final MessageSource messages;

    HsdsExport(DirectoryQueries queries, Registry registry, MessageSource messages) {
        this.queries = queries;
        this.registry = registry;
        this.messages = messages;
    }

    Map<String, Object> page(long countyId, Lang lang) {
        LocalizedText county = registry.county(countyId).orElseThrow(() -> new KohtaamoException.NotFound("county"))
                .name();
        Map<String, LocalizedText> municipalities = new HashMap<>();
        registry.municipalities(countyId).forEach(m -> municipalities.put(m.code(), m.name()));
        Map<Long, List<String>> languages = queries.languages(countyId);
        Map<Long, List<ChannelRow>> channels = queries.channels(countyId).stream()
                .collect(Collectors.groupingBy(ChannelRow::serviceId, LinkedHashMap::new, Collectors.toList()));
        Map<Long, List<HoursRow>> hours = queries.hours(countyId).stream()
                .collect(Collectors.groupingBy(HoursRow::channelId, LinkedHashMap::new, Collectors.toList()));
        List<Map<String, Object>> contents = new ArrayList<>();
        for (ServiceRow s : queries.services(countyId)) {
            String sid = "service-" + s.id();
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("id", sid);
            o.put("organization_id", "organization-" + s.organisationId());
            put(o, "name", pick(lang, s.nameFi(), s.nameSv(), s.nameEn()));
            put(o, "description", pick(lang, s.descriptionFi(), s.descriptionSv(), s.descriptionEn()) != null
                    ? pick(lang, s.descriptionFi(), s.descriptionSv(), s.descriptionEn())
                    : pick(lang, s.summaryFi(), s.summarySv(), s.summaryEn()));
            put(o, "url", s.website());
            o.put("status", s.status().toLowerCase(Locale.ROOT).replace('_', ' '));
            put(o, "application_process", pick(lang, s.referralFi(), s.referralSv(), s.referralEn()));
            String fee = messages.getMessage("hsds.cost." + s.cost(), null, lang.locale());
            String note = pick(lang, s.costNoteFi(), s.costNoteSv(), s.costNoteEn());
            o.put("fees_description", note == null ? fee : fee + ": " + note);
            o.put("eligibility_description", messages.getMessage("hsds.access." + s.accessMode(), null, lang.locale()));
            if (s.ageMinMonths() != null) {
                o.put("minimum_age", years(s.ageMinMonths()));
            }
            if (s.ageMaxMonths() != null) {
                o.put("maximum_age", years(s.ageMaxMonths()));
            }
            if (s.lastCheckedOn() != null) {
                o.put("assured_date", s.lastCheckedOn().toString());
            }
            Map<String, Object> org = new LinkedHashMap<>();
            String orgName = registry.organisation(s.organisationId()).map(r -> r.name().get(lang)).orElse("?");
            org.put("id", "organization-" + s.organisationId());
            org.put("name", orgName);
            org.put("description", orgName);
            o.put("organization", org);
            List<Map<String, Object>> langs = new ArrayList<>();
            for (String code : languages.getOrDefault(s.id(), List.of())) {
                langs.add(map("id", "language-" + s.id() + "-" + code, "service_id", sid, "name",
                        Locale.forLanguageTag(code).getDisplayLanguage(lang.locale()), "code", code));
            }
            o.put("languages", langs);
            List<Map<String, Object>> phones = new ArrayList<>();
            List<Map<String, Object>> schedules = new ArrayList<>();
            List<Map<String, Object>> atLocations = new ArrayList<>();
            for (ChannelRow c : channels.getOrDefault(s.id(), List.of())) {
                String label = pick(lang, c.labelFi(), c.labelSv(), c.labelEn());
                List<HoursRow> h = hours.getOrDefault(c.id(), List.of());
                switch (c.kind()) {
                    case "PHONE" -> {
                        Map<String, Object> p = map("id", "phone-" + c.id(), "service_id", sid, "number", c.phone(),
                                "type", "voice");
                        put(p, "description", label);
                        phones.add(p);
                        h.forEach(x -> schedules.add(schedule(x, lang, "service_id", sid, label)));
                    }
                    case "LOCATION" -> atLocations.add(atLocation(sid, c, h, label, county, municipalities, lang));
                    default -> h.forEach(x -> schedules.add(schedule(x, lang, "service_id", sid, label)));
                }
            }
            o.put("phones", phones);
            o.put("schedules", schedules);
            o.put("service_at_locations", atLocations);
            contents.add(o);
        }
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("total_items", contents.size());
        page.put("total_pages", 1);
        page.put("page_number", 1);
        page.put("size", contents.size());
        page.put("first_page", true);
        page.put("last_page", true);
        page.put("empty", contents.isEmpty());
        page.put("contents", contents);
        return page;
    }

    private Map<String, Object> atLocation(String sid, ChannelRow c, List<HoursRow> hours, String label,
            LocalizedText county, Map<String, LocalizedText> municipalities, Lang lang) {
        String lid = "location-" + c.id();
        Map<String, Object> location = map("id", lid, "location_type", "physical");
        put(location, "name", label);
        put(location, "latitude", number(c.latitude()));
        put(location, "longitude", number(c.longitude()));
        List<Map<String, Object>> addresses = new ArrayList<>();
        if (c.street() != null && c.postalCode() != null) {
            LocalizedText city = municipalities.getOrDefault(c.municipality(), LocalizedText.EMPTY);
            addresses.add(map("id", "address-" + c.id(), "location_id", lid, "address_1", c.street(), "city",
                    city.isEmpty() ? c.municipality() : city.get(lang), "state_province", county.get(lang),
                    "postal_code", c.postalCode(), "country", "FI", "address_type", "physical"));
        }
        location.put("addresss", addresses);
        List<Map<String, Object>> accessibility = new ArrayList<>();
        String access = pick(lang, c.accessibilityFi(), c.accessibilitySv(), c.accessibilityEn());
        if (access != null) {
            accessibility.add(map("id", "accessibility-" + c.id(), "location_id", lid, "description", access));
        }
        location.put("accessibilitys", accessibility);
        String salId = "service-at-location-" + c.id();
        Map<String, Object> sal = map("id", salId, "service_id", sid, "location_id", lid);
        List<Map<String, Object>> schedules = new ArrayList<>();
        hours.forEach(x -> schedules.add(schedule(x, lang, "service_at_location_id", salId, null)));
        sal.put("schedules", schedules);
        sal.put("location", location);
        return sal;
    }

    private Map<String, Object> schedule(HoursRow h, Lang lang, String ownerKey, String ownerId, String channel) {
        Map<String, Object> s = map("id", "schedule-" + h.id(), ownerKey, ownerId);
        put(s, "valid_from", h.validFrom() == null ? null : h.validFrom().toString());
        put(s, "valid_to", h.validTo() == null ? null : h.validTo().toString());
        List<String> description = new ArrayList<>();
        if (channel != null) {
            description.add(channel);
        }
        switch (h.kind()) {
            case "REGULAR" -> {
                s.put("freq", "WEEKLY");
                s.put("interval", 1);
                s.put("byday", BYDAY[h.weekday() - 1]);
                s.put("opens_at", time(h.opens()));
                s.put("closes_at", time(h.closes()));
                s.put("wkst", "MON");
                if (h.closes().isBefore(h.opens()) || h.closes().equals(h.opens())) {
                    description.add(messages.getMessage("hsds.overMidnight", new Object[] {
                        DayOfWeek.of(h.weekday()).getDisplayName(java.time.format.TextStyle.FULL, lang.locale())},
                            lang.locale()));
                }
            }
            case "EXCEPTIONAL" -> {
                s.put("dtstart", h.validFrom().toString());
                put(s, "opens_at", h.opens() == null ? null : time(h.opens()));
                put(s, "closes_at", h.closes() == null ? null : time(h.closes()));
                description.add(messages.getMessage("hsds.exceptional", null, lang.locale()));
            }
            default -> {
                s.put("dtstart", h.validFrom().toString());
                description.add(messages.getMessage("hsds.closed", null, lang.locale()));
            }
        }
        if (h.byReservation()) {
            description.add(messages.getMessage("hsds.byReservation", null, lang.locale()));
        }
        s.put("description", String.join(". ", description));
        put(s, "notes", pick(lang, h.noteFi(), h.noteSv(), h.noteEn()));
        return s;
    }

    private static String time(LocalTime t) {
        return String.format(Locale.ROOT, "%02d:%02d", t.getHour(), t.getMinute());
    }

    private static Number years(int months) {
        return months % 12 == 0 ? (Number) (months / 12) : (Number) (Math.round(months / 12.0 * 100) / 100.0);
    }

    private static Double number(BigDecimal d) {
        return d == null ? null : d.doubleValue();
    }

    private static String pick(Lang lang, String fi, String sv, String en) {
        return LocalizedText.of(fi, sv, en).isEmpty() ? null : LocalizedText.of(fi, sv, en).get(lang);
    }

    private static void put(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
