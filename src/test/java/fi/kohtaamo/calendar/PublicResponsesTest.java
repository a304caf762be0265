package fi.kohtaamo.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.calendar.internal.ActivityForm;
import fi.kohtaamo.calendar.internal.ActivityQueries;
import fi.kohtaamo.calendar.internal.ActivityService;
import fi.kohtaamo.registry.OrganisationType;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.PublicResponses;
import fi.kohtaamo.shared.Role;
import fi.kohtaamo.support.Fixtures;
import fi.kohtaamo.support.IntegrationTest;
import fi.kohtaamo.support.TestClock;
import fi.kohtaamo.support.WebClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Public answers kept as bytes ahead of the servlet stack ({@link PublicResponses}): a repeated anonymous GET
 * gets exactly the computed answer (body and headers), a write or a new day is never hidden, each language
 * is kept apart, 304 works, and nothing is sent from kept bytes to a request with any cookie but the language's.
 */
@IntegrationTest
class PublicResponsesTest {

    static final Actor ADMIN = new Actor(1, "Admin", Role.ADMIN, null, Set.of(), null, null, null);

    @LocalServerPort int port;
    @Autowired Fixtures fx;
    @Autowired ActivityService activities;
    @Autowired ActivityQueries queries;
    @Autowired PublicResponses responses;
    @Autowired TestClock clock;

    final HttpClient http = HttpClient.newHttpClient();
    String muni;
    long activity;

    @BeforeEach
    void world() {
        long county = fx.county();
        muni = fx.municipality(county);
        long place = fx.place(fx.area(county, muni), muni,
                fx.organisation(OrganisationType.MLL_ASSOCIATION, null, county));
        ActivityForm f = Fixtures.weeklyCafe(place, "Pidetty kahvila", "WEDNESDAY");
        f.nameSv = "Sparat café";
        activity = activities.create(ADMIN, f);
    }

    String json() {
        return "/api/v1/occurrences?municipality=" + muni + "&start=2026-11-30&end=2026-12-06";
    }

    HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    long sent() {
        return responses.counts()[0];
    }

    @Test
    void aRepeatedGetIsSentFromKeptBytesExactlyAsComputed() throws Exception {
        HttpResponse<String> first = get(json());
        long before = sent();
        HttpResponse<String> second = get(json());
        assertThat(sent()).isEqualTo(before + 1);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.body()).isEqualTo(first.body()).contains("Pidetty kahvila");
        for (String h : new String[] {"ETag", "Content-Type", "X-Content-Type-Options", "Content-Security-Policy",
                "X-Frame-Options", "Cache-Control", "Referrer-Policy"}) {
            assertThat(second.headers().allValues(h)).as(h).isEqualTo(first.headers().allValues(h)).isNotEmpty();
        }
        assertThat(second.headers().firstValueAsLong("Content-Length").orElse(-1))
                .isEqualTo(first.body().getBytes(StandardCharsets.UTF_8).length);

        // the validator works on kept answers too
        HttpResponse<String> notModified = get(json(), "If-None-Match", first.headers().firstValue("ETag").orElseThrow());
        assertThat(notModified.statusCode()).isEqualTo(304);
        assertThat(notModified.body()).isEmpty();
        assertThat(sent()).isEqualTo(before + 2);
    }

    @Test
    void aWriteOrANewDayIsNeverHiddenByAKeptAnswer() throws Exception {
        get(json());
        get(json());
        ActivityForm f = ActivityForm.of(queries.activity(activity).orElseThrow());
        f.nameFi = "Uusi nimi heti";
        activities.update(ADMIN, activity, f);
        long before = sent();
        assertThat(get(json()).body()).contains("Uusi nimi heti").doesNotContain("Pidetty kahvila");
        assertThat(sent()).isEqualTo(before);

        // the same address on another day is another answer (defaults and validators follow the day)
        String tag = get(json()).headers().firstValue("ETag").orElseThrow();
        try {
            clock.advance(Duration.ofDays(1));
            HttpResponse<String> tomorrow = get(json());
            assertThat(tomorrow.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(tag);
            assertThat(sent()).isEqualTo(before + 1);
        } finally {
            clock.set(TestClock.START);
        }
    }

    @Test
    void eachLanguageIsKeptApartAndCookiesAreNeverAnsweredFromKeptBytes() throws Exception {
        String feed = "/calendar.ics?municipality=" + muni;
        String fi = get(feed, "Accept-Language", "fi").body();
        String sv = get(feed, "Accept-Language", "sv").body();
        assertThat(fi).contains("Pidetty kahvila");
        assertThat(sv).contains("Sparat café");
        assertThat(get(feed, "Accept-Language", "sv").body()).isEqualTo(sv);
        assertThat(get(feed, "Accept-Language", "fi").body()).isEqualTo(fi);

        // a feed address with its language (as the calendar page gives it out) sets no cookie, so it is kept too
        HttpResponse<String> svFeed = get(feed + "&lang=sv");
        assertThat(svFeed.headers().allValues("Set-Cookie")).isEmpty();
        long beforeKept = sent();
        assertThat(get(feed + "&lang=sv").body()).isEqualTo(svFeed.body()).contains("Sparat café");
        assertThat(sent()).isEqualTo(beforeKept + 1);

        // a lang cookie chooses Swedish over the Finnish Accept-Language: the kept Swedish answer, never the Finnish
        long before = sent();
        HttpResponse<String> withCookie = get(feed, "Accept-Language", "fi", "Cookie", "lang=sv");
        assertThat(withCookie.body()).isEqualTo(sv);
        assertThat(sent()).isEqualTo(before + 1);
        // any other cookie (a session) may change the answer: the whole way, nothing from kept bytes
        before = sent();
        assertThat(get(feed, "Accept-Language", "sv", "Cookie", "lang=sv; JSESSIONID=ABC").body()).contains("Sparat café");
        assertThat(sent()).isEqualTo(before);

        // a signed-in user's request goes through the whole stack as well
        WebClient staff = new WebClient(port);
        assertThat(staff.login("admin@demo.kohtaamo.fi", "demo-password-for-tests").header("Location")).endsWith("/admin");
        assertThat(staff.get(json()).body()).contains("Pidetty kahvila");
        assertThat(sent()).isEqualTo(before);
    }
}
