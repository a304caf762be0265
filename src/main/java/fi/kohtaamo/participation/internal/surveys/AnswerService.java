package fi.kohtaamo.participation.internal.surveys;

import fi.kohtaamo.participation.internal.surveys.SurveyModel.Answers;
import fi.kohtaamo.participation.internal.surveys.SurveyModel.Kind;
import fi.kohtaamo.participation.internal.surveys.SurveyModel.Question;
import fi.kohtaamo.participation.internal.surveys.SurveyModel.Survey;
import fi.kohtaamo.shared.AnonymousPosts;
import fi.kohtaamo.shared.AnonymousPosts.Take;
import fi.kohtaamo.shared.ClockConfig;
import fi.kohtaamo.shared.FieldErrors;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.Lang;
import fi.kohtaamo.shared.PersonalData;
import fi.kohtaamo.shared.PublicDataCache;
import fi.kohtaamo.shared.RateLimits;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.util.MultiValueMap;

/**
 * Anonymous answering: which survey is open where, reading a family's answers from the form (only known choices,
 * texts stripped of control characters and bounded, no personal data), the conditional questions decided by
 * {@link SurveyRules} on the server, and storing once per one-time token. Nothing about the sender is stored: the
 * address is only a key of {@link RateLimits} (hashed, in memory).
 */
@Service
class AnswerService {

    static final int MAX_TEXT = 1000;
    /** A sender may send this many answers an hour (a family answering for two children, a shared tablet). */
    static final RateLimits.Limit PER_ADDRESS = new RateLimits.Limit("survey-address", 10, Duration.ofHours(1));
    /** A place may receive this many answers an hour across all senders (a busy morning is far below it). */
    static final RateLimits.Limit PER_PLACE = new RateLimits.Limit("survey-place", 120, Duration.ofHours(1));

    private static final Pattern TOKEN = Pattern.compile("^[0-9a-f]{32}$");
    /** Control characters except newline and tab, non-characters, bidirectional controls: stripped. */
    private static final Pattern STRIP = Pattern.compile(
            "[\\p{Cc}&&[^\\n\\t]]|[\\uFFFE\\uFFFF]|[\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069]");

    private final SurveyQueries queries;
    private final AnonymousPosts posts;
    private final PublicDataCache cache;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    AnswerService(SurveyQueries queries, AnonymousPosts posts, PublicDataCache cache, Clock clock) {
        this.queries = queries;
        this.posts = posts;
        this.cache = cache;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(ClockConfig.ZONE));
    }

    /**
     * The survey open today at the place, or 404 (unknown, not open now, not at that place). From the public data
     * cache: a survey and its questions are public (their edits are audited writes that move its version).
     */
    Survey open(long surveyId, long placeId) {
        Optional<Survey> found = cache.get(List.of("openSurvey", surveyId), () -> queries.survey(surveyId));
        Survey s = found.orElseThrow(() -> new KohtaamoException.NotFound("survey"));
        if (!s.openOn(today()) || !s.placeIds().contains(placeId)) {
            throw new KohtaamoException.NotFound("survey");
        }
        return s;
    }

    /** The questions a family is asked (retired ones left out). */
    List<Question> questions(long surveyId) {
        return cache.get(List.of("surveyQuestions", surveyId),
                () -> queries.questions(surveyId).stream().filter(q -> !q.retired()).toList());
    }

    String newToken() {
        byte[] b = new byte[16];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    static String strip(String s) {
        return s == null ? null : STRIP.matcher(s.replace("\r\n", "\n").replace('\r', '\n')).replaceAll("").strip();
    }

    /**
     * The answers the form holds, field {@code q<id>} per question: unknown choices are ignored, a single
     * choice keeps one value, texts are stripped. Field errors for texts too long or holding personal data, and
     * for several values where one is allowed.
     */
    Answers read(List<Question> questions, MultiValueMap<String, String> p, FieldErrors errors) {
        Map<Long, List<String>> out = new LinkedHashMap<>();
        for (Question q : questions) {
            String field = "q" + q.id();
            List<String> raw = p.get(field);
            if (raw == null || raw.isEmpty()) {
                continue;
            }
            if (q.kind() == Kind.TEXT) {
                String text = strip(raw.get(0));
                if (text == null || text.isEmpty()) {
                    continue;
                }
                if (text.length() > MAX_TEXT) {
                    errors.add(field, "validation.tooLong", MAX_TEXT);
                } else {
                    PersonalData.find(text).ifPresent(kind -> errors.add(field, "surveys.personalData." + kind.name()));
                }
                out.put(q.id(), List.of(text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text));
                continue;
            }
            List<String> codes = new ArrayList<>(new LinkedHashSet<>(raw.stream().filter(q.codes()::contains).toList()));
            if (codes.size() < raw.stream().filter(r -> r != null && !r.isBlank()).distinct().count()) {
                errors.add(field, "validation.choice");
            }
            if (q.kind() != Kind.MULTIPLE && codes.size() > 1) {
                errors.add(field, "validation.choice");
                codes = codes.subList(0, 1);
            }
            if (!codes.isEmpty()) {
                out.put(q.id(), List.copyOf(codes));
            }
        }
        return new Answers(out);
    }

    /** The required questions shown and not answered. */
    static void requireAnswers(List<Question> questions, Answers kept, FieldErrors errors) {
        var shown = SurveyRules.visible(questions, kept);
        for (Question q : questions) {
            if (q.required() && shown.contains(q.id()) && kept.of(q.id()).isEmpty()) {
                errors.add("q" + q.id(), "validation.required");
            }
        }
    }

    /**
     * Stores the kept answers once, the one way of anonymous posts ({@link AnonymousPosts}): the sender's address
     * and the place must be under their limits (taken first, before anything is read or stored), the survey still
     * open at the place (from the cache), the token new; then the response and its answers in one transaction.
     * Returns false when the token was used already.
     */
    public boolean store(long surveyId, long placeId, List<Question> questions, Answers kept, Lang lang, String token,
            String sender) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            throw new KohtaamoException.BadParameter("token");
        }
        try {
            return posts.post(List.of(new Take(PER_ADDRESS, sender), new Take(PER_PLACE, "survey-place|" + placeId)),
                    () -> open(surveyId, placeId), s -> {
                        if (queries.tokenUsed(token)) {
                            return false;
                        }
                        long response = queries.insertResponse(s.id(), placeId, today(), lang.code(), token);
                        Map<Long, Question> byId = SurveyRules.byId(questions);
                        kept.byQuestion().forEach((qid, values) -> {
                            Question q = byId.get(qid);
                            for (String v : values) {
                                if (q.kind() == Kind.TEXT) {
                                    queries.insertAnswer(response, qid, null, v);
                                } else {
                                    queries.insertAnswer(response, qid, v, null);
                                }
                            }
                        });
                        return true;
                    });
        } catch (DuplicateKeyException e) {
            // the same token sent twice at once: the other one stored it (this transaction rolled back)
            return false;
        }
    }
}
