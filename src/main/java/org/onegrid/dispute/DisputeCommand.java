package org.onegrid.dispute;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The commands of a dispute's path. Each may name the {@code version} it was decided on; a case that moved on since
 * answers 409 and is left as it was.
 */
public final class DisputeCommand {

    private DisputeCommand() {}

    /** 受理, 归档: with an optional comment. */
    public record Plain(Long version, String comment) {}

    /** 不予受理. */
    public record Refuse(Long version, String reason) {}

    /** 指派调解员. */
    public record Assign(Long version, Long mediatorId) {}

    /** 调解: one session held. */
    public record RecordSession(
            Long version, Instant heldAt, String place, String attendees, String minutes, List<UUID> attachmentIds) {}

    /** 延长调解期限 with the parties' consent. */
    public record Extend(Long version, Integer days, String consent) {}

    /** 上交 to another body. */
    public record Escalate(Long version, ReceiveDispute.BodyChoice to, String reason) {}

    /** 达成调解协议. {@code remainderExit} and {@code remainder} for an agreement on a part of the dispute. */
    public record Agree(
            Long version,
            String facts,
            List<String> terms,
            BigDecimal amount,
            LocalDate performBy,
            String remainderExit,
            String remainder) {}

    /** 调解不成: ARBITRATION, ADMINISTRATIVE_RULING, ADMINISTRATIVE_REVIEW or LITIGATION. */
    public record Fail(Long version, String exit, String note) {}

    /** 司法确认. */
    public record Confirm(Long version, String rulingNumber, String court) {}

    /** 履行: FULL, PARTIAL or NONE. */
    public record Perform(Long version, String performance, String note, List<UUID> attachmentIds) {}

    /** 回访: SATISFIED, BASICALLY_SATISFIED or DISSATISFIED. */
    public record FollowUp(Long version, String satisfaction, String note) {}

    /** 补充材料. */
    public record Evidence(Long version, String comment, List<UUID> attachmentIds) {}
}
