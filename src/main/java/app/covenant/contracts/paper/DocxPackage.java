package app.covenant.contracts.paper;

import app.covenant.contracts.paper.UnreadablePaperException.Reason;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Looks inside a ZIP before POI is given it. Inflating every entry once, counting, refuses a zip bomb by what it
 * really unpacks to (declared sizes can lie) and tells a Word document ({@code word/document.xml}) from any other
 * ZIP (a spreadsheet, a JAR). POI's own guard, ZipSecureFile's minimum inflate ratio (1:100 by default), still
 * applies while it parses; it has no absolute cap of its own below 4 GB per entry, which is why this exists.
 */
final class DocxPackage {

    static final long MAX_UNPACKED_BYTES = 128L * 1024 * 1024;
    static final long MAX_XML_PART_BYTES = 32L * 1024 * 1024;
    static final int MAX_ENTRIES = 5_000;

    private static final String MAIN_PART = "word/document.xml";

    private DocxPackage() {
    }

    static boolean isZip(byte[] file) {
        return file.length >= 4 && file[0] == 'P' && file[1] == 'K' && file[2] == 3 && file[3] == 4;
    }

    /**
     * @throws UnreadablePaperException {@code UNSUPPORTED_TYPE} for a ZIP without a Word document in it,
     *                                  {@code TOO_LARGE} past a cap, {@code DAMAGED} for a broken archive
     */
    static void inspect(byte[] zip) {
        boolean wordDocument = false;
        long unpacked = 0;
        int entries = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (++entries > MAX_ENTRIES) {
                    throw new UnreadablePaperException(Reason.TOO_LARGE);
                }
                wordDocument |= entry.getName().equals(MAIN_PART);
                long size = 0;
                int read;
                while ((read = in.read(buffer)) > 0) {
                    size += read;
                    unpacked += read;
                    if (unpacked > MAX_UNPACKED_BYTES
                            || (size > MAX_XML_PART_BYTES && entry.getName().endsWith(".xml"))) {
                        throw new UnreadablePaperException(Reason.TOO_LARGE);
                    }
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new UnreadablePaperException(Reason.DAMAGED, e);
        }
        if (entries == 0) {
            throw new UnreadablePaperException(Reason.DAMAGED);
        }
        if (!wordDocument) {
            throw new UnreadablePaperException(Reason.UNSUPPORTED_TYPE);
        }
    }
}
