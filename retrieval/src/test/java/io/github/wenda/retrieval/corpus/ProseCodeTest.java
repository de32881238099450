package io.github.wenda.retrieval.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.wenda.retrieval.api.SegmentKind;
import org.junit.jupiter.api.Test;

/** Shell examples in plain text (as `w3m -dump` writes a manual's HTML): code, never headings. */
class ProseCodeTest {
  @Test
  void a_hash_comment_inside_a_command_block_is_code_not_a_heading() {
    String text =
        "设置环境变量\n\n在 ~/.profile 中加入：\n\n"
            + "# set PATH so it includes user's private bin if it exists\nif [ -d \"$HOME/bin\" ] ; then\n    PATH=\"$HOME/bin:$PATH\"\nfi\n\n"
            + "然后重新登录。\n";
    CleanDocument doc = new TextCleaner().clean(text);
    assertThat(doc.segments())
        .extracting(Segment::section)
        .doesNotContain("set PATH so it includes user's private bin if it exists");
    assertThat(doc.segments())
        .filteredOn(s -> s.kind() == SegmentKind.CODE)
        .singleElement()
        .satisfies(
            s ->
                assertThat(doc.textOf(s))
                    .isEqualTo(
                        "# set PATH so it includes user's private bin if it exists\nif [ -d \"$HOME/bin\" ] ; then\n    PATH=\"$HOME/bin:$PATH\"\nfi"));
  }
}
