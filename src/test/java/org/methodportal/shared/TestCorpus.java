package org.methodportal.shared;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/**
 * The evaluation corpus (60 methods and a glossary in JSON lines), kept in src/test/resources/corpus
 * so that the repository tests itself. A missing file fails the test that needs it; it never skips.
 */
public final class TestCorpus {

    private TestCorpus() {
    }

    /** corpus/methods.jsonl: the 60 sample methods. */
    public static Path methods() {
        return file("corpus/methods.jsonl");
    }

    /** corpus/glossary.jsonl: the glossary of standard terms and their local variants. */
    public static Path glossary() {
        return file("corpus/glossary.jsonl");
    }

    private static Path file(String resource) {
        URL url = TestCorpus.class.getClassLoader().getResource(resource);
        if (url == null) {
            throw new IllegalStateException("test input missing from src/test/resources: " + resource);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
