package org.onegrid.incident;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Small real images for upload tests. */
final class Photos {

    private Photos() {}

    static byte[] jpeg() {
        return image("jpg");
    }

    static byte[] png() {
        return image("png");
    }

    /** A minimal WebP file: only its header matters to the upload check. */
    static byte[] webp() {
        byte[] data = new byte[32];
        System.arraycopy("RIFF".getBytes(), 0, data, 0, 4);
        data[4] = 24;
        System.arraycopy("WEBPVP8 ".getBytes(), 0, data, 8, 8);
        return data;
    }

    private static byte[] image(String format) {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 3, 0x3366cc);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
