package fi.kohtaamo.shared;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32C;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.springframework.http.HttpHeaders;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * One answer kept by {@link PublicResponses}: its headers and its body, gzip-compressed when it is text (a calendar
 * week's page of 367 KB keeps in about 26 KB, so the kept answers of every municipality's weeks fit in their bound),
 * sent compressed to a client that takes gzip. The plain body is kept beside it once a client that takes no gzip
 * asks (inflating a week page costs over a millisecond each time), so only such addresses cost their full size.
 *
 * <p>What the filter adds to the controller's answer: {@code Vary} with what the key holds besides the address
 * ({@code Accept-Encoding} for a compressed answer; {@code Accept-Language} and {@code Cookie} for a page, whose
 * language may come from either), and an {@code ETag} of the body's checksum when the controller gave none. The
 * compressed variant's tag is the weak form of the same tag, as nginx's is.
 */
final class KeptAnswer implements PublicDataCache.Sized {

    /** Below this, compressing saves less than the header costs. */
    static final int COMPRESS_FROM = 256;
    private static final Set<String> NOT_ON_304 = Set.of("content-type", "content-length", "content-disposition",
            "content-language", "content-encoding");

    private final List<Map.Entry<String, String>> headers;
    private final List<Map.Entry<String, String>> added;
    /** The compressed body, or null for an answer that is not compressed. */
    private final byte[] gzip;
    /** The plain body: always for an answer that is not compressed, else once a client that takes no gzip asked. */
    private final byte[] raw;
    private final String etag;
    private final LocalDate day;

    private KeptAnswer(List<Map.Entry<String, String>> headers, List<Map.Entry<String, String>> added, byte[] gzip,
            byte[] raw, String etag, LocalDate day) {
        this.headers = headers;
        this.added = added;
        this.gzip = gzip;
        this.raw = raw;
        this.etag = etag;
        this.day = day;
    }

    /**
     * The answer a controller wrote into the wrapper (not yet copied to the client), as it will be kept: text
     * compressed, and plain as well when its first reader takes no gzip.
     */
    static KeptAnswer of(ContentCachingResponseWrapper wrapper, LocalDate day, boolean plainToo) {
        byte[] raw = wrapper.getContentAsByteArray();
        String type = wrapper.getContentType();
        boolean page = type != null && type.toLowerCase(Locale.ROOT).startsWith("text/html");
        boolean compress = raw.length >= COMPRESS_FROM && compressible(type);
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (String name : wrapper.getHeaderNames()) {
            if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH) && !name.equalsIgnoreCase(HttpHeaders.DATE)
                    && !name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE) && !name.equalsIgnoreCase(HttpHeaders.ETAG)) {
                for (String value : wrapper.getHeaders(name)) {
                    headers.add(Map.entry(name, value));
                }
            }
        }
        if (type != null) {
            headers.add(Map.entry(HttpHeaders.CONTENT_TYPE, type));
        }
        if (page) {
            // a rendered view set the response's locale (Content-Language), which is not among its headers yet
            headers.add(Map.entry(HttpHeaders.CONTENT_LANGUAGE, wrapper.getLocale().toLanguageTag()));
        }
        List<Map.Entry<String, String>> added = new ArrayList<>();
        String vary = String.join(",", wrapper.getHeaders(HttpHeaders.VARY)).toLowerCase(Locale.ROOT);
        List<String> varies = new ArrayList<>();
        if (page) {
            varies.add(HttpHeaders.ACCEPT_LANGUAGE);
            varies.add(HttpHeaders.COOKIE);
        }
        if (compress) {
            varies.add(HttpHeaders.ACCEPT_ENCODING);
        }
        varies.removeIf(v -> vary.contains(v.toLowerCase(Locale.ROOT)));
        if (!varies.isEmpty()) {
            added.add(Map.entry(HttpHeaders.VARY, String.join(", ", varies)));
        }
        headers.addAll(added);
        String etag = wrapper.getHeader(HttpHeaders.ETAG);
        if (etag == null) {
            CRC32C crc = new CRC32C();
            crc.update(raw);
            etag = "\"k" + Long.toHexString(crc.getValue()) + "-" + Integer.toHexString(raw.length) + "\"";
        }
        return new KeptAnswer(List.copyOf(headers), List.copyOf(added), compress ? gzip(raw) : null,
                compress && !plainToo ? null : raw, etag, day);
    }

    /**
     * Whether sending this answer to the request needs its plain body, which is not kept yet: the request takes no
     * gzip. The caller then keeps {@link #withPlain()} instead, so that the next such reader finds it (inflating a
     * calendar week costs a millisecond and more each time).
     */
    boolean lacksPlainFor(HttpServletRequest request) {
        return raw == null && !acceptsGzip(request.getHeader(HttpHeaders.ACCEPT_ENCODING));
    }

    /** This answer with its plain body too. */
    KeptAnswer withPlain() {
        if (raw != null) {
            return this;
        }
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip), 16 * 1024)) {
            return new KeptAnswer(headers, added, gzip, in.readAllBytes(), etag, day);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    LocalDate day() {
        return day;
    }

    @Override
    public int bytes() {
        return (gzip == null ? 0 : gzip.length) + (raw == null ? 0 : raw.length) + 64 * headers.size() + 200;
    }

    /**
     * Sends the answer. The first, just computed, already has the controller's headers on the response (the wrapper
     * passed them on) and only gets what the filter adds; a kept one gets them all, or 304 when the client's
     * {@code If-None-Match} names it.
     */
    void send(HttpServletRequest request, HttpServletResponse response, boolean first) throws IOException {
        boolean compressed = gzip != null && acceptsGzip(request.getHeader(HttpHeaders.ACCEPT_ENCODING));
        String tag = compressed && !etag.startsWith("W/") ? "W/" + etag : etag;
        boolean notModified = !first && PublicResponses.matches(request.getHeader(HttpHeaders.IF_NONE_MATCH), tag);
        for (Map.Entry<String, String> h : first ? added : headers) {
            if (!notModified || !NOT_ON_304.contains(h.getKey().toLowerCase(Locale.ROOT))) {
                response.addHeader(h.getKey(), h.getValue());
            }
        }
        response.setHeader(HttpHeaders.ETAG, tag);
        if (notModified) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        if (compressed) {
            response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
        }
        byte[] body = compressed ? gzip : withPlain().raw;
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** Whether a client takes gzip: {@code gzip} or {@code *} listed without {@code q=0}. */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String part : acceptEncoding.split(",")) {
            String[] p = part.split(";");
            String coding = p[0].strip().toLowerCase(Locale.ROOT);
            if (coding.equals("gzip") || coding.equals("x-gzip") || coding.equals("*")) {
                boolean refused = false;
                for (int i = 1; i < p.length; i++) {
                    String param = p[i].strip().toLowerCase(Locale.ROOT).replace(" ", "");
                    refused |= param.matches("q=0(\\.0{0,3})?");
                }
                return !refused;
            }
        }
        return false;
    }

    /** Whether the only cookies an answer sets are the language's ({@code ?lang=} remembered), which its address decides. */
    static boolean onlyLanguageCookie(Collection<String> setCookies) {
        return setCookies.stream().allMatch(c -> c.startsWith(LanguageResolver.COOKIE + "="));
    }

    private static boolean compressible(String type) {
        if (type == null) {
            return false;
        }
        String t = type.toLowerCase(Locale.ROOT);
        return t.startsWith("text/") || t.startsWith("application/json") || t.startsWith("application/javascript")
                || t.startsWith("application/xml") || t.contains("+json") || t.contains("+xml");
    }

    private static byte[] gzip(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 6 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 16 * 1024)) {
            gz.write(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
