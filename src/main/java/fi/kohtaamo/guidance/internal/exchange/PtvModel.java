package fi.kohtaamo.guidance.internal.exchange;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HexFormat;
import java.util.List;

/** What a PTV service becomes in the directory, before it is stored: the PTV-owned content of one service. */
final class PtvModel {

    private PtvModel() {
    }

    /** A message key and its arguments, for a problem or a note shown in the preview. */
    record Msg(String key, Object... args) {
    }

    /** One row of guidance_hours. */
    record Hours(String kind, Integer weekday, LocalTime opens, LocalTime closes, LocalDate validFrom,
            LocalDate validTo, boolean byReservation, String noteFi, String noteSv, String noteEn) {
    }

    /** One row of guidance_channel with its hours. */
    record Channel(String kind, String ptvId, String labelFi, String labelSv, String labelEn, String phone,
            String phoneCharge, String url, String email, String street, String postalCode, String municipality,
            BigDecimal latitude, BigDecimal longitude, String accessibilityFi, String accessibilitySv,
            String accessibilityEn, List<Hours> hours) {
    }

    /** The PTV-owned content of one service: what a re-import replaces, and what its fingerprint covers. */
    record Service(String ptvId, String nameFi, String nameSv, String nameEn, String summaryFi, String summarySv,
            String summaryEn, String descriptionFi, String descriptionSv, String descriptionEn, String referralFi,
            String referralSv, String referralEn, String cost, String costNoteFi, String costNoteSv,
            String costNoteEn, String website, List<String> languages, List<String> municipalities,
            List<String> keywords, List<Channel> channels) {

        /** SHA-256 of the content (records print their parts in a fixed order), 64 hex digits. */
        String fingerprint() {
            try {
                byte[] hash = MessageDigest.getInstance("SHA-256").digest(toString().getBytes(StandardCharsets.UTF_8));
                return HexFormat.of().formatHex(hash);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * One service of the file as the preview shows it: its number in the file (from 1), the PTV id, a label (its
     * name), the mapped content (null when it has problems), the problems that keep it out and the notes.
     */
    record Row(int number, String ptvId, String label, String labelLang, Service service, List<Msg> problems,
            List<Msg> notes) {

        boolean valid() {
            return service != null && problems.isEmpty();
        }
    }
}
