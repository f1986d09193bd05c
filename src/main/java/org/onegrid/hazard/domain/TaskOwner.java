package org.onegrid.hazard.domain;

/** Who does a plan's tasks: the target's grid worker, or the centre staff of a level above the target. */
public enum TaskOwner {
    GRID_WORKER("网格员", 0),
    VILLAGE("村（社区）", 4),
    TOWN("乡镇（街道）", 3),
    COUNTY("县（区）", 2),
    CITY("市级", 1);

    private final String label;
    private final int depth;

    TaskOwner(String label, int depth) {
        this.label = label;
        this.depth = depth;
    }

    public String label() {
        return label;
    }

    /**
     * The region path of the owning level for a target in {@code targetPath} ({@code /3705/370523/370523101/…}); for
     * the grid worker, the target's own path.
     */
    public String ownerPath(String targetPath) {
        if (depth == 0) {
            return targetPath;
        }
        String[] parts = targetPath.split("/");
        StringBuilder b = new StringBuilder("/");
        int taken = 0;
        for (String p : parts) {
            if (!p.isEmpty() && taken < depth) {
                b.append(p).append('/');
                taken++;
            }
        }
        return b.toString();
    }

    /** Path depth of the level (city 1 … village 4); 0 for the grid worker. */
    public int depth() {
        return depth;
    }
}
