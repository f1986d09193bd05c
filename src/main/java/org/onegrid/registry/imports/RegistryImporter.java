package org.onegrid.registry.imports;

import jakarta.annotation.PreDestroy;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import javax.sql.DataSource;
import org.onegrid.region.Grids;
import org.onegrid.region.Location;
import org.onegrid.registry.Registry;
import org.onegrid.registry.domain.OrganisationTag;
import org.onegrid.registry.domain.PersonTag;
import org.onegrid.registry.imports.Lines.AddressLine;
import org.onegrid.registry.imports.Lines.OrganisationLine;
import org.onegrid.registry.imports.Lines.PersonLine;
import org.onegrid.registry.persistence.PersonalData;
import org.onegrid.shared.web.Problems;
import org.onegrid.staff.Role;
import org.onegrid.staff.StaffPrincipal;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.InputStreamSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a template file into the registry, all or nothing: every row is checked (on its own, against the other rows
 * and against the registry), the rows are written with {@code COPY} as they are checked, and the one transaction is
 * rolled back when any row had a problem, so a refused file leaves nothing behind.
 *
 * <p>The file is streamed in chunks: a reader thread parses it, the cores check the rows and seal and blind-index
 * the personal data of a chunk in parallel, and the caller's thread checks the chunk against the file so far and the
 * registry, then copies it. Memory holds a few chunks and the keys seen (ID numbers, 户号, address codes), never the
 * file.
 */
@Service
public class RegistryImporter {

    private static final Logger log = LoggerFactory.getLogger(RegistryImporter.class);
    private static final int CHUNK = 5_000;
    private static final int CHUNKS_AHEAD = 6;
    /** The addresses kept from one chunk to the next; a city's million are looked up again after this many. */
    private static final int MAX_PLACES = 200_000;

    private static final java.util.HexFormat HEX = java.util.HexFormat.of();

    private final Registry registry;
    private final Grids grids;
    private final PersonalData data;
    private final DataSource dataSource;
    private final TransactionTemplate tx;
    private final ExecutorService cores;
    private final JdbcClient jdbc;

    RegistryImporter(
            Registry registry,
            Grids grids,
            PersonalData data,
            DataSource dataSource,
            PlatformTransactionManager transactions,
            JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.grids = grids;
        this.data = data;
        this.dataSource = dataSource;
        this.tx = new TransactionTemplate(transactions);
        AtomicInteger n = new AtomicInteger();
        this.cores = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), r -> {
            Thread t = new Thread(r, "registry-import-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @PreDestroy
    void stop() {
        cores.shutdownNow();
    }

    /** Imports a file a user uploaded; their role and region decide what they may import. */
    public ImportReport importFile(ImportKind kind, String fileName, InputStreamSource file, StaffPrincipal me) {
        return importFile(kind, fileName, file, me, false);
    }

    /**
     * Imports a file.
     *
     * @param synthetic whether the file is generated data (the demo city's), so that every row it writes is marked
     *     合成数据
     */
    public ImportReport importFile(
            ImportKind kind, String fileName, InputStreamSource file, StaffPrincipal me, boolean synthetic) {
        if (!registry.mayImport(me)) {
            throw Problems.forbidden("您的角色不能批量导入基础信息（须为综治中心坐席或管理员）");
        }
        long started = System.nanoTime();
        String name = fileName == null || fileName.isBlank() ? "（未命名）" : fileName.strip();
        Run run = new Run(kind, name, me, synthetic, started);
        try (RowSource rows = RowSource.open(file)) {
            Header header = Header.of(kind, rows.header());
            ImportReport report = tx.execute(status -> run.inTransaction(rows, header, status));
            log.info(
                    "Registry import {} of {} by {}: {} rows, {} written, {} problems, {} ms (waiting for rows {} ms,"
                            + " checking {} ms, copying {} ms, indexing {} ms{})",
                    kind,
                    name,
                    me.username(),
                    report.rows(),
                    report.written(),
                    report.errorCount(),
                    report.millis(),
                    run.waitNanos / 1_000_000,
                    run.checkNanos / 1_000_000,
                    run.copyNanos / 1_000_000,
                    run.indexNanos / 1_000_000,
                    run.emptied == null ? "" : ", into empty tables");
            return report;
        } catch (FileRefused refused) {
            run.error(refused.error());
            return run.report(false, null);
        } catch (DataIntegrityViolationException e) {
            run.error(new RowError(0, null, "另一项导入或登记同时写入了相同的身份号码、户号、地址或信用代码，本次未导入任何数据，请稍后重试"));
            return run.report(false, null);
        }
    }

    /** One import: its problems and counts. */
    private final class Run {
        final ImportKind kind;
        final String fileName;
        final StaffPrincipal me;
        final boolean synthetic;
        final long started;
        final List<RowError> errors = new ArrayList<>();
        final Map<String, Integer> written = new LinkedHashMap<>();
        int errorCount;
        int rows;
        Long importId;
        Connection connection;
        CopyManager copy;
        final Map<String, String> sequences = new HashMap<>();
        /** Where the time went, for the log: waiting for prepared chunks, checking them, copying them. */
        long waitNanos;

        long checkNanos;
        long copyNanos;
        long indexNanos;

        /** The tables were empty: their indexes and foreign keys are off until the rows are in (a city's first import). */
        EmptyTables emptied;

        Run(ImportKind kind, String fileName, StaffPrincipal me, boolean synthetic, long started) {
            this.kind = kind;
            this.fileName = fileName;
            this.me = me;
            this.synthetic = synthetic;
            this.started = started;
        }

        void error(RowError e) {
            errorCount++;
            if (errors.size() < ImportReport.MAX_LISTED) {
                errors.add(e);
            }
        }

        void errors(List<RowError> found) {
            found.forEach(this::error);
        }

        boolean writing() {
            return errorCount == 0;
        }

        void count(String what, int n) {
            written.merge(what, n, Integer::sum);
        }

        ImportReport report(boolean imported, Long id) {
            List<RowError> sorted = new ArrayList<>(errors);
            sorted.sort(java.util.Comparator.comparingInt(RowError::row));
            return new ImportReport(
                    kind,
                    fileName,
                    imported,
                    rows,
                    imported ? Map.copyOf(written) : Map.of(),
                    errorCount,
                    List.copyOf(sorted),
                    (System.nanoTime() - started) / 1_000_000,
                    id,
                    synthetic);
        }

        ImportReport inTransaction(RowSource source, Header header, TransactionStatus status) {
            try {
                connection = DataSourceUtils.getConnection(dataSource);
                copy = connection.unwrap(PGConnection.class).getCopyAPI();
                importId = insertImport();
                emptied = EmptyTables.takeOff(connection, kind.tables()).orElse(null);
                switch (kind) {
                    case ADDRESSES -> addresses(source, header);
                    case HOUSEHOLDS -> households(source, header);
                    case ORGANISATIONS -> organisations(source, header);
                }
                if (emptied != null && writing()) {
                    long indexing = System.nanoTime();
                    emptied.putBack();
                    indexNanos = System.nanoTime() - indexing;
                }
            } catch (FileRefused refused) {
                error(refused.error());
            } catch (SQLException e) {
                if ("23505".equals(e.getSQLState())) {
                    throw new DataIntegrityViolationException(e.getMessage(), e);
                }
                throw new IllegalStateException("registry import failed: " + e.getMessage(), e);
            } finally {
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
            if (errorCount > 0) {
                status.setRollbackOnly();
                return report(false, null);
            }
            ImportReport report = report(true, importId);
            finishImport(report);
            return report;
        }

        // -----------------------------------------------------------------------------------------------------
        // Addresses

        private record PreparedAddress(AddressLine line, List<RowError> errors, Location at) {}

        void addresses(RowSource source, Header header) throws SQLException {
            Map<String, Integer> codes = new HashMap<>();
            Map<String, Integer> parts = new HashMap<>();
            Set<String> buildings = new HashSet<>();
            Map<String, Set<String>> registered = new HashMap<>();
            stream(
                    source,
                    raw -> {
                        List<RowError> found = new ArrayList<>();
                        AddressLine line = Lines.address(header, raw, found);
                        Location at = null;
                        if (!Double.isNaN(line.lng()) && !Double.isNaN(line.lat())) {
                            at = grids.locate(line.lng(), line.lat()).orElse(null);
                            if (at == null) {
                                found.add(new RowError(
                                        raw.number(),
                                        "经度",
                                        "坐标（" + line.lng() + ", " + line.lat() + "）不在本市任何网格内（辖区外）"));
                            }
                        }
                        return new PreparedAddress(line, found, at);
                    },
                    chunk -> {
                        List<PreparedAddress> ok = new ArrayList<>();
                        List<String> chunkCodes = new ArrayList<>();
                        for (PreparedAddress p : chunk) {
                            AddressLine a = p.line();
                            List<RowError> found = new ArrayList<>(p.errors());
                            if (!a.code().isEmpty()) {
                                Integer before = codes.putIfAbsent(a.code(), a.row());
                                if (before != null) {
                                    found.add(new RowError(
                                            a.row(), "地址编码", "地址编码 " + a.code() + " 与第 " + before + " 行重复"));
                                } else {
                                    chunkCodes.add(a.code());
                                }
                            }
                            Location at = p.at();
                            if (at != null) {
                                String village = at.village().code();
                                if (a.village() != null && !a.village().equals(village)) {
                                    found.add(new RowError(
                                            a.row(),
                                            "村（社区）代码",
                                            "坐标位于" + at.village().name() + "（" + village + "），与填写的 " + a.village()
                                                    + " 不一致"));
                                }
                                if (!registry.inScope(
                                        me, at.grid().code(), at.village().path())) {
                                    found.add(new RowError(
                                            a.row(), "经度", "坐标位于" + at.village().name() + "，不在您的辖区内"));
                                } else {
                                    String key = a.partsKey(village);
                                    Integer before = parts.putIfAbsent(key, a.row());
                                    if (before != null) {
                                        found.add(new RowError(
                                                a.row(), "道路/小区", "与第 " + before + " 行是同一地址（道路、门牌、楼栋、单元、户室都相同）"));
                                    } else if (emptied == null
                                            && registered
                                                    .computeIfAbsent(village, this::registeredParts)
                                                    .contains(key)) {
                                        found.add(new RowError(a.row(), "道路/小区", "该地址（道路、门牌、楼栋、单元、户室）已登记"));
                                    }
                                }
                            }
                            errors(found);
                            if (found.isEmpty()) {
                                ok.add(p);
                            }
                        }
                        // against the registry; nothing to find in tables that were empty and are locked
                        for (String code : emptied != null
                                ? List.<String>of()
                                : existing(
                                        "SELECT code FROM registry_address WHERE code = ANY(?)", "text", chunkCodes)) {
                            error(new RowError(codes.get(code), "地址编码", "地址编码 " + code + " 已登记"));
                        }
                        if (!writing()) {
                            return;
                        }
                        long[] ids = ids("registry_address", ok.size());
                        CopyRows addresses = new CopyRows(
                                "registry_address (id, county_code, town_code, village_code, road, number, building, unit, room,"
                                        + " lng, lat, grid_code, region_path, code, import_id, synthetic)",
                                16);
                        CopyRows newBuildings = new CopyRows(
                                "registry_building (address_id, name, floors, usage, lng, lat, grid_code, region_path,"
                                        + " import_id, synthetic)",
                                10);
                        for (int i = 0; i < ok.size(); i++) {
                            AddressLine a = ok.get(i).line();
                            Location at = ok.get(i).at();
                            addresses
                                    .row()
                                    .bigint(ids[i])
                                    .text(at.county().code())
                                    .text(at.town().code())
                                    .text(at.village().code())
                                    .text(a.road())
                                    .text(a.number())
                                    .text(a.building())
                                    .text(a.unit())
                                    .text(a.room())
                                    .float8(a.lng())
                                    .float8(a.lat())
                                    .text(at.grid().code())
                                    .text(at.village().path())
                                    .text(a.code())
                                    .bigint(importId)
                                    .bool(synthetic);
                            if (a.buildingName() != null
                                    && buildings.add(a.buildingKey(at.village().code()))) {
                                newBuildings
                                        .row()
                                        .bigint(ids[i])
                                        .text(a.buildingName())
                                        .integer(a.floors())
                                        .text(a.use().name())
                                        .float8(a.lng())
                                        .float8(a.lat())
                                        .text(at.grid().code())
                                        .text(at.village().path())
                                        .bigint(importId)
                                        .bool(synthetic);
                            }
                        }
                        send(addresses, newBuildings);
                        count("地址", addresses.rows());
                        count("建筑", newBuildings.rows());
                    });
        }

        /** The addresses of a village already registered, by the key of their parts. */
        private Set<String> registeredParts(String village) {
            Set<String> keys = new HashSet<>();
            try (PreparedStatement s = connection.prepareStatement(
                    "SELECT road, number, building, unit, room FROM registry_address WHERE village_code = ?")) {
                s.setString(1, village);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        keys.add(new AddressLine(
                                        0,
                                        null,
                                        rs.getString(1),
                                        rs.getString(2),
                                        rs.getString(3),
                                        rs.getString(4),
                                        rs.getString(5),
                                        0,
                                        0,
                                        null,
                                        null,
                                        null,
                                        null)
                                .partsKey(village));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return keys;
        }

        // -----------------------------------------------------------------------------------------------------
        // Households and persons

        private record PreparedPerson(
                PersonLine line,
                List<RowError> errors,
                byte[] name,
                byte[] idNumber,
                byte[] idIndex,
                byte[] phone,
                byte[] phoneIndex,
                byte[] addressText) {}

        private record Place(long id, String grid, String path) {}

        void households(RowSource source, Header header) throws SQLException {
            HouseholdsInFile inFile = new HouseholdsInFile();
            Map<String, Place> places = new HashMap<>();
            Map<String, Long> householdIds = new HashMap<>();
            stream(
                    source,
                    raw -> {
                        List<RowError> found = new ArrayList<>();
                        PersonLine p = Lines.person(header, raw, found);
                        if (!found.isEmpty()) {
                            return new PreparedPerson(p, found, null, null, null, null, null, null);
                        }
                        return new PreparedPerson(
                                p,
                                found,
                                data.sealName(p.name()),
                                data.sealIdNumber(p.idNumber()),
                                data.idNumberIndex(p.idNumber()),
                                data.sealPhone(p.phone()),
                                data.phoneIndex(p.phone()),
                                data.sealAddress(p.addressText()));
                    },
                    chunk -> {
                        List<RowError> found = new ArrayList<>();
                        if (places.size() > MAX_PLACES) {
                            places.clear(); // before the chunk's codes are looked at, so none of them is lost
                        }
                        List<PreparedPerson> fresh = new ArrayList<>();
                        List<String> unknownCodes = new ArrayList<>();
                        List<byte[]> indexes = new ArrayList<>();
                        Map<String, Integer> byIndex = new HashMap<>();
                        for (PreparedPerson p : chunk) {
                            found.addAll(p.errors());
                            if (inFile.accept(p.line(), found)
                                    && !p.line().household().isEmpty()) {
                                fresh.add(p);
                            }
                            if (!p.line().address().isEmpty()
                                    && !places.containsKey(p.line().address())) {
                                unknownCodes.add(p.line().address());
                            }
                            if (p.idIndex() != null) {
                                indexes.add(p.idIndex());
                                byIndex.put(HEX.formatHex(p.idIndex()), p.line().row());
                            }
                        }
                        lookUpPlaces(unknownCodes, places);
                        for (PreparedPerson p : chunk) {
                            String code = p.line().address();
                            if (!code.isEmpty() && places.get(code) == null) {
                                found.add(new RowError(p.line().row(), "地址编码", "地址编码“" + code + "”不存在（未登记，或不在您的辖区内）"));
                            }
                        }
                        for (byte[] taken : emptied != null
                                ? List.<byte[]>of()
                                : existingBytes(
                                        "SELECT id_number_index FROM registry_person WHERE id_number_index = ANY(?)",
                                        indexes)) {
                            found.add(new RowError(byIndex.get(HEX.formatHex(taken)), "公民身份号码", "该公民身份号码已在人口库中登记"));
                        }
                        Map<String, Integer> numbers = new HashMap<>();
                        for (PreparedPerson p : fresh) {
                            numbers.put(p.line().household(), p.line().row());
                        }
                        for (String taken : emptied != null
                                ? List.<String>of()
                                : existing(
                                        "SELECT number FROM registry_household WHERE number = ANY(?)",
                                        "text",
                                        new ArrayList<>(numbers.keySet()))) {
                            found.add(new RowError(numbers.get(taken), "户号", "户号 " + taken + " 已登记"));
                        }
                        errors(found);
                        if (!writing()) {
                            return;
                        }
                        long[] hids = ids("registry_household", fresh.size());
                        CopyRows households = new CopyRows(
                                "registry_household (id, address_id, grid_code, region_path, number, import_id, synthetic)",
                                7);
                        for (int i = 0; i < fresh.size(); i++) {
                            PersonLine p = fresh.get(i).line();
                            Place at = places.get(p.address());
                            householdIds.put(p.household(), hids[i]);
                            households
                                    .row()
                                    .bigint(hids[i])
                                    .bigint(at.id())
                                    .text(at.grid())
                                    .text(at.path())
                                    .text(p.household())
                                    .bigint(importId)
                                    .bool(synthetic);
                        }
                        long[] pids = ids("registry_person", chunk.size());
                        CopyRows persons = new CopyRows(
                                "registry_person (id, name_sealed, id_number_sealed, id_number_index, phone_sealed, phone_index,"
                                        + " address_sealed, birth_date, sex, residence, address_id, grid_code, region_path,"
                                        + " import_id, synthetic)",
                                15);
                        CopyRows members =
                                new CopyRows("registry_household_member (household_id, person_id, relation)", 3);
                        CopyRows tags = new CopyRows("registry_person_tag (person_id, tag)", 2);
                        for (int i = 0; i < chunk.size(); i++) {
                            PreparedPerson p = chunk.get(i);
                            PersonLine l = p.line();
                            Place at = places.get(l.address());
                            persons.row()
                                    .bigint(pids[i])
                                    .bytea(p.name())
                                    .bytea(p.idNumber())
                                    .bytea(p.idIndex())
                                    .bytea(p.phone())
                                    .bytea(p.phoneIndex())
                                    .bytea(p.addressText())
                                    .date(org.onegrid.registry.domain.IdNumbers.birthDate(l.idNumber()))
                                    .text(org.onegrid.registry.domain.IdNumbers.sexOf(l.idNumber())
                                            .name())
                                    .text(l.residence().name())
                                    .bigint(at.id())
                                    .text(at.grid())
                                    .text(at.path())
                                    .bigint(importId)
                                    .bool(synthetic);
                            members.row()
                                    .bigint(householdIds.get(l.household()))
                                    .bigint(pids[i])
                                    .text(l.relation().name());
                            for (PersonTag t : l.tags()) {
                                tags.row().bigint(pids[i]).text(t.name());
                            }
                        }
                        send(households, persons, members, tags);
                        count("户", households.rows());
                        count("人员", persons.rows());
                    });
            errors(inFile.finish());
        }

        /** The places of these address codes that the caller sees; an address out of scope stays unknown. */
        private void lookUpPlaces(List<String> codes, Map<String, Place> places) throws SQLException {
            if (codes.isEmpty()) {
                return;
            }
            Set<String> distinct = new HashSet<>(codes);
            try (PreparedStatement s = connection.prepareStatement(
                    "SELECT code, id, grid_code, region_path FROM registry_address WHERE code = ANY(?)")) {
                s.setArray(1, connection.createArrayOf("text", distinct.toArray()));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        if (registry.inScope(me, rs.getString(3), rs.getString(4))) {
                            places.put(rs.getString(1), new Place(rs.getLong(2), rs.getString(3), rs.getString(4)));
                        }
                    }
                }
            }
        }

        // -----------------------------------------------------------------------------------------------------
        // Organisations

        private record PreparedOrganisation(OrganisationLine line, List<RowError> errors, byte[] responsibleIndex) {}

        void organisations(RowSource source, Header header) throws SQLException {
            Map<String, Integer> codes = new HashMap<>();
            Map<String, Place> places = new HashMap<>();
            stream(
                    source,
                    raw -> {
                        List<RowError> found = new ArrayList<>();
                        OrganisationLine o = Lines.organisation(header, raw, found);
                        byte[] responsible = o.responsible() == null || !found.isEmpty()
                                ? null
                                : data.idNumberIndex(o.responsible());
                        return new PreparedOrganisation(o, found, responsible);
                    },
                    chunk -> {
                        List<RowError> found = new ArrayList<>();
                        if (places.size() > MAX_PLACES) {
                            places.clear();
                        }
                        List<String> chunkCodes = new ArrayList<>();
                        List<String> addressCodes = new ArrayList<>();
                        List<byte[]> responsible = new ArrayList<>();
                        for (PreparedOrganisation p : chunk) {
                            OrganisationLine o = p.line();
                            found.addAll(p.errors());
                            if (o.creditCode() != null && !o.creditCode().isEmpty()) {
                                Integer before = codes.putIfAbsent(o.creditCode(), o.row());
                                if (before != null) {
                                    found.add(new RowError(o.row(), "统一社会信用代码", "统一社会信用代码与第 " + before + " 行重复"));
                                } else {
                                    chunkCodes.add(o.creditCode());
                                }
                            }
                            if (!o.address().isEmpty()) {
                                addressCodes.add(o.address());
                            }
                            if (p.responsibleIndex() != null) {
                                responsible.add(p.responsibleIndex());
                            }
                        }
                        for (String taken : existing(
                                "SELECT credit_code FROM registry_organisation WHERE credit_code = ANY(?)",
                                "text",
                                chunkCodes)) {
                            found.add(new RowError(codes.get(taken), "统一社会信用代码", "统一社会信用代码 " + taken + " 已登记"));
                        }
                        lookUpPlaces(addressCodes, places);
                        Map<String, Long> persons = responsibles(responsible);
                        for (PreparedOrganisation p : chunk) {
                            OrganisationLine o = p.line();
                            if (!o.address().isEmpty() && places.get(o.address()) == null) {
                                found.add(new RowError(o.row(), "地址编码", "地址编码“" + o.address() + "”不存在（未登记，或不在您的辖区内）"));
                            }
                            if (p.responsibleIndex() != null
                                    && !persons.containsKey(HEX.formatHex(p.responsibleIndex()))) {
                                found.add(new RowError(o.row(), "负责人公民身份号码", "负责人未在人口库中登记（或不在您的辖区内）"));
                            }
                        }
                        errors(found);
                        if (!writing()) {
                            return;
                        }
                        long[] ids = ids("registry_organisation", chunk.size());
                        CopyRows organisations = new CopyRows(
                                "registry_organisation (id, kind, name, credit_code, industry, address_id, responsible_id,"
                                        + " grid_code, region_path, import_id, synthetic)",
                                11);
                        CopyRows tags = new CopyRows("registry_organisation_tag (organisation_id, tag)", 2);
                        for (int i = 0; i < chunk.size(); i++) {
                            PreparedOrganisation p = chunk.get(i);
                            OrganisationLine o = p.line();
                            Place at = places.get(o.address());
                            organisations
                                    .row()
                                    .bigint(ids[i])
                                    .text(o.kind().name())
                                    .text(o.name())
                                    .text(o.creditCode())
                                    .text(o.industry())
                                    .bigint(at.id())
                                    .bigint(
                                            p.responsibleIndex() == null
                                                    ? null
                                                    : persons.get(HEX.formatHex(p.responsibleIndex())))
                                    .text(at.grid())
                                    .text(at.path())
                                    .bigint(importId)
                                    .bool(synthetic);
                            for (OrganisationTag t : o.tags()) {
                                tags.row().bigint(ids[i]).text(t.name());
                            }
                        }
                        send(organisations, tags);
                        count("组织", organisations.rows());
                    });
        }

        /** The persons (by the hex of their ID number's index) the caller sees. */
        private Map<String, Long> responsibles(List<byte[]> indexes) throws SQLException {
            Map<String, Long> found = new HashMap<>();
            if (indexes.isEmpty()) {
                return found;
            }
            try (PreparedStatement s = connection.prepareStatement(
                    "SELECT id_number_index, id, grid_code, region_path FROM registry_person"
                            + " WHERE id_number_index = ANY(?) AND status = 'ACTIVE'")) {
                s.setArray(1, connection.createArrayOf("bytea", indexes.toArray(byte[][]::new)));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        if (registry.inScope(me, rs.getString(3), rs.getString(4))) {
                            found.put(HEX.formatHex(rs.getBytes(1)), rs.getLong(2));
                        }
                    }
                }
            }
            return found;
        }

        // -----------------------------------------------------------------------------------------------------

        private interface Chunk<T> {
            void accept(List<T> chunk) throws SQLException;
        }

        /**
         * Reads the file on a thread of its own, prepares each chunk of rows on the cores, and hands the prepared
         * chunks to {@code write} in the file's order, on this thread (the transaction's).
         */
        private <T> void stream(RowSource source, Function<RawRow, T> prepare, Chunk<T> write) throws SQLException {
            BlockingQueue<Future<List<T>>> ahead = new ArrayBlockingQueue<>(CHUNKS_AHEAD);
            CompletableFuture<List<T>> end = CompletableFuture.completedFuture(null);
            Thread reader = new Thread(
                    () -> {
                        try {
                            List<RawRow> rows = new ArrayList<>(CHUNK);
                            RawRow r;
                            while ((r = source.next()) != null) {
                                rows.add(r);
                                if (rows.size() == CHUNK) {
                                    ahead.put(submit(rows, prepare));
                                    rows = new ArrayList<>(CHUNK);
                                }
                            }
                            if (!rows.isEmpty()) {
                                ahead.put(submit(rows, prepare));
                            }
                            ahead.put(end);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        } catch (RuntimeException e) {
                            try {
                                ahead.put(CompletableFuture.failedFuture(e));
                            } catch (InterruptedException ie) {
                                Thread.currentThread().interrupt();
                            }
                        }
                    },
                    "registry-import-reader");
            reader.setDaemon(true);
            reader.start();
            try {
                while (true) {
                    Future<List<T>> next = ahead.take();
                    if (next == end) {
                        return;
                    }
                    long waiting = System.nanoTime();
                    List<T> chunk = next.get();
                    long checking = System.nanoTime();
                    waitNanos += checking - waiting;
                    rows += chunk.size();
                    long copied = copyNanos;
                    write.accept(chunk);
                    checkNanos += System.nanoTime() - checking - (copyNanos - copied);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("registry import interrupted", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException re) {
                    throw re;
                }
                throw new IllegalStateException(e.getCause());
            } finally {
                reader.interrupt();
            }
        }

        private <T> Future<List<T>> submit(List<RawRow> rows, Function<RawRow, T> prepare) {
            return cores.submit(() -> {
                List<T> prepared = new ArrayList<>(rows.size());
                for (RawRow r : rows) {
                    prepared.add(prepare.apply(r));
                }
                return prepared;
            });
        }

        /** Copies the tables' rows, in this order (parents before children). */
        private void send(CopyRows... tables) throws SQLException {
            long started = System.nanoTime();
            for (CopyRows t : tables) {
                t.copy(copy);
            }
            copyNanos += System.nanoTime() - started;
        }

        /** {@code n} ids from the table's identity sequence, so rows of several tables can be linked before COPY. */
        private long[] ids(String table, int n) throws SQLException {
            long[] ids = new long[n];
            if (n == 0) {
                return ids;
            }
            String sequence = sequences.get(table);
            if (sequence == null) {
                try (PreparedStatement s = connection.prepareStatement("SELECT pg_get_serial_sequence(?, 'id')")) {
                    s.setString(1, table);
                    try (ResultSet rs = s.executeQuery()) {
                        rs.next();
                        sequence = rs.getString(1);
                    }
                }
                sequences.put(table, sequence);
            }
            try (PreparedStatement s =
                    connection.prepareStatement("SELECT nextval(?::regclass) FROM generate_series(1, ?)")) {
                s.setString(1, sequence);
                s.setInt(2, n);
                try (ResultSet rs = s.executeQuery()) {
                    for (int i = 0; i < n && rs.next(); i++) {
                        ids[i] = rs.getLong(1);
                    }
                }
            }
            return ids;
        }

        private List<String> existing(String sql, String type, List<String> values) throws SQLException {
            List<String> found = new ArrayList<>();
            if (values.isEmpty()) {
                return found;
            }
            try (PreparedStatement s = connection.prepareStatement(sql)) {
                Array array = connection.createArrayOf(type, values.toArray());
                s.setArray(1, array);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        found.add(rs.getString(1));
                    }
                }
            }
            return found;
        }

        private List<byte[]> existingBytes(String sql, List<byte[]> values) throws SQLException {
            List<byte[]> found = new ArrayList<>();
            if (values.isEmpty()) {
                return found;
            }
            try (PreparedStatement s = connection.prepareStatement(sql)) {
                s.setArray(1, connection.createArrayOf("bytea", values.toArray(byte[][]::new)));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        found.add(rs.getBytes(1));
                    }
                }
            }
            return found;
        }

        private long insertImport() throws SQLException {
            try (PreparedStatement s = connection.prepareStatement(
                    "INSERT INTO registry_import (kind, file_name, rows, written, synthetic, user_id, username, millis)"
                            + " VALUES (?, ?, 0, 0, ?, ?, ?, 0) RETURNING id")) {
                s.setString(1, kind.name());
                s.setString(2, fileName.length() > 200 ? fileName.substring(0, 200) : fileName);
                s.setBoolean(3, synthetic);
                s.setLong(4, me.userId());
                s.setString(5, me.username());
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        }

        private void finishImport(ImportReport report) {
            try (PreparedStatement s = DataSourceUtils.getConnection(dataSource)
                    .prepareStatement("UPDATE registry_import SET rows = ?, written = ?, millis = ? WHERE id = ?")) {
                s.setInt(1, report.rows());
                s.setInt(
                        2,
                        report.written().values().stream()
                                .mapToInt(Integer::intValue)
                                .sum());
                s.setLong(3, report.millis());
                s.setLong(4, importId);
                s.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The import log, newest first: what was imported, by whom, when. */
    public List<ImportLogView> log(StaffPrincipal me, int limit) {
        if (!registry.mayImport(me)) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT id, kind, file_name, rows, written, synthetic, username, at, millis
                        FROM registry_import WHERE user_id = :user OR :admin ORDER BY id DESC LIMIT :limit
                        """)
                .param("user", me.userId())
                .param("admin", me.hasRole(Role.ADMIN))
                .param("limit", limit)
                .query((rs, n) -> new ImportLogView(
                        rs.getLong("id"),
                        ImportKind.valueOf(rs.getString("kind")),
                        rs.getString("file_name"),
                        rs.getInt("rows"),
                        rs.getInt("written"),
                        rs.getBoolean("synthetic"),
                        rs.getString("username"),
                        rs.getTimestamp("at").toInstant(),
                        rs.getLong("millis")))
                .list();
    }

    /** One entry of the import log. */
    public record ImportLogView(
            long id,
            ImportKind kind,
            String fileName,
            int rows,
            int written,
            boolean synthetic,
            String username,
            java.time.Instant at,
            long millis) {}
}
