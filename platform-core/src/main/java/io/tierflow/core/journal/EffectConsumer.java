package io.tierflow.core.journal;

/**
 * Applies one kind of effect. Found by CDI; the dispatcher calls {@link #process} on its own
 * thread (blocking is allowed). An implementation claims the effect with
 * {@link EffectJournal#claim}, applies it idempotently and marks it done with
 * {@link EffectJournal#markDone} in the same transaction as its result. An exception is a
 * failure: the dispatcher records it and retries with backoff.
 */
public interface EffectConsumer {

    String kind();

    /** @return false when the effect was no longer claimable (done, or held by another node) */
    boolean process(long effectId) throws Exception;
}
