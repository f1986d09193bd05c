package org.onegrid.region.locating;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.algorithm.locate.PointOnGeometryLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.geom.prep.PreparedPolygon;
import org.locationtech.jts.index.strtree.AbstractNode;
import org.locationtech.jts.index.strtree.ItemBoundable;
import org.locationtech.jts.index.strtree.STRtree;
import org.onegrid.region.GridView;
import org.onegrid.region.Location;

/**
 * Finds the grid 网格 a point lies in: an STR-tree over the grids' envelopes, then the prepared polygon's
 * point locator of each candidate. Immutable and safe to share between threads; when grids change, build a new
 * index and swap it in.
 *
 * <p>A point that no grid covers has no location: the index never guesses the nearest grid. A point on an edge
 * shared by two grids (or on a vertex shared by several) is covered by all of them; it goes to the one whose
 * code sorts first, so the answer does not depend on how the tree was packed.
 *
 * <p>A lookup allocates one coordinate and returns the {@link Location} precomputed for the grid.
 */
public final class GridIndex {

    /** A grid with its polygon (lon/lat) and the location answered for every point in it. */
    public record Entry(GridView grid, Geometry geometry, Location location) {}

    private static final int NONE = Integer.MAX_VALUE;

    /** The entries ordered by code: the position is the tie-breaker on shared edges. */
    private final List<Entry> entries;

    private final Slot[] slots;
    private final Map<String, Entry> byCode;
    private final AbstractNode root;

    private GridIndex(List<Entry> entries) {
        this.entries = entries;
        this.slots = new Slot[entries.size()];
        this.byCode = new HashMap<>(entries.size() * 2);
        STRtree tree = new STRtree();
        for (int i = 0; i < slots.length; i++) {
            Entry e = entries.get(i);
            if (byCode.put(e.grid().code(), e) != null) {
                throw new IllegalArgumentException("grid " + e.grid().code() + " appears twice");
            }
            slots[i] = new Slot(i, e);
            tree.insert(e.geometry().getEnvelopeInternal(), slots[i]);
        }
        tree.build();
        this.root = tree.getRoot();
    }

    /** An index over the given grids; their codes must be unique and their geometries polygons. */
    public static GridIndex of(Collection<Entry> entries) {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing(e -> e.grid().code()));
        return new GridIndex(Collections.unmodifiableList(sorted));
    }

    public static GridIndex empty() {
        return of(List.of());
    }

    /** The location of the grid that covers the point, or null when no grid does. */
    public Location locate(double lng, double lat) {
        int best = ordinalAt(lng, lat);
        return best == NONE ? null : slots[best].location;
    }

    /** The grid that covers the point, or null when no grid does. */
    public Entry entryAt(double lng, double lat) {
        int best = ordinalAt(lng, lat);
        return best == NONE ? null : entries.get(best);
    }

    private int ordinalAt(double lng, double lat) {
        if (Double.isNaN(lng) || Double.isNaN(lat)) {
            return NONE;
        }
        return search(root, lng, lat, new Coordinate(lng, lat), NONE);
    }

    /**
     * Depth-first over the tree's nodes without allocating: only subtrees whose envelope covers the point, only
     * candidates that would sort before the best found so far.
     */
    private int search(AbstractNode node, double x, double y, Coordinate p, int best) {
        List<?> children = node.getChildBoundables();
        for (int i = 0, n = children.size(); i < n; i++) {
            Object child = children.get(i);
            if (child instanceof AbstractNode inner) {
                if (((Envelope) inner.getBounds()).covers(x, y)) {
                    best = search(inner, x, y, p, best);
                }
            } else {
                Slot s = (Slot) ((ItemBoundable) child).getItem();
                if (s.ordinal < best && s.covers(x, y, p)) {
                    best = s.ordinal;
                }
            }
        }
        return best;
    }

    public Optional<Entry> find(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    /** Every grid, ordered by code. */
    public List<Entry> entries() {
        return entries;
    }

    public int size() {
        return slots.length;
    }

    /** What a lookup needs of one grid, in fields rather than behind getters. */
    private static final class Slot {
        final int ordinal;
        final double minX;
        final double maxX;
        final double minY;
        final double maxY;
        final PointOnGeometryLocator locator;
        final Location location;

        Slot(int ordinal, Entry e) {
            Geometry g = e.geometry();
            if (!(g instanceof Polygonal) || g.isEmpty()) {
                throw new IllegalArgumentException("grid " + e.grid().code() + " is not a polygon");
            }
            this.ordinal = ordinal;
            Envelope env = g.getEnvelopeInternal();
            this.minX = env.getMinX();
            this.maxX = env.getMaxX();
            this.minY = env.getMinY();
            this.maxY = env.getMaxY();
            this.locator = ((PreparedPolygon) PreparedGeometryFactory.prepare(g)).getPointLocator();
            // the locator builds its segment index on first use; do it now, not in the first request
            this.locator.locate(env.centre());
            this.location = e.location();
        }

        boolean covers(double x, double y, Coordinate p) {
            return x >= minX
                    && x <= maxX
                    && y >= minY
                    && y <= maxY
                    && locator.locate(p) != org.locationtech.jts.geom.Location.EXTERIOR;
        }
    }
}
