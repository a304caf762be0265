package fi.kohtaamo.outreach.internal;

import fi.kohtaamo.calendar.ActivityCalendar;
import fi.kohtaamo.identity.StaffDirectory;
import fi.kohtaamo.outreach.internal.OutreachQueries.Catalogue;
import fi.kohtaamo.registry.OrganisationType;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.DemoData;
import fi.kohtaamo.shared.LocalizedText;
import fi.kohtaamo.shared.Role;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo outreach for Länsi-Uusimaa, after the calendar and the accounts: the seeded catalogue of
 * professions and topics, the orientation, three partners (the county's services, a parish, an
 * NGO), and visit slots on a third of the places over eight weeks back and eight ahead, with
 * past visits recorded, coming ones confirmed or awaiting confirmation, and some left open.
 */
@Component
@Order(110)
class OutreachDemoData implements DemoData, fi.kohtaamo.shared.NationalData {

    private final OutreachQueries queries;
    private final Registry registry;
    private final ActivityCalendar calendar;
    private final StaffDirectory staff;
    private final Clock clock;
    private final TransactionTemplate tx;

    OutreachDemoData(OutreachQueries queries, Registry registry, ActivityCalendar calendar, StaffDirectory staff,
            Clock clock, TransactionTemplate tx) {
        this.queries = queries;
        this.registry = registry;
        this.calendar = calendar;
        this.staff = staff;
        this.clock = clock;
        this.tx = tx;
    }

    static String resource(String name) {
        try (InputStream in = OutreachDemoData.class.getResourceAsStream("/fi/kohtaamo/outreach/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads the seeded catalogue of professions and topics into a county (what a new county starts with). */
    void seedCatalogue(long countyId, Instant now) {
        for (String line : resource("catalogue.txt").split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] p = line.split("\\|");
            queries.catalogue(Catalogue.valueOf(p[0])).add(countyId, p[1], LocalizedText.of(p[2], p[3], p[4]));
        }
    }

    /** For each topic code, the codes of the professions that typically give it (the catalogue's sixth column). */
    static java.util.Map<String, List<String>> typicalProfessions() {
        java.util.Map<String, List<String>> out = new java.util.HashMap<>();
        for (String line : resource("catalogue.txt").split("\n")) {
            String[] p = line.split("\\|");
            if (p.length > 5 && p[0].equals("TOPIC") && !p[5].isBlank()) {
                out.put(p[1], List.of(p[5].split(",")));
            }
        }
        return out;
    }

    void seedOrientation(long countyId, Instant now) {
        String[] fi = resource("orientation_fi.txt").split("\n", 2);
        String[] sv = resource("orientation_sv.txt").split("\n", 2);
        String[] en = resource("orientation_en.txt").split("\n", 2);
        queries.saveOrientation(countyId, null, LocalizedText.of(fi[0], sv[0], en[0]),
                LocalizedText.of(fi[1].strip(), sv[1].strip(), en[1].strip()), now);
    }

    @Override
    public void load() {
        tx.executeWithoutResult(status -> {
            Optional<Long> county = registry.countyIdByCode("LU");
            if (county.isEmpty() || !queries.items(Catalogue.PROFESSION, county.get()).isEmpty()) {
                return;
            }
            new Generator(county.get(), 4, LocalDate.ofInstant(clock.instant(), OutreachService.HELSINKI), 3).run();
        });
    }

    private int nationalSlots;
    private int nationalVisits;

    /** The same for every county of the national dataset: catalogue, orientation, partners, slots and visits. */
    @Override
    public void generate(Spec spec) {
        nationalSlots = 0;
        nationalVisits = 0;
        for (Registry.Ref c : registry.counties()) {
            tx.executeWithoutResult(status -> {
                Generator g = new Generator(c.id(), spec.seed() * 1_000_003L + c.id(), spec.today(), 3);
                g.run();
                nationalSlots += g.slots;
                nationalVisits += g.visits;
            });
        }
    }

    @Override
    public String summary() {
        return nationalSlots + " visit slots, " + nationalVisits + " visits";
    }

    private final java.util.Map<String, List<String>> typical = typicalProfessions();

    List<String> typical(String topicCode) {
        return typical.getOrDefault(topicCode, List.of());
    }

    private final class Generator {
        final long county;
        final Random random;
        final Instant now = clock.instant();
        final LocalDate today;
        /** Every n-th place of the county gets slots. */
        final int every;
        int slots;
        int visits;

        Generator(long county, long seed, LocalDate today, int every) {
            this.county = county;
            this.random = new Random(seed);
            this.today = today;
            this.every = every;
        }

        /** The county's own organisation of the type, else the first of the type anywhere. */
        Long first(OrganisationType type) {
            List<Registry.Ref> all = registry.organisationsOfType(type);
            return all.stream().filter(o -> registry.countyOfOrganisation(o.id()).map(c -> c == county).orElse(false))
                    .findFirst().or(() -> all.stream().findFirst()).map(Registry.Ref::id).orElse(null);
        }

        void run() {
            // past and coming are reckoned from the generated "today" (the national dataset may be placed on another day)
            Instant reference = LocalDate.ofInstant(now, OutreachService.HELSINKI).equals(today) ? now
                    : today.atTime(12, 0).atZone(OutreachService.HELSINKI).toInstant();
            seedCatalogue(county, now);
            seedOrientation(county, now);
            queries.saveTopicRepeatWeeks(county, 8, now);
            // one professional has one profession: the nurse of the county's services, the parish's deacon, the NGO's expert
            record Partner(long org, String kind, Long user, String name, String profession) {
            }
            List<Partner> partners = new ArrayList<>();
            Long wellbeing = first(OrganisationType.WELLBEING_COUNTY);
            if (wellbeing != null) {
                queries.savePartner(wellbeing, county, "WELLBEING_SERVICES", null, now);
                Optional<StaffDirectory.Person> nurse = staff.withRoleIn(Role.PARTNER, List.of(wellbeing)).stream().findFirst();
                partners.add(new Partner(wellbeing, "WELLBEING_SERVICES", nurse.map(StaffDirectory.Person::id).orElse(null),
                        nurse.map(StaffDirectory.Person::name).orElse("Terhi Terveydenhoitaja"), "public_health_nurse"));
            }
            Long parish = first(OrganisationType.PARISH_UNION);
            if (parish == null) {
                parish = first(OrganisationType.PARISH);
            }
            if (parish != null) {
                queries.savePartner(parish, county, "PARISH_DIACONIA", null, now);
                queries.acknowledge(parish, county, 0, null, "Demo", now);
                partners.add(new Partner(parish, "PARISH_DIACONIA", null, "Daniel Diakoni", "deacon"));
            }
            Long ngo = first(OrganisationType.OTHER_NGO);
            if (ngo != null) {
                queries.savePartner(ngo, county, "NGO", null, now);
                queries.acknowledge(ngo, county, 0, null, "Demo", now);
                partners.add(new Partner(ngo, "NGO", null, "Jonna Järjestö", "ngo_expert"));
            }
            if (partners.isEmpty()) {
                return;
            }
            List<fi.kohtaamo.shared.CountyCatalogue.Item> professions = queries.items(Catalogue.PROFESSION, county);
            List<fi.kohtaamo.shared.CountyCatalogue.Item> topics = queries.items(Catalogue.TOPIC, county);
            List<Registry.Ref> places = registry.places(county, null);
            for (int i = 0; i < places.size(); i += every) {
                long placeId = places.get(i).id();
                List<ActivityCalendar.ActivityRef> activities = calendar.activitiesOfPlace(placeId).stream()
                        .filter(a -> a.published() && !a.seasonEnd().isBefore(today)).toList();
                if (activities.isEmpty()) {
                    continue;
                }
                ActivityCalendar.ActivityRef a = activities.get(random.nextInt(activities.size()));
                List<ActivityCalendar.OccurrenceRef> occurrences = calendar.occurrences(a.id(), today.minusWeeks(8),
                        today.plusWeeks(8)).stream().filter(o -> !o.cancelled()).toList();
                for (int k = 0; k < occurrences.size(); k += 2 + random.nextInt(3)) {
                    ActivityCalendar.OccurrenceRef o = occurrences.get(k);
                    String format = random.nextInt(4) == 0 ? "PRESENCE" : "TALK";
                    List<Long> wished = new ArrayList<>();
                    if ("TALK".equals(format)) {
                        wished.add(topics.get(random.nextInt(topics.size())).id());
                    }
                    String language = a.languages().isEmpty() ? "fi" : a.languages().get(0);
                    long slot = queries.insertSlot(a.id(), placeId, o.originalDate(), o.start().toInstant(),
                            o.end().toInstant(), format, 1 + random.nextInt(2), language, null, random.nextBoolean(),
                            wished, true, now);
                    slots++;
                    boolean past = o.start().toInstant().isBefore(reference);
                    int roll = random.nextInt(10);
                    if (!past && roll < 4) {
                        continue; // left open
                    }
                    Partner p = partners.get(random.nextInt(partners.size()));
                    fi.kohtaamo.shared.CountyCatalogue.Item profession = professions.stream()
                            .filter(x -> x.code().equals(p.profession())).findFirst()
                            .orElse(professions.get(0));
                    // a talk is on a topic the professional's profession typically speaks of: the wished one if so
                    List<fi.kohtaamo.shared.CountyCatalogue.Item> theirs = topics.stream()
                            .filter(t -> typical(t.code()).contains(profession.code())).toList();
                    List<fi.kohtaamo.shared.CountyCatalogue.Item> offered = theirs.isEmpty() ? topics : theirs;
                    Long topic = !"TALK".equals(format) ? null
                            : offered.stream().anyMatch(t -> wished.contains(t.id())) && random.nextBoolean()
                                    ? wished.get(0) : offered.get(random.nextInt(offered.size())).id();
                    String st = past ? (roll == 0 ? "CANCELLED" : "CONFIRMED") : roll < 7 ? "CONFIRMED" : "REQUESTED";
                    long visit = queries.insertVisit(slot, p.org(), profession.id(), topic, p.user(), p.name(), null,
                            p.user(), null, st, true, now);
                    visits++;
                    if ("CANCELLED".equals(st)) {
                        queries.changeStatus(visit, 0, "CANCELLED", "CANCELLED", "Sairastuminen", "PARTNER", now);
                    }
                    if (past && "CONFIRMED".equals(st)) {
                        boolean happened = random.nextInt(12) != 0;
                        queries.recordOutcome(visit, 0, happened, happened ? 3 + random.nextInt(14) : null, now);
                    }
                }
            }
        }
    }
}
