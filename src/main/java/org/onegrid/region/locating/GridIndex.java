package org.onegrid.region.locating;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.index.strtree.AbstractNode;
import org.locationtech.jts.index.strtree.Boundable;
import org.locationtech.jts.index.strtree.ItemBoundable;
import org.locationtech.jts.index.strtree.STRtree;
import org.onegrid.region.GridView;
import org.onegrid.region.Location;

/**
 * Finds the grid 网格 a point lies in: an STR-tree over the grids' envelopes, then a point-in-polygon test of
 * each candidate. Immutable and safe to share between threads; when grids change, build a new index and swap it
 * in.
 *
 * <p>A point that no grid covers has no location: the index never guesses the nearest grid. A point on an edge
 * shared by two grids (or on a vertex shared by several) is covered by all of them; it goes to the one whose
 * code sorts first, so the answer does not depend on how the tree was packed.
 *
 * <p>Built for millions of lookups a second on one core: a raster of cells first answers every point whose cell
 * lies wholly inside one grid or outside all of them ({@link CellTable}); the rest go down the tree, which JTS
 * packs and is then copied into flat arrays, to each candidate's prepared polygon ({@link
 * PreparedPolygonLocator}). The {@link Location} answered for a grid is computed when the index is built, so a
 * lookup allocates nothing.
 */
public final class GridIndex {

    /** A grid with its polygon (lon/lat) and the location answered for every point in it. */
    public record Entry(GridView grid, Geometry geometry, Location location) {}

    private static final int NONE = Integer.MAX_VALUE;

    /** The entries ordered by code: the position is the tie-breaker on shared edges. */
    private final List<Entry> entries;

    private final Map<String, Entry> byCode;
    private final PreparedPolygonLocator[] polygons;
    private final Location[] locations;

    // The STR-tree, flattened: node n has bounds [minX, minY, maxX, maxY] at 4n and children
    // children[first[n]] .. children[first[n + 1] - 1]; a child c >= 0 is a node, c < 0 the grid ~c.
    private final double[] bounds;
    private final int[] first;
    private final int[] children;

    private final CellTable cells;

    private GridIndex(List<Entry> entries) {
        this.entries = entries;
        this.byCode = new HashMap<>(entries.size() * 2);
        this.polygons = new PreparedPolygonLocator[entries.size()];
        this.locations = new Location[entries.size()];
        STRtree tree = new STRtree();
        for (int i = 0; i < polygons.length; i++) {
            Entry e = entries.get(i);
            if (byCode.put(e.grid().code(), e) != null) {
                throw new IllegalArgumentException("grid " + e.grid().code() + " appears twice");
            }
            if (!(e.geometry() instanceof Polygonal) || e.geometry().isEmpty()) {
                throw new IllegalArgumentException("grid " + e.grid().code() + " is not a polygon");
            }
            polygons[i] = new PreparedPolygonLocator(e.geometry());
            locations[i] = e.location();
            tree.insert(e.geometry().getEnvelopeInternal(), i);
        }
        tree.build();
        Flattener flat = new Flattener();
        flat.add(tree.getRoot());
        this.bounds = flat.bounds();
        this.first = flat.first();
        this.children = flat.children();
        this.cells = CellTable.of(entries.stream().map(Entry::geometry).toList(), polygons);
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
        return best == NONE ? null : locations[best];
    }

    /** The grid that covers the point, or null when no grid does. */
    public Entry entryAt(double lng, double lat) {
        int best = ordinalAt(lng, lat);
        return best == NONE ? null : entries.get(best);
    }

    private int ordinalAt(double x, double y) {
        int cell = cells.at(x, y);
        if (cell >= 0) {
            return cell;
        }
        if (cell == CellTable.NONE) {
            return NONE;
        }
        return nodeCovers(0, x, y) ? search(0, x, y, NONE) : NONE;
    }

    /**
     * Depth first through the subtrees whose bounds cover the point, testing only grids that would sort before
     * the best found so far.
     */
    private int search(int node, double x, double y, int best) {
        for (int i = first[node], end = first[node + 1]; i < end; i++) {
            int child = children[i];
            if (child >= 0) {
                if (nodeCovers(child, x, y)) {
                    best = search(child, x, y, best);
                }
            } else if (~child < best && polygons[~child].covers(x, y)) {
                best = ~child;
            }
        }
        return best;
    }

    private boolean nodeCovers(int node, double x, double y) {
        int b = node << 2;
        return x >= bounds[b] && y >= bounds[b + 1] && x <= bounds[b + 2] && y <= bounds[b + 3];
    }

    public Optional<Entry> find(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    /** Every grid, ordered by code. */
    public List<Entry> entries() {
        return entries;
    }

    public int size() {
        return polygons.length;
    }

    /** Copies the packed tree into arrays, breadth first so that the root is node 0. */
    private static final class Flattener {
        private final List<AbstractNode> nodes = new ArrayList<>();
        private final Map<AbstractNode, Integer> ids = new HashMap<>();

        void add(AbstractNode root) {
            nodes.add(root);
            ids.put(root, 0);
            for (int n = 0; n < nodes.size(); n++) {
                for (Object child : nodes.get(n).getChildBoundables()) {
                    if (child instanceof AbstractNode inner) {
                        ids.put(inner, nodes.size());
                        nodes.add(inner);
                    }
                }
            }
        }

        double[] bounds() {
            double[] out = new double[nodes.size() * 4];
            for (int n = 0; n < nodes.size(); n++) {
                Envelope e = (Envelope) nodes.get(n).getBounds();
                if (e == null) { // the root of an empty tree: covers nothing
                    e = new Envelope();
                }
                out[4 * n] = e.isNull() ? Double.POSITIVE_INFINITY : e.getMinX();
                out[4 * n + 1] = e.isNull() ? Double.POSITIVE_INFINITY : e.getMinY();
                out[4 * n + 2] = e.isNull() ? Double.NEGATIVE_INFINITY : e.getMaxX();
                out[4 * n + 3] = e.isNull() ? Double.NEGATIVE_INFINITY : e.getMaxY();
            }
            return out;
        }

        int[] first() {
            int[] out = new int[nodes.size() + 1];
            for (int n = 0; n < nodes.size(); n++) {
                out[n + 1] = out[n] + nodes.get(n).getChildBoundables().size();
            }
            return out;
        }

        int[] children() {
            List<Integer> out = new ArrayList<>();
            for (AbstractNode node : nodes) {
                for (Object child : node.getChildBoundables()) {
                    out.add(
                            child instanceof AbstractNode inner
                                    ? ids.get(inner)
                                    : ~(Integer) ((ItemBoundable) (Boundable) child).getItem());
                }
            }
            return out.stream().mapToInt(Integer::intValue).toArray();
        }
    }
}
