package org.onegrid.incident;

import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.onegrid.incident.persistence.WorkLists;
import org.onegrid.shared.web.TextRules;
import org.onegrid.staff.OrgKind;
import org.onegrid.staff.StaffPrincipal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The work lists of those who handle and check incidents rather than dispatch them: a department's inbox (部门待办)
 * and a grid worker's lists. Each list holds only what the caller's organisation or grids are involved in.
 */
@Service
public class WorkListsApi {

    /** The most rows a list shows; a department or grid with more works them off from the top (most urgent first). */
    public static final int LIMIT = 100;

    /** The tabs of a department's inbox. */
    public enum Inbox {
        /** 待签收. */
        TO_SIGN,
        /** 处置中. */
        IN_PROGRESS,
        /** 即将到期 (yellow). */
        DUE_SOON,
        /** 已超期 (red). */
        OVERDUE,
        /** 协办任务: joint tasks where the department assists. */
        ASSISTING
    }

    /** A grid worker's lists. */
    public enum GridList {
        /** 我的上报. */
        MINE,
        /** 待核查. */
        TO_VERIFY,
        /** 可就地解决. */
        RESOLVABLE
    }

    private final WorkLists lists;
    private final Clock clock;

    WorkListsApi(WorkLists lists, Clock clock) {
        this.lists = lists;
        this.clock = clock;
    }

    /** How many incidents each tab of the caller's department holds; all zero for someone outside a department. */
    @Transactional(readOnly = true)
    public Map<Inbox, Long> inboxCounts(StaffPrincipal me) {
        Map<Inbox, Long> counts = new EnumMap<>(Inbox.class);
        if (!inDepartment(me)) {
            for (Inbox tab : Inbox.values()) {
                counts.put(tab, 0L);
            }
            return counts;
        }
        lists.inboxCounts(me.orgId(), clock.instant()).forEach((tab, n) -> counts.put(Inbox.valueOf(tab.name()), n));
        return counts;
    }

    @Transactional(readOnly = true)
    public List<IncidentSummaryView> inbox(Inbox tab, StaffPrincipal me) {
        if (!inDepartment(me)) {
            return List.of();
        }
        return lists.inbox(WorkLists.InboxTab.valueOf(tab.name()), me.orgId(), clock.instant(), LIMIT);
    }

    /**
     * The department's incidents, in any tab and closed ones too, whose number (whole or its tail) or description,
     * address or item has {@code text}; newest first.
     */
    @Transactional(readOnly = true)
    public List<IncidentSummaryView> inboxSearch(String text, StaffPrincipal me) {
        if (!inDepartment(me)) {
            return List.of();
        }
        TextRules.check("q", text, TextRules.Kind.QUERY);
        return lists.inboxSearch(me.orgId(), text, clock.instant(), LIMIT);
    }

    @Transactional(readOnly = true)
    public List<IncidentSummaryView> grid(GridList list, StaffPrincipal me) {
        return lists.grid(WorkLists.GridTab.valueOf(list.name()), me.userId(), me.grids(), clock.instant(), LIMIT);
    }

    private static boolean inDepartment(StaffPrincipal me) {
        return me.orgKind() == OrgKind.DEPARTMENT;
    }
}
