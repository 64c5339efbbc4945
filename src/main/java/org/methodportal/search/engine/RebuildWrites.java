package org.methodportal.search.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The writes that reached an index through {@code apply} while a rebuild ran: the newest per id
 * (null: deleted). They are newer than what the rebuild read from the database, so pages skip those
 * ids and the writes are replayed last, winning whatever the interleaving. Not thread-safe: the
 * adapters guard it with their write lock.
 */
public final class RebuildWrites {

    private final Map<Long, @Nullable IndexDocument> newest = new LinkedHashMap<>();

    public void record(List<IndexDocument> upserts, Collection<Long> deletes) {
        upserts.forEach(d -> newest.put(d.id(), d));
        deletes.forEach(id -> newest.put(id, null));
    }

    /** The documents of a database page that no write through apply() has overtaken. */
    public List<IndexDocument> older(List<IndexDocument> page) {
        return page.stream().filter(d -> !newest.containsKey(d.id())).toList();
    }

    /** The newest written documents, to replay last. */
    public List<IndexDocument> upserts() {
        List<IndexDocument> upserts = new ArrayList<>();
        newest.values().forEach(d -> {
            if (d != null) {
                upserts.add(d);
            }
        });
        return upserts;
    }

    /** The ids deleted meanwhile (and not written again since), to replay last. */
    public List<Long> deletes() {
        return newest.entrySet().stream().filter(e -> e.getValue() == null).map(Map.Entry::getKey).toList();
    }
}
