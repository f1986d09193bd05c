package org.onegrid.hazard;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import javax.imageio.ImageIO;
import org.locationtech.jts.geom.Point;
import org.onegrid.region.Grids;
import org.onegrid.registry.RegisterAddress;
import org.onegrid.registry.RegisterOrganisation;
import org.onegrid.registry.Registry;
import org.onegrid.registry.demo.SyntheticRegistry;
import org.onegrid.registry.domain.OrganisationKind;
import org.onegrid.registry.domain.OrganisationTag;
import org.onegrid.staff.Staff;
import org.onegrid.staff.StaffPrincipal;

/** Organisations registered through the registry's API for the tests, and the people who act in them. */
final class Places {

    private Places() {}

    static StaffPrincipal principal(Staff staff, String username) {
        return staff.principal(staff.findByUsername(username).orElseThrow().id())
                .orElseThrow();
    }

    /** An organisation of the kind, at a new address at the grid's interior point. */
    static long organisation(
            Registry registry, Grids grids, String grid, String name, OrganisationTag tag, StaffPrincipal admin) {
        Point p = point(grids, grid);
        String number = ThreadLocalRandom.current().nextInt(1, 9_999) + "号";
        long address = registry.registerAddress(
                new RegisterAddress(
                        "化工园路",
                        number,
                        null,
                        null,
                        String.valueOf(ThreadLocalRandom.current().nextInt(1_000_000)),
                        p.getX(),
                        p.getY()),
                admin);
        return registry.registerOrganisation(
                new RegisterOrganisation(
                        OrganisationKind.ENTERPRISE, name, creditCode(), "化学原料和化学制品制造业", address, null, Set.of(tag)),
                admin);
    }

    static Point point(Grids grids, String grid) {
        return grids.geometry(grid).orElseThrow().getInteriorPoint();
    }

    static String creditCode() {
        while (true) {
            StringBuilder b = new StringBuilder("91370523");
            for (int i = 0; i < 9; i++) {
                b.append(ThreadLocalRandom.current().nextInt(10));
            }
            String code = SyntheticRegistry.creditCode(b.toString());
            if (code != null) {
                return code;
            }
        }
    }

    static byte[] png() {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        image.setRGB(1, 1, ThreadLocalRandom.current().nextInt());
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A clock {@code days} from now. */
    static Clock inDays(long days) {
        return Clock.fixed(Instant.now().plus(Duration.ofDays(days)), ZoneOffset.UTC);
    }
}
