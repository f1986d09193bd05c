package org.onegrid.dispute.domain;

import java.util.Objects;

/**
 * The mediation body that owns a dispute (调解组织): a committee or a department, hosted by a staff organisation whose
 * mediators run its cases and whose desk assigns them.
 *
 * @param field the professional committee's field; null for other kinds
 * @param orgId the hosting organisation (a centre, or the department for 行政调解)
 * @param regionPath the path of the region the body serves
 * @param name the body's name as documents write it, e.g. 大王镇人民调解委员会
 * @param court the court a 司法调解 works with; null for other kinds
 */
public record Body(
        BodyKind kind,
        Field field,
        long orgId,
        Level level,
        String regionCode,
        String regionPath,
        String name,
        String court) {

    public Body {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(regionPath, "regionPath");
        Objects.requireNonNull(name, "name");
    }

    public boolean sameAs(Body other) {
        return other != null && kind == other.kind && field == other.field && orgId == other.orgId;
    }
}
