package io.github.wenda.bot.reply;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wenda.bot.answer.Answer;
import io.github.wenda.bot.answer.Citation;
import io.github.wenda.retrieval.api.Hit;
import io.github.wenda.retrieval.api.Passage;
import io.github.wenda.retrieval.api.ScoreDetails;
import io.github.wenda.retrieval.api.SegmentKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ReplyChannel} promises the reader, whatever the front end: only checked text
 * stays visible (a draft shown while streaming is replaced by the answer or the notice), the answer
 * is shown once with its sources, and a notice reads exactly as written. Each front end's test
 * extends this with a real channel and reads back what its reader would see.
 */
public abstract class ReplyChannelContract {
  protected static final String QUESTION = "上海合作组织是什么时候成立的？";
  protected static final String ANSWER = "上海合作组织于2001年6月15日在上海成立。[1]";
  protected static final String TITLE = "上海合作组织二十年";

  /** A new channel for the reply to {@code question}. */
  protected abstract ReplyChannel open(String question) throws Exception;

  /** What the reader sees now, as plain text, with the draft's erasures and edits applied. */
  protected abstract String visible() throws Exception;

  protected static Hit hit(int rank, String title, String text) {
    Passage p =
        new Passage("doc" + rank, title, "一 成立", SegmentKind.BODY, rank, 0, text.length(), text);
    return new Hit(rank, p, new ScoreDetails(rank, 1f, rank, 0.9f, 1.0 / rank));
  }

  protected static Answer cited() {
    Hit h = hit(1, TITLE, "2001年6月15日，上海合作组织在上海成立。它的秘书处设在北京。");
    return Answer.found(
        ANSWER, List.of(new Citation(1, h, List.of("上海合作组织"))), List.of(), "2001年6月15日");
  }

  private static int occurrences(String text, String of) {
    int n = 0;
    for (int at = text.indexOf(of); at >= 0; at = text.indexOf(of, at + 1)) {
      n++;
    }
    return n;
  }

  @Test
  public void the_checked_answer_replaces_the_draft_shown_while_streaming() throws Exception {
    ReplyChannel channel = open(QUESTION);
    channel.token("DRAFT 上海合作组织");
    channel.token("DRAFT 成立于某年");

    channel.answer(cited());

    assertThat(visible()).contains("2001年6月15日在上海成立").doesNotContain("DRAFT");
  }

  @Test
  public void an_answer_without_a_draft_is_shown_once_with_its_sources() throws Exception {
    open(QUESTION).answer(cited());

    String seen = visible();
    assertThat(occurrences(seen, "在上海成立。[1]")).isEqualTo(1);
    assertThat(seen).contains(TITLE).contains("[1]");
  }

  @Test
  public void a_notice_reads_exactly_as_written() throws Exception {
    String notice = "That question is too long (600 characters, at most 500) <b>really</b> & more.";

    open(QUESTION).notice(notice);

    assertThat(visible()).contains(notice);
  }

  @Test
  public void a_notice_replaces_the_draft_too() throws Exception {
    ReplyChannel channel = open(QUESTION);
    channel.token("DRAFT half an answer");

    channel.notice("Sorry, something went wrong while answering; please try again later.");

    assertThat(visible()).contains("something went wrong").doesNotContain("DRAFT");
  }

  @Test
  public void an_answer_that_found_nothing_says_so_and_names_what_is_related() throws Exception {
    Answer none = Answer.notFound(List.of(hit(1, "北约简史", "北约成立于1949年。")), List.of());

    open(QUESTION).answer(none);

    assertThat(visible()).contains("文档中似乎没有这个问题的答案").contains("北约简史");
  }
}
