package fi.kohtaamo.guidance.internal.find;

import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.NationalData;
import fi.kohtaamo.shared.PublicDataCache;
import fi.kohtaamo.shared.SeededCatalogue;
import java.sql.Date;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The directory's part of the national dataset (for the search benchmark, not for real use; stored as demo data):
 * every county's needs catalogue (from {@code needs.txt}, where it has none), and in every municipality 8–26
 * local services of the seeded service types, plus 30 county-wide ones serving all of the county's
 * municipalities — about 5 600 services for the 22 counties, each with 1–4 needs, its languages (Swedish where
 * the municipality is bilingual, English, Arabic, Somali, Russian or Ukrainian in some), ages, a phone with
 * weekday hours (helplines over midnight), a location with walk-in times, Christmas closed, a few inactive or
 * temporarily closed. Services are a county's, not a place's, so their number does not follow {@code --scale}.
 */
@Component
@Order(150)
class NationalDirectoryData implements NationalData {

    private static final String[][] TYPES = {
        {"CHILD_HEALTH_CLINIC", "Neuvola", "Rådgivning", "Child health clinic", "pregnancy,baby_care,sleep,eating,development"},
        {"FAMILY_COUNSELLING", "Kasvatus- ja perheneuvola", "Uppfostrings- och familjerådgivning", "Family counselling", "behaviour,parenting,relationship,separation"},
        {"FAMILY_SOCIAL_WORK", "Perhesosiaalityö", "Socialt arbete för familjer", "Family social work", "money,housing,exhaustion"},
        {"FAMILY_WORK", "Perhetyö ja kotipalvelu", "Familjearbete och hemservice", "Family work and home help", "exhaustion,baby_care,parenting"},
        {"ORAL_HEALTH", "Suun terveydenhuolto", "Munhälsovård", "Oral health care", "oral_health,eating"},
        {"SPEECH_THERAPY", "Puheterapia", "Talterapi", "Speech therapy", "speech,development"},
        {"ECEC", "Varhaiskasvatuksen palveluohjaus", "Servicehandledning inom småbarnspedagogiken", "Early childhood education guidance", "daycare"},
        {"IMMIGRANT_SERVICES", "Maahanmuuttajapalvelut", "Invandrartjänster", "Immigrant services", "moving_to_finland,housing,money"},
        {"PARISH_DIACONIA", "Seurakunnan diakoniatyö", "Församlingens diakoni", "Parish diaconia", "money,loneliness,grief"},
        {"MLL_SUPPORT_PERSONS", "MLL:n perhekummit", "MLL:s familjefaddrar", "MLL family mentors", "loneliness,exhaustion"},
        {"NGO_SERVICES", "Vertaisryhmä vanhemmille", "Kamratgrupp för föräldrar", "Peer group for parents", "loneliness,parenting,disability"},
        {"CHILD_WELFARE_OPEN", "Lastensuojelun avohuolto", "Barnskyddets öppenvård", "Child welfare open care", "violence,parenting,substances"},
        {"PARENT_MENTAL_HEALTH", "Mielenterveys- ja päihdepalvelut", "Mentalvårds- och missbrukstjänster", "Mental health and substance services", "mental_health,substances,exhaustion"},
        {"PARISH_FAMILY_COUNSELLING", "Kirkon perheasiain neuvottelukeskus", "Kyrkans familjerådgivning", "The church's family counselling", "relationship,separation,grief"},
        {"HELPLINE", "Vanhempainpuhelin", "Föräldratelefon", "Parents' helpline", "parenting,exhaustion,loneliness,violence"},
        {"CULTURE_LEISURE", "Perheiden kulttuuri ja liikunta", "Kultur och motion för familjer", "Culture and sport for families", "leisure,loneliness"},
    };
    private static final String[] OTHER_LANGS = {"en", "ar", "so", "ru", "uk", "et", "fa"};
    private static final String[] STREETS = {"Terveystie", "Keskuskatu", "Kirkkotie", "Asematie", "Puistokatu", "Torikatu"};

    private final Registry registry;
    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate tx;
    private final PublicDataCache cache;
    private final Clock clock;
    private final AtomicInteger services = new AtomicInteger();

    NationalDirectoryData(Registry registry, JdbcClient jdbc, JdbcTemplate template, TransactionTemplate tx,
            PublicDataCache cache, Clock clock) {
        this.registry = registry;
        this.jdbc = jdbc;
        this.template = template;
        this.tx = tx;
        this.cache = cache;
        this.clock = clock;
    }

    @Override
    public void generate(Spec spec) {
        services.set(0);
        for (Registry.Ref county : registry.counties()) {
            tx.executeWithoutResult(s -> county(spec, county));
        }
        cache.changed();
    }

    @Override
    public String summary() {
        return services.get() + " directory services";
    }

    private void county(Spec spec, Registry.Ref county) {
        Random random = new Random(spec.seed() * 31 + county.id());
        Timestamp now = Timestamp.from(clock.instant());
        needs(county.id(), now);
        long organisation = registry.organisations(county.id()).stream().findFirst().map(Registry.Ref::id).orElse(0L);
        List<Registry.MunicipalityRef> municipalities = registry.municipalities(county.id());
        List<String> all = municipalities.stream().map(Registry.MunicipalityRef::code).toList();
        for (Registry.MunicipalityRef m : municipalities) {
            int local = 8 + random.nextInt(19);
            for (int i = 0; i < local; i++) {
                service(random, county.id(), organisation, TYPES[i % TYPES.length], m.name().fi(),
                        m.name().sv() != null, List.of(m.code()), m.code(), spec.today(), now);
            }
        }
        for (int i = 0; i < 30 && !municipalities.isEmpty(); i++) {
            Registry.MunicipalityRef seat = municipalities.get(random.nextInt(municipalities.size()));
            service(random, county.id(), organisation, TYPES[random.nextInt(TYPES.length)], county.name().fi(), false,
                    all, seat.code(), spec.today(), now);
        }
    }

    private void needs(long countyId, Timestamp now) {
        if (jdbc.sql("select count(*) from guidance_need where county_id = :c").param("c", countyId)
                .query(Long.class).single() > 0) {
            return;
        }
        List<Object[]> rows = new ArrayList<>();
        int position = 0;
        for (SeededCatalogue.Entry e : SeededCatalogue.read("/fi/kohtaamo/guidance/needs.txt")) {
            rows.add(new Object[] {countyId, e.code(), e.name().fi(), e.name().sv(), e.name().en(), position++, now});
        }
        template.batchUpdate("insert into guidance_need (county_id, code, name_fi, name_sv, name_en, position,"
                + " updated_at) values (?, ?, ?, ?, ?, ?, ?)", rows);
    }

    private void service(Random random, long countyId, long organisation, String[] type, String where,
            boolean bilingual, List<String> serves, String seat, LocalDate today, Timestamp now) {
        int roll = random.nextInt(100);
        String status = roll < 3 ? "INACTIVE" : roll < 6 ? "TEMPORARILY_CLOSED" : "ACTIVE";
        String access = switch (random.nextInt(4)) {
            case 0 -> "PROFESSIONAL_ONLY";
            case 1 -> "BOTH";
            default -> "SELF_REFERRAL";
        };
        Integer min = random.nextInt(3) == 0 ? 24 * random.nextInt(3) : null;
        Integer max = random.nextInt(2) == 0 ? 83 + 12 * random.nextInt(10) : null;
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into guidance_service (county_id, organisation_id, service_type, name_fi, name_sv, name_en,
                    summary_fi, summary_sv, summary_en, age_min_months, age_max_months, for_expecting, access_mode,
                    referral_fi, referral_sv, referral_en, cost, status, last_checked_on, demo, created_at, updated_at)
                values (:county, :org, :type, :fi, :sv, :en, :sfi, :ssv, :sen, :min, :max, :expecting, :access,
                    :rfi, :rsv, :ren, :cost, :status, :checked, true, :now, :now)""")
                .param("county", countyId).param("org", organisation).param("type", type[0])
                .param("fi", type[1] + ", " + where).param("sv", type[2] + ", " + where).param("en", type[3] + ", " + where)
                .param("sfi", "Tukea ja neuvontaa perheille: " + type[1].toLowerCase(java.util.Locale.ROOT) + ".")
                .param("ssv", "Stöd och rådgivning för familjer.").param("sen", "Support and advice for families.")
                .param("min", min).param("max", min != null && max != null && max < min ? null : max)
                .param("expecting", type[4].contains("pregnancy")).param("access", access)
                .param("rfi", "PROFESSIONAL_ONLY".equals(access) ? "Lähete neuvolasta tai sosiaalityöstä." : null)
                .param("rsv", "PROFESSIONAL_ONLY".equals(access) ? "Remiss från rådgivningen." : null)
                .param("ren", "PROFESSIONAL_ONLY".equals(access) ? "A referral from the clinic or social work." : null)
                .param("cost", random.nextInt(5) == 0 ? "FEE" : "FREE").param("status", status)
                .param("checked", Date.valueOf(today.minusDays(random.nextInt(400)))).param("now", now)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        services.incrementAndGet();
        String[] needs = type[4].split(",");
        java.util.Set<String> chosen = new java.util.LinkedHashSet<>();
        int n = 1 + random.nextInt(Math.min(4, needs.length));
        for (int i = 0; i < n; i++) {
            chosen.add(needs[(i + random.nextInt(needs.length)) % needs.length]);
        }
        template.batchUpdate("insert into guidance_service_need (service_id, need_code) values (?, ?)",
                chosen.stream().map(code -> new Object[] {id, code}).toList());
        List<Object[]> langs = new ArrayList<>();
        langs.add(new Object[] {id, "fi"});
        if (bilingual || random.nextInt(4) == 0) {
            langs.add(new Object[] {id, "sv"});
        }
        if (random.nextInt(3) == 0) {
            langs.add(new Object[] {id, OTHER_LANGS[random.nextInt(OTHER_LANGS.length)]});
        }
        template.batchUpdate("insert into guidance_service_language (service_id, lang) values (?, ?)",
                langs.stream().distinct().toList());
        template.batchUpdate("insert into guidance_service_municipality (service_id, municipality_code) values (?, ?)",
                serves.stream().map(code -> new Object[] {id, code}).toList());
        boolean helpline = "HELPLINE".equals(type[0]);
        long phone = channel(id, 0, "PHONE", "0" + (20 + random.nextInt(80)) + " " + (100000 + random.nextInt(899999)),
                null, null);
        List<Object[]> hours = new ArrayList<>();
        int opens = 8 + random.nextInt(2);
        for (int d = 1; d <= 5; d++) {
            hours.add(new Object[] {phone, "REGULAR", d, Time.valueOf(opens + ":00:00"),
                Time.valueOf(helpline ? "02:00:00" : (opens + 6) + ":00:00"), null, null});
        }
        LocalDate christmas = LocalDate.of(today.getMonthValue() == 12 && today.getDayOfMonth() > 26
                ? today.getYear() + 1 : today.getYear(), 12, 24);
        hours.add(new Object[] {phone, "CLOSED", null, null, null, Date.valueOf(christmas),
            Date.valueOf(christmas.plusDays(2))});
        if (!helpline) {
            long location = channel(id, 1, "LOCATION", null, STREETS[random.nextInt(STREETS.length)] + " "
                    + (1 + random.nextInt(40)), seat);
            hours.add(new Object[] {location, "REGULAR", 1 + random.nextInt(5), Time.valueOf("12:00:00"),
                Time.valueOf("14:00:00"), null, null});
        }
        template.batchUpdate("insert into guidance_hours (channel_id, kind, weekday, opens, closes, valid_from, valid_to)"
                + " values (?, ?, ?, ?, ?, ?, ?)", hours);
    }

    private long channel(long serviceId, int position, String kind, String phone, String street, String municipality) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into guidance_channel (service_id, kind, position, phone, street_address, postal_code,
                    municipality_code, accessibility_fi)
                values (:s, :k, :p, :phone, :street, :postal, :m, :a)""")
                .param("s", serviceId).param("k", kind).param("p", position).param("phone", phone)
                .param("street", street).param("postal", street == null ? null : "00100").param("m", municipality)
                .param("a", street == null ? null : "Esteetön sisäänkäynti, hissi.")
                .update(keys, "id");
        return keys.getKey().longValue();
    }
}
