package org.onegrid.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One incident in full (事件详情): what was reported where, who owns and handles it, the running stage with its
 * deadline and light, what it has been through, its photos and its history.
 *
 * @param number the short number staff quote (事件编号), e.g. {@code DY-20261203-0042}; {@code id} stays the API's
 *     id
 * @param reporterPhone masked ({@code 138****1234}); the clear number is never shown
 * @param light {@code GREEN}, {@code YELLOW} or {@code RED} now; null without a running stage
 * @param resolutionLevel the level it was resolved at (化解层级), while closed
 * @param typeUnconfirmed 类型待确认: the item was suggested from the text (智能分拨) and the owning centre has not yet
 *     confirmed or changed it
 */
public record IncidentView(
        UUID id,
        String number,
        long version,
        String status,
        String statusLabel,
        String channel,
        String itemCode,
        String itemName,
        String categoryCode,
        Terms terms,
        String text,
        Double longitude,
        Double latitude,
        String address,
        String gridCode,
        String villageCode,
        String townCode,
        String countyCode,
        String regionPath,
        Long reporterUserId,
        String reporterName,
        String reporterPhone,
        Instant reportedAt,
        Org owner,
        HandlingView handling,
        StageView stage,
        String light,
        ExtensionView pendingExtension,
        Counts counts,
        UUID mergedInto,
        String result,
        String satisfaction,
        String resolutionLevel,
        Instant closedAt,
        StageTimesView stageTimes,
        List<SupervisionView> supervisions,
        List<PhotoView> photos,
        HistoryView history,
        boolean typeUnconfirmed) {

    /** The catalog terms frozen at intake: level, time limits per stage, joint handling, emergency, auto-escalation. */
    public record Terms(
            String normalLevel,
            List<String> departmentCodes,
            Limit accept,
            Limit handle,
            Limit verify,
            boolean jointAllowed,
            boolean emergency,
            boolean autoEscalate) {}

    public record Limit(Duration duration, String mode) {}

    /** An organisation, with its level when it is a centre. */
    public record Org(long id, String name, String level, String regionPath) {}

    public record HandlingView(
            String mode,
            Org lead,
            List<AssistView> assisting,
            Long supervisorUserId,
            Instant dispatchedAt,
            Instant signedAt) {}

    public record AssistView(Org department, Instant reportedInAt, String part, Instant partRecordedAt) {}

    /**
     * @param provisional whether the deadline was counted in working time on the provisional calendar 临时日历 of a
     *     year whose official holiday arrangement is not yet entered; it is counted again once it is
     */
    public record StageView(
            String stage,
            Instant startedAt,
            Instant deadline,
            Instant yellowAt,
            boolean overdueMarked,
            boolean provisional) {}

    public record ExtensionView(
            Duration extra, String reason, long requestedBy, long departmentId, Instant requestedAt) {}

    public record Counts(
            int supporters,
            int returns,
            int reworks,
            int reopens,
            int escalations,
            int urges,
            int overdues,
            int extensions) {}

    /** Working time spent per stage. */
    public record StageTimesView(Duration accept, Duration handle, Duration verify) {}

    public record SupervisionView(
            int number,
            long issuerUserId,
            long issuerOrgId,
            String instruction,
            Instant issuedAt,
            Instant deadline,
            String reply,
            Long repliedBy,
            Instant repliedAt) {}

    /** A photo, served at {@code url} to whoever may see the incident. */
    public record PhotoView(UUID id, String url, String contentType, int size) {}
}
