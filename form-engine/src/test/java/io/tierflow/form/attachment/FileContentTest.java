package io.tierflow.form.attachment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** Uploaded names made safe, and content recognised by its bytes rather than its name (pure). */
class FileContentTest {

    static final byte[] PDF = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] PNG = new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    @Test
    void namesLoseDirectoriesControlAndInvisibleCharactersButKeepChineseAndTheExtension() {
        assertEquals("合同.pdf", FileNames.sanitize("C:\\Users\\张三\\合同.pdf"));
        assertEquals("passwd", FileNames.sanitize("../../etc/passwd"));
        assertEquals("invoicefdp.exe", FileNames.sanitize("invoice\u202Efdp.exe"));
        assertEquals("a_b_.txt", FileNames.sanitize("a<b>.txt"));
        assertEquals("file", FileNames.sanitize("..."));
        String longName = "报".repeat(300) + ".docx";
        assertEquals(FileNames.MAX, FileNames.sanitize(longName).length());
        assertTrue(FileNames.sanitize(longName).endsWith(".docx"));
        assertEquals("pdf", FileNames.extension("A.PDF"));
    }

    @Test
    void contentMustBeWhatTheNameSays() throws Exception {
        assertEquals("application/pdf", ContentCheck.check(PDF, "合同.pdf").contentType());
        assertEquals("image/png", ContentCheck.check(PNG, "照片.png").contentType());
        ContentCheck.Result pdfAsPng = ContentCheck.check(PDF, "照片.png");
        assertFalse(pdfAsPng.matches());
        assertEquals("application/pdf", pdfAsPng.detected());
        assertFalse(ContentCheck.check("<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8), "说明.txt").matches());
        assertEquals("text/csv", ContentCheck.check("名称,数量\n螺丝,3\n".getBytes(StandardCharsets.UTF_8), "明细.csv").contentType());
        assertEquals("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                ContentCheck.check(ooxml(), "报价.docx").contentType());
        assertFalse(ContentCheck.check(PNG, "报价.docx").matches());
        assertTrue(ContentCheck.active("image/svg+xml"));
        assertFalse(ContentCheck.active("application/pdf"));
    }

    /** The start of a Word document: a zip whose first entry is [Content_Types].xml. */
    static byte[] ooxml() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write("<w:document/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return out.toByteArray();
    }
}
