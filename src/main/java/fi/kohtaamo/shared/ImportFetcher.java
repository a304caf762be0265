package fi.kohtaamo.shared;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The one way to fetch a file that staff import from an address they give (the calendar's activities, the
 * guidance directory's PTV services), without letting the address
 * reach into the server's own network (SSRF): only https (webcal:// is read as https); the host is
 * resolved once and refused when any of its addresses is loopback, private, link-local, multicast,
 * unique-local or otherwise not public (IPv4 and IPv6, also IPv4 inside IPv6); the connection goes
 * to exactly the address that was checked (so a second DNS answer cannot differ), with the host
 * name for TLS verification; at most {@value #MAX_REDIRECTS} redirects, each checked again; 10
 * seconds in all; at most the caller's {@link Limits#maxBytes()} of one of its {@link Limits#types()}.
 *
 * <p>The property {@code kohtaamo.import.allow-private-addresses} (default false, read on every
 * fetch) lets tests fetch from the test server itself on localhost over plain http. Production
 * never sets it.
 */
@Component
public class ImportFetcher {

    public static final String ALLOW_PRIVATE = "kohtaamo.import.allow-private-addresses";
    public static final int MAX_REDIRECTS = 3;
    public static final long TIMEOUT_MILLIS = 10_000;
    private static final int MAX_HEADER_BYTES = 16 * 1024;

    /**
     * What one importer accepts: at most {@code maxBytes}, of one of the content {@code types} (lower case, without
     * parameters); {@code who} names the importer in the User-Agent header.
     */
    public record Limits(long maxBytes, List<String> types, String who) {

        public Limits {
            types = List.copyOf(types);
        }
    }

    /** A refusal or failure with a message key for the user. */
    public static final class FetchFailed extends Exception {
        private final String key;
        private final transient Object[] args;

        FetchFailed(String key, Object... args) {
            super(key, null, false, false);
            this.key = key;
            this.args = args;
        }

        public String key() {
            return key;
        }

        public Object[] args() {
            return args;
        }
    }

    private final Environment environment;

    public ImportFetcher(Environment environment) {
        this.environment = environment;
    }

    private boolean allowPrivate() {
        return environment.getProperty(ALLOW_PRIVATE, Boolean.class, false);
    }

    /** The address as it will be fetched, or a refusal: https only (webcal → https), no user info. */
    public URI check(String raw) throws FetchFailed {
        String s = raw == null ? "" : raw.strip();
        if (s.isEmpty() || s.length() > 2000) {
            throw new FetchFailed("import.url.invalid");
        }
        if (s.regionMatches(true, 0, "webcal://", 0, 9)) {
            s = "https://" + s.substring(9);
        }
        URI uri;
        try {
            uri = new URI(s);
        } catch (URISyntaxException e) {
            throw new FetchFailed("import.url.invalid");
        }
        return checked(uri);
    }

    private URI checked(URI uri) throws FetchFailed {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean https = scheme.equals("https");
        if (!https && !(scheme.equals("http") && allowPrivate())) {
            throw new FetchFailed("import.url.httpsOnly");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.isOpaque()) {
            throw new FetchFailed("import.url.invalid");
        }
        return uri;
    }

    /** Fetches the address; the body as bytes (at most {@code limits.maxBytes()}). */
    public byte[] fetch(String raw, Limits limits) throws FetchFailed {
        URI uri = check(raw);
        long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;
        for (int hop = 0;; hop++) {
            Response r = get(uri, deadline, limits);
            if (r.status == 301 || r.status == 302 || r.status == 303 || r.status == 307 || r.status == 308) {
                if (hop >= MAX_REDIRECTS || r.location == null) {
                    throw new FetchFailed("import.url.redirects", MAX_REDIRECTS);
                }
                try {
                    uri = checked(uri.resolve(new URI(r.location.strip())));
                } catch (URISyntaxException | IllegalArgumentException e) {
                    throw new FetchFailed("import.url.invalid");
                }
                continue;
            }
            if (r.status != 200) {
                throw new FetchFailed("import.url.status", String.valueOf(r.status));
            }
            String type = r.contentType == null ? "" : r.contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
            if (!limits.types().contains(type)) {
                throw new FetchFailed("import.url.contentType", type.isEmpty() ? "?" : type);
            }
            return r.body;
        }
    }

    private record Response(int status, String location, String contentType, byte[] body) {
    }

    private static int remaining(long deadline) throws FetchFailed {
        long left = deadline - System.currentTimeMillis();
        if (left <= 0) {
            throw new FetchFailed("import.url.timeout", TIMEOUT_MILLIS / 1000);
        }
        return (int) left;
    }

    private Response get(URI uri, long deadline, Limits limits) throws FetchFailed {
        boolean https = uri.getScheme().equalsIgnoreCase("https");
        String host = uri.getHost();
        String bareHost = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        int port = uri.getPort() != -1 ? uri.getPort() : https ? 443 : 80;
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(bareHost);
        } catch (UnknownHostException | SecurityException e) {
            throw new FetchFailed("import.url.unknownHost", bareHost);
        }
        if (!allowPrivate()) {
            for (InetAddress a : addresses) {
                if (!isPublic(a)) {
                    throw new FetchFailed("import.url.privateAddress");
                }
            }
        }
        InetAddress target = addresses[0];
        try (Socket raw = new Socket()) {
            raw.connect(new InetSocketAddress(target, port), remaining(deadline));
            raw.setSoTimeout(remaining(deadline));
            Socket socket = raw;
            if (https) {
                SSLSocket ssl = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault()).createSocket(raw,
                        bareHost, port, true);
                SSLParameters params = ssl.getSSLParameters();
                params.setEndpointIdentificationAlgorithm("HTTPS");
                if (!bareHost.contains(":") && !bareHost.matches("^[0-9.]+$")) {
                    params.setServerNames(List.of(new SNIHostName(bareHost)));
                }
                ssl.setSSLParameters(params);
                ssl.startHandshake();
                socket = ssl;
            }
            String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            String hostHeader = host + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
            // HTTP/1.0: no chunked responses, the body ends when the server closes the connection
            String request = "GET " + path + " HTTP/1.0\r\nHost: " + hostHeader + "\r\n"
                    + "User-Agent: Kohtaamo " + limits.who() + "\r\nAccept: " + String.join(", ", limits.types()) + "\r\n"
                    + "Connection: close\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return read(socket, deadline, limits.maxBytes());
        } catch (SocketTimeoutException e) {
            throw new FetchFailed("import.url.timeout", TIMEOUT_MILLIS / 1000);
        } catch (SSLException e) {
            throw new FetchFailed("import.url.tls");
        } catch (IOException e) {
            throw new FetchFailed("import.url.unreachable");
        }
    }

    private static Response read(Socket socket, long deadline, long maxBytes) throws IOException, FetchFailed {
        InputStream in = new java.io.BufferedInputStream(socket.getInputStream());
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int state = 0;
        while (state < 4) {
            socket.setSoTimeout(remaining(deadline));
            int b = in.read();
            if (b < 0) {
                throw new FetchFailed("import.url.unreachable");
            }
            head.write(b);
            if (head.size() > MAX_HEADER_BYTES) {
                throw new FetchFailed("import.url.unreachable");
            }
            state = (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3)) ? state + 1
                    : b == '\r' ? 1 : 0;
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        int status;
        try {
            status = statusLine.length >= 2 && statusLine[0].startsWith("HTTP/") ? Integer.parseInt(statusLine[1]) : -1;
        } catch (NumberFormatException e) {
            status = -1;
        }
        if (status < 100) {
            throw new FetchFailed("import.url.unreachable");
        }
        String location = null;
        String type = null;
        long length = -1;
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = lines[i].substring(colon + 1).strip();
            switch (name) {
                case "location" -> location = value;
                case "content-type" -> type = value;
                case "content-length" -> {
                    try {
                        length = Long.parseLong(value);
                    } catch (NumberFormatException e) {
                        length = -1;
                    }
                }
                case "transfer-encoding" -> {
                    if (!value.equalsIgnoreCase("identity")) {
                        throw new FetchFailed("import.url.unreachable");
                    }
                }
                default -> {
                }
            }
        }
        if (status != 200) {
            return new Response(status, location, type, new byte[0]);
        }
        if (length > maxBytes) {
            throw new FetchFailed("import.url.tooLarge", Math.max(1, maxBytes / 1024 / 1024));
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (true) {
            socket.setSoTimeout(remaining(deadline));
            int n = in.read(buffer);
            if (n < 0) {
                break;
            }
            body.write(buffer, 0, n);
            if (body.size() > maxBytes) {
                throw new FetchFailed("import.url.tooLarge", Math.max(1, maxBytes / 1024 / 1024));
            }
        }
        return new Response(status, location, type, body.toByteArray());
    }

    /**
     * Whether an address is on the public internet: not loopback, private (RFC 1918), carrier-grade
     * NAT, link-local, multicast, unspecified, reserved, unique-local (fc00::/7) or site-local IPv6,
     * nor an IPv4 address of these kinds inside IPv6 (IPv4-compatible, NAT64, 6to4; Teredo refused).
     */
    public static boolean isPublic(InetAddress a) {
        if (a.isAnyLocalAddress() || a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return false;
        }
        byte[] b = a.getAddress();
        if (b.length == 4) {
            return isPublicIpv4(b, 0);
        }
        int b0 = b[0] & 0xff;
        int b1 = b[1] & 0xff;
        if ((b0 & 0xfe) == 0xfc || (b0 == 0xfe && (b1 & 0xc0) == 0x80) || (b0 == 0xfe && (b1 & 0xc0) == 0xc0)) {
            return false;
        }
        if (zero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            return isPublicIpv4(b, 12); // IPv4-mapped
        }
        if (zero(b, 0, 12)) {
            return isPublicIpv4(b, 12); // IPv4-compatible (and ::, ::1)
        }
        if (b0 == 0x00 && b1 == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
            return isPublicIpv4(b, 12); // NAT64 64:ff9b::/96 and 64:ff9b:1::/48
        }
        if (b0 == 0x20 && b1 == 0x02) {
            return isPublicIpv4(b, 2); // 6to4
        }
        if (b0 == 0x20 && b1 == 0x01 && b[2] == 0 && b[3] == 0) {
            return false; // Teredo
        }
        return true;
    }

    private static boolean zero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isPublicIpv4(byte[] b, int at) {
        int b0 = b[at] & 0xff;
        int b1 = b[at + 1] & 0xff;
        int b2 = b[at + 2] & 0xff;
        return !(b0 == 0 || b0 == 10 || b0 == 127 || b0 >= 224
                || (b0 == 100 && (b1 & 0xc0) == 64)
                || (b0 == 169 && b1 == 254)
                || (b0 == 172 && (b1 & 0xf0) == 16)
                || (b0 == 192 && b1 == 168)
                || (b0 == 192 && b1 == 0 && (b2 == 0 || b2 == 2))
                || (b0 == 198 && (b1 == 18 || b1 == 19))
                || (b0 == 198 && b1 == 51 && b2 == 100)
                || (b0 == 203 && b1 == 0 && b2 == 113));
    }
}
