package fi.kohtaamo.calendar.internal.poster;

import java.util.Calendar;
import java.util.List;

/**
 * What a weekly poster prints, already translated: {@link PosterContent} builds it from the calendar,
 * {@link PosterLayout} fits it on A4 and {@link PosterPdf} draws it.
 *
 * @param language       the document's language (BCP 47), for screen readers
 * @param secondLanguage the second language of a two-language poster (BCP 47), or null
 * @param docTitle       the document title in its metadata
 * @param title          the place, municipality or area
 * @param subtitle       the week ("Viikko 48, 23.–29.11.2026")
 * @param note           a note below the title (nothing this week), or null
 * @param columns        the table's column headings: time, activity, place (null on one place's poster), ages,
 *                       language, fee
 * @param days           the weekdays that have activities, in order
 * @param left           occurrences the calendar has but the poster could not take at all (over {@code MAX_ROWS})
 * @param more           the words for occurrences left out ("+ {0} more …"), with {0} for their number
 * @param url            the online calendar with the same filters and week (QR code and text)
 * @param urlLabel       the words before the address
 * @param printed        "printed 25.11.2026"
 * @param continued      the word after a heading that goes on in the next column or page
 * @param feedbackUrl    the place's feedback address (a second QR code beside the calendar's), or null
 * @param feedbackLabel  the words before it, or null
 */
record Poster(String language, String secondLanguage, String docTitle, Bi title, Bi subtitle, Bi note,
        List<Bi> columns, List<Day> days, int left, Bi more, String url, Bi urlLabel, Bi printed, Bi continued,
        Calendar created, String feedbackUrl, Bi feedbackLabel) {

    /** Has the table a place column (a poster of more than one place)? */
    boolean places() {
        return columns.get(2) != null;
    }

    /** The occurrences in the table. */
    int rows() {
        return days.stream().flatMap(d -> d.rows().stream()).mapToInt(Row::count).sum();
    }

    /** A text in the poster's first language and, on a two-language poster, in the second (null if none or the same). */
    record Bi(String main, String second) {

        static Bi of(String main) {
            return new Bi(main, null);
        }

        Bi {
            main = main == null ? "" : main;
            second = second == null || second.isBlank() || second.equals(main) ? null : second;
        }

        /** Both on one line, for headings: "Maanantai · Måndag". */
        String joined(String separator) {
            return second == null ? main : main + separator + second;
        }
    }

    /**
     * One occurrence: a row of the table. {@code place} is null on one place's poster; {@code note} says a
     * cancellation or move, the public notes and registration, or is null. {@code count}: the occurrences it
     * stands for (one activity at the same time in {@code count} places). {@code places}: when they are many, their
     * names as one list printed across the row below it (the place cell then says how many), else null.
     */
    record Row(String time, Bi name, Bi place, Bi ages, String languages, Bi fee, boolean cancelled, Bi note, int count,
            Bi places) {
    }

    /** One weekday with its rows. */
    record Day(Bi heading, List<Row> rows) {
    }
}
