package org.onegrid.integration.hotline;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.onegrid.catalog.Catalog;
import org.onegrid.catalog.CatalogItemView;
import org.onegrid.shared.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The mapping of the hotline's categories (热线分类) to catalog items (事项): an order's category picks the item its
 * incident is reported under. Administrators edit it; the demo city starts with {@code demo/hotline/categories.csv}.
 */
@Component
@Order(35)
class HotlineCategories implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(HotlineCategories.class);
    static final String CODE = "[0-9A-Za-z._-]{1,32}";

    /** A hotline category and the item it maps to. */
    record Mapping(String code, String name, String itemCode, String itemName, Instant updatedAt, String updatedBy) {}

    private final JdbcClient jdbc;
    private final Catalog catalog;
    private final boolean demo;
    private final Clock clock = Clock.systemUTC();

    HotlineCategories(JdbcClient jdbc, Catalog catalog, @Value("${onegrid.demo.enabled:true}") boolean demo) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.demo = demo;
    }

    List<Mapping> all() {
        return jdbc.sql("SELECT code, name, item_code, updated_at, updated_by FROM hotline_category ORDER BY code")
                .query((rs, n) -> mapping(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant(),
                        rs.getString(5)))
                .list();
    }

    Optional<Mapping> find(String code) {
        return jdbc.sql("SELECT code, name, item_code, updated_at, updated_by FROM hotline_category WHERE code = :code")
                .param("code", code)
                .query((rs, n) -> mapping(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant(),
                        rs.getString(5)))
                .optional();
    }

    /** Sets what a category maps to (creating it if new). @throws 400 for a bad code or name, 422 for no such item */
    @Transactional
    Mapping put(String code, String name, String itemCode, String by) {
        if (code == null || !code.matches(CODE)) {
            throw Problems.invalid("code", "a hotline category code has 1 to 32 letters, digits, '.', '_' or '-'");
        }
        if (name == null || name.isBlank() || name.length() > 200) {
            throw Problems.invalid(
                    "name", "name is required: the hotline's name of the category, at most 200 characters");
        }
        if (itemCode == null || itemCode.isBlank()) {
            throw Problems.invalid("itemCode", "itemCode is required: the catalog item (事项) the category maps to");
        }
        CatalogItemView item = catalog.item(itemCode.strip())
                .filter(CatalogItemView::active)
                .orElseThrow(() -> Problems.of(
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        "unknown-item",
                        "There is no catalog item (事项) " + itemCode + " open for reports",
                        Map.of("field", "itemCode")));
        jdbc.sql("""
                INSERT INTO hotline_category (code, name, item_code, updated_at, updated_by)
                VALUES (:code, :name, :item, :now, :by)
                ON CONFLICT (code) DO UPDATE SET name = :name, item_code = :item, updated_at = :now, updated_by = :by
                """)
                .param("code", code)
                .param("name", name.strip())
                .param("item", item.code())
                .param("now", Timestamp.from(clock.instant()))
                .param("by", by)
                .update();
        return find(code).orElseThrow();
    }

    /** @return whether there was such a category */
    @Transactional
    boolean remove(String code) {
        return jdbc.sql("DELETE FROM hotline_category WHERE code = :code")
                        .param("code", code)
                        .update()
                > 0;
    }

    /** The demo city's categories, once, into an empty table. */
    @Override
    public void run(ApplicationArguments args) {
        if (!demo) {
            return;
        }
        long existing = jdbc.sql("SELECT count(*) FROM hotline_category")
                .query(Long.class)
                .single();
        if (existing > 0) {
            return;
        }
        int seeded = 0;
        for (String[] row : demoRows()) {
            if (catalog.item(row[2]).isPresent()) {
                put(row[0], row[1], row[2], "demo");
                seeded++;
            }
        }
        log.info("Seeded {} demo 12345 hotline categories", seeded);
    }

    private static List<String[]> demoRows() {
        ClassPathResource csv = new ClassPathResource("demo/hotline/categories.csv");
        try (BufferedReader in =
                new BufferedReader(new InputStreamReader(csv.getInputStream(), StandardCharsets.UTF_8))) {
            return in.lines()
                    .skip(1)
                    .filter(line -> !line.isBlank())
                    .map(line -> line.split(",", -1))
                    .filter(parts -> parts.length == 3)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Mapping mapping(String code, String name, String itemCode, Instant at, String by) {
        return new Mapping(
                code,
                name,
                itemCode,
                catalog.item(itemCode).map(CatalogItemView::name).orElse(null),
                at,
                by);
    }
}
