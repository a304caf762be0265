package fi.kohtaamo.access;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.shared.Action;
import fi.kohtaamo.shared.Role;
import fi.kohtaamo.support.IntegrationTest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

/**
 * The access matrix, generated: every constant of every enum implementing {@link Action} × every role × a record
 * of the actor's own, of another organisation or area of the same county, and of another county, each
 * through the real pages over HTTP, signed in as an account of that role. Each case checks the HTTP answer
 * and, for a write, that a denied request changed nothing and an allowed one did. An action without a case
 * fails {@link #everyActionHasACase()}: a new action cannot be added without saying who may do it where.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTest {

    @Autowired org.springframework.context.ApplicationContext context;
    @org.springframework.boot.test.web.server.LocalServerPort int port;

    AccessWorld world;
    List<AccessCases.Case> cases;

    @BeforeAll
    void build() {
        world = new AccessWorld(context, port);
        cases = new AccessCases(world).all();
    }

    /** Every {@link Action} the application declares, found on the class path. */
    static Set<Action> declaredActions() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(
                    org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
                return true;
            }
        };
        scanner.addIncludeFilter(new AssignableTypeFilter(Action.class));
        Set<Action> out = new LinkedHashSet<>();
        for (var bean : scanner.findCandidateComponents("fi.kohtaamo")) {
            try {
                Class<?> type = Class.forName(bean.getBeanClassName());
                if (type.isEnum() && Action.class.isAssignableFrom(type)) {
                    for (Object constant : type.getEnumConstants()) {
                        out.add((Action) constant);
                    }
                }
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    @Test
    void everyActionHasACase() {
        Set<Action> declared = declaredActions();
        assertThat(declared).as("the scan finds the modules' actions").hasSizeGreaterThan(20);
        Set<Action> covered = new LinkedHashSet<>();
        cases.forEach(c -> covered.add(c.action()));
        List<String> missing = declared.stream().filter(a -> !covered.contains(a))
                .map(a -> a.getClass().getSimpleName() + "." + a.name()).toList();
        assertThat(missing).as("actions without a case in AccessCases").isEmpty();
    }

    /** A handler checks its action first: a request out of scope is refused as such, whatever its parameters say. */
    @Test
    void parametersAreReadOnlyAfterTheCheck() {
        var web = world.clients().get(Role.COUNTY_COORDINATOR);
        long place = world.place.get(AccessWorld.Where.OTHER_COUNTY);
        long activity = world.activity.get(AccessWorld.Where.OTHER_COUNTY);
        String counts = "/admin/counts/places/" + place;
        Map<String, Integer> answers = new java.util.LinkedHashMap<>();
        answers.put("GET count", web.get(counts + "/count?subject=x&date=not-a-date").status());
        answers.put("GET month", web.get(counts + "/month?month=2026-13").status());
        answers.put("POST count", web.post(counts + "/count", Map.of("date", "not-a-date", "subject", "x")).status());
        answers.put("POST month", web.post(counts + "/month", Map.of("month", "2026-13")).status());
        for (String verb : List.of("cancel", "move", "restore")) {
            answers.put("POST " + verb, web.post("/admin/activities/" + activity + "/occurrences/not-a-date/" + verb,
                    Map.of()).status());
        }
        answers.put("GET import template", web.get(counts + "/import/template.csv?month=2026-13").status());
        answers.put("GET slots to book", world.clients().get(Role.PROVIDER_STAFF)
                .get("/admin/outreach/slots?area=x&municipality=1").status());
        answers.put("POST catalogue", web.post("/admin/outreach/catalogue/nonsense",
                Map.of("county", "" + world.county.get(AccessWorld.Where.OTHER_COUNTY))).status());
        assertThat(answers).allSatisfy((request, status) -> assertThat(status).as(request).isEqualTo(403));
    }

    @TestFactory
    Stream<DynamicTest> matrix() {
        List<DynamicTest> tests = new ArrayList<>();
        for (AccessCases.Case c : cases) {
            for (AccessWorld.Where where : AccessWorld.Where.values()) {
                tests.add(DynamicTest.dynamicTest(c.name() + " on " + where, () -> run(c, where)));
            }
        }
        return tests.stream();
    }

    private void run(AccessCases.Case c, AccessWorld.Where where) {
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<Role, fi.kohtaamo.support.WebClient> signedIn : world.clients().entrySet()) {
            Role role = signedIn.getKey();
            boolean expected = c.expected(role, where);
            AccessCases.Result r = c.attempt().apply(signedIn.getValue(), where);
            if (r.went() != expected) {
                wrong.add(role + ": " + (r.went() ? "allowed" : "denied") + " (" + r.answer() + ")");
            }
            if (!r.went() && r.changed()) {
                wrong.add(role + ": denied, but the data changed");
            }
            if (r.went() && c.write() && !r.changed()) {
                wrong.add(role + ": allowed, but nothing changed (" + r.answer() + ")");
            }
        }
        assertThat(wrong).as(c.name() + " on " + where).isEmpty();
    }
}
