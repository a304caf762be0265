package fi.kohtaamo.monitoring.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * One computation per key at a time: a caller that asks for a key being computed waits for that computation's value
 * (or its exception) instead of computing it again. Keys must hold everything the value depends on, the data version
 * included, so that a waiter never gets a value older than what it asked for.
 */
final class OneComputation<T> {

    private final ConcurrentHashMap<Object, CompletableFuture<T>> running = new ConcurrentHashMap<>();

    T once(Object key, Supplier<T> compute) {
        CompletableFuture<T> mine = new CompletableFuture<>();
        CompletableFuture<T> other = running.putIfAbsent(key, mine);
        if (other != null) {
            try {
                return other.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        try {
            T value = compute.get();
            mine.complete(value);
            return value;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            running.remove(key, mine);
        }
    }
}
