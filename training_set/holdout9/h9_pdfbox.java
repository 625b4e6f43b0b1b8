// holdout9: Apache PDFBox 2.0.27 (Debian libpdfbox2-java) back-end and rasteriser.
//   java -cp /usr/share/java/pdfbox2.jar:/usr/share/java/commons-logging.jar:DIR H9Pdfbox pdf jobs.txt
//       each line <list.tsv>\t<out.pdf>: draws the drawing list (TSV, see h9_draw.py)
//   java ... H9Pdfbox render jobs.txt
//       each line <in.pdf>\t<dpi>\t<out-prefix>: renders every page (PDFRenderer, Java2D) to
//       <out-prefix>-<n>.png in RGB.
import java.io.*;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.util.*;
import java.awt.image.BufferedImage;
import javax.imageio.ImageIO;
import org.apache.pdfbox.cos.*;
import org.apache.pdfbox.pdmodel.*;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.*;
import org.apache.pdfbox.rendering.*;

class H9Pdfbox {
    static final float MM = 72f / 25.4f;

    static float[] rgb(String s) {
        String[] p = s.split(",");
        return new float[]{Integer.parseInt(p[0]) / 255f, Integer.parseInt(p[1]) / 255f, Integer.parseInt(p[2]) / 255f};
    }

    static void build(String list, String out) throws Exception {
        List<String> lines = Files.readAllLines(Paths.get(list), StandardCharsets.UTF_8);
        PDDocument doc = new PDDocument();
        Map<String, String> fontPaths = new HashMap<>();
        Map<String, PDFont> fonts = new HashMap<>();
        Map<String, String> meta = new HashMap<>();
        PDPageContentStream cs = null;
        float ph = 0;
        for (String line : lines) {
            if (line.isEmpty()) continue;
            String[] f = line.split("\t", -1);
            switch (f[0]) {
                case "F": fontPaths.put(f[1], f[2]); break;
                case "M": meta.put(f[1], f[2]); break;
                case "P": {
                    if (cs != null) cs.close();
                    float w = Float.parseFloat(f[1]) * MM, h = Float.parseFloat(f[2]) * MM;
                    PDPage page = new PDPage(new PDRectangle(w, h));
                    doc.addPage(page);
                    ph = h;
                    cs = new PDPageContentStream(doc, page);
                    break;
                }
                case "T": {
                    PDFont font = fonts.get(f[1]);
                    if (font == null) {
                        font = PDType0Font.load(doc, new File(fontPaths.get(f[1])));
                        fonts.put(f[1], font);
                    }
                    float size = Float.parseFloat(f[2]);
                    StringBuilder sb = new StringBuilder(f[7]);
                    for (int i = 8; i < f.length; i++) sb.append('\t').append(f[i]);
                    String text = sb.toString();
                    float x = Float.parseFloat(f[5]) * MM, y = ph - Float.parseFloat(f[6]) * MM;
                    float adv = font.getStringWidth(text) / 1000f * size;
                    if (f[4].equals("r")) x -= adv; else if (f[4].equals("c")) x -= adv / 2;
                    float[] c = rgb(f[3]);
                    cs.setNonStrokingColor(c[0], c[1], c[2]);
                    cs.beginText();
                    cs.setFont(font, size);
                    cs.newLineAtOffset(x, y);
                    cs.showText(text);
                    cs.endText();
                    break;
                }
                case "L": {
                    float[] c = rgb(f[6]);
                    cs.setStrokingColor(c[0], c[1], c[2]);
                    cs.setLineWidth(Float.parseFloat(f[5]) * MM);
                    cs.moveTo(Float.parseFloat(f[1]) * MM, ph - Float.parseFloat(f[2]) * MM);
                    cs.lineTo(Float.parseFloat(f[3]) * MM, ph - Float.parseFloat(f[4]) * MM);
                    cs.stroke();
                    break;
                }
                case "R": {
                    float x = Float.parseFloat(f[1]) * MM, y = Float.parseFloat(f[2]) * MM;
                    float w = Float.parseFloat(f[3]) * MM, h = Float.parseFloat(f[4]) * MM;
                    if (!f[7].equals("-")) {
                        float[] c = rgb(f[7]);
                        cs.setNonStrokingColor(c[0], c[1], c[2]);
                        cs.addRect(x, ph - y - h, w, h);
                        cs.fill();
                    }
                    if (!f[6].equals("-")) {
                        float[] c = rgb(f[6]);
                        cs.setStrokingColor(c[0], c[1], c[2]);
                        cs.setLineWidth(Float.parseFloat(f[5]) * MM);
                        cs.addRect(x, ph - y - h, w, h);
                        cs.stroke();
                    }
                    break;
                }
                case "S": {
                    float[] c = rgb(f[2]);
                    cs.setStrokingColor(c[0], c[1], c[2]);
                    cs.setLineWidth(Float.parseFloat(f[1]) * MM);
                    cs.setLineCapStyle(1);
                    cs.setLineJoinStyle(1);
                    String[] pts = f[3].split(";");
                    for (int i = 0; i < pts.length; i++) {
                        String[] p = pts[i].split(",");
                        float a = Float.parseFloat(p[0]) * MM, b = ph - Float.parseFloat(p[1]) * MM;
                        if (i == 0) cs.moveTo(a, b); else cs.lineTo(a, b);
                    }
                    cs.stroke();
                    break;
                }
            }
        }
        if (cs != null) cs.close();
        PDDocumentInformation info = doc.getDocumentInformation();
        Calendar cal = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
        cal.clear();
        cal.set(2026, Calendar.DECEMBER, 7, 9, 0, 0);
        info.setCreationDate(cal);
        info.setModificationDate(cal);
        info.setProducer(meta.getOrDefault("producer", ""));
        info.setCreator(meta.getOrDefault("creator", ""));
        info.setTitle(meta.getOrDefault("title", ""));
        String id = meta.getOrDefault("id", "0123456789ABCDEF0123456789ABCDEF");
        COSArray ida = new COSArray();
        byte[] bid = new byte[16];
        for (int i = 0; i < 16; i++) bid[i] = (byte) Integer.parseInt(id.substring(2 * i, 2 * i + 2), 16);
        ida.add(new COSString(bid));
        ida.add(new COSString(bid));
        doc.getDocument().getTrailer().setItem(COSName.ID, ida);
        doc.save(out);
        doc.close();
    }

    static void render(String in, float dpi, String prefix) throws Exception {
        PDDocument doc = PDDocument.load(new File(in));
        PDFRenderer r = new PDFRenderer(doc);
        for (int i = 0; i < doc.getNumberOfPages(); i++) {
            BufferedImage img = r.renderImageWithDPI(i, dpi, ImageType.RGB);
            ImageIO.write(img, "png", new File(prefix + "-" + (i + 1) + ".png"));
        }
        doc.close();
    }

    public static void main(String[] args) throws Exception {
        List<String> jobs = Files.readAllLines(Paths.get(args[1]), StandardCharsets.UTF_8);
        for (String j : jobs) {
            if (j.isEmpty()) continue;
            String[] f = j.split("\t");
            if (args[0].equals("pdf")) build(f[0], f[1]);
            else render(f[0], Float.parseFloat(f[1]), f[2]);
        }
    }
}
