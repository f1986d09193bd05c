package org.onegrid.region;

/** The four levels of a city's region tree, each with its own centre 综治中心. */
public enum RegionLevel {
    CITY("市"),
    COUNTY("县区"),
    TOWN("乡镇街道"),
    VILLAGE("村社区");

    private final String label;

    RegionLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
