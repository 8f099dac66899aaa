package app.covenant.contracts.templates;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import org.apache.poi.xwpf.usermodel.UnderlinePatterns;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;

/** Small Word documents built with Apache POI, as a person would write a template in Word. */
final class TemplateDocuments {

    private TemplateDocuments() {
    }

    /**
     * A heading (style Heading1), a paragraph with bold, italic and underlined words and a placeholder split over
     * two runs (as Word does), a bulleted list, a table with a placeholder.
     */
    static byte[] docx() {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFParagraph heading = document.createParagraph();
            heading.setStyle("Heading1");
            heading.createRun().setText("Supply Agreement");

            XWPFParagraph paragraph = document.createParagraph();
            paragraph.createRun().setText("This agreement is made with ");
            XWPFRun bold = paragraph.createRun();
            bold.setBold(true);
            bold.setText("{{SUPPLIER");
            XWPFRun boldTail = paragraph.createRun();
            boldTail.setBold(true);
            boldTail.setText("_NAME}}");
            paragraph.createRun().setText(", who agrees ");
            XWPFRun italic = paragraph.createRun();
            italic.setItalic(true);
            italic.setText("promptly");
            paragraph.createRun().setText(" and ");
            XWPFRun underlined = paragraph.createRun();
            underlined.setUnderline(UnderlinePatterns.SINGLE);
            underlined.setText("in full");
            paragraph.createRun().setText(" <script>alert(1)</script>.");

            BigInteger bullets = bulletNumbering(document);
            for (String item : new String[] {"Deliver the goods", "Invoice monthly"}) {
                XWPFParagraph li = document.createParagraph();
                li.setNumID(bullets);
                li.createRun().setText(item);
            }

            XWPFTable table = document.createTable(2, 2);
            table.getRow(0).getCell(0).setText("Price");
            table.getRow(0).getCell(1).setText("{{PRICE}}");
            table.getRow(1).getCell(0).setText("Delivery");
            table.getRow(1).getCell(1).setText("{{DELIVERY_DATE}}");
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BigInteger bulletNumbering(XWPFDocument document) {
        CTAbstractNum abstractNum = CTAbstractNum.Factory.newInstance();
        abstractNum.setAbstractNumId(BigInteger.ZERO);
        CTLvl level = abstractNum.addNewLvl();
        level.setIlvl(BigInteger.ZERO);
        level.addNewNumFmt().setVal(STNumberFormat.BULLET);
        level.addNewLvlText().setVal("•");
        XWPFNumbering numbering = document.createNumbering();
        BigInteger abstractId = numbering.addAbstractNum(new XWPFAbstractNum(abstractNum));
        return numbering.addNum(abstractId);
    }
}
