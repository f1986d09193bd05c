package org.onegrid.bench.compare;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** The "photo after" a department attaches when it completes: the same small JPEG for both engines. */
final class Evidence {

    private static final byte[] PHOTO = draw();

    private Evidence() {}

    static byte[] photo() {
        return PHOTO;
    }

    private static byte[] draw() {
        BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x6a8caf));
        g.fillRect(0, 0, 320, 240);
        g.setColor(new Color(0x4b5d67));
        g.fillRect(0, 150, 320, 90);
        g.setColor(Color.WHITE);
        for (int x = 10; x < 320; x += 40) {
            g.fillRect(x, 190, 20, 6);
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
