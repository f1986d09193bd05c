package org.onegrid.registry.demo;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.onegrid.region.GridView;
import org.onegrid.region.Grids;
import org.onegrid.region.RegionLevel;
import org.onegrid.region.Regions;
import org.onegrid.registry.DemoRegistryImported;
import org.onegrid.registry.imports.ImportKind;
import org.onegrid.registry.imports.ImportReport;
import org.onegrid.registry.imports.RegistryImporter;
import org.onegrid.staff.Staff;
import org.onegrid.staff.StaffPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo city's synthetic registry 合成数据: every village of one town ({@code onegrid.demo.registry.town}, 大王镇 by
 * default, with 花园社区) in full — addresses, buildings, households, persons, organisations — generated with a fixed
 * seed ({@link SyntheticRegistry}) and loaded through the importer as the city's administrator, the same code path a
 * city's own files take; every row is marked synthetic. Once per database (when no synthetic import is logged yet),
 * after the demo staff exist, in the background unless configured otherwise. When all of it is in, {@link
 * DemoRegistryImported} tells the modules that build on the town's households (the year of visits).
 */
@Component
@Order(45)
@ConditionalOnProperty(name = "onegrid.demo.enabled", havingValue = "true", matchIfMissing = true)
class DemoRegistry implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoRegistry.class);
    private static final long SEED = 20261203L;

    private final RegistryImporter importer;
    private final Regions regions;
    private final Grids grids;
    private final Staff staff;
    private final JdbcClient jdbc;
    private final String town;
    private final int householdsPerVillage;
    private final boolean background;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;

    DemoRegistry(
            RegistryImporter importer,
            Regions regions,
            Grids grids,
            Staff staff,
            JdbcClient jdbc,
            @Value("${onegrid.demo.registry.town:370523101}") String town,
            @Value("${onegrid.demo.registry.households-per-village:300}") int householdsPerVillage,
            @Value("${onegrid.demo.registry.in-background:true}") boolean background,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions) {
        this.importer = importer;
        this.regions = regions;
        this.grids = grids;
        this.staff = staff;
        this.jdbc = jdbc;
        this.town = town;
        this.householdsPerVillage = householdsPerVillage;
        this.background = background;
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
    }

    @Override
    public void run(ApplicationArguments args) {
        if (householdsPerVillage <= 0 || loaded()) {
            return;
        }
        if (background) {
            Thread worker = new Thread(this::load, "demo-registry");
            worker.setDaemon(true);
            worker.start();
        } else {
            load();
        }
    }

    /** Imports one generated file; false (and why, in the log) when the importer refused it. */
    private boolean load(ImportKind kind, StringWriter file, StaffPrincipal admin) {
        byte[] bytes = file.toString().getBytes(StandardCharsets.UTF_8);
        ImportReport report = importer.importFile(
                kind, "合成数据-" + town + "-" + kind.slug() + ".csv", new ByteArrayResource(bytes), admin, true);
        if (!report.imported()) {
            log.warn(
                    "Demo registry: the synthetic {} were refused ({} problems, first {}); the registry stays as it is",
                    kind,
                    report.errorCount(),
                    report.errors().stream().limit(5).toList());
        }
        return report.imported();
    }

    private boolean loaded() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM registry_import WHERE synthetic)")
                .query(Boolean.class)
                .single();
    }

    void load() {
        long started = System.nanoTime();
        StaffPrincipal admin = staff.findByUsername("admin")
                .flatMap(u -> staff.principal(u.id()))
                .orElse(null);
        if (admin == null) {
            log.warn("Demo registry not loaded: the demo city has no admin account");
            return;
        }
        List<SyntheticRegistry.Village> villages = regions.children(town).stream()
                .filter(r -> r.level() == RegionLevel.VILLAGE)
                .map(r -> new SyntheticRegistry.Village(
                        r.code(),
                        r.name(),
                        grids.inRegion(r.code()).stream()
                                .map(GridView::code)
                                .map(grids::geometry)
                                .flatMap(java.util.Optional::stream)
                                .toList()))
                .toList();
        StringWriter addresses = new StringWriter();
        StringWriter households = new StringWriter();
        StringWriter organisations = new StringWriter();
        SyntheticRegistry.Counts counts =
                new SyntheticRegistry(SEED).write(villages, householdsPerVillage, addresses, households, organisations);
        if (!load(ImportKind.ADDRESSES, addresses, admin)
                || !load(ImportKind.HOUSEHOLDS, households, admin)
                || !load(ImportKind.ORGANISATIONS, organisations, admin)) {
            return;
        }
        log.info(
                "Demo registry (synthetic): {} villages, {} addresses, {} households, {} persons, {} organisations in {} ms",
                villages.size(),
                counts.addresses(),
                counts.households(),
                counts.persons(),
                counts.organisations(),
                (System.nanoTime() - started) / 1_000_000);
        // in a transaction, so that the event publication registry keeps it until its listeners have done their part
        regions.find(town)
                .ifPresent(t -> tx.executeWithoutResult(s -> events.publishEvent(new DemoRegistryImported(t.path()))));
    }
}
