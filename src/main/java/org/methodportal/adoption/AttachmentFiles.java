package org.methodportal.adoption;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.methodportal.shared.PortalException;

/**
 * Which files a report may carry and under what name. The kind is recognised from the bytes (a
 * PDF, PNG or JPEG signature; an Office Open XML package by the parts inside the zip; UTF-8 text
 * without control characters), never from the name or the uploader's content type alone, and the
 * name's extension must agree with it, so that a download is what its name says. Anything else is
 * refused: the portal serves these files back to every reader of the method.
 */
public final class AttachmentFiles {

    /** Longest file name kept, in characters; a longer one is shortened before its extension. */
    public static final int NAME_MAX = 120;

    /** A kind of file reports may carry: the content type it is served as and the extensions its name may have. */
    public enum Kind {
        PDF("application/pdf", "pdf"),
        PNG("image/png", "png"),
        JPEG("image/jpeg", "jpg", "jpeg"),
        DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
        XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
        PPTX("application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx"),
        TEXT("text/plain;charset=UTF-8", "txt", "csv", "md");

        private final String contentType;
        private final List<String> extensions;

        Kind(String contentType, String... extensions) {
            this.contentType = contentType;
            this.extensions = List.of(extensions);
        }

        public String contentType() {
            return contentType;
        }

        public List<String> extensions() {
            return extensions;
        }
    }

    /** The content types a stored attachment may be served as. */
    public static final Set<String> CONTENT_TYPES = Arrays.stream(Kind.values()).map(Kind::contentType)
            .collect(Collectors.toUnmodifiableSet());

    private static final byte[] PDF = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    /** Characters Windows refuses in file names; replaced so that the download can be saved as named. */
    private static final String RESERVED = "<>:\"|?*";
    /** Central directory entries read at most: enough for any Office document, a bound for crafted zips. */
    private static final int ZIP_ENTRIES_MAX = 10_000;

    private AttachmentFiles() {
    }

    /**
     * The kind of file {@code content} is, checked against the extension of {@code fileName} (already
     * {@linkplain #safeName sanitised}; a name without extension gets the kind's, see {@link #named}); a
     * PortalException with a specific message otherwise.
     */
    public static Kind recognise(String fileName, byte[] content) {
        if (content.length == 0) {
            throw PortalException.invalid("adoption.attachment-empty");
        }
        String extension = extension(fileName);
        Kind kind;
        if (startsWith(content, PDF)) {
            kind = Kind.PDF;
        } else if (startsWith(content, PNG)) {
            kind = Kind.PNG;
        } else if (startsWith(content, JPEG)) {
            kind = Kind.JPEG;
        } else if (startsWith(content, ZIP)) {
            // a zip is only an Office document by its name and the main part its format requires
            kind = switch (extension) {
                case "docx" -> Kind.DOCX;
                case "xlsx" -> Kind.XLSX;
                case "pptx" -> Kind.PPTX;
                default -> throw PortalException.invalid("adoption.attachment-type");
            };
            Set<String> parts = zipEntryNames(content);
            String main = switch (kind) {
                case DOCX -> "word/document.xml";
                case XLSX -> "xl/workbook.xml";
                default -> "ppt/presentation.xml";
            };
            if (!parts.contains("[Content_Types].xml") || !parts.contains(main)) {
                throw PortalException.invalid("adoption.attachment-type");
            }
        } else if (isText(content)) {
            kind = Kind.TEXT;
        } else {
            throw PortalException.invalid("adoption.attachment-type");
        }
        if (!extension.isEmpty() && !kind.extensions().contains(extension)) {
            throw PortalException.invalid("adoption.attachment-extension", "." + String.join(" / .", kind.extensions()));
        }
        return kind;
    }

    /**
     * The name to store and serve: the last path segment only, without control, format (such as
     * right-to-left overrides) and separator characters, with characters Windows refuses replaced,
     * no leading dots, at most {@link #NAME_MAX} characters (keeping the extension); "attachment"
     * when nothing is left.
     */
    public static String safeName(@Nullable String raw) {
        String name = raw == null ? "" : Normalizer.normalize(raw, Normalizer.Form.NFC);
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder kept = new StringBuilder(name.length());
        name.codePoints().forEach(c -> {
            int type = Character.getType(c);
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                    || type == Character.PRIVATE_USE || type == Character.UNASSIGNED
                    || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
                return;
            }
            kept.appendCodePoint(RESERVED.indexOf(c) >= 0 ? '_' : Character.isWhitespace(c) ? ' ' : c);
        });
        String cleaned = kept.toString().strip().replaceFirst("^\\.+", "").strip();
        if (cleaned.isEmpty()) {
            return "attachment";
        }
        if (cleaned.codePointCount(0, cleaned.length()) <= NAME_MAX) {
            return cleaned;
        }
        int dot = cleaned.lastIndexOf('.');
        String suffix = dot > 0 && cleaned.length() - dot <= 10 ? cleaned.substring(dot) : "";
        String base = cleaned.substring(0, cleaned.length() - suffix.length());
        int keep = NAME_MAX - suffix.length();
        return base.substring(0, base.offsetByCodePoints(0, keep)).strip() + suffix;
    }

    /** The sanitised name with the kind's usual extension added when it has none. */
    public static String named(String safeName, Kind kind) {
        return extension(safeName).isEmpty() ? safeName + "." + kind.extensions().getFirst() : safeName;
    }

    /** A size as people read it: "10 MB", "512 KB", "900 B" (whole units, rounded down). */
    public static String sizeLabel(long bytes) {
        long megabyte = 1024 * 1024;
        return bytes >= megabyte ? bytes / megabyte + " MB" : bytes >= 1024 ? bytes / 1024 + " KB" : bytes + " B";
    }

    /** The name's extension in lower case, empty when it has none. */
    static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static boolean startsWith(byte[] content, byte[] signature) {
        if (content.length < signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if (content[i] != signature[i]) {
                return false;
            }
        }
        return true;
    }

    /** Well-formed UTF-8 with no control characters other than tab, line feed, form feed and carriage return. */
    private static boolean isText(byte[] content) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            return false;
        }
        return text.chars().noneMatch(c -> Character.getType(c) == Character.CONTROL
                && c != '\t' && c != '\n' && c != '\f' && c != '\r');
    }

    /**
     * The entry names of a zip from its central directory, read without inflating anything, so a
     * crafted archive costs no more than its own bytes. Empty when there is no readable directory.
     */
    static Set<String> zipEntryNames(byte[] zip) {
        int end = -1;
        for (int i = zip.length - 22; i >= 0 && i >= zip.length - 22 - 0xffff; i--) {
            if (int32(zip, i) == 0x06054b50) {
                end = i;
                break;
            }
        }
        Set<String> names = new HashSet<>();
        if (end < 0) {
            return names;
        }
        int entries = int16(zip, end + 10);
        long offset = int32(zip, end + 16) & 0xffffffffL;
        for (int n = 0; n < entries && n < ZIP_ENTRIES_MAX; n++) {
            if (offset + 46 > zip.length || int32(zip, (int) offset) != 0x02014b50) {
                break;
            }
            int at = (int) offset;
            int nameLength = int16(zip, at + 28);
            if (at + 46L + nameLength > zip.length) {
                break;
            }
            names.add(new String(zip, at + 46, nameLength, StandardCharsets.UTF_8));
            offset = at + 46L + nameLength + int16(zip, at + 30) + int16(zip, at + 32);
        }
        return names;
    }

    private static int int16(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
    }

    private static int int32(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16 | (b[at + 3] & 0xff) << 24;
    }
}
