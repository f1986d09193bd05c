package org.onegrid.hazard;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.ImageIO;

/** A small generated picture standing in for the demo city's site photos (marked as such, never a real place). */
final class DemoPhoto {

    private DemoPhoto() {}

    static byte[] png(Random random) {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(120 + random.nextInt(100), 120 + random.nextInt(100), 120 + random.nextInt(100)));
        g.fillRect(0, 0, 64, 48);
        g.setColor(Color.DARK_GRAY);
        g.fillRect(8 + random.nextInt(20), 10 + random.nextInt(10), 20, 20);
        g.dispose();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
