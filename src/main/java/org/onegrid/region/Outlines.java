package org.onegrid.region;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;
import org.onegrid.shared.geo.GeoJson;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Outlines of towns, villages and grids for maps, as GeoJSON, drawn as fine as a zoom level shows and no finer: each
 * shape is simplified to half a screen pixel at that zoom (keeping its topology) and its coordinates rounded to what
 * the zoom can show, so that a county's 1,200 grids are a small download. Towns and villages have no boundary of
 * their own in the division files; their outline is the union of their grids, worked out once and kept until the
 * grids or regions change.
 */
@Service
public class Outlines {

    /** What an outline is of. */
    public enum Level {
        TOWN,
        VILLAGE,
        GRID
    }

    /** The zooms a map may ask for (Web Mercator); a deeper map is drawn with the shapes of the deepest. */
    public static final int MIN_ZOOM = 0, MAX_ZOOM = 18;

    private final Grids grids;
    private final Regions regions;
    private final Map<String, Geometry> unions = new ConcurrentHashMap<>();

    Outlines(Grids grids, Regions regions) {
        this.grids = grids;
        this.regions = regions;
    }

    /**
     * The outlines of the given towns, villages or grids (by code; unknown codes are left out), in the given order.
     *
     * @param zoom the map's zoom (Web Mercator, 0–18) the shapes are drawn at
     */
    public Map<String, Object> featureCollection(Level level, Collection<String> codes, int zoom) {
        int z = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, zoom));
        int decimals = decimals(z);
        List<Map<String, Object>> features = new ArrayList<>();
        for (String code : codes) {
            Geometry shape = shape(level, code);
            if (shape == null || shape.isEmpty()) {
                continue;
            }
            features.add(feature(level, code, simplified(shape, z), decimals));
        }
        Map<String, Object> fc = new LinkedHashMap<>();
        fc.put("type", "FeatureCollection");
        fc.put("features", features);
        return fc;
    }

    private static Geometry simplified(Geometry shape, int zoom) {
        return TopologyPreservingSimplifier.simplify(shape, degreesPerPixel(zoom) / 2);
    }

    /** The outline as stored (a grid) or as the union of its grids (a village or town); null when unknown. */
    public Geometry shape(Level level, String code) {
        return switch (level) {
            case GRID -> grids.geometry(code).orElse(null);
            case VILLAGE, TOWN -> unions.computeIfAbsent(level + ":" + code, k -> union(level, code));
        };
    }

    /** Degrees of longitude one screen pixel covers at a zoom (256-pixel Web Mercator tiles). */
    public static double degreesPerPixel(int zoom) {
        return 360.0 / (256.0 * (1L << zoom));
    }

    /** Decimals that place a coordinate within a quarter pixel at the zoom. */
    public static int decimals(int zoom) {
        return (int) Math.ceil(Math.log10(4 / degreesPerPixel(zoom)));
    }

    /** The grids near a grid (touching it or within about 300 m of it), itself excluded, ordered by code. */
    public List<String> gridsNear(String code) {
        Geometry own = grids.geometry(code).orElse(null);
        if (own == null) {
            return List.of();
        }
        Geometry around = own.getEnvelope().buffer(0.003);
        return grids.all().stream()
                .map(GridView::code)
                .filter(other -> !other.equals(code))
                .filter(other -> grids.geometry(other)
                        .map(g -> g.getEnvelopeInternal().intersects(around.getEnvelopeInternal())
                                && g.intersects(around))
                        .orElse(false))
                .toList();
    }

    private Geometry union(Level level, String code) {
        RegionView region = regions.find(code).orElse(null);
        RegionLevel wanted = level == Level.TOWN ? RegionLevel.TOWN : RegionLevel.VILLAGE;
        if (region == null || region.level() != wanted) {
            return null;
        }
        List<Geometry> parts = new ArrayList<>();
        for (GridView g : grids.inRegion(code)) {
            grids.geometry(g.code()).ifPresent(parts::add);
        }
        if (parts.isEmpty()) {
            return null;
        }
        return UnaryUnionOp.union(parts);
    }

    private Map<String, Object> feature(Level level, String code, Geometry shape, int decimals) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("code", code);
        props.put("level", level.name());
        if (level == Level.GRID) {
            GridView grid = grids.find(code).orElseThrow();
            props.put("name", grid.name());
            props.put("type", grid.type().name());
            props.put("villageCode", grid.villageCode());
            grids.location(code).ifPresent(l -> {
                props.put("village", l.village() == null ? null : l.village().name());
                props.put("town", l.town() == null ? null : l.town().name());
            });
        } else {
            props.put("name", regions.find(code).map(RegionView::name).orElse(code));
        }
        props.put("label", labelPoint(shape, decimals));
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("type", "Feature");
        f.put("id", code);
        f.put("properties", props);
        f.put("geometry", GeoJson.write(shape, decimals));
        return f;
    }

    /** Where a name is written: inside the largest part. */
    private static double[] labelPoint(Geometry shape, int decimals) {
        Geometry largest = shape.getGeometryN(0);
        for (int i = 1; i < shape.getNumGeometries(); i++) {
            if (shape.getGeometryN(i).getArea() > largest.getArea()) {
                largest = shape.getGeometryN(i);
            }
        }
        Point p = largest.getInteriorPoint();
        double scale = Math.pow(10, decimals);
        return new double[] {Math.round(p.getX() * scale) / scale, Math.round(p.getY() * scale) / scale};
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(GridsChanged event) {
        unions.clear();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(RegionsImported event) {
        unions.clear();
    }

    @EventListener
    void on(RegionsReloaded event) {
        unions.clear();
    }
}
