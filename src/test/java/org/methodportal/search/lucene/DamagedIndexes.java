package org.methodportal.search.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.methodportal.search.engine.IndexDocument;

/** Damages an embedded index the way disk faults and operators do. */
public final class DamagedIndexes {

    private DamagedIndexes() {
    }

    /** An embedded index in {@code root} holding these documents, closed again. */
    public static void create(Path root, List<IndexDocument> documents) {
        try (var index = new LuceneSearchIndex(root)) {
            index.apply(documents, List.of());
        }
    }

    /** The directory of the generation an embedded index under {@code root} serves. */
    public static Path servingDirectory(Path root) throws IOException {
        Path pointer = root.resolve("current");
        return root.resolve(Files.exists(pointer) ? Files.readString(pointer).strip() : "index-0");
    }

    /**
     * Overwrites the first 4 KB of the largest file of an index directory (a segment), as a disk
     * fault would; returns the file's size.
     */
    public static long corruptLargestFile(Path indexDir) throws IOException {
        Path largest;
        try (var files = Files.list(indexDir)) {
            largest = files.filter(f -> !f.getFileName().toString().equals("write.lock"))
                    .max(Comparator.comparingLong(DamagedIndexes::size)).orElseThrow();
        }
        byte[] garbage = new byte[(int) Math.min(4096, size(largest))];
        Arrays.fill(garbage, (byte) 0x5a);
        try (var channel = FileChannel.open(largest, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(garbage), 0);
        }
        return size(largest);
    }

    /** Deletes a directory and everything in it, as {@code rm -r} would under a running portal. */
    public static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** The bytes of the files directly in a directory. */
    public static long bytesIn(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.mapToLong(DamagedIndexes::size).sum();
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
