package org.varsel.desk.brief.render;

import com.openhtmltopdf.bidi.support.ICUBidiReorderer;
import com.openhtmltopdf.bidi.support.ICUBidiSplitter;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.varsel.desk.brief.model.Brief;

/**
 * A brief as PDF, rendered by openhtmltopdf from the same escaped XHTML as {@link HtmlBrief}. DejaVu Sans is bundled
 * (resources/fonts, with its licence), so that text beyond Latin-1, Arabic included, prints on any machine, and so are
 * Noto Sans Ethiopic and Myanmar for the scripts DejaVu lacks; the bold
 * and monospaced DejaVu faces are used when the machine has them (Debian: fonts-dejavu-core). Right-to-left text is
 * split, reordered and shaped with ICU.
 */
public final class PdfBrief implements BriefRenderer {
    private static final Path FONTS = Path.of("/usr/share/fonts/truetype/dejavu");
    private static final String BUNDLED_SANS = "/fonts/DejaVuSans.ttf";
    /**
     * Scripts DejaVu lacks, bundled (resources/fonts, NotoSans-LICENSE.txt: SIL OFL): Amharic, Tigrinya (Ethiopic) and
     * Burmese (Myanmar) evidence would print as boxes. The pages name them after DejaVu in every font-family list, and
     * the renderer takes each character from the first family that has it.
     */
    private static final List<String[]> BUNDLED_SCRIPTS = List.of(
            new String[] {"/fonts/NotoSansEthiopic-Regular.ttf", "Noto Sans Ethiopic"},
            new String[] {"/fonts/NotoSansMyanmar-Regular.ttf", "Noto Sans Myanmar"});

    private static final List<String[]> FACES = List.of(
            new String[] {"DejaVuSans-Bold.ttf", "DejaVu Sans", "700"},
            new String[] {"DejaVuSansMono.ttf", "DejaVu Sans Mono", "400"});

    private final HtmlBrief html = new HtmlBrief();

    @Override
    public byte[] render(Brief brief) {
        try {
            return pdf(html.html(brief));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render brief " + brief.id() + " as PDF", e);
        }
    }

    /** Any self-contained XHTML page as PDF, with the same fonts as a brief (the desk's period report uses it too). */
    public static byte[] pdf(String xhtml) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.useUnicodeBidiSplitter(new ICUBidiSplitter.ICUBidiSplitterFactory());
        builder.useUnicodeBidiReorderer(new ICUBidiReorderer());
        builder.defaultTextDirection(BaseRendererBuilder.TextDirection.LTR);
        builder.useFont(
                () -> PdfBrief.class.getResourceAsStream(BUNDLED_SANS),
                "DejaVu Sans",
                400,
                BaseRendererBuilder.FontStyle.NORMAL,
                true);
        for (String[] script : BUNDLED_SCRIPTS) {
            builder.useFont(
                    () -> PdfBrief.class.getResourceAsStream(script[0]),
                    script[1],
                    400,
                    BaseRendererBuilder.FontStyle.NORMAL,
                    true);
        }
        for (String[] face : FACES) {
            Path file = FONTS.resolve(face[0]);
            if (Files.isReadable(file)) {
                builder.useFont(
                        file.toFile(), face[1], Integer.parseInt(face[2]), BaseRendererBuilder.FontStyle.NORMAL, true);
            }
        }
        // The page is self-contained: nothing may be fetched while rendering, whatever the evidence says.
        builder.useUriResolver((base, uri) -> null);
        builder.withHtmlContent(MyanmarVisualOrder.of(xhtml), null);
        builder.withProducer("Varsel desk");
        builder.toStream(out);
        builder.run();
        return out.toByteArray();
    }
}
