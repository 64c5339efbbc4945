package org.methodportal.search.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An {@link Embedder} that remembers the embeddings of the texts it embedded last: a draft is
 * checked for duplicates again on each edit, and a method page asks for the same method's
 * neighbours on every visit, while one embedding costs about as much as the whole index lookup.
 */
public final class CachedEmbedder implements Embedder {

    private final Embedder embedder;
    private final Map<String, float[]> recent;

    public CachedEmbedder(Embedder embedder, int capacity) {
        this.embedder = embedder;
        this.recent = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    public String model() {
        return embedder.model();
    }

    @Override
    public int dimensions() {
        return embedder.dimensions();
    }

    /** The embedding of the text when it is among the recent ones, else null (nothing computed). */
    public float @org.jspecify.annotations.Nullable [] recent(String text) {
        synchronized (recent) {
            return recent.get(text);
        }
    }

    /** The embedding of the text, computed once while it is among the recent ones; callers must not change it. */
    @Override
    public float[] embed(String text) {
        synchronized (recent) {
            float[] known = recent.get(text);
            if (known != null) {
                return known;
            }
        }
        // computed outside the lock: two threads may embed the same text once each, never wait for each other
        float[] vector = embedder.embed(text);
        synchronized (recent) {
            recent.put(text, vector);
        }
        return vector;
    }

    /** Not remembered: a search text embedded as a query differs from the same text embedded as a document. */
    @Override
    public float[] embedQuery(String text) {
        return embedder.embedQuery(text);
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        return texts.stream().map(this::embed).toList();
    }
}
