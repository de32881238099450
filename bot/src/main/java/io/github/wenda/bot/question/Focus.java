package io.github.wenda.bot.question;

import java.util.List;
import java.util.Objects;

/**
 * What a question asks about: the {@code entity} (上合组织 in 上合组织的秘书处设在哪里？), the {@code relation}
 * asked of it (秘书处 设在), and every entity-like word the question names, in order, so a follow-up
 * (那和联合国呢？) can replace the one it contrasts and keep the rest. Any part may be empty when the
 * question does not say.
 */
public record Focus(String entity, String relation, List<String> entities) {
  public Focus {
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(relation, "relation");
    entities = List.copyOf(entities);
  }

  public static Focus none() {
    return new Focus("", "", List.of());
  }

  public boolean isEmpty() {
    return entity.isEmpty() && relation.isEmpty();
  }
}
