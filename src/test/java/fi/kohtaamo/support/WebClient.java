package fi.kohtaamo.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * A small browser-like HTTP client for tests: real HTTP, cookies kept (session), the CSRF token
 * read from the last page and sent with forms. No redirects followed unless asked.
 */
public class WebClient {

    public record Response(int status, String body, java.net.http.HttpHeaders headers) {

        public Document html() {
            return Jsoup.parse(body);
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    private final String base;
    private final HttpClient http;
    private String csrf;
    private final Map<String, String> headers = new java.util.LinkedHashMap<>();

    public WebClient(int port) {
        this.base = "http://localhost:" + port;
        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /**
     * Sends this header with every request from now on, e.g. {@code X-Forwarded-For} (the tests' server trusts
     * it from the loopback address, as it would from a proxy) or {@code Host} (allowed by the surefire
     * configuration's jdk.httpclient.allowRestrictedHeaders).
     */
    public WebClient withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        headers.forEach(b::header);
        return b;
    }

    public Response get(String path) {
        return get(path, Map.of());
    }

    public Response get(String path, Map<String, String> headers) {
        HttpRequest.Builder b = request(path).GET();
        headers.forEach(b::header);
        return send(b.build());
    }

    /** GET of a binary answer (PDF, images): the body as bytes. */
    public byte[] getBytes(String path) {
        try {
            return http.send(request(path).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray()).body();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** GET, following redirects within the site. */
    public Response follow(String path) {
        Response r = get(path);
        int hops = 0;
        while ((r.status() == 302 || r.status() == 303) && hops++ < 5) {
            String location = r.header("Location");
            r = get(location.startsWith("http") ? location.substring(base.length()) : location);
        }
        return r;
    }

    /** Posts a form with the CSRF token of the last HTML page read (read one first). */
    public Response post(String path, List<Map.Entry<String, String>> fields) {
        return send(formPost(path, fields));
    }

    /** Posts a form (as {@link #post}) whose answer is binary (a PDF): the body as bytes; fails unless 200. */
    public byte[] postBytes(String path, List<Map.Entry<String, String>> fields) {
        try {
            HttpResponse<byte[]> r = http.send(formPost(path, fields), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw new AssertionError("POST " + path + ": " + r.statusCode());
            }
            return r.body();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest formPost(String path, List<Map.Entry<String, String>> fields) {
        List<Map.Entry<String, String>> all = new ArrayList<>(fields);
        if (csrf != null) {
            all.add(Map.entry("_csrf", csrf));
        }
        StringBuilder body = new StringBuilder();
        for (var e : all) {
            if (!body.isEmpty()) {
                body.append('&');
            }
            body.append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(e.getValue() == null ? "" : e.getValue(), StandardCharsets.UTF_8));
        }
        return request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
    }

    public Response post(String path, Map<String, String> fields) {
        return post(path, new ArrayList<>(fields.entrySet()));
    }

    /** A file part of a multipart form. */
    public record FilePart(String field, String filename, String contentType, byte[] content) {
    }

    /**
     * Posts a multipart/form-data form (file uploads) with the CSRF token of the last HTML page read,
     * as a browser does: text fields first, then the files.
     */
    public Response postMultipart(String path, List<Map.Entry<String, String>> fields, List<FilePart> files) {
        String boundary = "----KohtaamoTestBoundary" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        List<Map.Entry<String, String>> all = new ArrayList<>(fields);
        if (csrf != null) {
            all.add(Map.entry("_csrf", csrf));
        }
        try {
            for (var e : all) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + e.getKey() + "\"\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8));
                body.write((e.getValue() == null ? "" : e.getValue()).getBytes(StandardCharsets.UTF_8));
                body.write("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            for (FilePart f : files) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.field()
                        + "\"; filename=\"" + f.filename() + "\"\r\nContent-Type: " + f.contentType() + "\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8));
                body.write(f.content());
                body.write("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return send(request(path)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    /** Forgets the CSRF token read from the last page: the next form is sent without one, as a forged one is. */
    public void forgetCsrfToken() {
        csrf = null;
    }

    /** Signs in through the real login form; returns the response of the form post. */
    public Response login(String email, String password) {
        get("/login");
        return post("/login", Map.of("email", email, "password", password));
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            Response response = new Response(r.statusCode(), r.body(), r.headers());
            String type = r.headers().firstValue("Content-Type").orElse("");
            if (type.startsWith("text/html")) {
                var token = Jsoup.parse(r.body()).selectFirst("input[name=_csrf]");
                if (token != null) {
                    csrf = token.attr("value");
                }
            }
            return response;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
