package org.onegrid.registry.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.onegrid.registry.demo.SyntheticRegistry;
import org.onegrid.registry.domain.Relation;
import org.onegrid.registry.imports.Lines.PersonLine;
import org.springframework.core.io.ByteArrayResource;

/** The importer's rules for single rows, for the rows of a file together, and for reading files; without Spring. */
class ImportRulesTests {

    static final String HEADER = "户号,与户主关系,姓名,公民身份号码,出生日期,性别,联系电话,人口类型,人员标签,地址编码,户籍地址";
    static final String ID = SyntheticRegistry.idNumber("370523", LocalDate.of(1985, 3, 12), 1);

    @Test
    void aWrongCheckDigitIsReportedWithItsRowAndColumn() {
        String wrong = ID.substring(0, 17) + (ID.charAt(17) == '1' ? '2' : '1');
        List<RowError> found = person("H1,户主,张明," + wrong + ",,,,户籍,,A-1,");

        assertThat(found).containsExactly(new RowError(2, "公民身份号码", "公民身份号码校验码错误（GB 11643 MOD 11-2）"));
    }

    @Test
    void aBirthDateOrSexThatContradictsTheIdNumberIsReported() {
        List<RowError> found = person("H1,户主,张明," + ID + ",1985-03-13,女,,户籍,,A-1,");

        assertThat(found).extracting(RowError::column).containsExactlyInAnyOrder("出生日期", "性别");
        assertThat(found)
                .extracting(RowError::message)
                .anySatisfy(m -> assertThat(m).contains("1985-03-12"));
    }

    @Test
    void unknownLabelsAndInvalidPhonesAreNamed() {
        List<RowError> found = person("H1,表哥,张明," + ID + ",,,12345,常住,孤老,A-1,");

        assertThat(found).extracting(RowError::column).containsExactlyInAnyOrder("与户主关系", "联系电话", "人口类型", "人员标签");
    }

    @Test
    void aHouseholdNeedsExactlyOneHeadAndAPersonBelongsToOneHousehold() {
        HouseholdsInFile file = new HouseholdsInFile();
        List<RowError> found = new ArrayList<>();
        file.accept(line(2, "H1", Relation.HEAD, "1", "A"), found);
        file.accept(line(3, "H1", Relation.HEAD, "2", "A"), found);
        file.accept(line(4, "H2", Relation.SPOUSE, "3", "B"), found);
        file.accept(line(5, "H3", Relation.HEAD, "1", "C"), found);
        file.accept(line(6, "H3", Relation.CHILD, "4", "D"), found);
        found.addAll(file.finish());

        assertThat(found)
                .extracting(e -> e.row() + " " + e.message())
                .containsExactlyInAnyOrder(
                        "3 户号 H1 有两名户主：第 2 行和第 3 行",
                        "4 户号 H2 没有户主（1 名成员，首行第 4 行）",
                        "5 同一人不能属于两户：公民身份号码与第 2 行（户号 H1）重复",
                        "6 同一户的成员须在同一地址：户号 H3 在第 5 行的地址编码是 C");
    }

    @Test
    void aGbkEncodedCsvIsRefusedWithTheLineAndHowToSaveItAsUtf8() {
        byte[] gbk = (HEADER + "\r\nH1,户主,张明," + ID + ",,,,户籍,,A-1,\r\n").getBytes(Charset.forName("GBK"));

        assertThatThrownBy(() -> RowSource.open(new ByteArrayResource(gbk)))
                .isInstanceOf(FileRefused.class)
                .hasMessageContaining("第 1 行是 GBK/GB18030 编码")
                .hasMessageContaining("CSV UTF-8");
    }

    @Test
    void malformedBytesThatAreNoGbkAreNamedByLine() {
        byte[] head = (HEADER + "\r\nH1,户主,张明,").getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[head.length + 3];
        System.arraycopy(head, 0, bytes, 0, head.length);
        bytes[head.length] = (byte) 0xFF;
        bytes[head.length + 1] = (byte) 0xFE;
        bytes[head.length + 2] = '\n';
        assertThatThrownBy(() -> {
                    try (RowSource rows = RowSource.open(new ByteArrayResource(bytes))) {
                        rows.next();
                    }
                })
                .isInstanceOf(FileRefused.class)
                .hasMessageContaining("第 2 行含有无效的 UTF-8 字节");
    }

    @Test
    void aFileWithoutARequiredColumnIsRefusedNamingIt() {
        assertThatThrownBy(() -> Header.of(ImportKind.HOUSEHOLDS, List.of("户号", "姓名", "公民身份号码", "人口类型", "地址编码", "备注")))
                .isInstanceOf(FileRefused.class)
                .hasMessageContaining("缺少必填列 与户主关系")
                .hasMessageContaining("无法识别的列 备注");
    }

    @Test
    void csvTemplatesReadBackAsTheirOwnHeaderAndExample() {
        for (ImportKind kind : ImportKind.values()) {
            try (RowSource rows = RowSource.open(new ByteArrayResource(Templates.csv(kind)))) {
                Header header = Header.of(kind, rows.header());
                RawRow example = rows.next();
                List<RowError> found = new ArrayList<>();
                switch (kind) {
                    case ADDRESSES -> Lines.address(header, example, found);
                    case HOUSEHOLDS -> Lines.person(header, example, found);
                    case ORGANISATIONS -> Lines.organisation(header, example, found);
                }
                assertThat(found).as(kind.label()).isEmpty();
                assertThat(rows.next()).isNull();
            }
        }
    }

    @Test
    void syntheticIdNumbersAndCreditCodesCarryValidCheckCharacters() {
        assertThat(cn.hutool.core.util.IdcardUtil.isValidCard18(ID)).isTrue();
        assertThat(cn.hutool.core.util.CreditCodeUtil.isCreditCode(SyntheticRegistry.creditCode("91370523MA3C4D5E6")))
                .isTrue();
    }

    private static List<RowError> person(String row) {
        String csv = HEADER + "\r\n" + row + "\r\n";
        try (RowSource rows = RowSource.open(new ByteArrayResource(csv.getBytes(StandardCharsets.UTF_8)))) {
            Header header = Header.of(ImportKind.HOUSEHOLDS, rows.header());
            List<RowError> found = new ArrayList<>();
            Lines.person(header, rows.next(), found);
            return found;
        }
    }

    private static PersonLine line(int row, String household, Relation relation, String id, String address) {
        return new PersonLine(
                row, household, relation, "某", id, null, null, null, null, java.util.Set.of(), address, null);
    }
}
