package org.onegrid.catalog.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.onegrid.catalog.persistence.CatalogRows;
import org.onegrid.catalog.persistence.CatalogRows.CategoryRow;
import org.onegrid.catalog.rules.CatalogRules;
import org.onegrid.catalog.rules.Violation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * Seeds the demo catalog 事项清单 once, when the catalog is empty: the categories and items of {@code
 * demo/catalog/}, modelled on the lists Weihai and Zibo publish. Every item is checked by the same rules as an
 * administrator's change, except that departments are not looked up: the staff module seeds them later ({@code
 * @Order(30)}); a test proves every department code exists in the demo city.
 */
@Component
@Order(25)
@ConditionalOnProperty(name = "onegrid.demo.enabled", havingValue = "true", matchIfMissing = true)
class DemoCatalog implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCatalog.class);
    private static final Pattern DEPARTMENT_CODE = Pattern.compile("[a-z]{2,20}");

    private final CatalogRows rows;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final ObjectMapper json;

    DemoCatalog(CatalogRows rows, JdbcClient jdbc, TransactionTemplate tx, ObjectMapper json) {
        this.rows = rows;
        this.jdbc = jdbc;
        this.tx = tx;
        this.json = json;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (rows.countCategories() > 0) {
            return;
        }
        DemoCatalogFiles files = DemoCatalogFiles.read(json);
        check(files);
        Integer seeded = tx.execute(status -> seed(files));
        if (seeded != null && seeded > 0) {
            log.info("Demo catalog: {} categories, {} items", files.categories().size(), seeded);
        }
    }

    /** Refuses the whole file if any item breaks a rule, naming each one. */
    static void check(DemoCatalogFiles files) {
        Set<String> categories =
                files.categories().stream().map(CategoryRow::code).collect(Collectors.toSet());
        CatalogRules rules = new CatalogRules(
                categories::contains, code -> DEPARTMENT_CODE.matcher(code).matches());
        List<String> problems = new ArrayList<>();
        Set<String> codes = new java.util.HashSet<>();
        for (CategoryRow category : files.categories()) {
            List<Violation> found = new ArrayList<>(rules.checkCode(category.code()));
            found.addAll(rules.checkCategoryName(category.name()));
            found.forEach(v -> problems.add("category " + category.code() + ": " + v.field() + ": " + v.message()));
        }
        for (DemoCatalogFiles.Item item : files.items()) {
            List<Violation> found = new ArrayList<>(rules.checkCode(item.code()));
            found.addAll(rules.check(item.draft()));
            found.forEach(v -> problems.add(
                    "items.csv line " + item.line() + " " + item.code() + ": " + v.field() + ": " + v.message()));
            if (!codes.add(item.code())) {
                problems.add("items.csv line " + item.line() + ": " + item.code() + " appears twice");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException(
                    "The demo catalog breaks the catalog's rules:\n" + String.join("\n", problems));
        }
    }

    private int seed(DemoCatalogFiles files) {
        // several nodes starting at once: one seeds, the others find the catalog there
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('onegrid.catalog.demo'))")
                .query()
                .singleValue();
        if (rows.countCategories() > 0) {
            return 0;
        }
        files.categories().forEach(rows::insertCategory);
        files.items().forEach(item -> rows.insertItem(item.code(), item.draft()));
        return files.items().size();
    }
}
