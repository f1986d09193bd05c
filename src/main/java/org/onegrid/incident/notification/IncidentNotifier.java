package org.onegrid.incident.notification;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.onegrid.casework.Satisfaction;
import org.onegrid.casework.notify.Notifications;
import org.onegrid.casework.notify.Notifications.Recipient;
import org.onegrid.incident.domain.AssistingPartRecorded;
import org.onegrid.incident.domain.DispatchMode;
import org.onegrid.incident.domain.Handling;
import org.onegrid.incident.domain.IncidentAccepted;
import org.onegrid.incident.domain.IncidentClosed;
import org.onegrid.incident.domain.IncidentCompleted;
import org.onegrid.incident.domain.IncidentDispatched;
import org.onegrid.incident.domain.IncidentDispatchedDown;
import org.onegrid.incident.domain.IncidentEscalated;
import org.onegrid.incident.domain.IncidentEvaluated;
import org.onegrid.incident.domain.IncidentExtensionDecided;
import org.onegrid.incident.domain.IncidentExtensionRequested;
import org.onegrid.incident.domain.IncidentId;
import org.onegrid.incident.domain.IncidentMerged;
import org.onegrid.incident.domain.IncidentOverdue;
import org.onegrid.incident.domain.IncidentRejected;
import org.onegrid.incident.domain.IncidentReopened;
import org.onegrid.incident.domain.IncidentReported;
import org.onegrid.incident.domain.IncidentReturned;
import org.onegrid.incident.domain.IncidentSigned;
import org.onegrid.incident.domain.IncidentSnapshot;
import org.onegrid.incident.domain.IncidentSupervised;
import org.onegrid.incident.domain.IncidentSupplemented;
import org.onegrid.incident.domain.IncidentUrged;
import org.onegrid.incident.domain.IncidentVerificationFailed;
import org.onegrid.incident.domain.SupervisionReplied;
import org.onegrid.incident.persistence.IncidentRows;
import org.onegrid.incident.persistence.IncidentStore;
import org.onegrid.shared.config.CityTime;
import org.onegrid.staff.GridDuty;
import org.onegrid.staff.Role;
import org.onegrid.staff.Staff;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Turns the loop's events into in-app notifications for whoever the action hands work to, in the action's own
 * transaction (an action and its notices commit together): new reports to the owning centre's dispatchers, dispatch
 * to the department's handlers (and, for 双派单, the supervising grid worker; for 吹哨报到, the assisting
 * departments), rework to the departments, urging, supervision and deadlines to the owner and the departments,
 * completion to whoever verifies; and status updates to a reporter with an account.
 */
@Component
public class IncidentNotifier {

    private static final DateTimeFormatter LOCAL =
            DateTimeFormatter.ofPattern("M月d日 HH:mm").withZone(CityTime.ZONE);

    private final Notifications notifications;
    private final IncidentStore store;
    private final JdbcClient jdbc;
    private final Staff staff;

    IncidentNotifier(Notifications notifications, IncidentStore store, JdbcClient jdbc, Staff staff) {
        this.notifications = notifications;
        this.store = store;
        this.jdbc = jdbc;
        this.staff = staff;
    }

    /**
     * What the notices say about an incident and whom they go to, as of the action's transaction.
     *
     * @param leadOrgId the lead department, 0 if none
     * @param supervisorUserId the supervising grid worker of a dual dispatch, null if none
     */
    private record Facts(
            String number,
            String itemName,
            Long reporterUserId,
            String gridCode,
            long ownerOrgId,
            long leadOrgId,
            Long supervisorUserId) {

        /** How a notice names the incident: its item and its number, 「占道经营」（DY-20261203-0042）. */
        String named() {
            return "「" + itemName + "」" + (number == null ? "" : "（" + number + "）");
        }
    }

    /**
     * The events come from the store as it saves the incident, so it has the state just saved; the row is read only
     * for an event published some other way.
     */
    private Facts facts(IncidentId id) {
        return store.saved(id)
                .map(saved -> facts(saved.snapshot(), saved.placement().number()))
                .orElseGet(() -> jdbc.sql("""
                        SELECT item_name, reporter_user_id, grid_code, owner_org_id, coalesce(lead_org_id, 0),
                               handling ->> 'supervisorUserId', number
                          FROM incident WHERE id = :id
                        """)
                        .param("id", id.value())
                        .query((rs, n) -> {
                            long reporter = rs.getLong(2);
                            Long reporterUserId = rs.wasNull() ? null : reporter;
                            String supervisor = rs.getString(6);
                            return new Facts(
                                    rs.getString(7),
                                    rs.getString(1),
                                    reporterUserId,
                                    rs.getString(3),
                                    rs.getLong(4),
                                    rs.getLong(5),
                                    supervisor == null ? null : Long.valueOf(supervisor));
                        })
                        .single());
    }

    private static Facts facts(IncidentSnapshot s, String number) {
        Handling h = s.handling();
        return new Facts(
                number,
                s.terms().itemName(),
                s.intake().reporter().userId(),
                s.intake().gridCode(),
                s.owner().orgId(),
                h == null ? 0 : h.lead().orgId(),
                h == null ? null : h.supervisorUserId());
    }

    static String local(Instant instant) {
        return LOCAL.format(instant);
    }

    private static Recipient centre(long orgId) {
        return Notifications.org(orgId, Role.CENTRE_DISPATCHER);
    }

    private static Recipient department(long orgId) {
        return Notifications.org(orgId, Role.DEPARTMENT_HANDLER);
    }

    private void send(IncidentId id, Instant at, String kind, String text, List<Recipient> to) {
        notifications.notify(to, IncidentCaseKind.KIND, id.value(), kind, text, at);
    }

    private void toReporter(IncidentId id, Instant at, Facts facts, String text) {
        if (facts.reporterUserId() != null) {
            send(id, at, "STATUS", "您反映的" + facts.named() + text, List.of(Notifications.user(facts.reporterUserId())));
        }
    }

    @EventListener
    void on(IncidentReported e) {
        Facts f = facts(e.incidentId());
        send(
                e.incidentId(),
                e.at(),
                "NEW_INCIDENT",
                "新事件待受理：" + f.named() + "，受理期限 " + local(e.acceptDeadline()),
                List.of(centre(e.ownerOrgId())));
    }

    @EventListener
    void on(IncidentAccepted e) {
        toReporter(e.incidentId(), e.at(), facts(e.incidentId()), "已受理");
    }

    @EventListener
    void on(IncidentRejected e) {
        toReporter(e.incidentId(), e.at(), facts(e.incidentId()), "不予受理：" + e.reason());
    }

    @EventListener
    void on(IncidentMerged e) {
        toReporter(e.incidentId(), e.at(), facts(e.incidentId()), "已与同类事件合并办理");
    }

    @EventListener
    void on(IncidentDispatched e) {
        Facts f = facts(e.incidentId());
        String deadline = "，处置期限 " + local(e.handleDeadline());
        send(
                e.incidentId(),
                e.at(),
                "DISPATCHED",
                (e.mode() == DispatchMode.JOINT ? "吹哨报到（牵头）：" : "新派遣任务：") + f.named() + "，请签收" + deadline,
                List.of(department(e.leadOrgId())));
        if (!e.assistingOrgIds().isEmpty()) {
            send(
                    e.incidentId(),
                    e.at(),
                    "ASSIST_REQUESTED",
                    "吹哨报到（协办）：" + f.named() + "，请报到并反馈协办情况" + deadline,
                    e.assistingOrgIds().stream()
                            .map(IncidentNotifier::department)
                            .toList());
        }
        if (e.supervisorUserId() != null) {
            send(
                    e.incidentId(),
                    e.at(),
                    "SUPERVISE_ON_SITE",
                    "双派单：请现场督办并核查" + f.named() + deadline,
                    List.of(Notifications.user(e.supervisorUserId())));
        }
        toReporter(e.incidentId(), e.at(), f, "已派遣至处置部门");
    }

    @EventListener
    void on(IncidentDispatchedDown e) {
        Facts f = facts(e.incidentId());
        send(
                e.incidentId(),
                e.at(),
                "DISPATCHED_DOWN",
                "上级下派：" + f.named() + "，受理期限 " + local(e.acceptDeadline()),
                List.of(centre(e.toOrgId())));
    }

    @EventListener
    void on(IncidentSigned e) {
        toReporter(e.incidentId(), e.at(), facts(e.incidentId()), "已签收，正在处置");
    }

    @EventListener
    void on(IncidentReturned e) {
        Facts f = facts(e.incidentId());
        send(
                e.incidentId(),
                e.at(),
                "RETURNED",
                "部门退回：" + f.named() + "，理由：" + e.reason(),
                List.of(centre(e.ownerOrgId())));
    }

    @EventListener
    void on(IncidentExtensionRequested e) {
        Facts f = facts(e.incidentId());
        send(
                e.incidentId(),
                e.at(),
                "EXTENSION_REQUESTED",
                "延期申请待审批：" + f.named() + "",
                List.of(centre(e.ownerOrgId())));
    }

    @EventListener
    void on(IncidentExtensionDecided e) {
        Facts f = facts(e.incidentId());
        long lead = f.leadOrgId();
        send(
                e.incidentId(),
                e.at(),
                "EXTENSION_DECIDED",
                (e.approved() ? "延期已批准" : "延期未批准") + "：" + f.named() + "，处置期限 " + local(e.handleDeadline()),
                List.of(department(lead)));
    }

    @EventListener
    void on(AssistingPartRecorded e) {
        Facts f = facts(e.incidentId());
        send(e.incidentId(), e.at(), "PART_RECORDED", "协办部门已反馈：" + f.named() + "", List.of(department(f.leadOrgId())));
    }

    @EventListener
    void on(IncidentCompleted e) {
        Facts f = facts(e.incidentId());
        List<Recipient> to = new ArrayList<>();
        to.add(centre(f.ownerOrgId()));
        Long supervisor = f.supervisorUserId();
        if (supervisor != null) {
            to.add(Notifications.user(supervisor));
        } else {
            staff.gridStaff(f.gridCode()).stream()
                    .filter(a -> a.duty() == GridDuty.GRID_WORKER)
                    .forEach(a -> to.add(Notifications.user(a.userId())));
        }
        send(e.incidentId(), e.at(), "TO_VERIFY", "待核查：" + f.named() + "已办结，核查期限 " + local(e.verifyDeadline()), to);
        toReporter(e.incidentId(), e.at(), f, "已处置，待核查");
    }

    @EventListener
    void on(IncidentClosed e) {
        toReporter(e.incidentId(), e.at(), facts(e.incidentId()), "已办结，欢迎评价");
    }

    @EventListener
    void on(IncidentVerificationFailed e) {
        Facts f = facts(e.incidentId());
        send(
                e.incidentId(),
                e.at(),
                "REWORK",
                "核查未通过，请返工：" + f.named() + "，处置期限 " + local(e.handleDeadline()),
                e.departmentOrgIds().stream().map(IncidentNotifier::department).toList());
    }

    @EventListener
    void on(IncidentEscalated e) {
        Facts f = facts(e.incidentId());
        send(
                e.incidentId(),
                e.at(),
                "ESCALATED",
                (e.automatic() ? "超期自动上报：" : "下级上报：") + f.named(),
                List.of(centre(e.toOrgId())));
    }

    @EventListener
    void on(IncidentEvaluated e) {
        Facts f = facts(e.incidentId());
        send(
                e.incidentId(),
                e.at(),
                "EVALUATED",
                "评价" + e.satisfaction().label() + "：" + f.named() + ""
                        + (e.satisfaction() == Satisfaction.DISSATISFIED ? "，可重办" : ""),
                List.of(centre(f.ownerOrgId())));
    }

    @EventListener
    void on(IncidentReopened e) {
        toReporter(e.incidentId(), e.at(), facts(e.incidentId()), "已重新办理");
    }

    @EventListener
    void on(IncidentUrged e) {
        Facts f = facts(e.incidentId());
        send(
                e.incidentId(),
                e.at(),
                "URGED",
                "催办：" + f.named() + "",
                ownerAndDepartments(e.ownerOrgId(), e.departmentOrgIds()));
    }

    @EventListener
    void on(IncidentSupplemented e) {
        Facts f = facts(e.incidentId());
        send(e.incidentId(), e.at(), "SUPPLEMENTED", "群众补充说明：" + f.named() + "", List.of(centre(e.ownerOrgId())));
    }

    @EventListener
    void on(IncidentSupervised e) {
        Facts f = facts(e.incidentId());
        send(
                e.incidentId(),
                e.at(),
                "SUPERVISED",
                "督办（第" + e.orderNumber() + "号）：" + f.named() + "，回复期限 " + local(e.deadline()),
                ownerAndDepartments(e.ownerOrgId(), e.departmentOrgIds()));
    }

    @EventListener
    void on(SupervisionReplied e) {
        Facts f = facts(e.incidentId());
        send(
                e.incidentId(),
                e.at(),
                "SUPERVISION_REPLIED",
                "督办回复（第" + e.orderNumber() + "号）：" + f.named() + "",
                List.of(centre(e.issuerOrgId()), Notifications.org(e.issuerOrgId(), Role.LEADER)));
    }

    @EventListener
    void on(IncidentOverdue e) {
        Facts f = facts(e.incidentId());
        send(
                e.incidentId(),
                e.at(),
                "OVERDUE",
                "红灯超期：" + f.named() + "" + e.stage().label() + "环节已超过期限 " + local(e.deadline()),
                ownerAndDepartments(e.ownerOrgId(), e.departmentOrgIds()));
    }

    private static List<Recipient> ownerAndDepartments(long owner, List<Long> departments) {
        List<Recipient> to = new ArrayList<>();
        to.add(centre(owner));
        departments.forEach(d -> to.add(department(d)));
        return to;
    }

    /** For the scan's yellow warnings: owners and handling departments of a stage at 80 % of its time. */
    public void deadlineWarning(IncidentRows.YellowDue due, Instant at) {
        List<Recipient> to = new java.util.ArrayList<>();
        to.add(Notifications.org(due.ownerOrgId(), Role.CENTRE_DISPATCHER));
        due.departmentIds().forEach(d -> to.add(Notifications.org(d, Role.DEPARTMENT_HANDLER)));
        notifications.notify(
                to,
                IncidentCaseKind.KIND,
                due.id().value(),
                "DEADLINE_WARNING",
                "黄灯预警：「" + due.itemName() + "」（" + due.number() + "）"
                        + due.stage().label() + "环节时限已用80%，期限 " + local(due.deadline()),
                at);
    }
}
