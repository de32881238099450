/**
 * The `wenda` command line: one picocli command per task, start-up, and the exit codes that tell a
 * mistake from a bug.
 */
@NullMarked
package io.github.wenda.bot.cli;

import org.jspecify.annotations.NullMarked;
