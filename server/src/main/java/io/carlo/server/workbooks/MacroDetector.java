package io.carlo.server.workbooks;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Whether a workbook carries a VBA project. Carlo never runs macros (it computes formulas only);
 * the upload says so, because a model whose numbers come from a macro will not simulate as the
 * user expects.
 */
final class MacroDetector {

    private MacroDetector() {
    }

    /** Called after the workbook loaded, so the container is known to be sane. */
    static boolean hasMacros(byte[] file) {
        try {
            if (file.length > 4 && file[0] == 'P' && file[1] == 'K') {
                try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(file))) {
                    for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                        if (e.getName().toLowerCase().endsWith("vbaproject.bin")) {
                            return true;
                        }
                    }
                }
                return false;
            }
            try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(file))) {
                return fs.getRoot().hasEntryCaseInsensitive("_VBA_PROJECT_CUR");
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
