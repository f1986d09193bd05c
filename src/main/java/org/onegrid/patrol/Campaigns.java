package org.onegrid.patrol;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.onegrid.patrol.persistence.CampaignRows;
import org.onegrid.patrol.persistence.CampaignRows.CampaignRow;
import org.onegrid.patrol.persistence.CampaignRows.ProgressRow;
import org.onegrid.region.GridView;
import org.onegrid.region.Grids;
import org.onegrid.region.RegionLevel;
import org.onegrid.region.RegionView;
import org.onegrid.region.Regions;
import org.onegrid.shared.web.Problems;
import org.onegrid.staff.Role;
import org.onegrid.staff.StaffPrincipal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Campaigns 摸排行动 ("市不漏县、县不漏乡、乡不漏村、村不漏户、户不漏人"): a city, county or town centre (or leader) orders
 * a drive over its subtree; each visit during it counts once per household towards its grid, and progress rolls up
 * grid → village → town → county → city from per-grid counters, live.
 */
@Service
public class Campaigns {

    private static final int MAX_QUESTIONS = 10;
    private static final int MAX_TEXT = 200;

    private final CampaignRows rows;
    private final PatrolApi patrol;
    private final Regions regions;
    private final Grids grids;

    Campaigns(CampaignRows rows, PatrolApi patrol, Regions regions, Grids grids) {
        this.rows = rows;
        this.patrol = patrol;
        this.regions = regions;
        this.grids = grids;
    }

    @Transactional
    public long order(OrderCampaign c, StaffPrincipal me) {
        if (me == null || !me.hasAnyRole(Role.CENTRE_DISPATCHER, Role.LEADER, Role.ADMIN)) {
            throw Problems.forbidden("摸排行动由市、县、乡镇综治中心或领导部署");
        }
        String code = me.hasRole(Role.ADMIN)
                        && c.regionCode() != null
                        && !c.regionCode().isBlank()
                ? c.regionCode().strip()
                : me.regionCode();
        RegionView region = regions.find(code)
                .filter(me::canSee)
                .orElseThrow(() -> Problems.notFound("region", String.valueOf(code)));
        List<Map<String, String>> errors = new ArrayList<>();
        if (region.level() == RegionLevel.VILLAGE) {
            errors.add(error("regionCode", "摸排行动由市、县、乡镇部署，村（社区）执行"));
        }
        if (c.name() == null || c.name().isBlank() || c.name().strip().length() > 100) {
            errors.add(error("name", "请填写行动名称（不超过 100 字）"));
        }
        if (c.startsOn() == null || c.endsOn() == null) {
            errors.add(error("startsOn", "请填写开始和结束日期"));
        } else if (c.endsOn().isBefore(c.startsOn())) {
            errors.add(error("endsOn", "结束日期不能早于开始日期"));
        } else if (c.endsOn().isBefore(patrol.today())) {
            errors.add(error("endsOn", "结束日期已过"));
        }
        int share = c.targetShare() == null ? 100 : c.targetShare();
        if (share < 1 || share > 100) {
            errors.add(error("targetShare", "目标比例须在 1% 到 100% 之间"));
        }
        if (c.questions().size() > MAX_QUESTIONS) {
            errors.add(error("questions", "每户表单最多 " + MAX_QUESTIONS + " 个问题"));
        }
        for (int i = 0; i < c.questions().size(); i++) {
            String q = c.questions().get(i);
            if (q == null || q.isBlank() || q.strip().length() > MAX_TEXT) {
                errors.add(error("questions[" + i + "]", "问题不能为空，且不超过 " + MAX_TEXT + " 字"));
            }
        }
        if (!errors.isEmpty()) {
            throw Problems.invalidFields(errors);
        }
        patrol.keepRegistered(region.path());
        return rows.insert(
                c.name().strip(),
                region.code(),
                region.path(),
                c.startsOn(),
                c.endsOn(),
                share,
                c.questions().stream().map(String::strip).toList(),
                me.userId());
    }

    /** The campaigns the caller takes part in or ordered: those over their region or within it. */
    @Transactional(readOnly = true)
    public List<CampaignView> list(StaffPrincipal me) {
        String scope = me.scopePath() == null ? "" : me.scopePath();
        return rows.touching(scope).stream()
                .map(c -> view(c, region(c, null, me), false))
                .toList();
    }

    /** A campaign's progress within a region of its subtree that the caller sees (default: the highest they see). */
    @Transactional(readOnly = true)
    public CampaignView progress(long id, String regionCode, StaffPrincipal me) {
        CampaignRow c = rows.find(id)
                .filter(r -> visible(r, me))
                .orElseThrow(() -> Problems.notFound("campaign", String.valueOf(id)));
        return view(c, region(c, regionCode, me), true);
    }

    /** Keeps the campaign's form as answered at a visit of the caller's, one answer per question. */
    @Transactional
    public void answer(long id, UUID visitId, List<String> answers, StaffPrincipal me) {
        CampaignRow c = rows.find(id)
                .filter(r -> visible(r, me))
                .orElseThrow(() -> Problems.notFound("campaign", String.valueOf(id)));
        if (!patrol.isOwnVisit(visitId, me)) {
            throw Problems.notFound("visit", String.valueOf(visitId));
        }
        if (answers == null || answers.size() != c.questions().size()) {
            throw Problems.invalid("answers", "须回答全部 " + c.questions().size() + " 个问题");
        }
        if (answers.stream().anyMatch(a -> a == null || a.length() > MAX_TEXT)) {
            throw Problems.invalid("answers", "每个回答不超过 " + MAX_TEXT + " 字");
        }
        rows.answer(id, visitId, answers.stream().map(String::strip).toList());
    }

    private boolean visible(CampaignRow c, StaffPrincipal me) {
        String scope = me.scopePath() == null ? "" : me.scopePath();
        return c.regionPath().startsWith(scope) || scope.startsWith(c.regionPath());
    }

    /** The region to show: the one asked for, within the campaign and the caller's scope; else the higher of both. */
    private RegionView region(CampaignRow c, String regionCode, StaffPrincipal me) {
        RegionView top = regions.find(c.regionCode()).orElseThrow();
        RegionView own = me.canSee(top) ? top : regions.find(me.regionCode()).orElse(top);
        if (regionCode == null || regionCode.isBlank()) {
            return own;
        }
        return regions.find(regionCode.strip())
                .filter(r -> r.path().startsWith(c.regionPath()) && me.canSee(r))
                .orElseThrow(() -> Problems.notFound("region", regionCode));
    }

    private CampaignView view(CampaignRow c, RegionView region, boolean detail) {
        boolean village = region.level() == RegionLevel.VILLAGE;
        int depth = village
                ? 0
                : (int) java.util.Arrays.stream(region.path().split("/"))
                                .filter(s -> !s.isEmpty())
                                .count()
                        + 2;
        Map<String, ProgressRow> byKey = rows.progress(c.id(), region.path(), depth).stream()
                .collect(Collectors.toMap(ProgressRow::key, p -> p));
        List<CampaignView.Part> parts = new ArrayList<>();
        if (village) {
            for (GridView g : grids.inRegion(region.code())) {
                parts.add(new CampaignView.Part(g.code(), g.name(), true, progress(byKey.get(g.code()))));
            }
        } else {
            for (RegionView child : regions.children(region.code())) {
                parts.add(new CampaignView.Part(child.code(), child.name(), false, progress(byKey.get(child.code()))));
            }
        }
        CampaignView.Progress total = parts.stream()
                .map(CampaignView.Part::progress)
                .reduce(
                        new CampaignView.Progress(0, 0, 0),
                        (a, b) -> new CampaignView.Progress(
                                a.target() + b.target(), a.households() + b.households(), a.persons() + b.persons()));
        List<CampaignView.Part> laggards = detail
                ? rows.laggards(c.id(), region.path(), 20).stream()
                        .map(p -> new CampaignView.Part(
                                p.key(), grids.find(p.key()).map(GridView::name).orElse(p.key()), true, progress(p)))
                        .toList()
                : List.of();
        return new CampaignView(
                c.id(),
                c.name(),
                regions.find(c.regionCode()).map(RegionView::name).orElse(c.regionCode()),
                c.startsOn(),
                c.endsOn(),
                c.targetShare(),
                c.questions(),
                region.code(),
                region.name(),
                total,
                parts,
                laggards);
    }

    private static CampaignView.Progress progress(ProgressRow p) {
        return p == null
                ? new CampaignView.Progress(0, 0, 0)
                : new CampaignView.Progress(p.target(), p.households(), p.persons());
    }

    private static Map<String, String> error(String field, String message) {
        return Map.of("field", field, "message", message);
    }
}
