package org.onegrid.incident.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.onegrid.incident.domain.Dongying.*;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.onegrid.casework.HistoryChain;
import org.onegrid.casework.Satisfaction;

/**
 * The three stories of the seed cities, start to end through the aggregate: each ends closed with a history
 * whose chain verifies.
 */
class IncidentStoriesTests {

    /**
     * 广饶县大王镇: a resident tells the grid worker about a barbershop's loudspeaker; he settles it on the spot
     * ("小事一格解决") and the village centre records the return call.
     */
    @Test
    void aNoiseComplaintInDawangIsResolvedInTheGrid() {
        Intake intake = new Intake(
                Channel.GRID_WORKER,
                "大王镇大王东村理发店门口大喇叭循环播放促销广告，噪音扰民，附近居民反映强烈",
                new Place(118.4321, 37.0123, "广饶县大王镇大王东村商业街"),
                DAWANG_EAST_GRID,
                DAWANG_EAST,
                Reporter.withoutAccount("刘女士"));
        Incident incident = Incident.report(
                IncidentId.random(),
                intake,
                NOISE,
                DAWANG_EAST_CENTRE,
                Act.by(dawangGridWorker, at("2026-03-17T19:30")).attaching("photo-loudspeaker"),
                DEADLINES);

        allowed(incident.resolveOnTheSpot(Act.by(dawangGridWorker, at("2026-03-17T19:50"))
                .saying("已当面劝说店主关闭门口喇叭，店主承诺不再外放")
                .attaching("photo-speaker-off")));
        allowed(incident.evaluate(
                Act.by(dawangEastDispatcher, at("2026-03-18T09:10")).saying("回访刘女士：满意"), Satisfaction.SATISFIED));

        assertThat(incident.status()).isEqualTo(Status.CLOSED);
        assertThat(incident.resolutionLevel()).contains(Level.GRID);
        assertThat(incident.owner()).isEqualTo(DAWANG_EAST_CENTRE);
        assertThat(incident.satisfaction()).contains(Satisfaction.SATISFIED);
        assertThat(incident.light(at("2026-03-18T09:10"))).isEmpty();
        assertThat(actions(incident)).containsExactly(Action.REPORT, Action.RESOLVE_ON_THE_SPOT, Action.EVALUATE);
        assertThat(incident.pullEvents())
                .filteredOn(IncidentClosed.class::isInstance)
                .singleElement()
                .isInstanceOfSatisfying(IncidentClosed.class, closed -> {
                    assertThat(closed.closedBy()).isEqualTo(Action.RESOLVE_ON_THE_SPOT);
                    assertThat(closed.resolutionLevel()).isEqualTo(Level.GRID);
                });
        assertThat(HistoryChain.verify(incident.history()).holds()).isTrue();
    }

    /**
     * 东营区文汇街道: fumes from a barbecue restaurant outside a residential compound. The street centre blows the
     * whistle (吹哨报到): 城管执法 leads, 生态环境 reports in and measures the fumes; only then can the lead
     * department complete; the grid worker verifies on site.
     */
    @Test
    void restaurantFumesAreHandledJointlyByUrbanManagementAndEcology() {
        Intake intake = new Intake(
                Channel.CITIZEN,
                "小区南门外烧烤店油烟直排，住户无法开窗，多次反映未解决",
                new Place(118.5835, 37.4479, "东营区文汇街道东营社区南门"),
                COMMUNITY_GRID,
                DONGYING_COMMUNITY,
                new Reporter(resident.userId(), resident.name()));
        Incident incident = Incident.report(
                IncidentId.random(),
                intake,
                RESTAURANT_FUMES,
                WENHUI_CENTRE,
                Act.by(resident, at("2026-03-23T08:40")).attaching("photo-smoke"),
                DEADLINES);

        allowed(incident.accept(Act.by(wenhuiDispatcher, at("2026-03-23T09:00")).saying("情况属实，予以受理")));
        allowed(incident.dispatch(
                Act.by(wenhuiDispatcher, at("2026-03-23T09:15")).saying("吹哨：城管执法牵头，生态环境报到"),
                new Dispatch.Joint(URBAN_MANAGEMENT, List.of(ECOLOGY))));
        allowed(incident.reportIn(Act.by(ecologyHandler, at("2026-03-23T09:40")).saying("收到，即赴现场")));
        allowed(incident.sign(Act.by(urbanHandler, at("2026-03-23T09:45"))));
        refused(
                incident.complete(Act.by(urbanHandler, at("2026-03-23T11:00"))
                        .saying("已责令整改")
                        .attaching("photo-order")),
                Decision.Kind.CONFLICT);
        allowed(incident.recordPart(Act.by(ecologyHandler, at("2026-03-23T14:30"))
                .saying("现场检测油烟排放浓度超标，已出具监测报告")
                .attaching("monitoring-report")));
        allowed(incident.complete(Act.by(urbanHandler, at("2026-03-23T16:00"))
                .saying("责令安装油烟净化设施并改造排烟管道，已整改到位")
                .attaching("photo-purifier", "photo-duct")));
        allowed(incident.verify(Act.by(gridWorker, at("2026-03-24T09:00")).saying("现场复核无油烟直排"), true));
        allowed(incident.evaluate(Act.by(resident, at("2026-03-24T12:00")), Satisfaction.SATISFIED));

        assertThat(incident.status()).isEqualTo(Status.CLOSED);
        assertThat(incident.resolutionLevel()).contains(Level.TOWN);
        Handling handling = incident.handling().orElseThrow();
        assertThat(handling.mode()).isEqualTo(DispatchMode.JOINT);
        assertThat(handling.assisting()).singleElement().satisfies(assist -> {
            assertThat(assist.department()).isEqualTo(ECOLOGY);
            assertThat(assist.part()).contains("监测报告");
        });
        assertThat(actions(incident))
                .containsExactly(
                        Action.REPORT,
                        Action.ACCEPT,
                        Action.DISPATCH,
                        Action.REPORT_IN,
                        Action.SIGN,
                        Action.RECORD_PART,
                        Action.COMPLETE,
                        Action.VERIFY_PASS,
                        Action.EVALUATE);
        // Working time: 08:40–09:15 to dispatch; 09:15–12:00 and 13:30–16:00 to handle; Monday 16:00 to Tuesday 09:00.
        assertThat(incident.stageTimes())
                .isEqualTo(new StageTimes(Duration.ofMinutes(35), Duration.ofMinutes(315), Duration.ofMinutes(120)));
        assertThat(HistoryChain.verify(incident.history()).holds()).isTrue();
    }

    /**
     * 东营区: a broken handrail that keeps a wheelchair user indoors, phoned in to 12345 on a Saturday evening.
     * The community cannot fix it and escalates to the street, the street to the district centre, which sends 住建
     * with the grid worker supervising (双派单); fixed and verified within 12 natural hours.
     */
    @Test
    void aBrokenHandrailIsEscalatedToTheDistrictAndFixedWithinTwelveHours() {
        Intake intake = new Intake(
                Channel.HOTLINE,
                "东营社区3号楼单元无障碍坡道扶手断裂，轮椅住户无法出行，请尽快维修",
                new Place(null, null, "东营区文汇街道东营社区3号楼"),
                COMMUNITY_GRID,
                DONGYING_COMMUNITY,
                Reporter.withoutAccount("王先生（住户家属）"));
        Instant reported = at("2026-03-28T19:00");
        Incident incident = Incident.report(
                IncidentId.random(),
                intake,
                BROKEN_ACCESSIBILITY,
                COMMUNITY_CENTRE,
                Act.by(cityDispatcher, reported),
                DEADLINES);

        allowed(incident.accept(
                Act.by(communityDispatcher, at("2026-03-28T19:10")).saying("予以受理")));
        allowed(incident.escalate(
                Act.by(communityDispatcher, at("2026-03-28T19:20")).saying("社区无维修资金和施工力量"), WENHUI_CENTRE));
        allowed(incident.escalate(
                Act.by(wenhuiDispatcher, at("2026-03-28T19:40")).saying("需区住建部门连夜维修"), DISTRICT_CENTRE));
        allowed(incident.dispatch(
                Act.by(districtDispatcher, at("2026-03-28T19:55")).saying("双派单：住建维修，网格员现场督办"),
                new Dispatch.Dual(HOUSING, gridWorker.userId())));
        allowed(incident.sign(Act.by(housingHandler, at("2026-03-28T20:10"))));
        allowed(incident.complete(Act.by(housingHandler, at("2026-03-29T05:40"))
                .saying("已更换不锈钢扶手并加固基座")
                .attaching("photo-handrail-before", "photo-handrail-after")));
        allowed(incident.verify(Act.by(gridWorker, at("2026-03-29T06:30")).saying("扶手牢固，住户已可出行"), true));
        allowed(incident.evaluate(
                Act.by(districtDispatcher, at("2026-03-29T09:00")).saying("回访王先生：满意"), Satisfaction.SATISFIED));

        assertThat(incident.status()).isEqualTo(Status.CLOSED);
        assertThat(incident.owner()).isEqualTo(DISTRICT_CENTRE);
        assertThat(incident.resolutionLevel()).contains(Level.COUNTY);
        assertThat(incident.tally().escalations()).isEqualTo(2);
        assertThat(Duration.between(reported, incident.closedAt().orElseThrow()))
                .isLessThan(Duration.ofHours(12));
        assertThat(incident.tally().overdues()).isZero();
        assertThat(incident.history())
                .filteredOn(entry -> entry.action() == Action.ESCALATE)
                .extracting(HistoryEntry::orgId, HistoryEntry::detail)
                .containsExactly(
                        tuple(1000L, "from=1000 to=100 level=TOWN"), tuple(100L, "from=100 to=10 level=COUNTY"));
        // The history keeps instants in UTC: 12 natural hours from Saturday 19:55 is Sunday 07:55 in 东营.
        assertThat(incident.history())
                .filteredOn(entry -> entry.action() == Action.DISPATCH)
                .singleElement()
                .extracting(HistoryEntry::detail)
                .isEqualTo("mode=DUAL lead=503 supervisor=21 deadline=2026-03-28T23:55:00.000Z");
        assertThat(HistoryChain.verify(incident.history()).holds()).isTrue();
    }
}
