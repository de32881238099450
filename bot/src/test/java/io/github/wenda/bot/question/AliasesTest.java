package io.github.wenda.bot.question;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AliasesTest {
  @Test
  void a_short_name_in_brackets_pairs_with_the_full_name_before_it() {
    Aliases a = Aliases.mine(List.of("成立于2001年6月的上海合作组织(简称“上合组织”)在中国特色大国外交中具有示范意义。"));
    assertThat(a.of("上合组织的宗旨")).containsExactly("上海合作组织");
    assertThat(a.of("上海合作组织的宗旨")).containsExactly("上合组织");
  }

  @Test
  void hereinafter_called_declares_an_alias_too() {
    Aliases a = Aliases.mine(List.of("双方签署了独立国家联合体执行委员会协定（以下简称“独联体执委会”）。"));
    assertThat(a.of("独联体执委会")).containsExactly("独立国家联合体执行委员会");
  }

  @Test
  void an_upper_case_abbreviation_in_brackets_pairs_with_the_phrase_before_it() {
    Aliases a = Aliases.mine(List.of("中国与东南亚国家联盟（ASEAN）的合作不断深化。"));
    assertThat(a.of("ASEAN的秘书处")).containsExactly("东南亚国家联盟");
  }

  @Test
  void text_without_declarations_yields_no_aliases() {
    assertThat(Aliases.mine(List.of("上合组织秘书处设在北京。")).size()).isZero();
    assertThat(Aliases.none().of("上合组织")).isEmpty();
  }
}
