package org.onegrid.patrol.domain;

import java.util.List;

/** A visit or decision refused, with every reason at once; nothing was recorded. */
public class VisitRefused extends RuntimeException {

    private final transient List<Rejection> rejections;

    public VisitRefused(List<Rejection> rejections) {
        super(rejections.isEmpty() ? "refused" : rejections.get(0).message());
        this.rejections = List.copyOf(rejections);
    }

    public List<Rejection> rejections() {
        return rejections;
    }

    static void refuseIfAny(List<Rejection> found) {
        if (!found.isEmpty()) {
            throw new VisitRefused(found);
        }
    }
}
