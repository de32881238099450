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
    RecentAnswers.Entry a =
        recent.add(1, "问题一", new Texts(true), FakeAnswerer.cited("问题一").citations());
    RecentAnswers.Entry b =
        recent.add(2, "问题二", new Texts(true), FakeAnswerer.cited("问题二").citations());
    log.append(FeedbackLog.vote(1, 10, a, true));
    log.append(FeedbackLog.vote(1, 10, a, false)); // changed their mind
    log.append(FeedbackLog.vote(1, 11, a, false));
    log.append(FeedbackLog.vote(2, 20, b, true));
    Files.writeString(file, "{\"torn", StandardOpenOption.APPEND);

    FeedbackSummary.Summary s = FeedbackSummary.read(file);

    assertThat(s.votes()).isEqualTo(3);
    assertThat(s.skippedLines()).isEqualTo(1);
    assertThat(s.passages())
        .containsExactly(new FeedbackSummary.Tally("doc1#1", "标题 <A&B> · 一 引言", 1, 2));
    assertThat(s.questions())
        .containsExactly(
            new FeedbackSummary.Tally("问题一", "问题一", 0, 2),
            new FeedbackSummary.Tally("问题二", "问题二", 1, 0));
    assertThat(FeedbackSummary.format(s, file))
        .contains("3 votes")
        .contains("doc1#1")
        .contains("问题一");
    assertThat(Files.readAllLines(file)).hasSize(5);
  }

  @Test
  void no_file_means_no_votes() {
    assertThat(FeedbackSummary.read(dir.resolve("none.jsonl")).votes()).isZero();
    assertThat(
            List.of(FeedbackSummary.format(FeedbackSummary.read(dir.resolve("none.jsonl")), dir)))
        .hasSize(1);
  }

  @Test
  void bad_lines_are_skipped_and_counted_and_the_good_votes_still_summed() throws Exception {
    Path file = dir.resolve("feedback/telegram-feedback.jsonl");
    FeedbackLog log = new FeedbackLog(file);
    RecentAnswers.Entry a =
        new RecentAnswers(10).add(1, "问题一", new Texts(true), FakeAnswerer.cited("问题一").citations());
    log.append(FeedbackLog.vote(1, 10, a, false));
    String good = Files.readAllLines(file).get(0);
    java.io.ByteArrayOutputStream bad = new java.io.ByteArrayOutputStream();
    bad.write("null\n{}\n[]\n42\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    bad.write(
        good.replaceFirst("\"passages\":\\[.*\\]", "\"passages\":[null]")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    bad.write('\n');
    bad.write(
        good.replace("\"vote\":\"down\"", "\"vote\":\"maybe\"")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    bad.write('\n');
    bad.write(new byte[] {'{', '"', (byte) 0xff, (byte) 0xfe, '"', '}', '\n'}); // invalid UTF-8
    bad.write(
        good.replace("问题一", "问题二")
            .replace("\"userId\":10", "\"userId\":11")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    bad.write('\n');
    Files.write(file, bad.toByteArray(), StandardOpenOption.APPEND);

    FeedbackSummary.Summary s = FeedbackSummary.read(file);

    assertThat(s.skippedLines()).isEqualTo(7);
    assertThat(s.votes()).isEqualTo(2);
    assertThat(s.questions())
        .extracting(FeedbackSummary.Tally::key)
        .containsExactlyInAnyOrder("问题一", "问题二");
    assertThat(FeedbackSummary.format(s, file))
        .contains("2 votes")
        .contains("7 unreadable lines skipped");
  }

  @Test
  void the_feedback_file_and_its_folder_are_owner_only() throws Exception {
    Path file = dir.resolve("new/feedback/telegram-feedback.jsonl");
    RecentAnswers.Entry a =
        new RecentAnswers(10).add(1, "问", new Texts(true), FakeAnswerer.cited("问").citations());
    new FeedbackLog(file).append(FeedbackLog.vote(1, 10, a, true));
    org.junit.jupiter.api.Assumptions.assumeTrue(
        Files.getFileStore(file).supportsFileAttributeView("posix"));
    assertThat(
            java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(
            java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(file.getParent())))
        .isEqualTo("rwx------");
    assertThat(
            java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve("new"))))
        .isEqualTo("rwx------");
  }
}
