package io.github.wenda.bot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wenda.bot.question.ExpectedType;
import io.github.wenda.bot.question.QuestionAnalyzer;
import org.junit.jupiter.api.Test;

/** Instances of typed answers as technical documents write them. */
class TypeInstancesTest {
  private static TypeInstances.Instance place(String clause) {
    return TypeInstances.find(ExpectedType.PLACE, QuestionAnalyzer.matchForm(clause)).orElseThrow();
  }

  @Test
  void a_file_path_or_web_address_is_where_a_thing_is_kept() {
    assertThat(place("这个设置会被保存在 /etc/papersize").text()).isEqualTo("/etc/papersize");
    assertThat(place("它的配置文件位于 “/etc/network/interfaces”").text())
        .isEqualTo("/etc/network/interfaces");
    assertThat(place("也可以写在 ~/.dupload.conf 里").text()).isEqualTo("~/.dupload.conf");
    assertThat(place("邮件列表的存档在 https://lists.debian.org/ 上").text())
        .isEqualTo("https://lists.debian.org/");
    // a folder one level deep says less than a file two levels deep
    assertThat(place("下载的软件包放在 /var").strength())
        .isLessThan(place("下载的软件包放在 /var/cache/apt/archives").strength());
  }

  @Test
  void a_slash_inside_a_word_is_no_path() {
    assertThat(TypeInstances.find(ExpectedType.PLACE, "tcp/ip 和 and/or 的用法")).isEmpty();
  }

  @Test
  void a_person_named_in_latin_script_is_read_from_the_clause_as_written() {
    String display = "目前的维护者是 Javier Fernandez-Sanguino";
    TypeInstances.Instance who =
        TypeInstances.find(ExpectedType.PERSON, QuestionAnalyzer.matchForm(display), display)
            .orElseThrow();
    assertThat(who.text()).isEqualTo("javier fernandez-sanguino");
    // one capitalised word is no name, and other types do not read names
    assertThat(TypeInstances.find(ExpectedType.PERSON, "由 debian 维护", "由 Debian 维护")).isEmpty();
    assertThat(TypeInstances.find(ExpectedType.PLACE, "donald knuth 发明的", "Donald Knuth 发明的"))
        .isEmpty();
  }
}
