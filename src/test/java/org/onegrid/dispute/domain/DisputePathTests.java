package org.onegrid.dispute.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.onegrid.casework.CaseStep;
import org.onegrid.casework.Satisfaction;
import org.onegrid.casework.time.Deadlines;
import org.onegrid.casework.time.Light;
import org.onegrid.casework.time.TimeLimit;
import org.onegrid.staff.Role;
import org.onegrid.worktime.TimeMode;

/** The path "四诊、四调、三裁、一诉" of one dispute, without Spring. */
class DisputePathTests {

    static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z");
    static final Deadlines NATURAL = new Deadlines() {
        @Override
        public Instant deadline(Instant start, Duration duration, TimeMode mode) {
            return start.plus(duration);
        }

        @Override
        public Duration elapsed(Instant start, Instant end, TimeMode mode) {
            return end.isAfter(start) ? Duration.between(start, end) : Duration.ZERO;
        }
    };
    static final TimeLimit CATALOG = TimeLimit.workingHours(40);

    static final String VILLAGE = "/3705/370523/370523101/370523101201/";
    static final String TOWN = "/3705/370523/370523101/";
    static final String COUNTY = "/3705/370523/";

    final Body villageCommittee =
            new Body(BodyKind.VILLAGE_COMMITTEE, null, 11, Level.VILLAGE, "370523101201", VILLAGE, "王家村人民调解委员会", null);
    final Body townCommittee =
            new Body(BodyKind.TOWN_COMMITTEE, null, 12, Level.TOWN, "370523101", TOWN, "大王镇人民调解委员会", null);
    final Body trafficCommittee = new Body(
            BodyKind.PROFESSIONAL_COMMITTEE,
            Field.TRAFFIC,
            13,
            Level.COUNTY,
            "370523",
            COUNTY,
            "广饶县交通事故纠纷人民调解委员会",
            null);

    final Actor villageDesk = new Actor(1, "村坐席", Set.of(Role.CENTRE_DISPATCHER), 11);
    final Actor villageMediator = new Actor(2, "网格员调解员", Set.of(Role.GRID_WORKER, Role.MEDIATOR), 11);
    final Actor otherMediator = new Actor(3, "另一调解员", Set.of(Role.MEDIATOR), 11);
    final Actor townDesk = new Actor(4, "镇坐席", Set.of(Role.CENTRE_DISPATCHER), 12);
    final Actor townMediator = new Actor(5, "镇调解员", Set.of(Role.MEDIATOR), 12);

    static Party applicant(String name, String id) {
        return new Party(Side.APPLICANT, false, null, null, name, id, null);
    }

    static Party respondent(String name, String id) {
        return new Party(Side.RESPONDENT, false, null, null, name, id, null);
    }

    Intake intake(List<Party> parties, Source source, String court, Risk risk, int involved, Body body) {
        return new Intake(
                UUID.randomUUID(),
                "MD-1",
                source,
                court,
                null,
                "MDJF-001",
                "邻里纠纷",
                "楼上空置房屋水管破裂，漏水浸湿楼下住户吊顶和地板",
                new BigDecimal("8000"),
                risk,
                false,
                involved,
                "370523101201",
                VILLAGE,
                null,
                body,
                parties);
    }

    Dispute leak() {
        return Dispute.receive(
                intake(
                        List.of(applicant("李秀英", "370523195801011234"), respondent("赵建国", "370523197002022345")),
                        Source.SCREENING,
                        null,
                        Risk.LOW,
                        2,
                        villageCommittee),
                villageMediator,
                T0);
    }

    Dispute mediating() {
        Dispute d = leak();
        d.accept(CATALOG, NATURAL, null, villageDesk, T0.plusSeconds(600));
        d.assign(villageMediator.userId(), villageMediator.name(), true, villageDesk, T0.plusSeconds(900));
        return d;
    }

    Agreement terms(String... terms) {
        return new Agreement(
                "楼上漏水致楼下吊顶、地板受损", List.of(terms), new BigDecimal("6000"), LocalDate.of(2026, 3, 20), null, null);
    }

    @Test
    void aPartyWithoutIdentityIsRefusedNamingTheParty() {
        Intake in = intake(
                List.of(applicant("李秀英", "370523195801011234"), respondent("赵建国", " ")),
                Source.WALK_IN,
                null,
                Risk.LOW,
                2,
                villageCommittee);
        assertThatThrownBy(() -> Dispute.receive(in, villageDesk, T0))
                .isInstanceOfSatisfying(DisputeRefused.class, r -> {
                    assertThat(r.kind()).isEqualTo(DisputeRefused.Kind.INVALID);
                    assertThat(r.field()).isEqualTo("parties[1].identity");
                    assertThat(r.getMessage()).contains("赵建国").contains("身份");
                });
    }

    @Test
    void aPartyFromTheRegistryNeedsNoIdentityTyped() {
        Party registered = new Party(Side.RESPONDENT, false, 42L, null, null, null, null);
        Dispute d = Dispute.receive(
                intake(
                        List.of(applicant("李秀英", "370523195801011234"), registered),
                        Source.VISIT,
                        null,
                        Risk.LOW,
                        2,
                        villageCommittee),
                villageDesk,
                T0);
        assertThat(d.status()).isEqualTo(Status.RECEIVED);
    }

    @Test
    void aCourtDelegationWithoutTheCourtsCaseNumberIsRefused() {
        Intake in = intake(
                List.of(applicant("甲", "370523195801011234"), respondent("乙", "370523197002022345")),
                Source.COURT,
                "",
                Risk.LOW,
                2,
                townCommittee);
        assertThatThrownBy(() -> Dispute.receive(in, townDesk, T0))
                .isInstanceOfSatisfying(
                        DisputeRefused.class, r -> assertThat(r.field()).isEqualTo("courtCaseNumber"));
    }

    @Test
    void aBodyThatDoesNotServeThePlaceCannotOwnTheDispute() {
        Body elsewhere = new Body(
                BodyKind.VILLAGE_COMMITTEE,
                null,
                99,
                Level.VILLAGE,
                "370523101202",
                "/3705/370523/370523101/370523101202/",
                "李家村人民调解委员会",
                null);
        Intake in = intake(
                List.of(applicant("甲", "370523195801011234"), respondent("乙", "370523197002022345")),
                Source.WALK_IN,
                null,
                Risk.LOW,
                2,
                elsewhere);
        assertThatThrownBy(() -> Dispute.receive(in, villageDesk, T0))
                .isInstanceOfSatisfying(
                        DisputeRefused.class, r -> assertThat(r.field()).isEqualTo("body"));
    }

    @Test
    void peoplesMediationRunsAgainstThirtyDaysFromAcceptanceAndTheLightsFollow() {
        Dispute d = mediating();
        Instant accepted = T0.plusSeconds(600);
        assertThat(d.window().deadline()).isEqualTo(accepted.plus(Duration.ofDays(30)));
        assertThat(d.light(accepted.plus(Duration.ofDays(10)))).isEqualTo(Light.GREEN);
        assertThat(d.light(accepted.plus(Duration.ofDays(25)))).isEqualTo(Light.YELLOW);
        assertThat(d.light(accepted.plus(Duration.ofDays(31)))).isEqualTo(Light.RED);
    }

    @Test
    void theLimitIsExtendedOnlyWithThePartiesConsent() {
        Dispute d = mediating();
        Instant before = d.window().deadline();
        assertThatThrownBy(() -> d.extend(15, " ", NATURAL, villageMediator, T0.plusSeconds(1000)))
                .isInstanceOfSatisfying(
                        DisputeRefused.class, r -> assertThat(r.field()).isEqualTo("consent"));
        assertThat(d.window().deadline()).isEqualTo(before);
        d.extend(15, "双方当事人书面同意延长", NATURAL, villageMediator, T0.plusSeconds(1000));
        assertThat(d.window().deadline()).isEqualTo(before.plus(Duration.ofDays(15)));
        assertThat(d.extensions()).isEqualTo(1);
    }

    @Test
    void theOverdueScanMarksACaseOnceOnly() {
        Dispute d = mediating();
        Actor system = new Actor(0, "系统", Set.of(), 0);
        Instant late = T0.plus(Duration.ofDays(31));
        assertThat(d.markOverdue(late, system)).isTrue();
        assertThat(d.markOverdue(late.plusSeconds(60), system)).isFalse();
        assertThat(d.pendingSteps()).last().extracting(CaseStep::action).isEqualTo("OVERDUE");
    }

    @Test
    void aSessionInTheFutureIsRefusedAndNothingIsRecorded() {
        Dispute d = mediating();
        long version = d.version();
        Instant now = T0.plus(Duration.ofDays(1));
        assertThatThrownBy(() -> d.recordSession(
                        now.plus(Duration.ofHours(3)), "村委会调解室", "双方", "笔录", List.of(), villageMediator, now))
                .isInstanceOfSatisfying(
                        DisputeRefused.class, r -> assertThat(r.field()).isEqualTo("heldAt"));
        assertThat(d.sessions()).isEmpty();
        assertThat(d.version()).isEqualTo(version);
    }

    @Test
    void anotherMediatorCannotActOnTheCase() {
        Dispute d = mediating();
        Instant now = T0.plus(Duration.ofDays(1));
        assertThatThrownBy(
                        () -> d.recordSession(now.minusSeconds(3600), "村委会", "双方", "笔录", List.of(), otherMediator, now))
                .isInstanceOfSatisfying(DisputeRefused.class, r -> {
                    assertThat(r.kind()).isEqualTo(DisputeRefused.Kind.FORBIDDEN);
                    assertThat(r.getMessage()).contains("不是您承办的案件");
                });
    }

    @Test
    void anAgreementWithoutTermsIsRefused() {
        Dispute d = mediating();
        Instant now = T0.plus(Duration.ofDays(2));
        d.recordSession(now.minusSeconds(3600), "村委会调解室", "李秀英、赵建国", "双方同意协商赔偿", List.of(), villageMediator, now);
        assertThatThrownBy(() -> d.agree(terms(), "<html></html>", villageMediator, now))
                .isInstanceOfSatisfying(
                        DisputeRefused.class, r -> assertThat(r.field()).isEqualTo("terms"));
        assertThatThrownBy(() -> d.agree(terms("赔偿 6000 元", " "), "<html></html>", villageMediator, now))
                .isInstanceOfSatisfying(
                        DisputeRefused.class, r -> assertThat(r.field()).isEqualTo("terms[1]"));
        assertThat(d.status()).isEqualTo(Status.MEDIATING);
        assertThat(d.agreement()).isNull();
    }

    @Test
    void aRulingNumberWithoutAnAgreementIsRefused() {
        Dispute d = mediating();
        assertThatThrownBy(() -> d.confirm("（2026）鲁0523民特12号", "广饶县人民法院", villageDesk, T0.plusSeconds(2000)))
                .isInstanceOfSatisfying(DisputeRefused.class, r -> {
                    assertThat(r.kind()).isEqualTo(DisputeRefused.Kind.CONFLICT);
                    assertThat(r.getMessage()).contains("尚未达成调解协议");
                });
        assertThat(d.rulingNumber()).isNull();
    }

    @Test
    void theWaterLeakRunsFromScreeningToArchiveWithOneStepPerAction() {
        Dispute d = mediating();
        Instant day2 = T0.plus(Duration.ofDays(2));
        d.recordSession(
                day2.minusSeconds(3600),
                "王家村村委会调解室",
                "李秀英、赵建国（电话联系后到场）",
                "赵建国承认水管破裂漏水，同意赔偿",
                List.of(),
                villageMediator,
                day2);
        Agreement a = terms("赵建国赔偿李秀英吊顶、地板修复费用 6000 元", "赵建国修复自家水管，三日内完成");
        String document = AgreementDocument.render(
                d.number(),
                d.body(),
                "邻里纠纷",
                List.of(
                        new AgreementDocument.Named(Side.APPLICANT, "李秀英", "370***********1234", false),
                        new AgreementDocument.Named(Side.RESPONDENT, "赵建国", "370***********2345", false)),
                a,
                villageMediator.name(),
                LocalDate.of(2026, 3, 4));
        d.agree(a, document, villageMediator, day2);
        assertThat(d.agreementSha256()).isEqualTo(Dispute.sha256(document)).hasSize(64);
        assertThat(d.concludedLevel()).isEqualTo(Level.VILLAGE);
        d.recordPerformance(
                Performance.FULL,
                "已转账",
                List.of(),
                villageMediator,
                day2.plus(Duration.ofDays(10)),
                LocalDate.of(2026, 3, 14));
        d.followUp(Satisfaction.SATISFIED, "吊顶已修好", villageMediator, day2.plus(Duration.ofDays(20)));
        d.archive(null, villageDesk, day2.plus(Duration.ofDays(21)));
        List<String> actions = d.pendingSteps().stream().map(CaseStep::action).toList();
        assertThat(actions)
                .containsExactly("RECEIVE", "ACCEPT", "ASSIGN", "SESSION", "AGREE", "PERFORM", "FOLLOW_UP", "ARCHIVE");
        assertThat(d.version()).isEqualTo(8);
        assertThat(d.status()).isEqualTo(Status.ARCHIVED);
        CaseStep agreed = d.pendingSteps().get(4);
        assertThat(agreed.detail()).isEqualTo(document);
        assertThat(agreed.comment()).contains(d.agreementSha256());
        assertThat(document).contains("人民调解协议书", "申请人：李秀英", "被申请人：赵建国", "赔偿李秀英吊顶", "2026年3月20日前履行完毕", "王家村人民调解委员会（印章）");
    }

    @Test
    void escalationHandsTheCaseToTheTownWhichAssignsItsOwnMediator() {
        Dispute d = mediating();
        Instant now = T0.plus(Duration.ofDays(3));
        assertThatThrownBy(() -> d.escalate(villageCommittee, "调解不成", CATALOG, NATURAL, villageMediator, now))
                .isInstanceOf(DisputeRefused.class);
        d.escalate(townCommittee, "涉及宅基地权属，村级无法调处", CATALOG, NATURAL, villageMediator, now);
        assertThat(d.status()).isEqualTo(Status.ACCEPTED);
        assertThat(d.body()).isEqualTo(townCommittee);
        assertThat(d.mediatorId()).isNull();
        assertThat(d.window().deadline()).isEqualTo(now.plus(Duration.ofDays(30)));
        assertThatThrownBy(() -> d.assign(villageMediator.userId(), "x", true, villageDesk, now))
                .isInstanceOfSatisfying(
                        DisputeRefused.class, r -> assertThat(r.kind()).isEqualTo(DisputeRefused.Kind.FORBIDDEN));
        assertThatThrownBy(() -> d.assign(villageMediator.userId(), "x", false, townDesk, now))
                .isInstanceOfSatisfying(
                        DisputeRefused.class, r -> assertThat(r.field()).isEqualTo("mediatorId"));
        d.assign(townMediator.userId(), townMediator.name(), true, townDesk, now);
        assertThat(d.escalations()).isEqualTo(1);
    }

    @Test
    void aFailureRecordsTheExitAndEndsTheCase() {
        Dispute d = mediating();
        Instant now = T0.plus(Duration.ofDays(3));
        d.recordSession(now.minusSeconds(60), "村委会", "双方", "赔偿金额差距过大", List.of(), villageMediator, now);
        assertThatThrownBy(() -> d.fail(null, "差距过大", villageMediator, now)).isInstanceOf(DisputeRefused.class);
        d.fail(Exit.LITIGATION, "赔偿金额差距过大", villageMediator, now);
        assertThat(d.status()).isEqualTo(Status.FAILED);
        assertThat(d.light(now)).isNull();
        assertThatThrownBy(() -> d.recordSession(now, "村委会", "双方", "x", List.of(), villageMediator, now))
                .isInstanceOfSatisfying(
                        DisputeRefused.class, r -> assertThat(r.kind()).isEqualTo(DisputeRefused.Kind.CONFLICT));
        d.archive(null, villageDesk, now.plusSeconds(60));
        assertThat(d.status()).isEqualTo(Status.ARCHIVED);
    }

    @Test
    void aHighRiskOrGroupDisputeIsMajor() {
        List<Party> two = List.of(applicant("甲", "370523195801011234"), respondent("乙", "370523197002022345"));
        assertThat(Dispute.receive(intake(two, Source.WALK_IN, null, Risk.LOW, 2, villageCommittee), villageDesk, T0)
                        .major())
                .isFalse();
        assertThat(Dispute.receive(intake(two, Source.WALK_IN, null, Risk.HIGH, 2, villageCommittee), villageDesk, T0)
                        .major())
                .isTrue();
        assertThat(Dispute.receive(
                                intake(two, Source.WALK_IN, null, Risk.MEDIUM, 200, villageCommittee), villageDesk, T0)
                        .major())
                .isTrue();
    }

    @Test
    void noneCannotBeRecordedBeforeTheDueDay() {
        Dispute d = mediating();
        Instant now = T0.plus(Duration.ofDays(2));
        d.recordSession(now.minusSeconds(60), "村委会", "双方", "同意", List.of(), villageMediator, now);
        d.agree(terms("赔偿 6000 元"), "<html>协议</html>", villageMediator, now);
        assertThatThrownBy(() -> d.recordPerformance(
                        Performance.NONE, null, List.of(), villageMediator, now, LocalDate.of(2026, 3, 5)))
                .isInstanceOfSatisfying(
                        DisputeRefused.class, r -> assertThat(r.field()).isEqualTo("performance"));
        d.confirm("（2026）鲁0523民特12号", "广饶县人民法院", villageDesk, now);
        assertThatThrownBy(() -> d.confirm("（2026）鲁0523民特13号", "广饶县人民法院", villageDesk, now))
                .isInstanceOf(DisputeRefused.class);
        List<String> actions =
                new ArrayList<>(d.pendingSteps().stream().map(CaseStep::action).toList());
        assertThat(actions).endsWith("AGREE", "CONFIRM");
    }
}
