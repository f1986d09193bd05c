package org.onegrid.registry.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The registry's rules on their own, without Spring. */
class RegistryRulesTests {

    static final String MAN = "370502199001011233";
    static final String WOMAN = "370502198506152424";

    @Test
    void aWellFormedIdNumberWithItsOwnBirthDateAndSexPasses() {
        assertThat(IdNumbers.check("idNumber", MAN, LocalDate.of(1990, 1, 1), Sex.MALE))
                .isEmpty();
        assertThat(IdNumbers.check("idNumber", "11010519491231002x", null, null))
                .isEmpty();
        assertThat(IdNumbers.birthDate(WOMAN)).isEqualTo(LocalDate.of(1985, 6, 15));
        assertThat(IdNumbers.sexOf(WOMAN)).isEqualTo(Sex.FEMALE);
    }

    @Test
    void aWrongCheckDigitIsNamedAsSuch() {
        assertThat(IdNumbers.check("idNumber", "370502199001011234", null, null))
                .extracting(Violation::field, Violation::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("idNumber", "id-number.check-digit"));
    }

    @Test
    void aBirthDateOrSexThatContradictsTheIdNumberIsRefusedWithBothReasons() {
        List<Violation> found = IdNumbers.check("idNumber", MAN, LocalDate.of(1990, 1, 2), Sex.FEMALE);
        assertThat(found).extracting(Violation::code).containsExactly("birth-date.mismatch", "sex.mismatch");
        assertThat(found.get(0).field()).isEqualTo("birthDate");
        assertThat(found.get(0).message()).contains("1990-01-02").contains("1990-01-01");
        assertThat(found.get(1).field()).isEqualTo("sex");
    }

    @Test
    void malformedNumbersAndImpossibleDatesAreNamed() {
        assertThat(IdNumbers.check("idNumber", "37050219900101123", null, null))
                .extracting(Violation::code)
                .containsExactly("id-number.form");
        assertThat(IdNumbers.check("idNumber", "370502199002301230", null, null))
                .extracting(Violation::code)
                .containsExactly("id-number.birth-date");
        assertThat(IdNumbers.check("idNumber", "", null, null))
                .extracting(Violation::code)
                .containsExactly("id-number.missing");
    }

    @Test
    void creditCodesAreCheckedByTheirCheckCharacter() {
        assertThat(CreditCodes.check("creditCode", "91350100M000100Y43")).isEmpty();
        assertThat(CreditCodes.check("creditCode", "91370502ma3c12345t")).isEmpty();
        assertThat(CreditCodes.check("creditCode", "91350100M000100Y44"))
                .extracting(Violation::code)
                .containsExactly("credit-code.check-character");
        assertThat(CreditCodes.check("creditCode", "9135"))
                .extracting(Violation::code)
                .containsExactly("credit-code.form");
    }

    @Test
    void phonesAreCheckedAgainstChinasNumberingPlanAndStoredInOneForm() {
        assertThat(Phones.check("phone", "138 1234 5678")).isEmpty();
        assertThat(Phones.check("phone", "0546-8881234")).isEmpty();
        assertThat(Phones.check("phone", null)).isEmpty();
        assertThat(Phones.normalised("+86 138-1234-5678")).isEqualTo("13812345678");
        assertThat(Phones.normalised("13812345678")).isEqualTo("13812345678");
        assertThat(Phones.check("phone", "12345")).extracting(Violation::code).containsExactly("phone.invalid");
        assertThat(Phones.check("phone", "call me")).extracting(Violation::code).isNotEmpty();
    }

    @Test
    void aHouseholdNeedsExactlyOneHead() {
        HouseholdRules rules = new HouseholdRules(person -> Optional.empty());
        assertThat(rules.check(null, List.of(new Member(1, Relation.HEAD), new Member(2, Relation.SPOUSE))))
                .isEmpty();
        assertThat(rules.check(null, List.of(new Member(1, Relation.SPOUSE))))
                .extracting(Violation::code)
                .containsExactly("household.no-head");
        assertThat(rules.check(null, List.of(new Member(1, Relation.HEAD), new Member(2, Relation.HEAD))))
                .extracting(Violation::code)
                .containsExactly("household.several-heads");
        assertThat(rules.check(null, List.of())).extracting(Violation::code).containsExactly("household.empty");
    }

    @Test
    void aPersonIsAMemberOfAtMostOneHousehold() {
        Map<Long, Long> memberOf = Map.of(2L, 7L);
        HouseholdRules rules = new HouseholdRules(person -> Optional.ofNullable(memberOf.get(person)));
        List<Violation> found = rules.check(
                null,
                List.of(new Member(1, Relation.HEAD), new Member(2, Relation.CHILD), new Member(1, Relation.CHILD)));
        assertThat(found)
                .extracting(Violation::field, Violation::code)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("members[1].personId", "member.other-household"),
                        org.assertj.core.groups.Tuple.tuple("members[2].personId", "member.twice"));
        assertThat(rules.check(7L, List.of(new Member(2, Relation.HEAD)))).isEmpty();
    }

    @Test
    void nothingFollowsDeathOrCancellation() {
        assertThat(LifeEventKind.MOVED_OUT.allowedFrom(PersonStatus.ACTIVE)).isTrue();
        assertThat(LifeEventKind.MOVED_IN.allowedFrom(PersonStatus.MOVED_OUT)).isTrue();
        assertThat(LifeEventKind.MOVED_IN.allowedFrom(PersonStatus.ACTIVE)).isFalse();
        assertThat(LifeEventKind.MOVED_IN.allowedFrom(PersonStatus.DECEASED)).isFalse();
        assertThat(LifeEventKind.CANCELLED.allowedFrom(PersonStatus.DECEASED)).isFalse();
    }
}
