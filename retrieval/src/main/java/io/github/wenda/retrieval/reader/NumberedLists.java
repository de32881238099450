package io.github.wenda.retrieval.reader;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns numbered steps that a reader took for headings back into list items.
 *
 * <p>"1. 获取档案库元数据", "2. 解决软件包依赖关系", … typed as short paragraphs look like numbered headings one by
 * one; as a run of consecutive numbers with nothing between them they are a list. Read as headings,
 * each would replace the chapter in the section path of every passage after it.
 */
final class NumberedLists {
  private static final Pattern NUMBER = Pattern.compile("^(\\d{1,2})[.)）][\\s\\u3000]");

  private NumberedLists() {}

  /** {@code blocks} with every heading that is one step of a run of numbered steps a list item. */
  static List<Block> demoteSteps(List<Block> blocks) {
    List<Block> out = new ArrayList<>(blocks);
    for (int i = 0; i < out.size(); i++) {
      Block b = out.get(i);
      OptionalInt n = number(b);
      if (b.kind() != BlockKind.HEADING || n.isEmpty()) {
        continue;
      }
      boolean follows = i > 0 && number(out.get(i - 1)).equals(OptionalInt.of(n.getAsInt() - 1));
      boolean followed =
          i + 1 < out.size() && number(out.get(i + 1)).equals(OptionalInt.of(n.getAsInt() + 1));
      if (follows || followed) {
        out.set(i, Block.of(BlockKind.LIST_ITEM, b.text(), b.page()));
      }
    }
    return out;
  }

  /** The step number of a heading or list item that starts with one ("7. …"). */
  private static OptionalInt number(Block b) {
    if (b.kind() != BlockKind.HEADING && b.kind() != BlockKind.LIST_ITEM) {
      return OptionalInt.empty();
    }
    Matcher m = NUMBER.matcher(b.text().strip());
    return m.lookingAt() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
  }
}
