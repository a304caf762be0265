package fi.kohtaamo.registry.internal;

import fi.kohtaamo.registry.AccessibilityFeature;
import fi.kohtaamo.registry.FundingSource;
import fi.kohtaamo.registry.PlaceKind;
import fi.kohtaamo.registry.PremisesOwnership;
import fi.kohtaamo.registry.PremisesType;
import fi.kohtaamo.registry.TargetGroup;
import fi.kohtaamo.registry.internal.Model.Hours;
import fi.kohtaamo.registry.internal.Model.PlaceDetail;
import fi.kohtaamo.registry.internal.Model.Staffing;
import fi.kohtaamo.shared.FieldErrors;
import fi.kohtaamo.shared.Input;
import fi.kohtaamo.shared.LocalizedText;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The place edit form exactly as the browser sends it: every field is text, so that no input can
 * fail binding; {@link #toCommand} checks it all and collects messages next to the fields.
 */
public class PlaceForm {

    /** Languages of activity offered in the form (ISO 639-1). */
    public static final List<String> LANGUAGES = List.of("fi", "sv", "en", "ar", "so", "ru", "uk", "fa", "ku", "et",
            "zh", "es", "fr", "de", "tr", "vi", "th", "sq", "se");

    public static final int MAX_PERIODS = 12;

    public String version = "0";
    public String kind;
    public String nameFi;
    public String nameSv;
    public String nameEn;
    public String descriptionFi;
    public String descriptionSv;
    public String descriptionEn;
    public String directionsFi;
    public String directionsSv;
    public String directionsEn;
    public String areaId;
    public String municipalityCode;
    public String streetAddress;
    public String postalCode;
    public String postOffice;
    public String latitude;
    public String longitude;
    public String premisesType;
    public String premisesOwnership;
    public String hasYard;
    public List<String> features = new ArrayList<>();
    public String accessibilityNotesFi;
    public String accessibilityNotesSv;
    public String accessibilityNotesEn;
    public String employees;
    public String wageSubsidyStaff;
    public String interns;
    public String volunteers;
    public String cooperationPartners;
    public String contactEmail;
    public String contactPhone;
    public String website;
    public String published;
    public List<String> organiserIds = new ArrayList<>();
    public List<String> targetGroups = new ArrayList<>();
    public List<String> languages = new ArrayList<>();
    public List<String> funding = new ArrayList<>();
    public List<PeriodForm> periods = new ArrayList<>();

    /** One opening period: dates, closed or not, a note, and the hours of each weekday (index 0 = Monday). */
    public static class PeriodForm {
        public String validFrom;
        public String validTo;
        public String closed;
        public String remove;
        public String noteFi;
        public String noteSv;
        public String noteEn;
        public String[] opens = new String[7];
        public String[] closes = new String[7];

        boolean blank() {
            if (notBlank(validFrom) || notBlank(validTo) || notBlank(noteFi)) {
                return false;
            }
            for (int i = 0; i < 7; i++) {
                if (notBlank(at(opens, i)) || notBlank(at(closes, i))) {
                    return false;
                }
            }
            return true;
        }

        public String opensAt(int i) {
            return at(opens, i);
        }

        public String closesAt(int i) {
            return at(closes, i);
        }
    }

    static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    static String at(String[] a, int i) {
        return a != null && i < a.length ? a[i] : null;
    }

    static boolean checked(String s) {
        return "true".equals(s) || "on".equals(s);
    }

    /** A form for a new place, with one empty opening period row. */
    public static PlaceForm empty() {
        PlaceForm f = new PlaceForm();
        f.published = "true";
        f.withEmptyPeriodRow();
        return f;
    }

    public PlaceForm withEmptyPeriodRow() {
        if (periods.size() < MAX_PERIODS) {
            periods.add(new PeriodForm());
        }
        return this;
    }

    /** After a failed submit: keep what was typed, and offer an empty row if every row is in use. */
    public PlaceForm withEmptyPeriodRowIfNone() {
        if (periods == null) {
            periods = new ArrayList<>();
        }
        periods.removeIf(java.util.Objects::isNull);
        for (PeriodForm p : periods) {
            if (p.opens == null || p.opens.length < 7) {
                p.opens = java.util.Arrays.copyOf(p.opens == null ? new String[0] : p.opens, 7);
            }
            if (p.closes == null || p.closes.length < 7) {
                p.closes = java.util.Arrays.copyOf(p.closes == null ? new String[0] : p.closes, 7);
            }
        }
        if (periods.stream().noneMatch(PeriodForm::blank)) {
            withEmptyPeriodRow();
        }
        return this;
    }

    public static PlaceForm of(PlaceDetail p) {
        PlaceForm f = new PlaceForm();
        f.version = String.valueOf(p.version());
        f.kind = p.kind().name();
        f.nameFi = p.name().fi();
        f.nameSv = p.name().sv();
        f.nameEn = p.name().en();
        f.descriptionFi = p.description().fi();
        f.descriptionSv = p.description().sv();
        f.descriptionEn = p.description().en();
        f.directionsFi = p.directions().fi();
        f.directionsSv = p.directions().sv();
        f.directionsEn = p.directions().en();
        f.areaId = String.valueOf(p.areaId());
        f.municipalityCode = p.municipalityCode();
        f.streetAddress = p.streetAddress();
        f.postalCode = p.postalCode();
        f.postOffice = p.postOffice();
        f.latitude = p.latitude() == null ? null : p.latitude().toPlainString();
        f.longitude = p.longitude() == null ? null : p.longitude().toPlainString();
        f.premisesType = p.premisesType() == null ? null : p.premisesType().name();
        f.premisesOwnership = p.premisesOwnership() == null ? null : p.premisesOwnership().name();
        f.hasYard = String.valueOf(p.hasYard());
        var a = p.accessibility();
        if (a.stepFreeEntrance()) {
            f.features.add(AccessibilityFeature.STEP_FREE_ENTRANCE.name());
        }
        if (a.accessibleToilet()) {
            f.features.add(AccessibilityFeature.ACCESSIBLE_TOILET.name());
        }
        if (a.lift()) {
            f.features.add(AccessibilityFeature.LIFT.name());
        }
        if (a.pramParking()) {
            f.features.add(AccessibilityFeature.PRAM_PARKING.name());
        }
        if (a.hearingLoop()) {
            f.features.add(AccessibilityFeature.HEARING_LOOP.name());
        }
        f.accessibilityNotesFi = a.notes().fi();
        f.accessibilityNotesSv = a.notes().sv();
        f.accessibilityNotesEn = a.notes().en();
        f.employees = String.valueOf(p.staffing().employees());
        f.wageSubsidyStaff = String.valueOf(p.staffing().wageSubsidyStaff());
        f.interns = String.valueOf(p.staffing().interns());
        f.volunteers = String.valueOf(p.staffing().volunteers());
        f.cooperationPartners = p.cooperationPartners();
        f.contactEmail = p.contactEmail();
        f.contactPhone = p.contactPhone();
        f.website = p.website();
        f.published = String.valueOf(p.published());
        p.organisers().forEach(o -> f.organiserIds.add(String.valueOf(o.id())));
        p.targetGroups().forEach(g -> f.targetGroups.add(g.name()));
        f.languages.addAll(p.languages());
        p.funding().forEach(s -> f.funding.add(s.name()));
        for (var period : p.openingPeriods()) {
            PeriodForm pf = new PeriodForm();
            pf.validFrom = period.validFrom().toString();
            pf.validTo = period.validTo() == null ? null : period.validTo().toString();
            pf.closed = String.valueOf(period.closed());
            pf.noteFi = period.note().fi();
            pf.noteSv = period.note().sv();
            pf.noteEn = period.note().en();
            for (Hours h : period.hours()) {
                int i = h.weekday().getValue() - 1;
                pf.opens[i] = h.opens().toString();
                pf.closes[i] = h.closes().toString();
            }
            f.periods.add(pf);
        }
        return f.withEmptyPeriodRow();
    }

    public boolean hasFeature(String f) {
        return features.contains(f);
    }

    /** Checks every field; returns the command, or null with the problems in {@code errors}. */
    public PlaceCommand toCommand(FieldErrors errors) {
        Input in = new Input(errors);
        PlaceKind k = in.choice("kind", kind, PlaceKind.class, true);
        LocalizedText name = new LocalizedText(in.requiredLine("nameFi", nameFi, 200), in.line("nameSv", nameSv, 200),
                in.line("nameEn", nameEn, 200));
        LocalizedText description = new LocalizedText(in.paragraph("descriptionFi", descriptionFi, 4000),
                in.paragraph("descriptionSv", descriptionSv, 4000), in.paragraph("descriptionEn", descriptionEn, 4000));
        LocalizedText directions = new LocalizedText(in.paragraph("directionsFi", directionsFi, 2000),
                in.paragraph("directionsSv", directionsSv, 2000), in.paragraph("directionsEn", directionsEn, 2000));
        Long area = in.id("areaId", areaId, true);
        String muni = in.digits("municipalityCode", municipalityCode, 3, true);
        String street = in.line("streetAddress", streetAddress, 200);
        String postal = in.digits("postalCode", postalCode, 5, false);
        String office = in.line("postOffice", postOffice, 100);
        BigDecimal lat = in.decimal("latitude", latitude, 59.0, 71.0);
        BigDecimal lon = in.decimal("longitude", longitude, 19.0, 32.0);
        if ((lat == null) != (lon == null) && !errors.has("latitude") && !errors.has("longitude")) {
            errors.add(lat == null ? "latitude" : "longitude", "validation.coordinatesPair");
        }
        PremisesType pt = in.choice("premisesType", premisesType, PremisesType.class, false);
        PremisesOwnership po = in.choice("premisesOwnership", premisesOwnership, PremisesOwnership.class, false);
        Set<AccessibilityFeature> feats = enumSet(in, "features", features, AccessibilityFeature.class);
        LocalizedText notes = new LocalizedText(in.paragraph("accessibilityNotesFi", accessibilityNotesFi, 2000),
                in.paragraph("accessibilityNotesSv", accessibilityNotesSv, 2000),
                in.paragraph("accessibilityNotesEn", accessibilityNotesEn, 2000));
        Integer emp = in.integer("employees", employees, 0, 1000, 0);
        Integer wage = in.integer("wageSubsidyStaff", wageSubsidyStaff, 0, 1000, 0);
        Integer intern = in.integer("interns", interns, 0, 1000, 0);
        Integer vol = in.integer("volunteers", volunteers, 0, 10000, 0);
        String partners = in.paragraph("cooperationPartners", cooperationPartners, 2000);
        String email = in.email("contactEmail", contactEmail, false);
        String phone = in.phone("contactPhone", contactPhone);
        String web = in.webAddress("website", website);
        List<Long> orgs = new ArrayList<>();
        for (String o : organiserIds == null ? List.<String>of() : organiserIds) {
            Long id = in.id("organiserIds", o, false);
            if (id != null && !orgs.contains(id)) {
                orgs.add(id);
            }
        }
        if (orgs.isEmpty() && !errors.has("organiserIds")) {
            errors.add("organiserIds", "validation.organiserRequired");
        }
        if (orgs.size() > 10) {
            errors.add("organiserIds", "validation.tooMany", 10);
        }
        Set<TargetGroup> groups = enumSet(in, "targetGroups", targetGroups, TargetGroup.class);
        Set<FundingSource> funds = enumSet(in, "funding", funding, FundingSource.class);
        Set<String> langs = new LinkedHashSet<>();
        for (String l : languages == null ? List.<String>of() : languages) {
            if (!LANGUAGES.contains(l)) {
                errors.add("languages", "validation.choice");
            } else {
                langs.add(l);
            }
        }
        List<PlaceCommand.Period> ps = periods(in);
        if (!errors.isEmpty()) {
            return null;
        }
        return new PlaceCommand(k, name, description, directions, area, muni, street, postal, office, lat, lon, pt, po,
                checked(hasYard), feats, notes, new Staffing(emp, wage, intern, vol), partners, email, phone, web,
                checked(published), orgs, groups, List.copyOf(langs), funds, ps);
    }

    private List<PlaceCommand.Period> periods(Input in) {
        List<PlaceCommand.Period> out = new ArrayList<>();
        List<PeriodForm> rows = periods == null ? List.of() : periods;
        if (rows.size() > MAX_PERIODS + 1) {
            in.errors().add("periods", "validation.tooMany", MAX_PERIODS);
            return out;
        }
        for (int i = 0; i < rows.size(); i++) {
            PeriodForm p = rows.get(i);
            if (p == null || checked(p.remove) || p.blank()) {
                continue;
            }
            String f = "periods[" + i + "]";
            LocalDate from = in.date(f + ".validFrom", p.validFrom, true);
            LocalDate to = in.date(f + ".validTo", p.validTo, false);
            if (from != null && to != null && to.isBefore(from)) {
                in.errors().add(f + ".validTo", "validation.endBeforeStart");
            }
            boolean closed = checked(p.closed);
            LocalizedText note = new LocalizedText(in.line(f + ".noteFi", p.noteFi, 500),
                    in.line(f + ".noteSv", p.noteSv, 500), in.line(f + ".noteEn", p.noteEn, 500));
            List<Hours> hours = new ArrayList<>();
            for (int d = 0; d < 7; d++) {
                LocalTime o = in.time(f + ".opens[" + d + "]", at(p.opens, d));
                LocalTime c = in.time(f + ".closes[" + d + "]", at(p.closes, d));
                if (o == null && c == null) {
                    continue;
                }
                if (o == null || c == null) {
                    in.errors().add(f + ".opens[" + d + "]", "validation.hoursPair");
                } else if (!c.isAfter(o)) {
                    in.errors().add(f + ".closes[" + d + "]", "validation.closesBeforeOpens");
                } else if (!closed) {
                    hours.add(new Hours(DayOfWeek.of(d + 1), o, c));
                }
            }
            out.add(new PlaceCommand.Period(from, to, closed, note, hours));
        }
        return out;
    }

    private static <E extends Enum<E>> Set<E> enumSet(Input in, String field, List<String> raw, Class<E> type) {
        Set<E> out = EnumSet.noneOf(type);
        for (String s : raw == null ? List.<String>of() : raw) {
            E e = in.choice(field, s, type, false);
            if (e != null) {
                out.add(e);
            }
        }
        return out;
    }
}
