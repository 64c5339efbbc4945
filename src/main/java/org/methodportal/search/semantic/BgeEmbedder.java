package org.methodportal.search.semantic;

import java.util.List;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;
import org.methodportal.search.engine.Embedder;

/**
 * The bge-small-zh-v1.5 sentence-embedding model (quantized), shipped inside its jar and run on the
 * CPU through ONNX Runtime: no network, no GPU. About 13 ms a query and 80 texts a second on one
 * core. Its vectors have unit length, so their dot product is their cosine.
 */
public final class BgeEmbedder implements Embedder {

    public static final String MODEL = "bge-small-zh-v1.5-q";
    private static final int DIMENSIONS = 512;
    /**
     * The instruction the model was trained with for a query retrieving passages (its model card);
     * on the judged queries it ranks the methods answering a question higher
     * (docs/search-quality.md).
     */
    static final String QUERY_INSTRUCTION = "为这个句子生成表示以用于检索相关文章：";

    private final EmbeddingModel model;

    public BgeEmbedder() {
        // one thread per call: the portal runs embeddings on its own threads (outbox worker, backfill, searches)
        this.model = new BgeSmallZhV15QuantizedEmbeddingModel(Runnable::run);
    }

    @Override
    public String model() {
        return MODEL;
    }

    @Override
    public int dimensions() {
        return DIMENSIONS;
    }

    @Override
    public float[] embed(String text) {
        return model.embed(text).content().vector();
    }

    @Override
    public float[] embedQuery(String text) {
        return embed(QUERY_INSTRUCTION + text);
    }

    @Override
    public List<float[]> embedQueries(List<String> texts) {
        return embedAll(texts.stream().map(t -> QUERY_INSTRUCTION + t).toList());
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        return model.embedAll(texts.stream().map(TextSegment::from).toList()).content().stream()
                .map(e -> e.vector()).toList();
    }
}
