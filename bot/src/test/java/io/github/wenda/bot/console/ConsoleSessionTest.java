package io.github.wenda.bot.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wenda.bot.answer.Answer;
import io.github.wenda.bot.answer.AnswerService;
import io.github.wenda.bot.answer.Citation;
import io.github.wenda.bot.answer.Hits;
import io.github.wenda.bot.conversation.Conversation;
import io.github.wenda.bot.render.TextStyle;
import io.github.wenda.retrieval.api.Document;
import io.github.wenda.retrieval.api.DocumentInfo;
import io.github.wenda.retrieval.api.SearchMode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

class ConsoleSessionTest {
  private final StringWriter buffer = new StringWriter();
  private final AnswerService service = Mockito.mock(AnswerService.class);
  private final ConsoleSession session =
      new ConsoleSession(
          Map.of("extractive", service),
          "extractive",
          SearchMode.HYBRID,
          5,
          5,
          List.of(
              new Document(
                  "000", Path.of("000.txt"), new DocumentInfo("上合组织国际合作", "韩璐", ""), "x", "h")),
          Map.of("000", 42),
          new PrintWriter(buffer, true),
          TextStyle.PLAIN);

  private String output() {
    return buffer.toString();
  }

  @Test
  void a_question_prints_the_answer_then_numbered_sources_with_marked_terms() {
    var hits = Hits.of("上合组织成立于2001年。");
    Mockito.when(
            service.answer(
                Mockito.any(Conversation.class),
                Mockito.eq("上合组织何时成立？"),
                Mockito.eq(5),
                Mockito.eq(SearchMode.HYBRID),
                Mockito.any()))
        .thenAnswer(
            inv -> {
              inv.<io.github.wenda.bot.answer.TokenSink>getArgument(4)
                  .token("根据文档：\n上合组织成立于2001年。[1]");
              return Answer.found(
                  "根据文档：\n上合组织成立于2001年。[1]",
                  List.of(new Citation(1, hits.get(0), List.of("成立"))),
                  List.of());
            });
    session.handle("上合组织何时成立？");
    assertThat(output())
        .containsOnlyOnce("上合组织成立于2001年。[1]")
        .contains("来源：")
        .contains("[1] 标题0 · 一 引言")
        .contains("上合组织【成立】于2001年。");
  }

  @Test
  void commands_change_k_mode_and_debug_and_report_bad_values() {
    session.handle(":k 8");
    session.handle(":k zero");
    session.handle(":mode bm25");
    session.handle(":mode telepathy");
    session.handle(":debug");
    assertThat(output())
        .contains("k = 8")
        .contains(":k needs a whole number from 1 to 100, but got: zero")
        .contains("search: bm25")
        .contains("but got: telepathy")
        .contains("score details on");
  }

  @Test
  void sources_lists_the_documents_and_quit_stops() {
    session.handle(":sources");
    assertThat(output())
        .contains("000")
        .contains("上合组织国际合作")
        .contains("韩璐")
        .contains("42 passages");
    assertThat(session.handle(":quit")).isEqualTo(ConsoleSession.Outcome.QUIT);
    assertThat(session.handle(":nonsense")).isEqualTo(ConsoleSession.Outcome.CONTINUE);
    assertThat(output()).contains("unknown command: :nonsense");
  }

  @Test
  void not_found_answers_say_so_and_show_possibly_related_passages() {
    Mockito.when(
            service.answer(
                Mockito.any(), Mockito.anyString(), Mockito.anyInt(), Mockito.any(), Mockito.any()))
        .thenReturn(Answer.notFound(Hits.of("无关段落。"), List.of()));
    session.handle("巴黎今天天气如何？");
    assertThat(output()).contains("文档中似乎没有这个问题的答案").contains("可能相关").contains("无关段落");
  }
}
