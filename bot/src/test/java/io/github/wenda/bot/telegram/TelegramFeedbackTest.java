package io.github.wenda.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TelegramFeedbackTest {
  @TempDir Path dir;

  @Test
  void votes_are_summed_per_passage_and_question_last_vote_per_user_wins() throws Exception {
    Path file = dir.resolve("feedback/telegram-feedback.jsonl");
    FeedbackLog log = new FeedbackLog(file);
    RecentAnswers recent = new RecentAnswers(10);
    RecentAnswers.Entry a = recent.add(1, "问题一", new Texts(true), FakeAnswerer.cited("问题一").citations());
    RecentAnswers.Entry b = recent.add(2, "问题二", new Texts(true), FakeAnswerer.cited("问题二").citations());
    log.append(FeedbackLog.vote(1, 10, a, true));
    log.append(FeedbackLog.vote(1, 10, a, false)); // changed their mind
    log.append(FeedbackLog.vote(1, 11, a, false));
    log.append(FeedbackLog.vote(2, 20, b, true));
    Files.writeString(file, "{\"torn", StandardOpenOption.APPEND);

    FeedbackSummary.Summary s = FeedbackSummary.read(file);

    assertThat(s.votes()).isEqualTo(3);
    assertThat(s.skippedLines()).isEqualTo(1);
    assertThat(s.passages()).containsExactly(new FeedbackSummary.Tally("doc1#1", "标题 <A&B> · 一 引言", 1, 2));
    assertThat(s.questions()).containsExactly(new FeedbackSummary.Tally("问题一", "问题一", 0, 2),
        new FeedbackSummary.Tally("问题二", "问题二", 1, 0));
    assertThat(FeedbackSummary.format(s, file)).contains("3 votes").contains("doc1#1").contains("问题一");
    assertThat(Files.readAllLines(file)).hasSize(5);
  }

  @Test
  void no_file_means_no_votes() {
    assertThat(FeedbackSummary.read(dir.resolve("none.jsonl")).votes()).isZero();
    assertThat(List.of(FeedbackSummary.format(FeedbackSummary.read(dir.resolve("none.jsonl")), dir))).hasSize(1);
  }
}
