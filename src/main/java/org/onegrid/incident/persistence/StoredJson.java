package org.onegrid.incident.persistence;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.onegrid.casework.time.TimeLimit;
import org.onegrid.incident.domain.CatalogTerms;
import org.onegrid.incident.domain.Department;
import org.onegrid.incident.domain.DispatchMode;
import org.onegrid.incident.domain.ExtensionRequest;
import org.onegrid.incident.domain.Handling;
import org.onegrid.incident.domain.Level;
import org.onegrid.incident.domain.SupervisionOrder;
import org.onegrid.worktime.TimeMode;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON columns of {@code incident}: plain records of strings and numbers, written and read by a mapper of their
 * own, so that neither the domain's records nor the application's JSON settings can change what is stored.
 *
 * <p>The terms are those of the item version an incident was reported under, so thousands of incidents carry the
 * same few hundred: they are kept, decoded by their exact text and encoded by their value. That needs no
 * invalidation (terms that change are another text and another value), and {@link CatalogTerms} is immutable, so
 * one value serves every incident that carries it.
 */
final class StoredJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * How many terms are kept each way: far more than a catalog's items and their versions in use; past it, the
     * cache starts afresh rather than grow.
     */
    static final int TERMS_KEPT = 1024;

    private static final Map<String, CatalogTerms> DECODED_TERMS = new ConcurrentHashMap<>();
    private static final Map<CatalogTerms, String> ENCODED_TERMS = new ConcurrentHashMap<>();

    /** The form of no supervision orders, as written and as PostgreSQL gives it back. */
    private static final String NO_SUPERVISIONS = "[]";

    private StoredJson() {}

    record Limit(String duration, String mode) {
        static Limit of(TimeLimit limit) {
            return new Limit(limit.duration().toString(), limit.mode().name());
        }

        TimeLimit limit() {
            return new TimeLimit(Duration.parse(duration), TimeMode.valueOf(mode));
        }
    }

    record Terms(
            String itemCode,
            String itemName,
            List<String> departmentCodes,
            String normalLevel,
            Limit accept,
            Limit handle,
            Limit verify,
            boolean jointAllowed,
            boolean emergency,
            boolean autoEscalateOnOverdue) {}

    record Dept(long orgId, String regionPath) {}

    record Assist(Dept department, String reportedInAt, String part, String partRecordedAt) {}

    record Handled(
            String mode,
            Dept lead,
            List<Assist> assisting,
            Long supervisorUserId,
            String dispatchedAt,
            String signedAt) {}

    record Extension(String extra, String reason, long requestedBy, long departmentId, String requestedAt) {}

    record Supervision(
            int number,
            long issuerUserId,
            long issuerOrgId,
            String instruction,
            String issuedAt,
            String deadline,
            String reply,
            Long repliedBy,
            String repliedAt) {}

    static String terms(CatalogTerms t) {
        return kept(ENCODED_TERMS, t, StoredJson::encodeTerms);
    }

    static CatalogTerms terms(String json) {
        return kept(DECODED_TERMS, json, StoredJson::decodeTerms);
    }

    /** How many terms are kept now, decoded and encoded together. */
    static int termsKept() {
        return DECODED_TERMS.size() + ENCODED_TERMS.size();
    }

    private static <K, V> V kept(Map<K, V> cache, K key, Function<K, V> compute) {
        V value = cache.get(key);
        if (value == null) {
            value = compute.apply(key);
            if (cache.size() >= TERMS_KEPT) {
                cache.clear();
            }
            cache.put(key, value);
        }
        return value;
    }

    private static String encodeTerms(CatalogTerms t) {
        return JSON.writeValueAsString(new Terms(
                t.itemCode(),
                t.itemName(),
                t.departmentCodes(),
                t.normalLevel().name(),
                Limit.of(t.accept()),
                Limit.of(t.handle()),
                Limit.of(t.verify()),
                t.jointAllowed(),
                t.emergency(),
                t.autoEscalateOnOverdue()));
    }

    private static CatalogTerms decodeTerms(String json) {
        Terms t = JSON.readValue(json, Terms.class);
        return new CatalogTerms(
                t.itemCode(),
                t.itemName(),
                t.departmentCodes(),
                Level.valueOf(t.normalLevel()),
                t.accept().limit(),
                t.handle().limit(),
                t.verify().limit(),
                t.jointAllowed(),
                t.emergency(),
                t.autoEscalateOnOverdue());
    }

    static String handling(Handling h) {
        if (h == null) {
            return null;
        }
        return JSON.writeValueAsString(new Handled(
                h.mode().name(),
                dept(h.lead()),
                h.assisting().stream()
                        .map(a -> new Assist(
                                dept(a.department()), text(a.reportedInAt()), a.part(), text(a.partRecordedAt())))
                        .toList(),
                h.supervisorUserId(),
                text(h.dispatchedAt()),
                text(h.signedAt())));
    }

    static Handling handling(String json) {
        if (json == null) {
            return null;
        }
        Handled h = JSON.readValue(json, Handled.class);
        return new Handling(
                DispatchMode.valueOf(h.mode()),
                department(h.lead()),
                h.assisting().stream()
                        .map(a -> new Handling.Assist(
                                department(a.department()),
                                instant(a.reportedInAt()),
                                a.part(),
                                instant(a.partRecordedAt())))
                        .toList(),
                h.supervisorUserId(),
                instant(h.dispatchedAt()),
                instant(h.signedAt()));
    }

    static String extension(ExtensionRequest e) {
        if (e == null) {
            return null;
        }
        return JSON.writeValueAsString(new Extension(
                e.extra().toString(), e.reason(), e.requestedBy(), e.departmentId(), text(e.requestedAt())));
    }

    static ExtensionRequest extension(String json) {
        if (json == null) {
            return null;
        }
        Extension e = JSON.readValue(json, Extension.class);
        return new ExtensionRequest(
                Duration.parse(e.extra()), e.reason(), e.requestedBy(), e.departmentId(), instant(e.requestedAt()));
    }

    static String supervisions(List<SupervisionOrder> orders) {
        if (orders.isEmpty()) {
            return NO_SUPERVISIONS;
        }
        return JSON.writeValueAsString(orders.stream()
                .map(o -> new Supervision(
                        o.number(),
                        o.issuerUserId(),
                        o.issuerOrgId(),
                        o.instruction(),
                        text(o.issuedAt()),
                        text(o.deadline()),
                        o.reply(),
                        o.repliedBy(),
                        text(o.repliedAt())))
                .toList());
    }

    static List<SupervisionOrder> supervisions(String json) {
        if (NO_SUPERVISIONS.equals(json)) {
            return List.of();
        }
        List<Supervision> stored = JSON.readValue(json, new TypeReference<List<Supervision>>() {});
        return stored.stream()
                .map(o -> new SupervisionOrder(
                        o.number(),
                        o.issuerUserId(),
                        o.issuerOrgId(),
                        o.instruction(),
                        instant(o.issuedAt()),
                        instant(o.deadline()),
                        o.reply(),
                        o.repliedBy(),
                        instant(o.repliedAt())))
                .toList();
    }

    private static Dept dept(Department d) {
        return new Dept(d.orgId(), d.regionPath());
    }

    private static Department department(Dept d) {
        return new Department(d.orgId(), d.regionPath());
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }
}
