package org.onegrid.region.locating;

import java.util.Arrays;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * A raster over the grids that answers most points without searching: a cell that lies wholly inside one grid,
 * with no grid's edge in or near it, gives that grid; a cell no grid reaches gives none; only the cells that an
 * edge crosses (a few percent of the city) are left to the exact search. Edges are marked generously, with a
 * margin far wider than floating-point rounding, so a cell is never said to be inside a grid that any point of
 * it is not in.
 */
final class CellTable {

    /** No grid covers any point of the cell. */
    static final int NONE = -1;

    /** An edge crosses or nears the cell, or more than one grid claims it: search. */
    static final int SEARCH = -2;

    /**
     * About this many cells per grid: 16 across a grid leaves about 70 % of the city's area in cells wholly inside
     * one grid; Dongying's 6,100 grids take about 3 million cells, 11 MB.
     */
    private static final int CELLS_PER_GRID = 256;

    private static final int MAX_CELLS = 1 << 23;

    private final double originX;
    private final double originY;
    private final double invWidth;
    private final double invHeight;
    private final int columns;
    private final int rows;
    private final int[] cells;

    private CellTable(double originX, double originY, double side, int columns, int rows) {
        this.originX = originX;
        this.originY = originY;
        this.invWidth = 1 / side;
        this.invHeight = 1 / side;
        this.columns = columns;
        this.rows = rows;
        this.cells = new int[columns * rows];
        Arrays.fill(cells, NONE);
    }

    /** The cell's answer for the point: a grid's ordinal, {@link #NONE} or {@link #SEARCH}. */
    int at(double x, double y) {
        double fx = (x - originX) * invWidth;
        double fy = (y - originY) * invHeight;
        if (!(fx >= 0 && fy >= 0 && fx < columns && fy < rows)) { // also NaN
            return NONE;
        }
        return cells[(int) fy * columns + (int) fx];
    }

    /**
     * @param geometries the grids' polygons by ordinal
     * @param polygons the same, prepared, to test a cell's centre
     */
    static CellTable of(List<Geometry> geometries, PreparedPolygonLocator[] polygons) {
        if (geometries.isEmpty()) {
            return new CellTable(0, 0, 1, 1, 1);
        }
        Envelope extent = new Envelope();
        double area = 0;
        for (Geometry g : geometries) {
            extent.expandToInclude(g.getEnvelopeInternal());
            area += g.getArea();
        }
        double side = Math.sqrt(area / ((double) CELLS_PER_GRID * geometries.size()));
        while ((extent.getWidth() / side + 3) * (extent.getHeight() / side + 3) > MAX_CELLS) {
            side *= 1.5;
        }
        // one spare cell all round, so that a point on the extent's edge falls in a cell an edge was marked in
        CellTable table = new CellTable(
                extent.getMinX() - side,
                extent.getMinY() - side,
                side,
                (int) Math.ceil(extent.getWidth() / side) + 3,
                (int) Math.ceil(extent.getHeight() / side) + 3);
        double margin = side * 1e-4;
        for (Geometry g : geometries) {
            for (int p = 0; p < g.getNumGeometries(); p++) {
                Polygon polygon = (Polygon) g.getGeometryN(p);
                table.markEdges(polygon.getExteriorRing(), margin);
                for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
                    table.markEdges(polygon.getInteriorRingN(h), margin);
                }
            }
        }
        for (int ordinal = 0; ordinal < polygons.length; ordinal++) {
            table.claimInterior(ordinal, geometries.get(ordinal).getEnvelopeInternal(), polygons[ordinal]);
        }
        return table;
    }

    private int column(double x) {
        return clamp((int) Math.floor((x - originX) * invWidth), columns);
    }

    private int row(double y) {
        return clamp((int) Math.floor((y - originY) * invHeight), rows);
    }

    private static int clamp(int i, int n) {
        return Math.max(0, Math.min(n - 1, i));
    }

    /** Every cell that an edge of the ring passes through or comes within {@code margin} of must be searched. */
    private void markEdges(LineString ring, double margin) {
        Coordinate[] cs = ring.getCoordinates();
        for (int i = 1; i < cs.length; i++) {
            double x1 = cs[i - 1].x;
            double y1 = cs[i - 1].y;
            double x2 = cs[i].x;
            double y2 = cs[i].y;
            double loY = Math.min(y1, y2) - margin;
            double hiY = Math.max(y1, y2) + margin;
            double loX = Math.min(x1, x2);
            double hiX = Math.max(x1, x2);
            for (int r = row(loY), lastRow = row(hiY); r <= lastRow; r++) {
                // the part of the segment within this row's band (widened by the margin)
                double bandLo = Math.max(loY, originY + r / invHeight - margin);
                double bandHi = Math.min(hiY, originY + (r + 1) / invHeight + margin);
                double xa;
                double xb;
                if (y1 == y2) {
                    xa = loX;
                    xb = hiX;
                } else {
                    xa = clampTo(x1 + (bandLo - y1) * (x2 - x1) / (y2 - y1), loX, hiX);
                    xb = clampTo(x1 + (bandHi - y1) * (x2 - x1) / (y2 - y1), loX, hiX);
                }
                int base = r * columns;
                for (int c = column(Math.min(xa, xb) - margin), last = column(Math.max(xa, xb) + margin);
                        c <= last;
                        c++) {
                    cells[base + c] = SEARCH;
                }
            }
        }
    }

    private static double clampTo(double v, double lo, double hi) {
        return v < lo ? lo : v > hi ? hi : v;
    }

    /**
     * No edge is in an unmarked cell, so each unmarked cell lies wholly inside or wholly outside the grid, as its
     * centre does. A cell claimed by two grids (they overlap) must be searched.
     */
    private void claimInterior(int ordinal, Envelope env, PreparedPolygonLocator polygon) {
        for (int r = row(env.getMinY()), lastRow = row(env.getMaxY()); r <= lastRow; r++) {
            double cy = originY + (r + 0.5) / invHeight;
            for (int c = column(env.getMinX()), last = column(env.getMaxX()); c <= last; c++) {
                int i = r * columns + c;
                if (cells[i] != SEARCH && polygon.covers(originX + (c + 0.5) / invWidth, cy)) {
                    cells[i] = cells[i] == NONE ? ordinal : SEARCH;
                }
            }
        }
    }

    int size() {
        return cells.length;
    }
}
