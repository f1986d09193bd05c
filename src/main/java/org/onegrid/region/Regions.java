package org.onegrid.region;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The region tree, read from an in-memory snapshot (a city has a few thousand regions) that is rebuilt
 * whenever regions are imported.
 */
@Service
public class Regions {

    private final JdbcClient jdbc;
    private volatile Snapshot snapshot;

    Regions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Snapshot(Map<String, RegionView> byCode, Map<String, List<RegionView>> children) {}

    public Optional<RegionView> find(String code) {
        return Optional.ofNullable(code).map(snapshot().byCode()::get);
    }

    /** The direct children, ordered by code; empty for a village or an unknown code. */
    public List<RegionView> children(String code) {
        return snapshot().children().getOrDefault(code, List.of());
    }

    /** Every region, ordered by code. */
    public List<RegionView> all() {
        return List.copyOf(snapshot().byCode().values());
    }

    public List<RegionView> byLevel(RegionLevel level) {
        return snapshot().byCode().values().stream()
                .filter(r -> r.level() == level)
                .toList();
    }

    /** Whether {@code code} is {@code ancestorCode} or lies in its subtree; false when either is unknown. */
    public boolean isWithin(String code, String ancestorCode) {
        Map<String, RegionView> byCode = snapshot().byCode();
        RegionView region = code == null ? null : byCode.get(code);
        RegionView ancestor = ancestorCode == null ? null : byCode.get(ancestorCode);
        return region != null && ancestor != null && region.isWithin(ancestor);
    }

    /** The region and its ancestors, from the city down to the region itself. */
    public List<RegionView> lineage(String code) {
        List<RegionView> out = new ArrayList<>();
        for (RegionView r = snapshot().byCode().get(code);
                r != null;
                r = snapshot().byCode().get(r.parentCode())) {
            out.add(r);
            if (r.parentCode() == null) {
                break;
            }
        }
        Collections.reverse(out);
        return out;
    }

    /** The region's ancestor (or itself) at the given level. */
    public Optional<RegionView> ancestorAt(String code, RegionLevel level) {
        return lineage(code).stream().filter(r -> r.level() == level).findFirst();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(RegionsImported event) {
        refresh();
    }

    /** Rebuilds the snapshot from the database. */
    public void refresh() {
        snapshot = load();
    }

    private Snapshot snapshot() {
        Snapshot s = snapshot;
        if (s == null) {
            synchronized (this) {
                if (snapshot == null) {
                    snapshot = load();
                }
                s = snapshot;
            }
        }
        return s;
    }

    private Snapshot load() {
        Map<String, RegionView> byCode = new LinkedHashMap<>();
        Map<String, List<RegionView>> children = new LinkedHashMap<>();
        jdbc.sql("SELECT code, name, level, parent_code, path FROM region ORDER BY code")
                .query((rs, n) -> new RegionView(
                        rs.getString(1),
                        rs.getString(2),
                        RegionLevel.valueOf(rs.getString(3)),
                        rs.getString(4),
                        rs.getString(5)))
                .list()
                .forEach(r -> {
                    byCode.put(r.code(), r);
                    if (r.parentCode() != null) {
                        children.computeIfAbsent(r.parentCode(), k -> new ArrayList<>())
                                .add(r);
                    }
                });
        children.replaceAll((k, v) -> List.copyOf(v));
        return new Snapshot(Collections.unmodifiableMap(byCode), Collections.unmodifiableMap(children));
    }
}
