package fi.kohtaamo.guidance.internal.directory;

import fi.kohtaamo.guidance.internal.directory.DirectoryModel.AccessMode;
import fi.kohtaamo.guidance.internal.directory.DirectoryModel.Channel;
import fi.kohtaamo.guidance.internal.directory.DirectoryModel.ChannelKind;
import fi.kohtaamo.guidance.internal.directory.DirectoryModel.Cost;
import fi.kohtaamo.guidance.internal.directory.DirectoryModel.Hours;
import fi.kohtaamo.guidance.internal.directory.DirectoryModel.HoursKind;
import fi.kohtaamo.guidance.internal.directory.DirectoryModel.PhoneCharge;
import fi.kohtaamo.guidance.internal.directory.DirectoryModel.Status;
import fi.kohtaamo.guidance.internal.directory.DirectoryModel.Text;
import fi.kohtaamo.shared.LocalizedText;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * One demo service, written compactly: hours as {@code "1-5 08:00-16:00"} (weekday or Monday–Friday, then opening
 * and closing time; {@code R} at the end: by reservation; closing before opening runs over midnight).
 */
final class DemoService {

    final String type;
    final LocalizedText name;
    LocalizedText summary = LocalizedText.EMPTY;
    LocalizedText description = LocalizedText.EMPTY;
    LocalizedText referral = LocalizedText.EMPTY;
    String organisation;
    List<String> municipalities = List.of();
    List<String> needs = List.of();
    List<String> languages = List.of("fi", "sv");
    Integer ageMin;
    Integer ageMax;
    boolean expecting;
    AccessMode access = AccessMode.SELF_REFERRAL;
    Cost cost = Cost.FREE;
    String website;
    String owner = "koordinaattori";
    int monthsSinceCheck = 2;
    final List<Channel> channels = new ArrayList<>();
    final List<Text> texts = new ArrayList<>();

    DemoService(String type, String fi, String sv, String en) {
        this.type = type;
        this.name = LocalizedText.of(fi, sv, en);
    }

    DemoService summary(String fi, String sv, String en) {
        summary = LocalizedText.of(fi, sv, en);
        return this;
    }

    DemoService referral(String fi, String sv, String en) {
        referral = LocalizedText.of(fi, sv, en);
        return this;
    }

    DemoService by(String organisationNameFi, String... municipalityCodes) {
        organisation = organisationNameFi;
        municipalities = List.of(municipalityCodes);
        return this;
    }

    DemoService needs(String... codes) {
        needs = List.of(codes);
        return this;
    }

    DemoService languages(String... codes) {
        languages = List.of(codes);
        return this;
    }

    /** Ages in years (null: no bound). */
    DemoService ages(Integer fromYears, Integer toYears) {
        ageMin = fromYears == null ? null : fromYears * 12;
        ageMax = toYears == null ? null : toYears * 12;
        return this;
    }

    DemoService expecting() {
        expecting = true;
        return this;
    }

    DemoService access(AccessMode mode) {
        access = mode;
        return this;
    }

    DemoService cost(Cost c) {
        cost = c;
        return this;
    }

    DemoService web(String url) {
        website = url;
        channels.add(channel(ChannelKind.WEB_PAGE, null, null, url, null, null, null, null, List.of()));
        return this;
    }

    DemoService owner(String demoAccount, int monthsSinceCheck) {
        this.owner = demoAccount;
        this.monthsSinceCheck = monthsSinceCheck;
        return this;
    }

    DemoService phone(String number, PhoneCharge charge, String... hours) {
        channels.add(channel(ChannelKind.PHONE, number, charge, null, null, null, null, null, hours(hours)));
        return this;
    }

    DemoService chat(String url, String... hours) {
        channels.add(channel(ChannelKind.CHAT, null, null, url, null, null, null, null, hours(hours)));
        return this;
    }

    DemoService booking(String url) {
        channels.add(channel(ChannelKind.BOOKING, null, null, url, null, null, null, null, List.of()));
        return this;
    }

    DemoService email(String address) {
        channels.add(channel(ChannelKind.EMAIL, null, null, null, address, null, null, null, List.of()));
        return this;
    }

    DemoService location(String street, String postal, String municipality, LocalizedText accessibility,
            String... hours) {
        channels.add(new Channel(ChannelKind.LOCATION, LocalizedText.EMPTY, null, null, null, null, street, postal,
                municipality, null, null, accessibility, null, hours(hours)));
        return this;
    }

    DemoService text(String lang, String name, String summary, String referral) {
        texts.add(new Text(lang, name, summary, referral));
        return this;
    }

    private static Channel channel(ChannelKind kind, String phone, PhoneCharge charge, String url, String email,
            String street, String postal, String muni, List<Hours> hours) {
        return new Channel(kind, LocalizedText.EMPTY, phone, charge, url, email, street, postal, muni, null, null,
                LocalizedText.EMPTY, null, hours);
    }

    static List<Hours> hours(String... specs) {
        List<Hours> out = new ArrayList<>();
        for (String spec : specs) {
            String[] p = spec.split(" ");
            if (p[0].equals("CLOSED")) {
                out.add(new Hours(HoursKind.CLOSED, null, null, null, LocalDate.parse(p[1]), null, false,
                        LocalizedText.EMPTY));
                continue;
            }
            String[] t = p[1].split("-");
            boolean reservation = p.length > 2 && p[2].equals("R");
            LocalTime opens = LocalTime.parse(t[0]);
            LocalTime closes = LocalTime.parse(t[1]);
            int from = Integer.parseInt(p[0].substring(0, 1));
            int to = p[0].length() > 1 ? Integer.parseInt(p[0].substring(2)) : from;
            for (int d = from; d <= to; d++) {
                out.add(new Hours(HoursKind.REGULAR, d, opens, closes, null, null, reservation, LocalizedText.EMPTY));
            }
        }
        return out;
    }

    ServiceCommand command(long organisationId, Long ownerUserId) {
        return new ServiceCommand(organisationId, type, name, summary, description, ageMin, ageMax, expecting, access,
                referral, cost, LocalizedText.EMPTY, website, Status.ACTIVE, ownerUserId, needs, languages,
                municipalities, texts, channels);
    }
}
