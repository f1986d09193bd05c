package org.onegrid.incident.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.onegrid.casework.time.Deadlines;
import org.onegrid.casework.time.TimeLimit;
import org.onegrid.worktime.TimeMode;
import org.onegrid.worktime.WorkCalendar;

/**
 * A slice of the demo city for domain tests: real region codes of 东营市, centres at every level, departments,
 * staff, catalog terms, the statutory calendar, and a clock that moves ten minutes per action.
 */
final class Dongying {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    // Loaded once: the calendar is immutable and loading it per test would only slow the suite down.
    static final Deadlines DEADLINES = Deadlines.of(WorkCalendar.standard());

    static final String CITY = "/3705/";
    static final String DONGYING_DISTRICT = "/3705/370502/";
    static final String WENHUI = "/3705/370502/370502001/";
    static final String DONGYING_COMMUNITY = "/3705/370502/370502001/370502001011/";
    static final String HUANGHELU = "/3705/370502/370502002/";
    static final String GUANGRAO = "/3705/370523/";
    static final String DAWANG = "/3705/370523/370523101/";
    static final String DAWANG_EAST = "/3705/370523/370523101/370523101211/";

    static final String COMMUNITY_GRID = "370502001011001";
    static final String NEIGHBOUR_GRID = "370502001011002";
    static final String DAWANG_EAST_GRID = "370523101211002";

    /** 东营市综治中心. */
    static final Centre CITY_CENTRE = new Centre(1, Level.CITY, CITY);
    /** 东营区综治中心. */
    static final Centre DISTRICT_CENTRE = new Centre(10, Level.COUNTY, DONGYING_DISTRICT);
    /** 文汇街道综治中心. */
    static final Centre WENHUI_CENTRE = new Centre(100, Level.TOWN, WENHUI);
    /** 东营社区综治中心. */
    static final Centre COMMUNITY_CENTRE = new Centre(1000, Level.VILLAGE, DONGYING_COMMUNITY);
    /** 黄河路街道综治中心. */
    static final Centre HUANGHELU_CENTRE = new Centre(101, Level.TOWN, HUANGHELU);
    /** 广饶县综治中心. */
    static final Centre GUANGRAO_CENTRE = new Centre(20, Level.COUNTY, GUANGRAO);
    /** 大王镇综治中心. */
    static final Centre DAWANG_CENTRE = new Centre(200, Level.TOWN, DAWANG);
    /** 大王东村综治中心. */
    static final Centre DAWANG_EAST_CENTRE = new Centre(2000, Level.VILLAGE, DAWANG_EAST);

    /** 东营区综合行政执法局 (城管执法). */
    static final Department URBAN_MANAGEMENT = new Department(501, DONGYING_DISTRICT);
    /** 东营市生态环境局东营区分局 (生态环境). */
    static final Department ECOLOGY = new Department(502, DONGYING_DISTRICT);
    /** 东营区住房和城乡建设局 (住建). */
    static final Department HOUSING = new Department(503, DONGYING_DISTRICT);
    /** 东营区市场监督管理局 (市场监管). */
    static final Department MARKET = new Department(504, DONGYING_DISTRICT);
    /** 广饶县综合行政执法局: serves another county. */
    static final Department GUANGRAO_URBAN = new Department(601, GUANGRAO);

    static final Actor cityDispatcher = Actor.dispatcher(11, "市中心坐席", 1, CITY);
    static final Actor districtDispatcher = Actor.dispatcher(12, "区中心坐席", 10, DONGYING_DISTRICT);
    static final Actor wenhuiDispatcher = Actor.dispatcher(13, "文汇街道坐席", 100, WENHUI);
    static final Actor communityDispatcher = Actor.dispatcher(14, "东营社区坐席", 1000, DONGYING_COMMUNITY);
    static final Actor huangheluDispatcher = Actor.dispatcher(15, "黄河路街道坐席", 101, HUANGHELU);
    static final Actor dawangEastDispatcher = Actor.dispatcher(17, "大王东村坐席", 2000, DAWANG_EAST);
    static final Actor gridWorker = Actor.gridWorker(21, "王网格", 1000, DONGYING_COMMUNITY, Set.of(COMMUNITY_GRID));
    static final Actor neighbourGridWorker =
            Actor.gridWorker(22, "赵网格", 1000, DONGYING_COMMUNITY, Set.of(NEIGHBOUR_GRID));
    static final Actor dawangGridWorker = Actor.gridWorker(23, "孙网格", 2000, DAWANG_EAST, Set.of(DAWANG_EAST_GRID));
    static final Actor urbanHandler = Actor.handler(31, "城管执法队员", 501, DONGYING_DISTRICT);
    static final Actor ecologyHandler = Actor.handler(32, "环境监察员", 502, DONGYING_DISTRICT);
    static final Actor housingHandler = Actor.handler(33, "住建维修员", 503, DONGYING_DISTRICT);
    static final Actor marketHandler = Actor.handler(34, "市场监管员", 504, DONGYING_DISTRICT);
    static final Actor districtLeader = Actor.leader(41, "区领导", 10, DONGYING_DISTRICT);
    static final Actor guangraoLeader = Actor.leader(42, "县领导", 20, GUANGRAO);
    static final Actor resident = Actor.resident(51, "李女士");
    static final Actor otherResident = Actor.resident(52, "周先生");

    /** 占道经营: a village item that allows joint handling and escalates by itself when overdue. */
    static final CatalogTerms STREET_VENDING = new CatalogTerms(
            "CSGL-0301",
            "占道经营",
            List.of("CGZF"),
            Level.VILLAGE,
            TimeLimit.workingHours(2),
            TimeLimit.workingHours(10),
            TimeLimit.workingHours(4),
            true,
            false,
            true);

    /** 违规停车: like 占道经营 but a different item, for merges. */
    static final CatalogTerms ILLEGAL_PARKING = new CatalogTerms(
            "CSGL-0302",
            "违规停车",
            List.of("CGZF"),
            Level.VILLAGE,
            TimeLimit.workingHours(2),
            TimeLimit.workingHours(10),
            TimeLimit.workingHours(4),
            false,
            false,
            false);

    /** 噪音扰民: small enough for the grid. */
    static final CatalogTerms NOISE = new CatalogTerms(
            "SHZA-0105",
            "社会生活噪声扰民",
            List.of("GA", "CGZF"),
            Level.GRID,
            TimeLimit.workingHours(2),
            TimeLimit.workingHours(16),
            TimeLimit.workingHours(8),
            false,
            false,
            false);

    /** 餐饮油烟扰民: a town item handled by 城管执法 with 生态环境 (吹哨报到). */
    static final CatalogTerms RESTAURANT_FUMES = new CatalogTerms(
            "STHJ-0203",
            "餐饮油烟扰民",
            List.of("CGZF", "STHJ"),
            Level.TOWN,
            TimeLimit.workingHours(2),
            TimeLimit.workingHours(24),
            TimeLimit.workingHours(8),
            true,
            false,
            false);

    /** 无障碍设施损坏: urgent, counted in natural hours, fixed within 12. */
    static final CatalogTerms BROKEN_ACCESSIBILITY = new CatalogTerms(
            "MSFW-0412",
            "无障碍设施损坏",
            List.of("ZJ"),
            Level.VILLAGE,
            TimeLimit.naturalHours(1),
            TimeLimit.naturalHours(12),
            TimeLimit.naturalHours(2),
            false,
            false,
            false);

    /** 燃气泄漏: an emergency type. */
    static final CatalogTerms GAS_LEAK = new CatalogTerms(
            "AQYH-0101",
            "燃气泄漏",
            List.of("ZJ", "YJ"),
            Level.COUNTY,
            new TimeLimit(Duration.ofMinutes(15), TimeMode.NATURAL),
            TimeLimit.naturalHours(4),
            TimeLimit.naturalHours(1),
            true,
            true,
            true);

    /** Local time in 东营 as an instant. */
    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    private Instant now;

    /** Starts the clock on Monday 2026-03-09 at 09:00, an ordinary working day. */
    Dongying() {
        this(at("2026-03-09T09:00"));
    }

    Dongying(Instant start) {
        this.now = start;
    }

    /** Ten minutes later. */
    Instant tick() {
        now = now.plus(Duration.ofMinutes(10));
        return now;
    }

    Instant now() {
        return now;
    }

    void setNow(Instant instant) {
        now = instant;
    }

    /** An act by {@code actor} ten minutes after the last. */
    Act by(Actor actor) {
        return Act.by(actor, tick());
    }

    /** A resident's report of 占道经营 in 东营社区, owned by the community centre. */
    Incident reported() {
        return reported(STREET_VENDING, COMMUNITY_CENTRE);
    }

    Incident reported(CatalogTerms terms, Centre owner) {
        Intake intake = new Intake(
                Channel.CITIZEN,
                "小区门口有商贩占道经营，影响通行",
                new Place(118.5821, 37.4488, "东营区文汇街道东营社区"),
                COMMUNITY_GRID,
                DONGYING_COMMUNITY,
                new Reporter(resident.userId(), resident.name()));
        return Incident.report(
                IncidentId.random(), intake, terms, owner, by(resident).attaching("photo-1"), DEADLINES);
    }

    Incident accepted() {
        Incident incident = reported();
        allowed(incident.accept(by(communityDispatcher)));
        return incident;
    }

    /** Dispatched by the community centre to 城管执法 alone. */
    Incident dispatched() {
        Incident incident = accepted();
        allowed(incident.dispatch(by(communityDispatcher), new Dispatch.Single(URBAN_MANAGEMENT)));
        return incident;
    }

    Incident inProgress() {
        Incident incident = dispatched();
        allowed(incident.sign(by(urbanHandler)));
        return incident;
    }

    Incident handled() {
        Incident incident = inProgress();
        allowed(incident.complete(by(urbanHandler).saying("已劝离商贩并清理现场").attaching("photo-after")));
        return incident;
    }

    Incident closed() {
        Incident incident = handled();
        allowed(incident.verify(by(gridWorker).saying("现场已恢复通行"), true));
        return incident;
    }

    static void allowed(Decision decision) {
        assertThat(decision).as("decision").isEqualTo(Decision.allowed());
    }

    static void refused(Decision decision, Decision.Kind kind) {
        assertThat(decision).as("decision").isInstanceOf(Decision.Rejected.class);
        assertThat(((Decision.Rejected) decision).kind()).as("kind of refusal").isEqualTo(kind);
    }

    /** The actions recorded in an incident's history, in order. */
    static List<Action> actions(Incident incident) {
        return incident.history().stream().map(HistoryEntry::action).toList();
    }
}
