package org.gridwatch.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.gridwatch.privacy.ResidentIdNumber.Problem;
import org.junit.jupiter.api.Test;

/** GB 11643-1999 on the standard's own examples and on what a clerk mistypes. */
class ResidentIdNumberTest {
  static final LocalDate TODAY = LocalDate.of(2026, 12, 6);

  @Test
  void theStandardsExamplesAreValid() {
    // The examples printed in GB 11643-1999 (the second ends in X: a check value of 10).
    assertThat(ResidentIdNumber.problem("11010519491231002X", TODAY)).isEmpty();
    assertThat(ResidentIdNumber.problem("440524188001010014", TODAY)).isEmpty();
    assertThat(ResidentIdNumber.normalise(" 11010519491231002x ")).isEqualTo("11010519491231002X");
  }

  @Test
  void aChangedCharacterBreaksTheCheck() {
    assertThat(ResidentIdNumber.problem("110105194912310021", TODAY)).contains(Problem.CHECK_DIGIT);
    assertThat(ResidentIdNumber.problem("11010519491231003X", TODAY)).as("a sequence digit mistyped").contains(Problem.CHECK_DIGIT);
    assertThat(ResidentIdNumber.problem("440524188001010041", TODAY)).as("two digits swapped").contains(Problem.CHECK_DIGIT);
  }

  @Test
  void impossibleBirthDatesAndWrongShapesAreNamed() {
    String feb30 = "11010519900230123";
    assertThat(ResidentIdNumber.problem(feb30 + ResidentIdNumber.checkCharacter(feb30), TODAY)).contains(Problem.BIRTH_DATE);
    String future = "11010520270101123";
    assertThat(ResidentIdNumber.problem(future + ResidentIdNumber.checkCharacter(future), TODAY)).contains(Problem.BIRTH_DATE);
    String old = "11010518491231123";
    assertThat(ResidentIdNumber.problem(old + ResidentIdNumber.checkCharacter(old), TODAY)).contains(Problem.BIRTH_DATE);
    assertThat(ResidentIdNumber.problem("11010519491231002", TODAY)).contains(Problem.FORMAT);
    assertThat(ResidentIdNumber.problem("01010519491231002X", TODAY)).contains(Problem.FORMAT);
    assertThat(ResidentIdNumber.problem("1101051949123100X2", TODAY)).contains(Problem.FORMAT);
    assertThat(ResidentIdNumber.problem(null, TODAY)).contains(Problem.FORMAT);
  }

  @Test
  void masksKeepFourAndFour() {
    assertThat(Masks.idNumber("11010519491231002X")).isEqualTo("1101**********002X");
    assertThat(Masks.phone("13812341234")).isEqualTo("138****1234");
    assertThat(Masks.phone("0532-85551234")).isEqualTo("********1234");
  }
}
