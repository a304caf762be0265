package fi.kohtaamo.participation.internal.wishes;

import fi.kohtaamo.audit.AuditLog;
import fi.kohtaamo.identity.StaffDirectory;
import fi.kohtaamo.participation.internal.wishes.WishQueries.Status;
import fi.kohtaamo.participation.internal.wishes.WishQueries.Wish;
import fi.kohtaamo.registry.PlaceCriteria;
import fi.kohtaamo.registry.Registry;
import fi.kohtaamo.shared.AnonymousPosts;
import fi.kohtaamo.shared.AnonymousPosts.Take;
import fi.kohtaamo.shared.FieldErrors;
import fi.kohtaamo.shared.Input;
import fi.kohtaamo.shared.KohtaamoException;
import fi.kohtaamo.shared.Lang;
import fi.kohtaamo.shared.Mail;
import fi.kohtaamo.shared.PersonalData;
import fi.kohtaamo.shared.PublicDataCache;
import fi.kohtaamo.shared.PublicUrls;
import fi.kohtaamo.shared.RateLimits;
import fi.kohtaamo.shared.Role;
import fi.kohtaamo.shared.Target;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * Families on the wishes board: a new wish and a support, the one way of anonymous posts ({@link AnonymousPosts}):
 * the limits first, then the board or the published wish from the public data cache (publishing, answering and a
 * place's changes are audited writes that move its version) and the checks, then the write alone in a transaction.
 */
@Service
public class WishPostService {

    /** Per sender's address: a few wishes an hour (a family writes one or two). */
    static final RateLimits.Limit PER_SENDER = new RateLimits.Limit("wish-sender", 5, Duration.ofHours(1));
    /** Per place or area: a flood aimed at one board is stopped whatever its addresses. */
    static final RateLimits.Limit PER_BOARD = new RateLimits.Limit("wish-board", 30, Duration.ofHours(1));
    /** Supports per sender's address (a family at a meeting place's network shares one address with others). */
    static final RateLimits.Limit SUPPORT_PER_SENDER = new RateLimits.Limit("wish-support", 60, Duration.ofHours(1));

    /** Where a wish is written: a published place (with its area, county and organisers) or a whole area. */
    record Board(long countyId, long areaId, Long placeId, Set<Long> organisationIds, String nameFi) {
    }

    /** A published wish as a support needs it. */
    record PublicWish(long id, long countyId, long areaId, Long placeId, Target target) {
    }

    /** A support's outcome: the wish (for the way back) and whether it was counted. */
    record Supported(PublicWish wish, boolean counted) {
    }

    private record NewWish(Board board, String body, String lang) {
    }

    private final WishQueries queries;
    private final WishService wishes;
    private final Registry registry;
    private final StaffDirectory staff;
    private final Mail mail;
    private final MessageSource messages;
    private final PublicUrls urls;
    private final AnonymousPosts posts;
    private final PublicDataCache cache;
    private final AuditLog audit;
    private final Clock clock;

    WishPostService(WishQueries queries, WishService wishes, Registry registry, StaffDirectory staff, Mail mail,
            MessageSource messages, PublicUrls urls, AnonymousPosts posts, PublicDataCache cache, AuditLog audit,
            Clock clock) {
        this.queries = queries;
        this.wishes = wishes;
        this.registry = registry;
        this.staff = staff;
        this.mail = mail;
        this.messages = messages;
        this.urls = urls;
        this.posts = posts;
        this.cache = cache;
        this.audit = audit;
        this.clock = clock;
    }

    /** The board of a published place, or of an area (placeId null); not found otherwise. From the public cache. */
    Board board(Long placeId, long areaId) {
        Optional<Board> b = cache.get(List.of("wishBoard", placeId == null ? "area" : "place",
                placeId == null ? areaId : placeId), () -> Optional.ofNullable(readBoard(placeId, areaId)));
        return b.orElseThrow(() -> new KohtaamoException.NotFound(placeId == null ? "area" : "place"));
    }

    private Board readBoard(Long placeId, long areaId) {
        if (placeId != null) {
            if (registry.publicPlaces(new PlaceCriteria(null, null, placeId, Set.of(), null)).isEmpty()) {
                return null;
            }
            var t = registry.placeTarget(placeId).orElse(null);
            var ref = registry.place(placeId).orElse(null);
            return t == null || ref == null ? null
                    : new Board(t.countyId(), t.areaId(), placeId, Set.copyOf(t.organisationIds()), ref.name().fi());
        }
        var area = registry.area(areaId).orElse(null);
        Long county = registry.countyOfArea(areaId).orElse(null);
        return area == null || county == null ? null : new Board(county, areaId, null, Set.of(), area.name().fi());
    }

    /**
     * Stores a family's wish for a published place (placeId) or an area (placeId null), waiting for moderation, in
     * the page's language. The limits are taken first (sender, board); the text is required, at most 1 000
     * characters, control characters removed, with no personal data. The staff who moderate it are told by mail.
     */
    public long post(Long placeId, long areaId, String rawBody, Lang lang, String sender) {
        String boardKey = placeId != null ? "place:" + placeId : "area:" + areaId;
        return posts.post(List.of(new Take(PER_SENDER, sender), new Take(PER_BOARD, boardKey)), () -> {
            Board board = board(placeId, areaId);
            FieldErrors errors = new FieldErrors();
            String body = new Input(errors).paragraph("wish", WishService.strip(rawBody), WishService.MAX_BODY);
            if (body == null && !errors.has("wish")) {
                errors.add("wish", "validation.required");
            }
            PersonalData.find(body).ifPresent(k -> errors.add("wish", "wishes.personalData." + k.name()));
            errors.throwIfAny();
            return new NewWish(board, body, lang.code());
        }, w -> {
            Board b = w.board();
            long id = queries.insert(b.countyId(), b.areaId(), b.placeId(), w.body(), w.lang(), clock.instant());
            Wish saved = queries.wish(id).orElseThrow();
            // a family's wish changes nothing public until staff publish it
            audit.recordNonPublic(null, "WISH_CREATE", "wish", id, wishes.target(saved), null, saved);
            notifyStaff(saved, b);
            return id;
        });
    }

    /**
     * Who moderates the wish, told by mail: a place's wish its organisers' staff and the county's coordinators; a
     * whole area's wish the area's coordinators and the county's.
     */
    List<StaffDirectory.Person> moderators(Board b) {
        Map<String, StaffDirectory.Person> to = new LinkedHashMap<>();
        if (b.placeId() != null) {
            staff.withRoleIn(Role.PROVIDER_STAFF, b.organisationIds()).forEach(p -> to.putIfAbsent(p.email(), p));
        } else {
            staff.areaCoordinatorsOf(b.areaId()).forEach(p -> to.putIfAbsent(p.email(), p));
        }
        staff.coordinatorsOf(b.countyId()).forEach(p -> to.putIfAbsent(p.email(), p));
        return List.copyOf(to.values());
    }

    private void notifyStaff(Wish w, Board b) {
        for (StaffDirectory.Person p : moderators(b)) {
            Lang lang = p.language() == null ? Lang.FI : p.language();
            String subject = messages.getMessage("wishes.mail.subject", new Object[] {b.nameFi()}, lang.locale());
            String body = messages.getMessage("wishes.mail.body",
                    new Object[] {b.nameFi(), urls.of("/admin/participation/wishes/" + w.id())}, lang.locale());
            mail.queue(new Mail.Message(p.email(), p.id(), subject, body, null, null, w.countyId()));
        }
    }

    /** A published wish, from the public cache; not found for any other (pending, declined, merged). */
    PublicWish publicWish(long id) {
        Optional<PublicWish> w = cache.get(List.of("publicWish", id), () -> queries.wish(id)
                .filter(x -> x.status() == Status.PUBLISHED)
                .map(x -> new PublicWish(x.id(), x.countyId(), x.areaId(), x.placeId(), wishes.target(x))));
        return w.orElseThrow(() -> new KohtaamoException.NotFound("wish " + id));
    }

    /**
     * One support for a published wish, within the sender's limit (taken first); not counted when this browser has
     * supported it already (its cookie says so; the caller reads it).
     */
    Supported support(long id, boolean already, String sender) {
        return posts.post(List.of(new Take(SUPPORT_PER_SENDER, sender)), () -> publicWish(id), w -> {
            if (already || !queries.support(id)) {
                return new Supported(w, false);
            }
            audit.recordNonPublic(null, "WISH_SUPPORT", "wish", id, w.target(), null, null);
            return new Supported(w, true);
        });
    }
}
