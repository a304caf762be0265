package fi.kohtaamo.guidance.internal.exchange;

import fi.kohtaamo.guidance.internal.exchange.PtvModel.Channel;
import fi.kohtaamo.guidance.internal.exchange.PtvModel.Hours;
import fi.kohtaamo.guidance.internal.exchange.PtvModel.Msg;
import fi.kohtaamo.guidance.internal.exchange.PtvModel.Row;
import fi.kohtaamo.guidance.internal.exchange.PtvModel.Service;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Maps PTV Open API v11 services and their channels onto the directory's columns (see docs/guidance-exchange.md
 * for the whole table). A service that cannot be stored as it is (no name, a text over the column's length, no way
 * to reach it, hours that are not times) gets problems and is left out; what is dropped on purpose (a printable
 * form channel, a fax number, an unknown municipality) becomes a note.
 */
final class PtvMapper {

    private static final Pattern ID = Pattern.compile("[0-9a-fA-F-]{1,36}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");
    private static final Pattern MUNICIPALITY = Pattern.compile("[0-9]{3}");
    private static final Pattern POSTAL = Pattern.compile("[0-9]{5}");
    private static final List<String> OURS = List.of("fi", "sv", "en");

    private final Predicate<String> municipalityExists;

    PtvMapper(Predicate<String> municipalityExists) {
        this.municipalityExists = municipalityExists;
    }

    Row map(int number, JsonNode s, Map<String, JsonNode> channels) {
        List<Msg> problems = new ArrayList<>();
        List<Msg> notes = new ArrayList<>();
        String id = s.path("id").asString("").strip();
        Map<String, String> names = localized(s.path("serviceNames"), "Name");
        String label = first(names);
        String labelLang = names.containsKey("fi") ? "fi" : names.containsKey("sv") ? "sv" : "en";
        if (!ID.matcher(id).matches()) {
            problems.add(new Msg("ptv.row.id"));
            return new Row(number, null, label == null ? "" : label, labelLang, null, problems, notes);
        }
        id = id.toLowerCase(Locale.ROOT);
        if (label == null) {
            problems.add(new Msg("ptv.row.noName"));
        } else if (!names.containsKey("fi")) {
            notes.add(new Msg("ptv.note.noFinnishName"));
        }
        if ("Deleted".equalsIgnoreCase(s.path("publishingStatus").asString(""))) {
            notes.add(new Msg("ptv.note.deleted"));
        }
        Map<String, String> summaries = localized(s.path("serviceDescriptions"), "Summary");
        Map<String, String> descriptions = localized(s.path("serviceDescriptions"), "Description");
        Map<String, String> instructions = localized(s.path("serviceDescriptions"), "UserInstruction");
        Map<String, String> chargeInfo = localized(s.path("serviceDescriptions"), "ChargeTypeAdditionalInfo");
        String nameFi = names.getOrDefault("fi", label);
        length(problems, "ptv.field.name", 200, nameFi, names.get("sv"), names.get("en"));
        length(problems, "ptv.field.summary", 500, summaries.values().toArray(String[]::new));
        length(problems, "ptv.field.description", 4000, descriptions.values().toArray(String[]::new));
        length(problems, "ptv.field.instructions", 2000, instructions.values().toArray(String[]::new));
        length(problems, "ptv.field.costNote", 500, chargeInfo.values().toArray(String[]::new));
        String charge = s.path("serviceChargeType").asString("");
        String cost = charge.equalsIgnoreCase("Chargeable") || charge.equalsIgnoreCase("Charged") ? "FEE" : "FREE";

        Set<String> languages = new LinkedHashSet<>();
        for (JsonNode l : s.path("languages").values()) {
            String code = l.asString("").strip().toLowerCase(Locale.ROOT);
            if (LANGUAGE.matcher(code).matches()) {
                languages.add(code);
            }
        }
        Set<String> municipalities = new LinkedHashSet<>();
        List<JsonNode> municipalityNodes = new ArrayList<>(s.path("municipalities").values());
        for (JsonNode area : s.path("areas").values()) {
            municipalityNodes.addAll(area.path("municipalities").values());
        }
        for (JsonNode m : municipalityNodes) {
            String code = m.path("code").asString("").strip();
            if (MUNICIPALITY.matcher(code).matches() && municipalityExists.test(code)) {
                municipalities.add(code);
            } else if (!code.isEmpty()) {
                notes.add(new Msg("ptv.note.municipality", code));
            }
        }
        List<String> keywords = new ArrayList<>();
        for (JsonNode k : s.path("keywords").values()) {
            if ("fi".equals(k.path("language").asString("")) && !k.path("value").asString("").isBlank()) {
                keywords.add(k.path("value").asString("").strip());
            }
        }

        List<Channel> mapped = new ArrayList<>();
        String website = null;
        for (JsonNode link : s.path("serviceChannels").values()) {
            String channelId = link.path("serviceChannel").path("id").asString("").toLowerCase(Locale.ROOT);
            JsonNode c = channels.get(channelId);
            if (c == null) {
                notes.add(new Msg("ptv.note.channelMissing", channelId.isEmpty() ? "?" : channelId));
                continue;
            }
            for (Channel ch : channel(c, problems, notes)) {
                mapped.add(ch);
                if (website == null && ch.kind().equals("WEB_PAGE")) {
                    website = ch.url();
                }
            }
        }
        if (mapped.isEmpty()) {
            problems.add(new Msg("ptv.row.noChannel"));
        }
        if (!problems.isEmpty()) {
            return new Row(number, id, label == null ? "" : label, labelLang, null, problems, notes);
        }
        Service service = new Service(id, nameFi, names.get("sv"), names.get("en"), summaries.get("fi"),
                summaries.get("sv"), summaries.get("en"), descriptions.get("fi"), descriptions.get("sv"),
                descriptions.get("en"), instructions.get("fi"), instructions.get("sv"), instructions.get("en"), cost,
                chargeInfo.get("fi"), chargeInfo.get("sv"), chargeInfo.get("en"), website, List.copyOf(languages),
                List.copyOf(municipalities), List.copyOf(keywords), List.copyOf(mapped));
        return new Row(number, id, label, labelLang, service, problems, notes);
    }

    private List<Channel> channel(JsonNode c, List<Msg> problems, List<Msg> notes) {
        String id = c.path("id").asString("").toLowerCase(Locale.ROOT);
        if (!ID.matcher(id).matches()) {
            notes.add(new Msg("ptv.note.channelId"));
            return List.of();
        }
        String type = c.path("serviceChannelType").asString("");
        Map<String, String> names = localized(c.path("serviceChannelNames"), "Name");
        String where = first(names) == null ? id : first(names);
        String fi = cut(names.get("fi"), 200);
        String sv = cut(names.get("sv"), 200);
        String en = cut(names.get("en"), 200);
        List<Hours> hours = PtvHours.read(c.path("serviceHours"), where, problems);
        List<Channel> out = new ArrayList<>();
        switch (type) {
            case "Phone" -> phones(c, id, fi, sv, en, hours, out, notes);
            case "EChannel", "WebPage" -> {
                String url = url(c);
                if (url == null) {
                    notes.add(new Msg("ptv.note.noUrl", where));
                } else {
                    out.add(new Channel(type.equals("WebPage") ? "WEB_PAGE" : electronicKind(names), id, fi, sv, en,
                            null, null, url, null, null, null, null, null, null, null, null, null, hours));
                }
            }
            case "ServiceLocation" -> {
                Channel location = location(c, id, fi, sv, en, hours, where, notes);
                if (location != null) {
                    out.add(location);
                }
                phones(c, id, fi, sv, en, List.of(), out, notes);
            }
            default -> notes.add(new Msg("ptv.note.channelType", type.isEmpty() ? "?" : cut(type, 40)));
        }
        return out;
    }

    /** PTV has one kind of electronic channel; its name tells a chat and an online booking from a web form. */
    private static String electronicKind(Map<String, String> names) {
        String all = String.join(" ", names.values()).toLowerCase(Locale.ROOT);
        if (all.contains("chat") || all.contains("chatt")) {
            return "CHAT";
        }
        if (all.contains("ajanvaraus") || all.contains("tidsbok") || all.contains("booking")
                || all.contains("varaa aika") || all.contains("appointment")) {
            return "BOOKING";
        }
        return "WEB_FORM";
    }

    private void phones(JsonNode c, String id, String fi, String sv, String en, List<Hours> hours, List<Channel> out,
            List<Msg> notes) {
        Set<String> seen = new LinkedHashSet<>();
        for (JsonNode p : c.path("phoneNumbers").values()) {
            String kind = p.path("type").asString("Phone");
            String number = (p.path("prefixNumber").asString("") + " " + p.path("number").asString("")).strip();
            if (!kind.equals("Phone")) {
                notes.add(new Msg("ptv.note.phoneType", cut(kind, 20)));
                continue;
            }
            if (number.isEmpty() || number.length() > 40 || !seen.add(number)) {
                continue;
            }
            String charge = switch (p.path("serviceChargeType").asString("")) {
                case "FreeOfCharge", "Free" -> "FREE";
                case "Chargeable", "Charged" -> "CHARGED";
                default -> null;
            };
            out.add(new Channel("PHONE", id, fi, sv, en, number, charge, null, null, null, null, null, null, null, null,
                    null, null, hours));
        }
    }

    private Channel location(JsonNode c, String id, String fi, String sv, String en, List<Hours> hours, String where,
            List<Msg> notes) {
        for (JsonNode a : c.path("addresses").values()) {
            String type = a.path("type").asString("Location");
            JsonNode street = a.path("streetAddress");
            if (type.equals("Postal") || street.isMissingNode() || street.isNull()) {
                continue;
            }
            Map<String, String> streets = langItems(street.path("street"));
            String name = streets.getOrDefault("fi", first(streets));
            String municipality = street.path("municipality").path("code").asString("");
            if (name == null || !MUNICIPALITY.matcher(municipality).matches()
                    || !municipalityExists.test(municipality)) {
                continue;
            }
            String number = street.path("streetNumber").asString("").strip();
            String line = cut((name + " " + number).strip(), 200);
            String postal = street.path("postalCode").asString("").strip();
            Map<String, StringBuilder> sentences = new HashMap<>();
            for (JsonNode entrance : a.path("entrances").values()) {
                for (JsonNode sentence : entrance.path("accessibilitySentences").values()) {
                    langItems(sentence.path("sentence")).forEach((lang, text) -> {
                        StringBuilder sb = sentences.computeIfAbsent(lang, k -> new StringBuilder());
                        if (sb.length() + text.length() + 1 <= 2000) {
                            sb.append(sb.isEmpty() ? "" : "\n").append(text.strip());
                        }
                    });
                }
            }
            return new Channel("LOCATION", id, fi, sv, en, null, null, null, null, line,
                    POSTAL.matcher(postal).matches() ? postal : null, municipality,
                    coordinate(street.path("latitude").asString(""), 90), coordinate(street.path("longitude").asString(""),
                            180), text(sentences.get("fi")), text(sentences.get("sv")), text(sentences.get("en")), hours);
        }
        notes.add(new Msg("ptv.note.noAddress", where));
        return null;
    }

    private static String text(StringBuilder sb) {
        return sb == null || sb.isEmpty() ? null : sb.toString();
    }

    private static BigDecimal coordinate(String raw, int bound) {
        try {
            BigDecimal d = new BigDecimal(raw.strip());
            return d.abs().compareTo(BigDecimal.valueOf(bound)) <= 0 ? d.setScale(6, java.math.RoundingMode.HALF_UP)
                    : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String url(JsonNode c) {
        List<JsonNode> candidates = new ArrayList<>();
        candidates.addAll(c.path("webPage").values());
        candidates.addAll(c.path("webPages").values());
        for (JsonNode w : candidates) {
            String u = w.path("url").asString(w.path("value").asString("")).strip();
            String lower = u.toLowerCase(Locale.ROOT);
            if ((lower.startsWith("https://") || lower.startsWith("http://")) && u.length() <= 500
                    && u.chars().noneMatch(ch -> ch <= ' ')) {
                return u;
            }
        }
        return null;
    }

    /** {@code [{"language": "fi", "value": ..., "type": ...}]}: the values of one type by language (fi/sv/en). */
    static Map<String, String> localized(JsonNode list, String type) {
        Map<String, String> out = new HashMap<>();
        for (JsonNode item : list.values()) {
            String lang = item.path("language").asString("");
            String value = item.path("value").asString("").strip();
            if (type.equals(item.path("type").asString("")) && OURS.contains(lang) && !value.isEmpty()) {
                out.putIfAbsent(lang, value);
            }
        }
        return out;
    }

    /** {@code [{"language": "fi", "value": ...}]}: the values by language (fi/sv/en). */
    static Map<String, String> langItems(JsonNode list) {
        Map<String, String> out = new HashMap<>();
        for (JsonNode item : list.values()) {
            String lang = item.path("language").asString("");
            String value = item.path("value").asString("").strip();
            if (OURS.contains(lang) && !value.isEmpty()) {
                out.putIfAbsent(lang, value);
            }
        }
        return out;
    }

    private static String first(Map<String, String> byLang) {
        for (String l : OURS) {
            if (byLang.containsKey(l)) {
                return byLang.get(l);
            }
        }
        return null;
    }

    private static void length(List<Msg> problems, String field, int max, String... values) {
        for (String v : values) {
            if (v != null && v.length() > max) {
                problems.add(new Msg("ptv.row.tooLong", new Msg(field), max));
                return;
            }
        }
    }

    static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
