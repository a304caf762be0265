package fi.kohtaamo.registry.internal;

import fi.kohtaamo.registry.AccessibilityFeature;
import fi.kohtaamo.registry.FundingSource;
import fi.kohtaamo.registry.OrganisationType;
import fi.kohtaamo.registry.PlaceKind;
import fi.kohtaamo.registry.PremisesOwnership;
import fi.kohtaamo.registry.PremisesType;
import fi.kohtaamo.registry.TargetGroup;
import fi.kohtaamo.registry.internal.Model.Hours;
import fi.kohtaamo.registry.internal.Model.Staffing;
import fi.kohtaamo.shared.LocalizedText;
import fi.kohtaamo.shared.NationalData;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The registry's part of the national dataset: the 22 organisers of services (21 wellbeing services counties
 * and Helsinki) with their 293 municipalities and official codes (from {@code national-municipalities.txt}),
 * coordination areas (a municipality, two small ones together, or districts of a big city), organisations
 * (county, municipality, parish union and parishes, the national MLL with its districts and local
 * associations, other NGOs) and about 5 000 meeting places in the seed's mix of kinds: a little over half
 * parish family clubs, a quarter MLL family cafés, a sixth municipal open daycares and resident parks, the
 * rest family houses and other NGO places. Stored as demo data (the UI marks it), through the same inserts
 * as the editor.
 */
@Component
@Order(10)
class NationalRegistryData implements NationalData {

    private final RegistryQueries queries;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final AtomicInteger places = new AtomicInteger();
    private int counties;
    private int municipalities;

    NationalRegistryData(RegistryQueries queries, Clock clock, TransactionTemplate tx) {
        this.queries = queries;
        this.clock = clock;
        this.tx = tx;
    }

    record Muni(String code, String fi, String sv, String status, int places) {
    }

    record CountyDef(String code, LocalizedText name, List<Muni> municipalities) {
    }

    static List<CountyDef> geography() {
        List<CountyDef> out = new ArrayList<>();
        var in = NationalRegistryData.class.getResourceAsStream("/fi/kohtaamo/registry/national-municipalities.txt");
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(";", -1);
                if (f[0].equals("C")) {
                    out.add(new CountyDef(f[1], new LocalizedText(f[2], f[3], f[4]), new ArrayList<>()));
                } else {
                    out.get(out.size() - 1).municipalities().add(new Muni(f[1], f[2], f[3].isEmpty() ? null : f[3], f[4],
                            f[5].isEmpty() ? 0 : Integer.parseInt(f[5])));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    @Override
    public void generate(Spec spec) {
        if (queries.countPlaces() > 0) {
            throw new IllegalStateException("The national dataset is generated into an empty database; this one has "
                    + queries.countPlaces() + " meeting places.");
        }
        Instant now = clock.instant();
        List<CountyDef> geography = geography();
        counties = 0;
        municipalities = 0;
        places.set(0);
        long mll = tx.execute(s -> queries.insertOrganisation(new OrganisationCommand(null,
                OrganisationType.NATIONAL_ORGANISATION, new LocalizedText("Mannerheimin Lastensuojeluliitto",
                        "Mannerheims Barnskyddsförbund", "The Mannerheim League for Child Welfare"), null,
                "https://www.mll.fi", null, null, null, null), now));
        long ngo = tx.execute(s -> queries.insertOrganisation(new OrganisationCommand(null, OrganisationType.OTHER_NGO,
                new LocalizedText("Perhetalojärjestö", "Familjehusorganisationen", "Family House Association"), null,
                null, null, null, null, null), now));
        for (CountyDef c : geography) {
            tx.executeWithoutResult(s -> new CountyGenerator(spec, c, mll, ngo, now).run());
            counties++;
            municipalities += c.municipalities().size();
        }
    }

    @Override
    public String summary() {
        return counties + " counties, " + municipalities + " municipalities, " + places.get() + " meeting places";
    }

    private static final String[] DISTRICTS_FI = {"pohjoinen", "itäinen", "eteläinen", "läntinen", "keskinen"};
    private static final String[] DISTRICTS_SV = {"norra", "östra", "södra", "västra", "mellersta"};
    private static final String[] DISTRICTS_EN = {"north", "east", "south", "west", "centre"};
    private static final String[] STREETS = {"Koulutie", "Kirkkotie", "Puistokatu", "Rantatie", "Keskuskatu",
        "Asematie", "Myllytie", "Torikatu", "Kauppakatu", "Seurakuntatie", "Nuijamiestentie", "Koivukuja"};

    /** One county in its own transaction; the random stream depends on the seed and the county only. */
    private final class CountyGenerator {
        final Spec spec;
        final CountyDef def;
        final long mll;
        final long ngo;
        final Instant now;
        final Random rnd;
        final Map<String, Long> orgs = new LinkedHashMap<>();
        final LocalDate seasonFrom;
        final LocalDate seasonTo;

        CountyGenerator(Spec spec, CountyDef def, long mll, long ngo, Instant now) {
            this.spec = spec;
            this.def = def;
            this.mll = mll;
            this.ngo = ngo;
            this.now = now;
            this.rnd = new Random(spec.seed() * 1_000_003L + def.code().hashCode());
            int start = spec.today().getMonthValue() >= 6 ? spec.today().getYear() : spec.today().getYear() - 1;
            seasonFrom = LocalDate.of(start, 8, 1);
            seasonTo = LocalDate.of(start + 1, 5, 31);
        }

        void run() {
            long county = queries.insertCounty(def.code(), def.name(), true);
            for (Muni m : def.municipalities()) {
                queries.insertMunicipality(m.code(), county, LocalizedText.of(m.fi(), m.sv(), m.fi()), m.status(), now);
            }
            long wellbeing = queries.insertOrganisation(new OrganisationCommand(null, OrganisationType.WELLBEING_COUNTY,
                    def.name(), null, null, null, null, county, null), now);
            long district = queries.insertOrganisation(new OrganisationCommand(mll, OrganisationType.MLL_DISTRICT,
                    LocalizedText.of("MLL:n piiri, " + def.name().fi(), "MLL-distrikt, " + def.name().sv(),
                            "MLL district, " + def.name().en()), null, null, null, null, null, null), now);
            long union = queries.insertOrganisation(new OrganisationCommand(null, OrganisationType.PARISH_UNION,
                    LocalizedText.of("Seurakuntayhtymä, " + def.name().fi(), "Kyrklig samfällighet, " + def.name().sv(),
                            "Parish union, " + def.name().en()), null, null, null, null, county, null), now);
            orgs.put("county", wellbeing);
            // areas: a big municipality in districts, a middle-sized one alone, small ones in pairs
            List<Small> pending = new ArrayList<>();
            for (Muni m : def.municipalities()) {
                int n = m.places() > 0 ? m.places() : 4 + rnd.nextInt(15);
                n = Math.max(1, (int) Math.round(n * spec.scale()));
                long municipalityOrg = queries.insertOrganisation(new OrganisationCommand(null,
                        OrganisationType.MUNICIPALITY, LocalizedText.of(m.fi(), m.sv(), m.fi()), null, null, null, null, county,
                        m.code()), now);
                long parish = queries.insertOrganisation(new OrganisationCommand(union, OrganisationType.PARISH,
                        LocalizedText.of(m.fi() + ": seurakunta", m.sv() == null ? null : m.sv() + ": församling", m.fi() + " parish"),
                        null, null, null, null, county, m.code()), now);
                long association = queries.insertOrganisation(new OrganisationCommand(district,
                        OrganisationType.MLL_ASSOCIATION, LocalizedText.of("MLL " + m.fi(), m.sv() == null ? null : "MLL " + m.sv(),
                                "MLL " + m.fi()), null, null, null, null, county, m.code()), now);
                Map<String, Long> local = Map.of("municipality", municipalityOrg, "parish", parish, "mll", association,
                        "county", wellbeing);
                if (n >= 60) {
                    int districts = Math.min(5, n / 30);
                    List<Long> areaIds = new ArrayList<>();
                    for (int d = 0; d < districts; d++) {
                        areaIds.add(queries.insertArea(county, LocalizedText.of(m.fi() + ", " + DISTRICTS_FI[d] + " alue",
                                m.sv() == null ? null : m.sv() + ", " + DISTRICTS_SV[d] + " området",
                                m.fi() + ", " + DISTRICTS_EN[d]), LocalizedText.EMPTY, List.of(m.code()), now));
                    }
                    for (int i = 0; i < n; i++) {
                        place(m, areaIds.get(i % districts), local, i);
                    }
                } else if (n >= 10 || def.municipalities().size() == 1) {
                    long area = queries.insertArea(county, LocalizedText.of(m.fi(), m.sv(), m.fi()), LocalizedText.EMPTY,
                            List.of(m.code()), now);
                    for (int i = 0; i < n; i++) {
                        place(m, area, local, i);
                    }
                } else {
                    pending.add(new Small(m, n, local));
                    if (pending.size() == 2) {
                        pair(county, pending);
                        pending.clear();
                    }
                }
            }
            if (!pending.isEmpty()) {
                pair(county, pending);
            }
        }

        /** A small municipality waiting for a partner to share a coordination area with. */
        record Small(Muni municipality, int places, Map<String, Long> organisations) {
        }

        void pair(long county, List<Small> smalls) {
            List<Muni> munis = smalls.stream().map(Small::municipality).toList();
            String fi = String.join(" ja ", munis.stream().map(Muni::fi).toList());
            String sv = String.join(" och ", munis.stream().map(m -> m.sv() == null ? m.fi() : m.sv()).toList());
            String en = String.join(" and ", munis.stream().map(Muni::fi).toList());
            long area = queries.insertArea(county, LocalizedText.of(fi, sv, en), LocalizedText.EMPTY,
                    munis.stream().map(Muni::code).toList(), now);
            for (Small small : smalls) {
                for (int i = 0; i < small.places(); i++) {
                    place(small.municipality(), area, small.organisations(), i);
                }
            }
        }

        void place(Muni m, long area, Map<String, Long> local, int index) {
            double roll = rnd.nextDouble();
            PlaceKind kind = roll < 0.53 ? PlaceKind.PARISH_FAMILY_CLUB : roll < 0.80 ? PlaceKind.FAMILY_CAFE
                    : roll < 0.90 ? PlaceKind.OPEN_DAYCARE : roll < 0.97 ? PlaceKind.RESIDENT_PARK
                    : roll < 0.99 ? PlaceKind.FAMILY_HOUSE : PlaceKind.OTHER;
            if (index == 0 && m.places() >= 60) {
                kind = PlaceKind.FAMILY_CENTRE;
            }
            boolean swedishFirst = m.status().equals("SV_FI") || m.status().equals("SV");
            boolean bilingual = !m.status().equals("FI");
            int number = index + 1;
            String sv = m.sv() == null ? m.fi() : m.sv();
            LocalizedText name = switch (kind) {
                case PARISH_FAMILY_CLUB -> LocalizedText.of("Perhekerho, " + m.fi() + " " + number,
                        bilingual ? "Familjeklubben, " + sv + " " + number : null, "Family club, " + m.fi() + " " + number);
                case FAMILY_CAFE -> LocalizedText.of("MLL:n perhekahvila, " + m.fi() + " " + number,
                        bilingual ? "MLL:s familjecafé, " + sv + " " + number : null,
                        "MLL family café, " + m.fi() + " " + number);
                case OPEN_DAYCARE -> LocalizedText.of("Avoin päiväkoti, " + m.fi() + " " + number,
                        bilingual ? "Öppna daghemmet, " + sv + " " + number : null,
                        "Open daycare, " + m.fi() + " " + number);
                case RESIDENT_PARK -> LocalizedText.of("Asukaspuisto, " + m.fi() + " " + number,
                        bilingual ? "Invånarparken, " + sv + " " + number : null,
                        "Resident park, " + m.fi() + " " + number);
                case FAMILY_HOUSE -> LocalizedText.of("Perhetalo, " + m.fi() + " " + number,
                        bilingual ? "Familjehuset, " + sv + " " + number : null, "Family house, " + m.fi() + " " + number);
                case FAMILY_CENTRE -> LocalizedText.of("Perhekeskuksen kohtaamispaikka, " + m.fi(),
                        bilingual ? "Familjecentrets mötesplats, " + sv : null, "Family centre meeting place, " + m.fi());
                default -> LocalizedText.of("Kohtaamispaikka, " + m.fi() + " " + number,
                        bilingual ? "Mötesplatsen, " + sv + " " + number : null,
                        "Meeting place, " + m.fi() + " " + number);
            };
            List<Long> organisers = new ArrayList<>();
            PremisesType premises;
            PremisesOwnership ownership;
            Set<FundingSource> funding = EnumSet.noneOf(FundingSource.class);
            switch (kind) {
                case PARISH_FAMILY_CLUB -> {
                    organisers.add(local.get("parish"));
                    premises = PremisesType.PARISH_PREMISES;
                    ownership = PremisesOwnership.OWN;
                    funding.add(FundingSource.PARISH);
                }
                case FAMILY_CAFE -> {
                    organisers.add(local.get("mll"));
                    premises = rnd.nextBoolean() ? PremisesType.COMMUNITY_SPACE : PremisesType.PARISH_PREMISES;
                    ownership = premises == PremisesType.PARISH_PREMISES ? PremisesOwnership.LENT : PremisesOwnership.RENTED;
                    funding.add(rnd.nextBoolean() ? FundingSource.OWN : FundingSource.MUNICIPALITY);
                }
                case OPEN_DAYCARE, RESIDENT_PARK -> {
                    organisers.add(local.get("municipality"));
                    premises = kind == PlaceKind.RESIDENT_PARK ? PremisesType.OUTDOOR : PremisesType.DAYCARE;
                    ownership = PremisesOwnership.CITY_PROVIDED;
                    funding.add(FundingSource.MUNICIPALITY);
                }
                case FAMILY_CENTRE -> {
                    organisers.addAll(List.of(local.get("municipality"), local.get("county"), local.get("mll"),
                            local.get("parish")));
                    premises = PremisesType.COMMUNITY_SPACE;
                    ownership = PremisesOwnership.CITY_PROVIDED;
                    funding.addAll(List.of(FundingSource.MUNICIPALITY, FundingSource.WELLBEING_COUNTY));
                }
                default -> {
                    organisers.add(ngo);
                    premises = PremisesType.FAMILY_HOUSE;
                    ownership = PremisesOwnership.RENTED;
                    funding.addAll(List.of(FundingSource.STEA, FundingSource.DONATIONS));
                }
            }
            Set<AccessibilityFeature> features = EnumSet.noneOf(AccessibilityFeature.class);
            if (rnd.nextDouble() < 0.6) {
                features.add(AccessibilityFeature.STEP_FREE_ENTRANCE);
                if (rnd.nextDouble() < 0.7) {
                    features.add(AccessibilityFeature.ACCESSIBLE_TOILET);
                }
            }
            if (rnd.nextDouble() < 0.7) {
                features.add(AccessibilityFeature.PRAM_PARKING);
            }
            Set<TargetGroup> groups = EnumSet.of(TargetGroup.UNDER_SCHOOL_AGE);
            if (rnd.nextDouble() < 0.5) {
                groups.add(TargetGroup.EXPECTING);
            }
            if (rnd.nextDouble() < 0.25) {
                groups.add(TargetGroup.GRANDPARENTS);
            }
            List<String> languages = swedishFirst ? List.of("sv", "fi")
                    : bilingual && rnd.nextDouble() < 0.2 ? List.of("fi", "sv") : List.of("fi");
            List<Hours> hours = new ArrayList<>();
            DayOfWeek first = DayOfWeek.of(1 + rnd.nextInt(5));
            LocalTime opens = rnd.nextBoolean() ? LocalTime.of(9, 30) : LocalTime.of(10, 0);
            hours.add(new Hours(first, opens, opens.plusHours(2)));
            if (kind == PlaceKind.OPEN_DAYCARE || kind == PlaceKind.RESIDENT_PARK || kind == PlaceKind.FAMILY_CENTRE) {
                for (DayOfWeek d : DayOfWeek.values()) {
                    if (d != first && d.getValue() <= 5) {
                        hours.add(new Hours(d, opens, opens.plusHours(3)));
                    }
                }
                hours.sort((a, b) -> a.weekday().compareTo(b.weekday()));
            }
            String slug = m.code() + "-" + number;
            BigDecimal lat = BigDecimal.valueOf(60 + rnd.nextDouble() * 7).setScale(6, RoundingMode.HALF_UP);
            BigDecimal lon = BigDecimal.valueOf(21 + rnd.nextDouble() * 8).setScale(6, RoundingMode.HALF_UP);
            String season = seasonFrom.getYear() + "–" + seasonTo.getYear();
            List<PlaceCommand.Period> periods = List.of(new PlaceCommand.Period(seasonFrom, seasonTo, false,
                    LocalizedText.of("Toimintakausi " + season, "Verksamhetsperiod " + season, "Season " + season), hours));
            PlaceCommand c = new PlaceCommand(kind, name, LocalizedText.of("Tuotettu vertailuaineisto: avoin kohtaamispaikka lapsiperheille.",
                    "Genererat jämförelsematerial: en öppen mötesplats för barnfamiljer.",
                    "Generated benchmark data: an open meeting place for families with children."),
                    LocalizedText.EMPTY, area, m.code(), STREETS[rnd.nextInt(STREETS.length)] + " " + (1 + rnd.nextInt(60)),
                    "%05d".formatted(10000 + Integer.parseInt(m.code()) * 10 + rnd.nextInt(10)), m.fi(), lat, lon,
                    premises, ownership, rnd.nextDouble() < 0.4, features, LocalizedText.EMPTY,
                    new Staffing(kind == PlaceKind.FAMILY_CAFE ? 0 : 1 + rnd.nextInt(2), 0, 0, rnd.nextInt(6)), null,
                    "kohtaamo." + slug + "@example.fi", null, null, true, organisers, groups, languages, funding,
                    periods);
            queries.insertPlace(c, true, now);
            places.incrementAndGet();
        }
    }
}
