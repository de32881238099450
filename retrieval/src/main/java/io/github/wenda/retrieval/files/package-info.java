/** Files and folders only the current user may read (index, manifest, lock, embedding cache). */
@NullMarked
package io.github.wenda.retrieval.files;

import org.jspecify.annotations.NullMarked;
