package fi.kohtaamo.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import fi.kohtaamo.calendar.internal.ActivityForm;
import fi.kohtaamo.calendar.internal.ActivityService;
import fi.kohtaamo.registry.OrganisationType;
import fi.kohtaamo.shared.Actor;
import fi.kohtaamo.shared.PublicResponses;
import fi.kohtaamo.shared.Role;
import fi.kohtaamo.support.Fixtures;
import fi.kohtaamo.support.IntegrationTest;
import fi.kohtaamo.support.WebClient;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The public pages are kept answers too (issue 17): a repeated anonymous GET of a page is sent from kept bytes, in
 * the language its reader chose (parameter, cookie or Accept-Language), compressed for a client that takes gzip,
 * and never with a signed-in user's parts, nor given to a signed-in user.
 */
@IntegrationTest
class PublicPagesKeptTest {

    static final Actor ADMIN = new Actor(1, "Admin", Role.ADMIN, null, Set.of(), null, null, null);

    @LocalServerPort int port;
    @Autowired Fixtures fx;
    @Autowired ActivityService activities;
    @Autowired PublicResponses responses;

    final HttpClient http = HttpClient.newHttpClient();
    String muni;
    long place;
    long activity;

    @BeforeEach
    void world() {
        long county = fx.county();
        muni = fx.municipality(county);
        place = fx.place(fx.area(county, muni), muni, fx.organisation(OrganisationType.MLL_ASSOCIATION, null, county));
        ActivityForm f = Fixtures.weeklyCafe(place, "Pidetty perhekahvila", "WEDNESDAY");
        f.nameSv = "Sparat familjecafé";
        f.nameEn = "Kept family café";
        activity = activities.create(ADMIN, f);
    }

    /** Every kind of public page that is kept, with a query this test alone asks. */
    List<String> pages() {
        return List.of("/calendar?municipality=" + muni + "&date=2026-11-30",
                "/calendar?municipality=" + muni + "&date=2026-12-02&view=DAY",
                "/calendar?municipality=" + muni + "&view=SERIES",
                "/calendar/activities/" + activity, "/calendar/activities/" + activity + "/2026-12-02",
                "/places/" + place, "/places?municipality=" + muni, "/?m=" + muni,
                "/widget/calendar?municipality=" + muni, "/widget?municipality=" + muni,
                "/calendar/poster?municipality=" + muni);
    }

    HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static String text(HttpResponse<byte[]> r) throws Exception {
        byte[] body = r.body();
        if ("gzip".equals(r.headers().firstValue("Content-Encoding").orElse(null))) {
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
                body = in.readAllBytes();
            }
        }
        return new String(body, StandardCharsets.UTF_8);
    }

    long sent() {
        return responses.counts()[0];
    }

    static String htmlLang(String page) {
        var m = java.util.regex.Pattern.compile("<html[^>]*\\blang=\"([a-z]+)\"").matcher(page);
        return m.find() ? m.group(1) : null;
    }

    @Test
    void everyPublicPageIsKeptPerLanguageWithNoSignedInPartAndNoToken() throws Exception {
        for (String page : pages()) {
            HttpResponse<byte[]> first = get(page, "Accept-Language", "sv-FI,sv;q=0.9");
            assertThat(first.statusCode()).as(page).isEqualTo(200);
            long before = sent();
            HttpResponse<byte[]> again = get(page, "Accept-Language", "sv-SE, en;q=0.5");
            assertThat(sent()).as(page + " sent from kept bytes").isEqualTo(before + 1);
            assertThat(text(again)).as(page).isEqualTo(text(first));
            String sv = text(again);
            if (!page.startsWith("/widget/")) {
                assertThat(htmlLang(sv)).as(page).isEqualTo("sv");
            }
            assertThat(sv).as(page).doesNotContain("_csrf").doesNotContain("/logout");
            assertThat(again.headers().firstValue("Content-Language")).as(page).hasValue("sv");
            assertThat(String.join(",", again.headers().allValues("Vary"))).as(page)
                    .contains("Accept-Language").contains("Cookie");
            assertThat(again.headers().allValues("Set-Cookie")).as(page).isEmpty();

            // the same address for a Finnish and an English reader: their own language, never the kept Swedish
            String fi = text(get(page, "Accept-Language", "fi"));
            String en = text(get(page, "Cookie", "lang=en", "Accept-Language", "sv"));
            if (!page.startsWith("/widget/")) {
                assertThat(htmlLang(fi)).as(page).isEqualTo("fi");
                assertThat(htmlLang(en)).as(page).isEqualTo("en");
            }
            assertThat(fi).as(page).isNotEqualTo(sv);
            assertThat(en).as(page).isNotEqualTo(sv).isNotEqualTo(fi);
        }
        String calendar = text(get(pages().get(0), "Accept-Language", "sv"));
        assertThat(calendar).contains("Sparat familjecafé").doesNotContain("Pidetty perhekahvila");
    }

    @Test
    void aLanguageChosenByTheAddressIsRememberedByTheKeptAnswerToo() throws Exception {
        String page = "/calendar?municipality=" + muni + "&date=2026-12-01&lang=en";
        HttpResponse<byte[]> first = get(page);
        long before = sent();
        HttpResponse<byte[]> kept = get(page, "Accept-Language", "fi");
        assertThat(sent()).isEqualTo(before + 1);
        assertThat(htmlLang(text(kept))).isEqualTo("en");
        assertThat(kept.headers().allValues("Set-Cookie")).isEqualTo(first.headers().allValues("Set-Cookie"))
                .singleElement().satisfies(c -> assertThat(c).startsWith("lang=en"));
    }

    @Test
    void aKeptAnswerIsSentCompressedToAClientThatTakesGzipAndValidatedByItsTag() throws Exception {
        String page = "/calendar?municipality=" + muni + "&date=2026-12-03";
        HttpResponse<byte[]> plain = get(page, "Accept-Language", "fi");
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(plain.headers().firstValueAsLong("Content-Length").orElseThrow()).isEqualTo(plain.body().length);
        for (int i = 0; i < 2; i++) { // the first answer after the plain one, and one more from kept bytes
            HttpResponse<byte[]> gz = get(page, "Accept-Language", "fi", "Accept-Encoding", "br, gzip;q=0.8");
            assertThat(gz.headers().firstValue("Content-Encoding")).hasValue("gzip");
            assertThat(gz.body().length).isLessThan(plain.body().length / 3);
            assertThat(text(gz)).isEqualTo(text(plain));
            assertThat(String.join(",", gz.headers().allValues("Vary"))).contains("Accept-Encoding");
            assertThat(gz.headers().firstValue("ETag").orElseThrow())
                    .isEqualTo("W/" + plain.headers().firstValue("ETag").orElseThrow());
        }
        // a client that refuses gzip gets the plain bytes of the kept answer
        HttpResponse<byte[]> refused = get(page, "Accept-Language", "fi", "Accept-Encoding", "gzip;q=0, identity");
        assertThat(refused.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(refused.body()).isEqualTo(plain.body());
        // the tag of either variant gets 304
        String tag = plain.headers().firstValue("ETag").orElseThrow();
        HttpResponse<byte[]> notModified = get(page, "Accept-Language", "fi", "Accept-Encoding", "gzip",
                "If-None-Match", tag);
        assertThat(notModified.statusCode()).isEqualTo(304);
        assertThat(notModified.body()).isEmpty();
    }

    @Test
    void aSignedInUsersPageIsNeitherKeptNorAnsweredFromKeptBytes() throws Exception {
        String placePage = "/places/" + place + "?from=staff";
        WebClient staff = new WebClient(port);
        assertThat(staff.login("admin@demo.kohtaamo.fi", "demo-password-for-tests").header("Location")).endsWith("/admin");
        long sentBefore = sent();
        long keptBefore = responses.counts()[1];
        String signedIn = staff.get(placePage).body();
        assertThat(signedIn).contains("/logout").contains("/admin/places/" + place);
        assertThat(responses.counts()[1]).as("nothing kept for a signed-in user").isEqualTo(keptBefore);

        // the anonymous reader of the same address gets a page of their own, kept, without the staff parts
        String anonymous = text(get(placePage));
        assertThat(anonymous).doesNotContain("/logout").doesNotContain("/admin/places/" + place);
        assertThat(responses.counts()[1]).isEqualTo(keptBefore + 1);
        // and the signed-in user still gets theirs, not the kept one
        assertThat(staff.get(placePage).body()).contains("/logout");
        assertThat(sent()).isEqualTo(sentBefore);
        // a request with any other cookie than the language's goes the whole way too
        get(placePage, "Cookie", "lang=fi; JSESSIONID=0123456789ABCDEF");
        assertThat(sent()).isEqualTo(sentBefore);
        get(placePage, "Cookie", "lang=fi");
        assertThat(sent()).isEqualTo(sentBefore + 1);
    }

    /** A crowd asking for an address nobody asked before (a link shared in a parents' group) computes it once. */
    @Test
    void aCrowdAskingForANewAddressComputesItOnce() throws Exception {
        // the demo's largest municipality: a week page that takes a while to render
        String page = "/calendar?municipality=049&date=2026-12-14&crowd=" + System.nanoTime();
        long keptBefore = responses.counts()[1];
        long sentBefore = sent();
        int crowd = 12;
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(crowd);
        try {
            List<java.util.concurrent.Future<HttpResponse<byte[]>>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < crowd; i++) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return get(page, "Accept-Language", "fi");
                }));
            }
            go.countDown();
            String body = null;
            for (var a : answers) {
                HttpResponse<byte[]> r = a.get(60, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(r.statusCode()).isEqualTo(200);
                body = body == null ? text(r) : body;
                assertThat(text(r)).isEqualTo(body);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(responses.counts()[1]).as("computed and kept once").isEqualTo(keptBefore + 1);
        assertThat(sent()).as("the others sent the first one's answer").isEqualTo(sentBefore + crowd - 1);
    }
}
