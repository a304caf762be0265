package fi.kohtaamo.guidance.internal.directory;

import static fi.kohtaamo.guidance.internal.directory.ServiceForm.blank;
import static fi.kohtaamo.guidance.internal.directory.ServiceForm.one;

import fi.kohtaamo.guidance.internal.directory.DirectoryModel.Channel;
import fi.kohtaamo.guidance.internal.directory.DirectoryModel.ChannelKind;
import fi.kohtaamo.guidance.internal.directory.DirectoryModel.Hours;
import fi.kohtaamo.guidance.internal.directory.DirectoryModel.HoursKind;
import fi.kohtaamo.guidance.internal.directory.DirectoryModel.PhoneCharge;
import fi.kohtaamo.shared.Input;
import fi.kohtaamo.shared.LocalizedText;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.util.MultiValueMap;

/**
 * The channel rows of the service form: {@code channels[i].kind, .labelFi…, .phone, .phoneCharge, .url, .email,
 * .street, .postalCode, .municipality, .accessibilityFi…} and their hours {@code channels[i].hours[j].kind, .weekday
 * (1–7, or "1-5" for Monday to Friday), .opens, .closes, .from, .to, .byReservation, .noteFi…}. A row left blank is
 * no row. Regular hours that close before they open run over midnight.
 */
final class ChannelForm {

    static final int MAX_CHANNELS = 20;
    static final int MAX_HOURS = 30;
    static final Pattern HOURS_ROW = Pattern.compile("^channels\\[[0-9]{1,4}\\]\\.hours\\[([0-9]{1,4})\\]\\..+$");
    static final String[] CHANNEL_FIELDS = {"kind", "labelFi", "labelSv", "labelEn", "phone", "phoneCharge", "url",
        "email", "street", "postalCode", "municipality", "accessibilityFi", "accessibilitySv", "accessibilityEn"};
    static final String[] HOURS_FIELDS = {"kind", "weekday", "opens", "closes", "from", "to", "noteFi", "noteSv",
        "noteEn"};

    private ChannelForm() {
    }

    static List<Channel> channels(Input in, MultiValueMap<String, String> form) {
        for (String key : form.keySet()) {
            Matcher m = HOURS_ROW.matcher(key);
            if (m.matches() && Integer.parseInt(m.group(1)) >= MAX_HOURS) {
                in.errors().add("channels[0].kind", "guidance.validation.tooManyRows", MAX_HOURS);
                return List.of();
            }
        }
        List<Channel> out = new ArrayList<>();
        for (int i = 0; i < MAX_CHANNELS; i++) {
            String p = "channels[" + i + "].";
            List<Hours> hours = hours(in, form, p);
            boolean empty = hours.isEmpty();
            for (String f : CHANNEL_FIELDS) {
                empty &= blank(one(form, p + f));
            }
            if (empty) {
                continue;
            }
            ChannelKind kind = in.choice(p + "kind", one(form, p + "kind"), ChannelKind.class, true);
            LocalizedText label = new LocalizedText(in.line(p + "labelFi", one(form, p + "labelFi"), 200),
                    in.line(p + "labelSv", one(form, p + "labelSv"), 200),
                    in.line(p + "labelEn", one(form, p + "labelEn"), 200));
            String phone = in.phone(p + "phone", one(form, p + "phone"));
            PhoneCharge charge = in.choice(p + "phoneCharge", one(form, p + "phoneCharge"), PhoneCharge.class, false);
            String url = in.webAddress(p + "url", one(form, p + "url"));
            String email = in.email(p + "email", one(form, p + "email"), false);
            String street = in.line(p + "street", one(form, p + "street"), 200);
            String postal = in.digits(p + "postalCode", one(form, p + "postalCode"), 5, false);
            String muni = in.digits(p + "municipality", one(form, p + "municipality"), 3, false);
            LocalizedText accessibility = new LocalizedText(
                    in.paragraph(p + "accessibilityFi", one(form, p + "accessibilityFi"), 2000),
                    in.paragraph(p + "accessibilitySv", one(form, p + "accessibilitySv"), 2000),
                    in.paragraph(p + "accessibilityEn", one(form, p + "accessibilityEn"), 2000));
            BigDecimal lat = in.decimal(p + "latitude", one(form, p + "latitude"), -90, 90);
            BigDecimal lon = in.decimal(p + "longitude", one(form, p + "longitude"), -180, 180);
            String ptv = one(form, p + "ptvId");
            if (!blank(ptv) && !ServiceForm.PTV_ID.matcher(ptv.strip()).matches()) {
                in.errors().add(p + "kind", "validation.choice");
            }
            if (kind == ChannelKind.PHONE && phone == null && !in.errors().has(p + "phone")) {
                in.errors().add(p + "phone", "guidance.validation.phoneNeeded");
            }
            if (kind != null && kind.needsUrl() && url == null && !in.errors().has(p + "url")) {
                in.errors().add(p + "url", "guidance.validation.urlNeeded");
            }
            if (kind == ChannelKind.EMAIL && email == null && !in.errors().has(p + "email")) {
                in.errors().add(p + "email", "guidance.validation.emailNeeded");
            }
            if (kind == ChannelKind.LOCATION) {
                if (street == null && !in.errors().has(p + "street")) {
                    in.errors().add(p + "street", "validation.required");
                }
                if (muni == null && !in.errors().has(p + "municipality")) {
                    in.errors().add(p + "municipality", "validation.required");
                }
            }
            // keep only what the kind has, so a changed kind leaves nothing behind
            out.add(new Channel(kind == null ? ChannelKind.PHONE : kind, label,
                    kind == ChannelKind.PHONE ? phone : null, kind == ChannelKind.PHONE ? charge : null,
                    kind != null && kind.needsUrl() ? url : null, kind == ChannelKind.EMAIL ? email : null,
                    kind == ChannelKind.LOCATION ? street : null, kind == ChannelKind.LOCATION ? postal : null,
                    kind == ChannelKind.LOCATION ? muni : null, kind == ChannelKind.LOCATION ? lat : null,
                    kind == ChannelKind.LOCATION ? lon : null,
                    kind == ChannelKind.LOCATION ? accessibility : LocalizedText.EMPTY,
                    blank(ptv) ? null : ptv.strip(), hours));
        }
        return out;
    }

    private static List<Hours> hours(Input in, MultiValueMap<String, String> form, String channel) {
        List<Hours> out = new ArrayList<>();
        for (int j = 0; j < MAX_HOURS; j++) {
            String p = channel + "hours[" + j + "].";
            boolean empty = true;
            for (String f : HOURS_FIELDS) {
                empty &= blank(one(form, p + f));
            }
            if (empty) {
                continue;
            }
            HoursKind kind = in.choice(p + "kind", one(form, p + "kind"), HoursKind.class, true);
            LocalTime opens = in.time(p + "opens", one(form, p + "opens"));
            LocalTime closes = in.time(p + "closes", one(form, p + "closes"));
            LocalDate from = in.date(p + "from", one(form, p + "from"), kind != null && kind != HoursKind.REGULAR);
            LocalDate to = in.date(p + "to", one(form, p + "to"), false);
            boolean reservation = "true".equals(one(form, p + "byReservation"));
            LocalizedText note = new LocalizedText(in.line(p + "noteFi", one(form, p + "noteFi"), 200),
                    in.line(p + "noteSv", one(form, p + "noteSv"), 200), in.line(p + "noteEn", one(form, p + "noteEn"), 200));
            if (from != null && to != null && to.isBefore(from)) {
                in.errors().add(p + "to", "guidance.validation.dateOrder");
            }
            List<Integer> days = List.of();
            if (kind == HoursKind.REGULAR) {
                String w = one(form, p + "weekday");
                if (blank(w)) {
                    in.errors().add(p + "weekday", "validation.required");
                } else if (w.strip().equals("1-5")) {
                    days = List.of(1, 2, 3, 4, 5);
                } else if (w.strip().matches("^[1-7]$")) {
                    days = List.of(Integer.parseInt(w.strip()));
                } else {
                    in.errors().add(p + "weekday", "validation.choice");
                }
            }
            if (kind == HoursKind.REGULAR || kind == HoursKind.EXCEPTIONAL) {
                if (opens == null && !in.errors().has(p + "opens")) {
                    in.errors().add(p + "opens", "validation.required");
                }
                if (closes == null && !in.errors().has(p + "closes")) {
                    in.errors().add(p + "closes", "validation.required");
                }
                if (opens != null && opens.equals(closes)) {
                    in.errors().add(p + "closes", "guidance.validation.sameTimes");
                }
            }
            if (kind == HoursKind.CLOSED) {
                out.add(new Hours(kind, null, null, null, from, to, false, note));
            } else if (kind == HoursKind.EXCEPTIONAL) {
                out.add(new Hours(kind, null, opens, closes, from, to, reservation, note));
            } else if (kind == HoursKind.REGULAR) {
                for (int d : days) {
                    out.add(new Hours(kind, d, opens, closes, from, to, reservation, note));
                }
            }
        }
        return out;
    }

    // ---- stored channels as form values ---------------------------------------------------------

    static void values(MultiValueMap<String, String> v, List<Channel> channels) {
        for (int i = 0; i < channels.size(); i++) {
            Channel c = channels.get(i);
            String p = "channels[" + i + "].";
            v.add(p + "kind", c.kind().name());
            ServiceForm.put(v, p + "label", c.label());
            v.add(p + "phone", c.phone());
            v.add(p + "phoneCharge", c.phoneCharge() == null ? "" : c.phoneCharge().name());
            v.add(p + "url", c.url());
            v.add(p + "email", c.email());
            v.add(p + "street", c.streetAddress());
            v.add(p + "postalCode", c.postalCode());
            v.add(p + "municipality", c.municipalityCode());
            ServiceForm.put(v, p + "accessibility", c.accessibility());
            v.add(p + "latitude", c.latitude() == null ? "" : c.latitude().toPlainString());
            v.add(p + "longitude", c.longitude() == null ? "" : c.longitude().toPlainString());
            v.add(p + "ptvId", c.ptvId());
            for (int j = 0; j < c.hours().size(); j++) {
                Hours h = c.hours().get(j);
                String q = p + "hours[" + j + "].";
                v.add(q + "kind", h.kind().name());
                v.add(q + "weekday", h.weekday() == null ? "" : String.valueOf(h.weekday()));
                v.add(q + "opens", h.opens() == null ? "" : h.opens().toString());
                v.add(q + "closes", h.closes() == null ? "" : h.closes().toString());
                v.add(q + "from", h.validFrom() == null ? "" : h.validFrom().toString());
                v.add(q + "to", h.validTo() == null ? "" : h.validTo().toString());
                v.add(q + "byReservation", String.valueOf(h.byReservation()));
                ServiceForm.put(v, q + "note", h.note());
            }
        }
    }
}
