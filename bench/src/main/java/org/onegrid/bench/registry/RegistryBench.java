package org.onegrid.bench.registry;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import javax.sql.DataSource;
import org.onegrid.OneGridApplication;
import org.onegrid.region.GridView;
import org.onegrid.region.Grids;
import org.onegrid.region.RegionLevel;
import org.onegrid.region.RegionView;
import org.onegrid.region.Regions;
import org.onegrid.registry.Registry;
import org.onegrid.registry.demo.SyntheticRegistry;
import org.onegrid.registry.imports.ImportKind;
import org.onegrid.registry.imports.ImportReport;
import org.onegrid.registry.imports.RegistryImporter;
import org.onegrid.staff.Staff;
import org.onegrid.staff.StaffPrincipal;
import org.postgresql.PGConnection;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.FileSystemResource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The registry at a city's scale ({@code bench/registry [households]}, 700,000 by default: Dongying's 2.17 million
 * people): generates the synthetic registry of every village of the demo city as the import templates' CSV files,
 * imports them through the importer (checks, sealing, blind index, COPY), and in the same run copies the same
 * household file unencrypted into a plain table with a bare {@code COPY}; then measures the exact look-up by ID
 * number and a town's household list on the imported registry.
 */
public final class RegistryBench {

    private RegistryBench() {}

    public static void main(String[] args) throws Exception {
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        int households = !rest.isEmpty() && !rest.get(0).startsWith("--")
                ? Integer.parseInt(rest.remove(0).replace("_", ""))
                : 700_000;
        Path dir = Path.of("target", "registry-bench").toAbsolutePath();
        Files.createDirectories(dir);
        List<String> settings = new ArrayList<>(List.of(
                "--onegrid.db.embedded.data-dir=" + dir.resolve("postgres"),
                "--onegrid.demo.incidents=0",
                "--onegrid.demo.registry.households-per-village=0",
                "--onegrid.incident.scan-cron=-",
                "--server.port=0",
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN",
                "--logging.level.org.onegrid=INFO"));
        settings.addAll(rest);
        ConfigurableApplicationContext app =
                new SpringApplicationBuilder(OneGridApplication.class).run(settings.toArray(String[]::new));
        try {
            new RegistryBench.Run(app, dir, households).run();
        } finally {
            app.close();
        }
    }

    private static final class Run {
        final ConfigurableApplicationContext app;
        final Path dir;
        final int households;
        final JdbcTemplate jdbc;

        Run(ConfigurableApplicationContext app, Path dir, int households) {
            this.app = app;
            this.dir = dir;
            this.households = households;
            this.jdbc = app.getBean(JdbcTemplate.class);
        }

        void run() throws Exception {
            System.out.printf(
                    "Registry at scale: %,d households, %d cores, PostgreSQL %s%n",
                    households,
                    Runtime.getRuntime().availableProcessors(),
                    jdbc.queryForObject("SHOW server_version", String.class));
            jdbc.execute("TRUNCATE registry_access_log, registry_life_event, registry_organisation_tag,"
                    + " registry_organisation, registry_person_tag, registry_household_member, registry_household,"
                    + " registry_person, registry_building, registry_address, registry_import");
            jdbc.execute("DROP TABLE IF EXISTS bench_person_plain");
            jdbc.execute("CREATE TABLE bench_person_plain (household TEXT, relation TEXT, name TEXT, id_number TEXT,"
                    + " birth_date TEXT, sex TEXT, phone TEXT, residence TEXT, tags TEXT, address TEXT,"
                    + " address_text TEXT)");
            jdbc.execute("CHECKPOINT");

            Regions regions = app.getBean(Regions.class);
            Grids grids = app.getBean(Grids.class);
            List<RegionView> villages = regions.byLevel(RegionLevel.VILLAGE);
            int perVillage = (int) Math.ceil((double) households / villages.size());
            List<SyntheticRegistry.Village> input = villages.stream()
                    .map(v -> new SyntheticRegistry.Village(
                            v.code(),
                            v.name(),
                            grids.inRegion(v.code()).stream()
                                    .map(GridView::code)
                                    .map(grids::geometry)
                                    .flatMap(java.util.Optional::stream)
                                    .toList()))
                    .toList();
            Path addresses = dir.resolve("addresses.csv");
            Path people = dir.resolve("households.csv");
            Path organisations = dir.resolve("organisations.csv");
            long t0 = System.nanoTime();
            SyntheticRegistry.Counts counts;
            try (BufferedWriter a = Files.newBufferedWriter(addresses);
                    BufferedWriter h = Files.newBufferedWriter(people);
                    BufferedWriter o = Files.newBufferedWriter(organisations)) {
                counts = new SyntheticRegistry(20261203L).write(input, perVillage, a, h, o);
            }
            System.out.printf(
                    "Generated %,d villages × %d households: %,d addresses, %,d households, %,d persons, %,d organisations"
                            + " in %.1f s (%s MB of household CSV)%n",
                    input.size(),
                    perVillage,
                    counts.addresses(),
                    counts.households(),
                    counts.persons(),
                    counts.organisations(),
                    seconds(t0),
                    Files.size(people) / 1_000_000);

            Staff staff = app.getBean(Staff.class);
            StaffPrincipal admin = staff.findByUsername("admin")
                    .flatMap(u -> staff.principal(u.id()))
                    .orElseThrow();
            RegistryImporter importer = app.getBean(RegistryImporter.class);

            ImportReport a = importer.importFile(
                    ImportKind.ADDRESSES, "addresses.csv", new FileSystemResource(addresses), admin, true);
            print(a);
            jdbc.execute("CHECKPOINT");

            // the figure: persons and households through the importer, against a bare COPY of the same file
            long copyStart = System.nanoTime();
            long copied;
            DataSource ds = app.getBean(DataSource.class);
            try (Connection c = ds.getConnection();
                    InputStream in = Files.newInputStream(people)) {
                copied = c.unwrap(PGConnection.class)
                        .getCopyAPI()
                        .copyIn("COPY bench_person_plain FROM STDIN (FORMAT csv, HEADER true)", in);
            }
            double copySeconds = seconds(copyStart);
            jdbc.execute("CHECKPOINT");
            ImportReport h = importer.importFile(
                    ImportKind.HOUSEHOLDS, "households.csv", new FileSystemResource(people), admin, true);
            print(h);
            jdbc.execute("CHECKPOINT");
            ImportReport o = importer.importFile(
                    ImportKind.ORGANISATIONS, "organisations.csv", new FileSystemResource(organisations), admin, true);
            print(o);

            double importSeconds = h.millis() / 1000.0;
            double copyRate = copied / copySeconds;
            double importRate = h.rows() / importSeconds;
            System.out.printf(
                    "%nBare COPY, plain table, unencrypted: %,d rows in %.1f s = %,.0f rows/s%n",
                    copied, copySeconds, copyRate);
            System.out.printf(
                    "Importer (checks, AES-GCM ×4, HMAC ×2, COPY ×4 tables): %,d persons in %.1f s = %,.0f rows/s = %.0f %% of"
                            + " COPY%n",
                    h.rows(), importSeconds, importRate, 100 * importRate / copyRate);
            System.out.printf(
                    "Whole city (addresses + households + organisations): %.1f s%n",
                    (a.millis() + h.millis() + o.millis()) / 1000.0);
            jdbc.execute("ANALYZE");

            lookUps(people, admin);
            townLists(regions);
            System.out.printf(
                    "Database: %s; registry_person %s with indexes %s%n",
                    jdbc.queryForObject("SELECT pg_size_pretty(pg_database_size(current_database()))", String.class),
                    jdbc.queryForObject("SELECT pg_size_pretty(pg_table_size('registry_person'))", String.class),
                    jdbc.queryForObject("SELECT pg_size_pretty(pg_indexes_size('registry_person'))", String.class));
        }

        /** Exact look-up by ID number through the registry's API (blind index, decryption, masking). */
        void lookUps(Path people, StaffPrincipal admin) throws IOException {
            List<String> ids = new ArrayList<>();
            Random random = new Random(7);
            try (BufferedReader r = Files.newBufferedReader(people, StandardCharsets.UTF_8)) {
                r.readLine();
                String line;
                while ((line = r.readLine()) != null) {
                    if (random.nextInt(200) == 0) {
                        ids.add(line.split(",", -1)[3]);
                    }
                }
            }
            Registry registry = app.getBean(Registry.class);
            for (int i = 0; i < 2_000; i++) {
                registry.findByIdNumber(ids.get(i % ids.size()), admin).orElseThrow();
            }
            double[] ms = new double[Math.min(10_000, ids.size())];
            for (int i = 0; i < ms.length; i++) {
                String id = ids.get(random.nextInt(ids.size()));
                long t = System.nanoTime();
                registry.findByIdNumber(id, admin).orElseThrow();
                ms[i] = (System.nanoTime() - t) / 1e6;
            }
            Arrays.sort(ms);
            System.out.printf(
                    "%nLook-up by ID number (Registry.findByIdNumber), %,d random persons: p50 %.2f ms, p95 %.2f ms, p99"
                            + " %.2f ms, max %.2f ms%n",
                    ms.length, pct(ms, 50), pct(ms, 95), pct(ms, 99), ms[ms.length - 1]);
        }

        /** A town's household list as a list page asks for it: the first 50 by village and number, and the total. */
        void townLists(Regions regions) {
            List<RegionView> towns = regions.byLevel(RegionLevel.TOWN);
            Random random = new Random(11);
            double[] ms = new double[2_000];
            for (int i = -200; i < ms.length; i++) {
                RegionView town = towns.get(random.nextInt(towns.size()));
                long t = System.nanoTime();
                jdbc.queryForList("""
                        SELECT h.id, h.number, h.grid_code, a.road, a.number AS door, a.building, a.unit, a.room,
                               (SELECT count(*) FROM registry_household_member m WHERE m.household_id = h.id) AS members
                          FROM registry_household h JOIN registry_address a ON a.id = h.address_id
                         WHERE h.region_path LIKE ? || '%' AND h.status = 'ACTIVE'
                         ORDER BY h.region_path, h.id LIMIT 50
                        """, town.path());
                jdbc.queryForObject(
                        "SELECT count(*) FROM registry_household WHERE region_path LIKE ? || '%' AND status = 'ACTIVE'",
                        Long.class, town.path());
                if (i >= 0) {
                    ms[i] = (System.nanoTime() - t) / 1e6;
                }
            }
            Arrays.sort(ms);
            System.out.printf(
                    "A town's household list (first 50 and the count), %,d requests over %d towns: p50 %.2f ms, p95 %.2f"
                            + " ms, max %.2f ms%n",
                    ms.length, towns.size(), pct(ms, 50), pct(ms, 95), ms[ms.length - 1]);
        }

        void print(ImportReport r) {
            System.out.printf(
                    "Import %-13s %,9d rows in %6.1f s = %,7d rows/s, written %s, %d problems%s%n",
                    r.kind(),
                    r.rows(),
                    r.millis() / 1000.0,
                    r.rowsPerSecond(),
                    r.written(),
                    r.errorCount(),
                    r.errors().isEmpty()
                            ? ""
                            : " " + r.errors().subList(0, Math.min(5, r.errors().size())));
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static double pct(double[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
