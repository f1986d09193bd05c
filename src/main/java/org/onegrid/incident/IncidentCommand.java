package org.onegrid.incident;

import java.util.List;
import java.util.UUID;

/**
 * The actions on an existing incident (DESIGN §3), each a small command. Every one carries a {@code comment} — where
 * an action needs a text it is that text: the reason of a rejection or return, the result of a resolution or
 * completion, the instruction of a supervision order, the reply to one, an assisting department's part — and
 * optional {@code photoIds}, the evidence (佐证材料) uploaded before.
 */
public sealed interface IncidentCommand {

    String comment();

    List<UUID> photoIds();

    private static List<UUID> copy(List<UUID> ids) {
        return ids == null ? List.of() : List.copyOf(ids);
    }

    /**
     * The plain actions that need nothing but a comment and evidence: {@code accept}, {@code reject}, {@code
     * resolve}, {@code sign}, {@code return}, {@code complete}, {@code reopen}, {@code urge}, {@code report-in},
     * {@code record-part}.
     */
    record Plain(String comment, List<UUID> photoIds) implements IncidentCommand {
        public Plain {
            photoIds = copy(photoIds);
        }
    }

    /** 合并 into the incident {@code into}, which counts one more supporter. */
    record Merge(UUID into, String comment, List<UUID> photoIds) implements IncidentCommand {
        public Merge {
            photoIds = copy(photoIds);
        }
    }

    /**
     * 派遣. {@code mode}: {@code SINGLE} to {@code department}; {@code DUAL} to {@code department} with the grid worker
     * {@code supervisorUserId} supervising (双派单); {@code JOINT} to the lead {@code department} with the {@code
     * assisting} ones (吹哨报到); {@code DOWN} to the centre of the lower region {@code centre} (下派). Departments
     * are named by short code ({@code chengguan}: the branch serving the incident's place) or organisation code
     * ({@code 370523.chengguan}).
     */
    record Dispatch(
            String mode,
            String department,
            List<String> assisting,
            Long supervisorUserId,
            String centre,
            String comment,
            List<UUID> photoIds)
            implements IncidentCommand {
        public Dispatch {
            assisting = assisting == null ? List.of() : List.copyOf(assisting);
            photoIds = copy(photoIds);
        }
    }

    /** 申请延期 by {@code hours} more, counted in the handle stage's time mode; the comment is the reason. */
    record RequestExtension(Integer hours, String comment, List<UUID> photoIds) implements IncidentCommand {
        public RequestExtension {
            photoIds = copy(photoIds);
        }
    }

    /** 延期审批: approve, or deny with a reason. */
    record DecideExtension(Boolean approve, String comment, List<UUID> photoIds) implements IncidentCommand {
        public DecideExtension {
            photoIds = copy(photoIds);
        }
    }

    /** 核查: passed closes the incident; failed (with a reason) sends it back as rework. */
    record Verify(Boolean passed, String comment, List<UUID> photoIds) implements IncidentCommand {
        public Verify {
            photoIds = copy(photoIds);
        }
    }

    /**
     * 上报 to the parent centre; an emergency item may name a centre further up by its region code ({@code
     * centre}).
     */
    record Escalate(String centre, String comment, List<UUID> photoIds) implements IncidentCommand {
        public Escalate {
            photoIds = copy(photoIds);
        }
    }

    /** 评价: {@code SATISFIED} 满意, {@code BASICALLY_SATISFIED} 基本满意 or {@code DISSATISFIED} 不满意. */
    record Evaluate(String satisfaction, String comment, List<UUID> photoIds) implements IncidentCommand {
        public Evaluate {
            photoIds = copy(photoIds);
        }
    }

    /**
     * 督办: an order due in {@code hours} (working hours, or natural hours if {@code naturalHours}); the comment is
     * the instruction.
     */
    record Supervise(Integer hours, Boolean naturalHours, String comment, List<UUID> photoIds)
            implements IncidentCommand {
        public Supervise {
            photoIds = copy(photoIds);
        }
    }

    /** 督办回复 to order number {@code order}; the comment is the reply. */
    record ReplyToSupervision(Integer order, String comment, List<UUID> photoIds) implements IncidentCommand {
        public ReplyToSupervision {
            photoIds = copy(photoIds);
        }
    }

    /**
     * 核定事项类型: confirms the incident's item ({@code itemCode} the one it has) or changes it to {@code itemCode}; the
     * comment is the reason, required for a change.
     */
    record Reclassify(String itemCode, String comment, List<UUID> photoIds) implements IncidentCommand {
        public Reclassify {
            photoIds = copy(photoIds);
        }
    }
}
