package org.onegrid.patrol.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * A change to a household found at the door, for the village centre 村（社区）综治中心 to confirm or reject. Only a
 * pending request is decided, once; a rejection says why.
 */
public record ChangeRequest(
        long id,
        long householdId,
        ChangeKind kind,
        Long personId,
        String description,
        ChangeStatus status,
        int version) {

    public static final int MAX_TEXT = 500;

    /** The request a visit raises, or refused with every reason. */
    public static ChangeRequest raise(ChangeKind kind, Long personId, String description, List<Long> members) {
        List<Rejection> found = new ArrayList<>();
        if (kind == null) {
            found.add(new Rejection("change.kind", "change.kind", "请选择变化类型"));
        } else if (kind.namesMember() && (personId == null || !members.contains(personId))) {
            found.add(new Rejection("change.personId", "change.person", "请选择本户中发生变化的成员"));
        }
        String text = description == null ? "" : description.strip();
        if (kind == ChangeKind.OTHER && text.isEmpty()) {
            found.add(new Rejection("change.description", "change.description", "请说明有什么变化"));
        }
        if (text.length() > MAX_TEXT) {
            found.add(new Rejection("change.description", "change.description", "变化说明不能超过 " + MAX_TEXT + " 字"));
        }
        VisitRefused.refuseIfAny(found);
        return new ChangeRequest(0, 0, kind, kind.namesMember() ? personId : null, text, ChangeStatus.PENDING, 0);
    }

    public ChangeRequest confirm() {
        pending();
        return new ChangeRequest(id, householdId, kind, personId, description, ChangeStatus.CONFIRMED, version);
    }

    public ChangeRequest reject(String reason) {
        pending();
        if (reason == null || reason.isBlank()) {
            throw new VisitRefused(List.of(new Rejection("reason", "change.reason", "驳回须说明理由")));
        }
        return new ChangeRequest(id, householdId, kind, personId, description, ChangeStatus.REJECTED, version);
    }

    private void pending() {
        if (status != ChangeStatus.PENDING) {
            throw new VisitRefused(
                    List.of(new Rejection("status", "change.decided", "该变更申请" + status.label() + "，不能再处理")));
        }
    }
}
