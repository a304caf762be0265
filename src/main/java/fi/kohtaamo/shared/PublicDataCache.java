package fi.kohtaamo.shared;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Collection;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The one cache of public data (what anyone may read: calendars, feeds). Every entry is stamped with the
 * {@code data_version} it was computed at; a read checks the current version ({@link DataVersion}: held in
 * memory on PostgreSQL while its change notifications arrive, else one primary-key read) and recomputes when
 * anything has been written since. Writers call {@link #changed()} inside their
 * transaction: {@code AuditLog} does it for every audited write, and the demo and national data loaders
 * after loading, so no write that the public can see leaves a stale entry behind, on any instance.
 *
 * <p>Bounded by an estimate of memory (about 64 MB, and 32 MB for the answers kept whole): byte arrays by their length, {@link Sized} values by
 * what they say, collections and maps by their size, anything else as 1 KB.
 */
@Component
public class PublicDataCache {

    private static final long MAX_WEIGHT = 64L * 1024 * 1024;

    private record Stamped(long version, Object value) {
    }

    /** A kept answer: the version it was computed at, and the one county whose calendars it shows, if so. */
    private record Kept(long version, Long county, Object value) {
    }

    /** A cached value that knows its approximate size in bytes. */
    public interface Sized {
        int bytes();
    }

    private final DataVersion dataVersion;
    private final Cache<Object, Stamped> cache = Caffeine.newBuilder()
            .maximumWeight(MAX_WEIGHT)
            .weigher((Object key, Stamped s) -> weight(s.value()))
            .build();

    /**
     * The answers kept whole (by {@link PublicResponses}), apart from the data they are made of, so that computing
     * new addresses (whose lists and fragments are large) never pushes out the kept answers of the ones that are
     * asked: compressed, every municipality's weeks in every language fit in this bound.
     */
    private final Cache<Object, Kept> answers;

    PublicDataCache(DataVersion dataVersion,
            @org.springframework.beans.factory.annotation.Value("${kohtaamo.public-cache.kept-answers-mb:32}") int answersMb) {
        this.dataVersion = dataVersion;
        this.answers = Caffeine.newBuilder()
                .maximumWeight(Math.max(1, answersMb) * 1024L * 1024)
                .weigher((Object key, Kept k) -> weight(k.value()))
                .build();
    }

    private static final String REQUEST_ATTRIBUTE = PublicDataCache.class.getName() + ".version";

    /**
     * The current data version: changes with every write that the public can see. Read once per HTTP
     * request (a request that starts after a commit sees it; one that writes forgets what it read).
     */
    public long version() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null && request.getAttribute(REQUEST_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) instanceof Long v) {
            return v;
        }
        long version = dataVersion.current();
        if (request != null) {
            request.setAttribute(REQUEST_ATTRIBUTE, version, RequestAttributes.SCOPE_REQUEST);
        }
        return version;
    }

    /** Whether the data version is held in memory, told of every change (PostgreSQL), rather than read per request. */
    public boolean versionHeldInMemory() {
        return dataVersion.listening();
    }

    /**
     * Records a change that the public can see. Call it inside the writing transaction (it joins it), so
     * that the new version becomes visible exactly when the change does; after bulk loads that commit in
     * parts, call it once at the end.
     */
    @Transactional
    public void changed() {
        move(null);
    }

    /**
     * Records a change of the calendar data of one county's places (their activities and occurrences, nothing
     * else): the kept answers that show only other counties' calendars hold ({@link #keep}); everything else
     * changes as with {@link #changed()}. Called as it is, inside the writing transaction.
     */
    @Transactional
    public void changedInCounty(long countyId) {
        move(countyId);
    }

    private void move(Long county) {
        dataVersion.move(county);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    dataVersion.forget();
                }
            });
        }
        dataVersion.forget();
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.removeAttribute(REQUEST_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        }
    }

    /**
     * The value for the key at the current data version: the cached one when nothing has been written since
     * it was computed, else a newly computed one. The key must identify everything the value depends on
     * besides the data (filters, dates, language, address); values must not be changed by callers.
     */
    @SuppressWarnings("unchecked")
    public <T> T get(Object key, Supplier<T> compute) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            // inside a (writing) transaction: read through, so nothing uncommitted is ever kept
            return compute.get();
        }
        long version = version();
        Stamped s = cache.getIfPresent(key);
        if (s != null && s.version() == version) {
            return (T) s.value();
        }
        T value = compute.get();
        cache.put(key, new Stamped(version, value));
        return value;
    }

    /**
     * The data version of a request that has not reached Spring's request context yet (a filter ahead of it):
     * read once and pinned on the request, so that everything computed for it is stamped with this version.
     */
    long version(jakarta.servlet.http.HttpServletRequest request) {
        if (request.getAttribute(REQUEST_ATTRIBUTE) instanceof Long v) {
            return v;
        }
        long version = dataVersion.current();
        request.setAttribute(REQUEST_ATTRIBUTE, version);
        return version;
    }

    /**
     * The value kept for the key by {@link #keep}: one kept at this version, or one that shows only one county's
     * calendars (kept with the county) when nothing has been written since that may show in it; else null.
     */
    @SuppressWarnings("unchecked")
    <T> T peek(Object key, long version) {
        Kept k = answers.getIfPresent(key);
        if (k == null) {
            return null;
        }
        if (k.version() == version
                || (k.county() != null && k.version() < version && dataVersion.versions().holds(k.version(), k.county()))) {
            return (T) k.value();
        }
        return null;
    }

    /**
     * Keeps a value computed at the given version (read before it was computed); with a county when the value
     * shows the calendar data of that county's places only (and nothing else of the data that the county's
     * calendar writes change), so that writes of other counties' calendars leave it.
     */
    void keep(Object key, Object value, long version, Long county) {
        answers.put(key, new Kept(version, county, value));
    }

    /** Replaces the value kept for the key (a fuller form of the same answer), as it was kept. */
    void replace(Object key, Object value) {
        answers.asMap().computeIfPresent(key, (k, old) -> new Kept(old.version(), old.county(), value));
    }

    private static int weight(Object value) {
        if (value instanceof Sized sized) {
            return sized.bytes() + 64;
        }
        if (value instanceof byte[] bytes) {
            return bytes.length + 64;
        }
        if (value instanceof String string) {
            return string.length() * 2 + 64;
        }
        if (value instanceof Collection<?> collection) {
            return collection.size() * 160 + 64;
        }
        if (value instanceof java.util.Map<?, ?> map) {
            return map.size() * 400 + 64;
        }
        return 1024;
    }
}
