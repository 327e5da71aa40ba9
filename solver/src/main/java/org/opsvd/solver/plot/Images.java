package org.opsvd.solver.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import javax.imageio.ImageIO;

/** Small helpers for composing figures from panels: blank canvases, header text, PNG encoding. */
final class Images {

    static final Font HEADER = new Font(Font.SANS_SERIF, Font.BOLD, 14);
    static final Font CAPTION = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    private Images() {
    }

    /** A white RGB image. */
    static BufferedImage canvas(int width, int height) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return img;
    }

    /** Draws a title line and a caption line at the top of {@code img}. */
    static void header(BufferedImage img, String title, String caption) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.BLACK);
        g.setFont(HEADER);
        g.drawString(title, 10, 18);
        g.setFont(CAPTION);
        g.setColor(Color.DARK_GRAY);
        g.drawString(caption, 10, 36);
        g.dispose();
    }

    /** A horizontal colour bar with labels at both ends and the middle. */
    static void colorBar(BufferedImage img, int x, int y, int width, int height, ColorMap map, double low, double high) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        for (int i = 0; i < width; i++) {
            g.setColor(map.color(i / (width - 1.0)));
            g.drawLine(x + i, y, x + i, y + height);
        }
        g.setColor(Color.DARK_GRAY);
        g.drawRect(x, y, width, height);
        g.setFont(CAPTION);
        g.drawString(fmt(low), x - g.getFontMetrics().stringWidth(fmt(low)) - 4, y + height);
        g.drawString(fmt(high), x + width + 4, y + height);
        g.dispose();
    }

    static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e6 ? String.format(Locale.ROOT, "%.0f", v)
                : String.format(Locale.ROOT, "%.3g", v);
    }

    /** PNG bytes of an image. */
    static byte[] png(BufferedImage img) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(img, "png", out)) {
                throw new IllegalStateException("no PNG writer available");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
