package org.methodportal.importexport.document;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.jspecify.annotations.Nullable;

/**
 * The TrueType font with Chinese glyphs that PDFs embed (as a subset of the glyphs used). PDF
 * readers have no Chinese font of their own to fall back on, so a document without one would show
 * empty boxes. Only TrueType outlines can be embedded this way, hence no OpenType/CFF fonts
 * (Noto Sans CJK) among the candidates.
 */
public final class CjkFont {

    /** Where Debian packages, macOS and Windows put TrueType fonts with Chinese glyphs. */
    static final List<Path> CANDIDATES = List.of(
            Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
            Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
            Path.of("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"),
            Path.of("/usr/share/fonts/truetype/arphic/uming.ttc"),
            Path.of("/usr/share/fonts/wenquanyi/wqy-zenhei/wqy-zenhei.ttc"),
            Path.of("/Library/Fonts/Arial Unicode.ttf"),
            Path.of("C:/Windows/Fonts/simsun.ttc"),
            Path.of("C:/Windows/Fonts/msyh.ttc"));

    private final Path file;

    private CjkFont(Path file) {
        this.file = file;
    }

    /** The configured font, or else the first candidate present; empty when there is none. */
    public static Optional<CjkFont> find(@Nullable Path configured) {
        if (configured != null) {
            return Files.isReadable(configured) ? Optional.of(new CjkFont(configured)) : Optional.empty();
        }
        return CANDIDATES.stream().filter(Files::isReadable).findFirst().map(CjkFont::new);
    }

    public Path file() {
        return file;
    }

    /**
     * The font loaded into {@code document}; the returned handle must stay open until the document
     * is saved (the subset is written from the font file then).
     */
    public Loaded load(PDDocument document) throws IOException {
        if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".ttc")) {
            return new Loaded(PDType0Font.load(document, file.toFile()), () -> { });
        }
        TrueTypeCollection collection = new TrueTypeCollection(file.toFile());
        try {
            AtomicReference<TrueTypeFont> first = new AtomicReference<>();
            collection.processAllFonts(font -> first.compareAndSet(null, font));
            if (first.get() == null) {
                throw new IOException("no font in " + file);
            }
            return new Loaded(PDType0Font.load(document, first.get(), true), collection);
        } catch (IOException | RuntimeException e) {
            collection.close();
            throw e;
        }
    }

    /** A font loaded into one document, and what must be closed after the document is saved. */
    public record Loaded(PDType0Font font, Closeable resources) implements Closeable {

        @Override
        public void close() throws IOException {
            resources.close();
        }
    }
}
