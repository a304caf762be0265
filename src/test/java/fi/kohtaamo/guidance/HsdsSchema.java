package fi.kohtaamo.guidance;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks JSON against the HSDS 3.0 field definitions kept under src/test/resources/fi/kohtaamo/guidance/hsds (see
 * the README there for their source): every object's required fields, every field's type, enum, date/time format
 * and uri/email format, nested objects through their {@code $ref}, and no field the definitions do not have.
 */
final class HsdsSchema {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern TIME = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d(:[0-5]\\d)?(Z|[+-]\\d{2}:\\d{2})?");

    private HsdsSchema() {
    }

    static JsonNode schema(String file) {
        try (InputStream in = HsdsSchema.class.getResourceAsStream("/fi/kohtaamo/guidance/hsds/" + file)) {
            return in == null ? null : JSON.readTree(in);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The problems of {@code node} against the definition in {@code file}; empty when it follows it. */
    static List<String> check(JsonNode node, String file) {
        List<String> problems = new ArrayList<>();
        object(node, file, file.replace(".json", ""), problems);
        return problems;
    }

    private static void object(JsonNode node, String file, String path, List<String> problems) {
        JsonNode schema = schema(file);
        if (schema == null) {
            problems.add(path + ": refers to " + file + ", a part of HSDS the export is not meant to write");
            return;
        }
        if (!node.isObject()) {
            problems.add(path + ": not an object");
            return;
        }
        for (JsonNode r : schema.path("required").values()) {
            if (!node.has(r.asString()) || node.get(r.asString()).isNull()) {
                problems.add(path + ": required field " + r.asString() + " missing");
            }
        }
        JsonNode properties = schema.path("properties");
        for (var e : node.properties()) {
            JsonNode def = properties.get(e.getKey());
            if (def == null) {
                problems.add(path + "." + e.getKey() + ": not a field of " + file);
                continue;
            }
            value(e.getValue(), def, path + "." + e.getKey(), problems);
        }
    }

    private static void value(JsonNode v, JsonNode def, String path, List<String> problems) {
        if (def.has("$ref")) {
            object(v, def.get("$ref").asString(), path, problems);
            return;
        }
        String type = def.path("type").asString("");
        switch (type) {
            case "string" -> {
                if (!v.isString()) {
                    problems.add(path + ": not a string");
                    return;
                }
                String s = v.asString();
                if (def.has("enum") && def.get("enum").values().stream().noneMatch(x -> x.asString().equals(s))) {
                    problems.add(path + ": '" + s + "' is not one of " + def.get("enum"));
                }
                String dp = def.path("datapackage_type").asString("");
                if (dp.equals("date") && !DATE.matcher(s).matches()) {
                    problems.add(path + ": '" + s + "' is not a date");
                }
                if (dp.equals("time") && !TIME.matcher(s).matches()) {
                    problems.add(path + ": '" + s + "' is not a time");
                }
                String format = def.path("format").asString("");
                if (format.equals("uri") && !s.matches("https?://\\S+")) {
                    problems.add(path + ": '" + s + "' is not a uri");
                }
                if (format.equals("email") && !s.matches("[^@\\s]+@[^@\\s]+")) {
                    problems.add(path + ": '" + s + "' is not an e-mail address");
                }
            }
            case "number" -> {
                if (!v.isNumber()) {
                    problems.add(path + ": not a number");
                }
            }
            case "array" -> {
                if (!v.isArray()) {
                    problems.add(path + ": not an array");
                    return;
                }
                int i = 0;
                for (JsonNode item : v.values()) {
                    value(item, def.get("items"), path + "[" + i++ + "]", problems);
                }
            }
            case "object" -> object(v, def.path("name").asString() + ".json", path, problems);
            default -> problems.add(path + ": the definition has no type I know (" + type + ")");
        }
    }
}
