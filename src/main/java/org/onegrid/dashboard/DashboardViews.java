package org.onegrid.dashboard;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** What the dashboard's endpoints answer. Rates are fractions (0..1), null when there is nothing to divide by. */
final class DashboardViews {

    private DashboardViews() {}

    /** The region shown, its ancestors (for the breadcrumb) and the level its children are drawn at. */
    record RegionRef(String code, String name, String level) {}

    /**
     * The KPI tiles 核心指标. The closing figures count incidents closed in the last {@code windowDays} days.
     *
     * The definitions are those of docs/FIGURES.md.
     *
     * @param closeRate 结案率 = closed / (closed + open past their deadline now) — what should be closed by now
     * @param onTimeRate 按期结案率 = closed without any stage ever recorded overdue / closed
     * @param grassrootsRate 基层化解率 = closed at grid, village or town level / closed
     * @param satisfactionRate 群众满意率 = (满意 + 基本满意) / evaluated, each closed incident with its last rating
     */
    record KpisView(
            String region,
            long reportedToday,
            long reportedThisMonth,
            int windowDays,
            long closed,
            Double closeRate,
            Double onTimeRate,
            Double grassrootsRate,
            long open,
            long overdue,
            Double satisfactionRate,
            long evaluated) {}

    /** Reported and closed per day (东营 local days), oldest first. */
    record TrendView(String region, List<LocalDate> days, List<Long> reported, List<Long> closed) {}

    record CategoryCount(String code, String name, long count) {}

    /** 事件类别构成: incidents reported in the last {@code windowDays} days by category. */
    record CategoriesView(String region, int windowDays, List<CategoryCount> categories) {}

    record DepartmentRate(long orgId, String name, long closed, long onTime, double onTimeRate) {}

    /**
     * 部门按期结案率排名: of the lead departments with at least {@code minimumClosed} closed in the window, those with
     * most closings (15), best first.
     */
    record RankingView(String region, int windowDays, int minimumClosed, List<DepartmentRate> departments) {}

    /**
     * Open incidents on the map: clusters (by town at city level, by village at county level) or, below, single
     * incidents ({@code count} 1, with an id and an item).
     */
    record Marker(
            String code,
            String name,
            double lng,
            double lat,
            long count,
            long overdue,
            String id,
            String item,
            String status) {}

    record MarkersView(String region, boolean clustered, List<Marker> markers) {}

    /**
     * Open incidents per area for shading: per county at city level ({@code areas} = counties, drawn from the
     * region boundaries), per grid below.
     */
    record ShadingView(String region, String areas, Map<String, Long> open, long max) {}
}
