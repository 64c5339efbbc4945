package org.methodportal.search;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.methodportal.search.engine.Embedder;

/**
 * An embedder that counts the texts it embeds, delegating to another; switched to failing on
 * request, to see what the portal does when the model fails.
 */
final class CountingEmbedder implements Embedder {

    private final Embedder delegate;
    final List<String> embedded = new CopyOnWriteArrayList<>();
    volatile boolean failing;

    CountingEmbedder(Embedder delegate) {
        this.delegate = delegate;
    }

    @Override
    public String model() {
        return delegate.model();
    }

    @Override
    public int dimensions() {
        return delegate.dimensions();
    }

    @Override
    public float[] embed(String text) {
        check();
        embedded.add(text);
        return delegate.embed(text);
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        check();
        embedded.addAll(texts);
        return delegate.embedAll(texts);
    }

    private void check() {
        if (failing) {
            throw new IllegalStateException("model failed");
        }
    }
}
