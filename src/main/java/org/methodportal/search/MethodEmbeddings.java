package org.methodportal.search;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.methodportal.search.engine.Embedder;
import org.methodportal.search.engine.IndexDocument;
import org.methodportal.search.persistence.EmbeddingRow;
import org.methodportal.search.persistence.MethodEmbeddingMapper;
import org.methodportal.search.persistence.SearchOutboxMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The embeddings of methods as the index needs them. Each is stored with the model and the hash of
 * the text it was computed from ({@link IndexDocument#semanticText()}), and stays current while
 * both match: a reindex attaches it instead of computing it again, and only a changed text (or
 * another model) costs a new one. Without an {@link Embedder} (semantic leg off) documents pass
 * through untouched.
 */
@Service
@Transactional(readOnly = true)
public class MethodEmbeddings {

    private static final Logger log = LoggerFactory.getLogger(MethodEmbeddings.class);

    private final MethodEmbeddingMapper mapper;
    private final SearchOutboxMapper outbox;
    private final @Nullable Embedder embedder;
    private final Clock clock;

    @Autowired
    MethodEmbeddings(MethodEmbeddingMapper mapper, SearchOutboxMapper outbox, ObjectProvider<Embedder> embedder,
                     Clock clock) {
        this(mapper, outbox, embedder.getIfAvailable(), clock);
    }

    MethodEmbeddings(MethodEmbeddingMapper mapper, SearchOutboxMapper outbox, @Nullable Embedder embedder, Clock clock) {
        this.mapper = mapper;
        this.outbox = outbox;
        this.embedder = embedder;
        this.clock = clock;
    }

    /** Whether the semantic leg is on (an embedding model is loaded). */
    public boolean enabled() {
        return embedder != null;
    }

    /**
     * The documents with their stored vectors where those are current, the others as they are: one
     * query, nothing computed (a reindex; the backfill computes what is missing).
     */
    public List<IndexDocument> withStored(List<IndexDocument> documents) {
        if (embedder == null || documents.isEmpty()) {
            return documents;
        }
        Map<Long, float[]> current = current(documents, embedder);
        return documents.stream().map(d -> d.withVector(current.get(d.id()))).toList();
    }

    /**
     * The documents each with a current vector: the stored ones reused, the others computed in one
     * batch and stored (in the caller's transaction). When the model fails, those are returned
     * without a vector, so that their words are indexed anyway; the backfill computes them later.
     */
    public List<IndexDocument> withCurrent(List<IndexDocument> documents) {
        if (embedder == null || documents.isEmpty()) {
            return documents;
        }
        Map<Long, float[]> current = current(documents, embedder);
        List<IndexDocument> missing = documents.stream().filter(d -> !current.containsKey(d.id())).toList();
        if (!missing.isEmpty()) {
            List<float[]> vectors;
            try {
                vectors = compute(missing);
            } catch (RuntimeException e) {
                log.warn("embeddings of methods {} not computed, indexed without them until the backfill: {}",
                        missing.stream().map(IndexDocument::id).toList(), e.toString());
                vectors = List.of();
            }
            if (!vectors.isEmpty()) {
                store(missing, vectors);
                for (int i = 0; i < missing.size(); i++) {
                    current.put(missing.get(i).id(), vectors.get(i));
                }
            }
        }
        return documents.stream().map(d -> d.withVector(current.get(d.id()))).toList();
    }

    /** Those of the documents without a current stored vector (one query). */
    public List<IndexDocument> lacking(List<IndexDocument> documents) {
        if (embedder == null || documents.isEmpty()) {
            return List.of();
        }
        Map<Long, float[]> current = current(documents, embedder);
        return documents.stream().filter(d -> !current.containsKey(d.id())).toList();
    }

    /** The vectors of the documents' texts, in their order (no transaction: the model takes a while). */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public List<float[]> compute(List<IndexDocument> documents) {
        Embedder model = require();
        List<float[]> vectors = model.embedAll(documents.stream().map(IndexDocument::semanticText).toList());
        if (vectors.size() != documents.size()) {
            throw new IllegalStateException("the model returned " + vectors.size() + " vectors for "
                    + documents.size() + " texts");
        }
        return vectors;
    }

    /** Stores the documents' vectors (computed by {@link #compute}) as current for their texts. */
    @Transactional
    public void store(List<IndexDocument> documents, List<float[]> vectors) {
        Embedder model = require();
        Instant now = clock.instant();
        for (int i = 0; i < documents.size(); i++) {
            IndexDocument d = documents.get(i);
            var row = new EmbeddingRow(d.id(), model.model(), hash(d.semanticText()), bytes(vectors.get(i)), now);
            // update first, insert when absent, update again when another thread inserted meanwhile
            if (mapper.update(row) == 0 && mapper.insertIfAbsent(row) == 0) {
                mapper.update(row);
            }
        }
    }

    /**
     * Stores the vectors and queues their methods in the search outbox, in one transaction: the
     * indexing worker then writes the documents with them (reading each anew, so a method changed
     * meanwhile is indexed as it is now, its vector computed again if its text changed).
     */
    @Transactional
    public void storeAndQueue(List<IndexDocument> documents, List<float[]> vectors, String action) {
        store(documents, vectors);
        Instant now = clock.instant();
        documents.forEach(d -> outbox.insert(d.id(), action, now));
    }

    /** The stored vectors of these documents that are current (same model, same text, right length). */
    private Map<Long, float[]> current(List<IndexDocument> documents, Embedder model) {
        Map<Long, IndexDocument> byId = new HashMap<>();
        documents.forEach(d -> byId.put(d.id(), d));
        Map<Long, float[]> current = new HashMap<>();
        for (EmbeddingRow row : mapper.findByMethodIds(new ArrayList<>(byId.keySet()))) {
            IndexDocument d = byId.get(row.methodId());
            if (d != null && row.model().equals(model.model()) && row.vector().length == model.dimensions() * Float.BYTES
                    && row.textHash().equals(hash(d.semanticText()))) {
                current.put(row.methodId(), floats(row.vector()));
            }
        }
        return current;
    }

    private Embedder require() {
        if (embedder == null) {
            throw new IllegalStateException("the semantic leg is off (portal.search.semantic.enabled=false)");
        }
        return embedder;
    }

    /** SHA-256 of the text's UTF-8 bytes, hex. */
    static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Little-endian 32-bit floats, the column's documented layout. */
    static byte[] bytes(float[] vector) {
        ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(vector);
        return buffer.array();
    }

    static float[] floats(byte[] bytes) {
        FloatBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        float[] vector = new float[buffer.remaining()];
        buffer.get(vector);
        return vector;
    }
}
