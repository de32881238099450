package io.github.wenda.bot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SmallTalkTest {
  private final SmallTalk talk = new SmallTalk("《文档一》");

  @ParameterizedTest
  @ValueSource(strings = {"你好", "您好！", "嗨～", "hello", "Hi!", "你能做什么？", "在吗"})
  void greetings_get_a_reply_saying_what_wenda_answers(String text) {
    assertThat(talk.reply(text, true)).get().asString().contains("文档").contains("《文档一》");
  }

  @ParameterizedTest
  @ValueSource(strings = {"谢谢", "谢谢你！", "thanks", "多谢"})
  void thanks_get_a_short_reply(String text) {
    assertThat(talk.reply(text, true)).get().asString().startsWith("不客气");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "你好，上合组织是什么时候成立的？",
        "上合组织秘书处在哪",
        "谢谢你告诉我秘书处在哪里",
        "hi there how was the SCO founded"
      })
  void a_question_is_never_small_talk(String text) {
    assertThat(talk.reply(text, true)).isEmpty();
  }
}
