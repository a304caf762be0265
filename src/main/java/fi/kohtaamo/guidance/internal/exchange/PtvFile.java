package fi.kohtaamo.guidance.internal.exchange;

import fi.kohtaamo.shared.Uploads;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a PTV file within its limits, before anything is mapped: the file is one JSON object
 * {@code {"services": [...], "serviceChannels": [...]}} whose items have the shapes of PTV Open API v11's
 * {@code GET /api/v11/Service/{id}} and {@code GET /api/v11/ServiceChannel/{id}} (see docs/guidance-exchange.md).
 * The size, nesting depth, length of every string and name, and number of JSON tokens are bounded while the parser
 * reads (Jackson's stream read constraints), so a hostile file stops the parser at the limit; the counts of services
 * and channels are checked after. Any failure is one {@link Refused} with a message key.
 */
final class PtvFile {

    static final int MAX_BYTES = 8 * 1024 * 1024;
    static final int MAX_SERVICES = 500;
    static final int MAX_CHANNELS = 2000;
    static final int MAX_DEPTH = 20;
    static final int MAX_STRING = 20_000;
    static final long MAX_TOKENS = 2_000_000;

    private static final JsonMapper JSON = JsonMapper.builder(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxDocumentLength(MAX_BYTES)
                    .maxNestingDepth(MAX_DEPTH)
                    .maxStringLength(MAX_STRING)
                    .maxNameLength(200)
                    .maxNumberLength(40)
                    .maxTokenCount(MAX_TOKENS)
                    .build())
            .build()).build();

    /** The file's services and its channels by PTV id, in file order. */
    record Bundle(List<JsonNode> services, Map<String, JsonNode> channels) {
    }

    /** Why the whole file was refused: a message key and its arguments. */
    static final class Refused extends Exception {
        final String key;
        final transient Object[] args;

        Refused(String key, Object... args) {
            super(key, null, false, false);
            this.key = key;
            this.args = args;
        }
    }

    private PtvFile() {
    }

    static Bundle read(byte[] bytes) throws Refused {
        if (bytes.length == 0) {
            throw new Refused("ptv.file.empty");
        }
        if (bytes.length > MAX_BYTES) {
            throw new Refused("ptv.file.tooLarge", MAX_BYTES / 1024 / 1024);
        }
        String text = Uploads.utf8(bytes);
        if (text == null) {
            throw new Refused("ptv.file.notText");
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (StreamConstraintsException e) {
            String m = String.valueOf(e.getMessage());
            if (m.contains("nesting depth")) {
                throw new Refused("ptv.file.tooDeep", MAX_DEPTH);
            }
            if (m.contains("String value length") || m.contains("Name length") || m.contains("Number value length")) {
                throw new Refused("ptv.file.stringTooLong", MAX_STRING);
            }
            throw new Refused("ptv.file.tooLarge", MAX_BYTES / 1024 / 1024);
        } catch (JacksonException e) {
            throw new Refused("ptv.file.notJson");
        }
        if (root == null || !root.isObject()) {
            throw new Refused("ptv.file.shape");
        }
        JsonNode services = root.get("services");
        JsonNode channels = root.get("serviceChannels");
        if (services == null || !services.isArray() || (channels != null && !channels.isArray())) {
            throw new Refused("ptv.file.shape");
        }
        if (services.size() == 0) {
            throw new Refused("ptv.file.noServices");
        }
        if (services.size() > MAX_SERVICES) {
            throw new Refused("ptv.file.tooManyServices", MAX_SERVICES);
        }
        if (channels != null && channels.size() > MAX_CHANNELS) {
            throw new Refused("ptv.file.tooManyChannels", MAX_CHANNELS);
        }
        List<JsonNode> list = new ArrayList<>(services.values());
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        if (channels != null) {
            for (JsonNode c : channels.values()) {
                String id = c.path("id").asString("");
                if (!id.isEmpty()) {
                    byId.putIfAbsent(id.toLowerCase(java.util.Locale.ROOT), c);
                }
            }
        }
        return new Bundle(list, byId);
    }
}
